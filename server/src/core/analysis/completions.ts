// Completion candidates from the workspace index: label keys and values inside selectors,
// subset names for a VirtualService destination, hosts, service accounts, principals,
// namespaces and networks. The LSP layer turns them into CompletionItems.
import type { Path } from '../model/resource';
import type { Span } from '../text/span';
import { AnalysisContext } from './context';
import { NO_RECORDING } from './topic';
import { arr, obj, policySelectorOf, str } from './facts';
import { cursorAt } from './navigation';
import type { WorkspaceIndex } from './workspaceIndex';

export interface CompletionCandidate {
  label: string;
  kind: 'labelKey' | 'labelValue' | 'subset' | 'host' | 'serviceAccount' | 'principal' | 'namespace' | 'network';
  /** The text the candidate replaces. */
  span: Span;
}

const last = (p: Path) => p[p.length - 1];
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

export function completionsAt(index: WorkspaceIndex, uri: string, offset: number): CompletionCandidate[] {
  const c = cursorAt(index, uri, offset);
  if (!c) return [];
  const { entry, at } = c;
  const r = entry.resource;
  const p = at.path;
  const ns = entry.namespace;
  const ctx = new AnalysisContext(index, NO_RECORDING);
  const make = (kind: CompletionCandidate['kind'], labels: Iterable<string>) => sorted(labels).map((label) => ({ label, kind, span: at.span }));

  const selectorBase = policySelectorOf(r)?.path ?? entry.service?.selectorPath;
  const inLabels = (selectorBase && p.length === selectorBase.length + 1 && selectorBase.every((x, i) => p[i] === x))
    || (r.kind === 'DestinationRule' && p[1] === 'subsets' && p[3] === 'labels' && p.length === 5);
  if (inLabels) {
    const key = String(last(p));
    const workloads = [...index.workloadsIn(ns)];
    if (at.part === 'key') return make('labelKey', workloads.flatMap((w) => Object.keys(w.labels)));
    return make('labelValue', workloads.map((w) => w.labels[key]).filter((v): v is string => v !== undefined));
  }
  if (at.part !== 'value') return [];
  if (r.kind === 'VirtualService' && last(p) === 'subset') {
    const dest = obj(p.slice(0, -1).reduce<unknown>((v, k) => obj(v)[k as string] ?? arr(v)[k as number], r.value));
    const host = str(dest.host);
    if (!host) return [];
    const names: string[] = [];
    for (const dr of ctx.destinationRulesFor(ctx.resolveHost(host, ns).fqdn)) for (const s of arr(obj(dr.resource.value.spec).subsets)) { const n = str(obj(s).name); if (n) names.push(n); }
    return make('subset', names);
  }
  if ((r.kind === 'VirtualService' && last(p) === 'host') || (r.kind === 'DestinationRule' && p.join('.') === 'spec.host')) {
    const local = `.${ns}.svc.cluster.local`;
    return make('host', [...index.hosts()].map((h) => (h.endsWith(local) ? h.slice(0, -local.length) : h)));
  }
  if (p.includes('principals') || p.includes('notPrincipals')) return make('principal', [...index.serviceAccountKeys()].map((k) => `cluster.local/ns/${k.replace('/', '/sa/')}`));
  if (p.includes('namespaces') || p.includes('notNamespaces')) return make('namespace', index.namespaces());
  if (last(p) === 'serviceAccount' || last(p) === 'serviceAccountName') {
    return make('serviceAccount', [...index.serviceAccountKeys()].filter((k) => k.startsWith(`${ns}/`)).map((k) => k.slice(ns.length + 1)));
  }
  if (last(p) === 'network') return make('network', [...index.networkNames(), ...(index.meshNetworks() ?? [])]);
  return [];
}
