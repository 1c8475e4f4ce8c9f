// Kubernetes-style label keys and values (Istio's labels.Instance.Validate) and workload selectors.
import type { Path } from '../model/resource';
import { type Ctx, obj } from './context';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function labelKeyError(k: string): string | undefined {
  const parts = k.split('/');
  let name = k;
  if (parts.length > 2) return `invalid tag key: "${k}"`;
  if (parts.length === 2) {
    if (parts[0].length > 253 || !SUBDOMAIN.test(parts[0])) return `invalid tag key: "${k}"`;
    name = parts[1];
  }
  return name.length <= 63 && NAME.test(name) ? undefined : `invalid tag key: "${k}"`;
}

export function labelValueError(v: string): string | undefined {
  return v.length <= 63 && VALUE.test(v) ? undefined : `invalid tag value: "${v}"`;
}

/** Each key and value of a label map; findings land on the offending key or value. */
export function validateLabels(ctx: Ctx, path: Path, labels: unknown, prefix = ''): void {
  for (const [k, v] of Object.entries(obj(labels) ?? {})) {
    const ke = labelKeyError(k);
    if (ke) ctx.error([...path, k], prefix + ke, 'key');
    if (typeof v === 'string') {
      const ve = labelValueError(v);
      if (ve) ctx.error([...path, k], prefix + ve);
    }
  }
}

/** `selector: {matchLabels}` (security, telemetry, extensions, DestinationRule). The CRD's CEL rejects empty keys and wildcards. */
export function validateWorkloadSelector(ctx: Ctx, path: Path, selector: unknown): void {
  const s = obj(selector);
  if (!s) return;
  if (Object.keys(obj(s.matchLabels) ?? {}).length === 0) ctx.warn(path, 'workload selector specified without labels', 'key');
}

/** `workloadSelector: {labels}` (Sidecar, ServiceEntry, EnvoyFilter): `owner` prefixes the warning. */
export function validateAlphaSelector(ctx: Ctx, path: Path, selector: unknown, owner: string): void {
  const s = obj(selector);
  if (!s) return;
  const labels = obj(s.labels) ?? {};
  for (const [k, v] of Object.entries(labels)) {
    if (k === '') ctx.error([...path, 'labels', k], `empty key is not supported in selector: "=${String(v)}"`, 'key');
    else if (k.includes('*')) ctx.error([...path, 'labels', k], `wildcard is not supported in selector: "${k}=${String(v)}"`, 'key');
  }
  if (Object.keys(labels).length === 0) {
    ctx.warn(path, `${owner}: workload selector specified without labels, will be applied to all services in namespace`, 'key');
  }
}
