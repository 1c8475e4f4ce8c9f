// Node-side proxy layer: connections to sidecars (admin URL, SSH, saved files; Kubernetes in
// ./kube, loaded on demand), the typed fetches behind proxy-config, fleet scans, the simulator.
export type { AdminPath, AdminResponse, GetOptions, Limits, ProxyConnection } from './connection';
export { DEFAULT_LIMITS } from './connection';
export { checkPath, MUTATING_PATHS, type AdminPort, type PathCheck } from './allowlist';
export { ProxyConnectionError, type ProxyErrorCause } from './errors';
export { getJson, getOk, jsonOf } from './fetchBody';
export { AdminUrlConnection, type AdminUrlOptions } from './transport/adminUrl';
export { SshConnection, type SshOptions } from './transport/ssh';
export { FileConnection } from './transport/file';
export { fetchProxyData, parseBody, KINDS, type Kind, type FetchOptions, type ProxyData } from './fetchProxyData';
export { scanFleet, fleetTarget, fleetTargetsFrom, renderFleet, type FleetRow, type FleetTarget, type ScanOptions, type CertStatus } from './fleet';
export { verifySignature } from './verify';
