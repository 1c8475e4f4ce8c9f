// `exportTo` visibility lists: ".", "*", a namespace (DNS label), and "~" for ServiceEntry only.
import { type Ctx, arr } from './context';
import { isDNS1123Label } from './hosts';

export function validateExportTo(ctx: Ctx, spec: Record<string, unknown>, opts: { serviceEntry?: boolean; drWithSelector?: boolean } = {}): void {
  const list = arr(spec.exportTo);
  if (list.length === 0) return;
  const ns = ctx.namespace;
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    if (typeof raw !== 'string') return;
    const path = ['spec', 'exportTo', i];
    const key = raw === '.' ? ns : raw;
    if (seen.has(key)) {
      ctx.error(path, key !== raw ? `duplicate entries in exportTo: . and current namespace ${ns}` : `duplicate entries in exportTo for entry ${raw}`);
      return;
    }
    if (raw === '~') {
      if (opts.serviceEntry) seen.add(key);
      else ctx.error(path, 'exportTo ~ (none) is not allowed for Istio configuration objects');
      return;
    }
    if (raw !== '*' && raw !== '.' && !isDNS1123Label(raw)) {
      ctx.error(path, 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry');
      return;
    }
    seen.add(key);
  });
  const at = ['spec', 'exportTo'];
  if (opts.drWithSelector && seen.size > 0) {
    if (!seen.has(ns)) ctx.error(at, 'destination rule with workload selector cannot have exportTo beyond current namespace', 'key');
    else if (seen.size > 1) ctx.error(at, 'destination rule with workload selector cannot have multiple entries in exportTo', 'key');
  }
  if (seen.has('*') && list.length > 1) ctx.error(at, 'cannot have both public (*) and non-public exportTo values for a resource', 'key');
  if (seen.has('~') && list.length > 1) ctx.error(at, 'cannot export service entry to no one (~) and someone', 'key');
}
