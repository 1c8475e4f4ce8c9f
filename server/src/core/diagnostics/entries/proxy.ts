import type { CatalogEntry } from '../catalog';

// Proxy inspection: what a live sidecar (pod or VM), its certificates and istiod's sync state say.
export const proxyEntries = {
  ProxyCertExpired: { code: 'HM5001', severity: 'error', args: ['name', 'proxy', 'notAfter'], template: 'Certificate "{name}" of proxy {proxy} expired at {notAfter}.', summary: 'A certificate the sidecar serves (workload cert or root) is past its notAfter.' },
  ProxyCertExpiringSoon: { code: 'HM5002', severity: 'warning', args: ['name', 'proxy', 'timeLeft', 'notAfter'], template: 'Certificate "{name}" of proxy {proxy} expires in {timeLeft} (at {notAfter}).', summary: 'A certificate the sidecar serves expires within the warning window.' },
  ProxyCertNotChained: { code: 'HM5003', severity: 'error', args: ['name', 'proxy'], template: 'Workload certificate "{name}" of proxy {proxy} does not chain to its ROOTCA trust bundle.', summary: 'The workload certificate was not issued (directly or through its chain) by a CA in ROOTCA.' },
  ProxyConfigRejected: { code: 'HM5004', severity: 'error', args: ['proxy', 'kind', 'resource', 'detail'], template: 'Proxy {proxy} rejected {kind} "{resource}": {detail}', summary: 'Envoy NACKed configuration (error_state in config_dump or lastError in istiod sync status).' },
  ProxyNotSynced: { code: 'HM5005', severity: 'warning', args: ['proxy', 'type', 'state', 'istiod'], template: 'Proxy {proxy}: {type} is {state} with {istiod}.', summary: 'istiod reports a subscribed xDS type as STALE or NOT SENT for this proxy.' },
  ProxyNotReady: { code: 'HM5006', severity: 'warning', args: ['proxy', 'state'], template: 'Proxy {proxy} is not ready: {state}.', summary: 'Envoy /ready or the agent /healthz/ready does not answer LIVE / 200.' },
} as const satisfies Record<string, CatalogEntry>;
