// Named simulator scenarios: what state a simulated VM sidecar is in, and how its admin server
// misbehaves on the wire.
export const SCENARIOS = [
  'healthy', 'cert-expiring', 'cert-expired', 'unhealthy-endpoints', 'nacked', 'not-ready',
  'degraded', 'hostile-names', 'foreign-root', 'slow', 'reset', 'oversized', 'truncated', 'garbage',
] as const;
export type ScenarioName = typeof SCENARIOS[number];

export type WireBehavior = 'normal' | 'slow' | 'reset' | 'oversized' | 'truncated' | 'garbage';

export interface ScenarioSpec {
  description: string;
  /** Workload cert validity relative to now, in ms. */
  certNotBefore: number;
  certNotAfter: number;
  live: boolean;
  unhealthyHosts: boolean;
  nack: boolean;
  hostileNames: boolean;
  /** The workload cert is signed by a CA that is not the ROOTCA the proxy trusts. */
  foreignIssuer: boolean;
  wire: WireBehavior;
}

const HOUR = 3_600_000;
const normal: ScenarioSpec = {
  description: 'a ready VM sidecar with a 24 h workload certificate, synced with istiod',
  certNotBefore: -HOUR, certNotAfter: 23 * HOUR, live: true, unhealthyHosts: false, nack: false, hostileNames: false, foreignIssuer: false, wire: 'normal',
};

export const SCENARIO_SPECS: Record<ScenarioName, ScenarioSpec> = {
  healthy: normal,
  'cert-expiring': { ...normal, description: 'the workload certificate expires in 2 hours', certNotBefore: -22 * HOUR, certNotAfter: 2 * HOUR },
  'cert-expired': { ...normal, description: 'the workload certificate expired 1 hour ago', certNotBefore: -25 * HOUR, certNotAfter: -HOUR },
  'unhealthy-endpoints': { ...normal, description: 'some endpoints UNHEALTHY and one ejected by outlier detection', unhealthyHosts: true },
  degraded: { ...normal, description: 'cert-expiring and unhealthy-endpoints at once: expires in 2 hours, hosts UNHEALTHY or ejected', certNotBefore: -22 * HOUR, certNotAfter: 2 * HOUR, unhealthyHosts: true },
  nacked: { ...normal, description: 'the last listener push was rejected (NACK); syncz shows ERROR', nack: true },
  'not-ready': { ...normal, description: 'Envoy still INITIALIZING; /ready and /healthz/ready answer 503', live: false },
  'hostile-names': { ...normal, description: 'resource names carry HTML such as <img src=x onerror=alert(1)>', hostileNames: true },
  'foreign-root': { ...normal, description: 'the workload certificate does not chain to ROOTCA (another CA signed it)', foreignIssuer: true },
  slow: { ...normal, description: 'every response is delayed (--delay-ms, default 2000)', wire: 'slow' },
  reset: { ...normal, description: 'the connection is reset before any response', wire: 'reset' },
  oversized: { ...normal, description: 'bodies never end (chunked, until the client gives up)', wire: 'oversized' },
  truncated: { ...normal, description: 'bodies stop halfway through their Content-Length', wire: 'truncated' },
  garbage: { ...normal, description: 'bodies are not JSON or text Envoy would send', wire: 'garbage' },
};

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

export const HOSTILE = '<img src=x onerror=alert(1)>';
