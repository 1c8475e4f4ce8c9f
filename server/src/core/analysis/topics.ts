// Topics a changed resource emits. Each matches a topic AnalysisContext records on lookup
// (context.ts): a check that looked something up is redone when a resource emitting the same
// topic is added, edited or removed. Presence topics (namespaces, service accounts, networks,
// label values) come from WorkspaceIndex.drainToggled instead: only a flip changes their answer.
import { obj, virtualServiceHostKeys } from './facts';
import type { Entry } from './workspaceIndex';

export function topicsOf(e: Entry, drHostKey: (host: string, ns: string) => string, rootNamespace: string): string[] {
  const r = e.resource;
  const out = [`kind:${r.kind}`, `kind:${r.kind}:${e.namespace}`, `file:${r.uri}`];
  for (const w of e.workloads) {
    out.push(`wl:${w.namespace}`);
    for (const [k, v] of Object.entries(w.labels)) out.push(`wl:${w.namespace}:${k}=${v}`);
  }
  if (e.service) for (const [k, v] of Object.entries(e.service.selector ?? {})) out.push(`sel:${e.namespace}:${k}=${v}`);
  if (e.service) for (const h of e.service.hosts) out.push(h.includes('*') ? 'host:*' : `host:${h}`);
  if (r.kind === 'DestinationRule') {
    const host = obj(r.value.spec).host;
    if (typeof host === 'string') out.push(`dr:${drHostKey(host, e.namespace)}`);
  }
  if (r.kind === 'VirtualService' && r.group === 'networking.istio.io') for (const h of virtualServiceHostKeys(r, e.namespace)) out.push(`vsh:${h}`);
  if (r.kind === 'ConfigMap' && r.name === 'istio' && e.namespace === rootNamespace) out.push('mesh');
  return out;
}
