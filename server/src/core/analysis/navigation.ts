// Navigation data for the editor, all pure and computed from the workspace index: definitions
// (VS subset -> DR subset, host -> service, gateway -> Gateway, selector -> selected workloads,
// principal -> ServiceAccount and the workloads running as it), references ("who selects this
// WorkloadGroup?"), selector summaries for hover and code lenses.
import type { Path, Resource } from '../model/resource';
import type { Span } from '../text/span';
import { documentHead, spanOfPath } from '../parse/pointer';
import { AnalysisContext, nameOf } from './context';
import { NO_RECORDING } from './topic';
import { arr, obj, policySelectorOf, str, strMap, type Workload } from './facts';
import { selects, type Labels } from './labels';
import { workloadsBehind } from './behind';
import { pathAt, type PathAt } from './yamlPath';
import type { Entry, WorkspaceIndex } from './workspaceIndex';

export interface NavLocation {
  uri: string;
  span: Span;
  /** `Kind ns/name`, for peek views and pickers. */
  label: string;
}

export interface Cursor {
  entry: Entry;
  at: PathAt;
}

const ctxOf = (index: WorkspaceIndex) => new AnalysisContext(index, NO_RECORDING);
// Answers come out in file order (uri, then offset), never in indexing order, which depends on
// the order files were scanned in: pickers and tests see the same list every time.
const placeCmp = (a: { uri: string; start: number }, b: { uri: string; start: number }) =>
  a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.start - b.start;
const inFileOrder = (ls: NavLocation[]) =>
  ls.sort((a, b) => placeCmp({ uri: a.uri, start: a.span.start }, { uri: b.uri, start: b.span.start }));
const byPlace = <T extends { resource: Resource }>(xs: T[]) =>
  xs.sort((a, b) => placeCmp({ uri: a.resource.uri, start: a.resource.span.start }, { uri: b.resource.uri, start: b.resource.span.start }));
const loc = (r: Resource, label: string, path: Path = []): NavLocation => ({ uri: r.uri, span: path.length ? spanOfPath(r.doc, path, 'value') : documentHead(r.doc), label });
const wlLoc = (w: Workload): NavLocation => loc(w.resource, nameOf(w), w.labelsPath);
const is = (p: Path, ...pattern: (string | number | null)[]) => p.length === pattern.length && pattern.every((x, i) => x === null || x === p[i]);

/** The resource and YAML path under `offset` in `uri`. */
export function cursorAt(index: WorkspaceIndex, uri: string, offset: number): Cursor | undefined {
  for (const entry of index.entriesOf(uri)) {
    const s = entry.resource.span;
    if (offset < s.start || offset > s.end) continue;
    const at = pathAt(entry.resource.doc, offset);
    return at ? { entry, at } : undefined;
  }
  return undefined;
}

/** The label selector (and the namespace it looks in) that the cursor is inside, if any. */
export function selectorAt(index: WorkspaceIndex, c: Cursor): { labels: Labels; workloads: Workload[] } | undefined {
  const r = c.entry.resource;
  const p = c.at.path;
  const ctx = ctxOf(index);
  const pol = policySelectorOf(r);
  const svc = c.entry.service;
  const prefixOf = (base: Path) => base.every((x, i) => p[i] === x);
  if (pol && prefixOf(pol.path)) return { labels: pol.labels, workloads: byPlace([...ctx.selectWorkloads(c.entry.namespace, pol.labels)]) };
  if (svc?.selector && prefixOf(svc.selectorPath)) return { labels: svc.selector, workloads: byPlace([...ctx.selectWorkloads(c.entry.namespace, svc.selector)]) };
  if (r.kind === 'DestinationRule' && p[0] === 'spec' && p[1] === 'subsets' && typeof p[2] === 'number') {
    const labels = strMap(obj(arr(obj(r.value.spec).subsets)[p[2]]).labels);
    const host = str(obj(r.value.spec).host);
    if (!host) return undefined;
    const behind = workloadsBehind(ctx, ctx.resolveHost(host, c.entry.namespace).services).workloads;
    return { labels, workloads: byPlace(behind.filter((w) => selects(labels, w.labels))) };
  }
  return undefined;
}

export function definitionsAt(index: WorkspaceIndex, uri: string, offset: number): NavLocation[] {
  return inFileOrder(definitionsUnordered(index, uri, offset));
}

function definitionsUnordered(index: WorkspaceIndex, uri: string, offset: number): NavLocation[] {
  const c = cursorAt(index, uri, offset);
  if (!c) return [];
  const r = c.entry.resource;
  const p = c.at.path;
  const ctx = ctxOf(index);
  const ns = c.entry.namespace;
  if (r.kind === 'VirtualService' && c.at.part === 'value') {
    const last = p[p.length - 1];
    const dest = obj(p.slice(0, -1).reduce<unknown>((v, k) => obj(v)[k as string] ?? arr(v)[k as number], r.value));
    const host = str(dest.host);
    if (last === 'subset' && host) {
      const { fqdn } = ctx.resolveHost(host, ns);
      const out: NavLocation[] = [];
      for (const dr of ctx.destinationRulesFor(fqdn)) {
        for (const [i, s] of arr(obj(dr.resource.value.spec).subsets).entries()) {
          if (str(obj(s).name) === c.at.value) out.push(loc(dr.resource, `${nameOf(dr)} subset ${c.at.value}`, ['spec', 'subsets', i, 'name']));
        }
      }
      return out;
    }
    if (last === 'host' && typeof c.at.value === 'string') return ctx.resolveHost(c.at.value, ns).services.map((s) => loc(s.resource, nameOf(s)));
    if (p.includes('gateways') && typeof c.at.value === 'string') {
      const g = c.at.value;
      const slash = g.indexOf('/');
      const gw = ctx.gateway(slash >= 0 ? g.slice(0, slash) : ns, slash >= 0 ? g.slice(slash + 1) : g);
      return gw ? [loc(gw.resource, nameOf(gw))] : [];
    }
  }
  if (r.kind === 'DestinationRule' && is(p, 'spec', 'host')) return ctx.resolveHost(String(c.at.value), ns).services.map((s) => loc(s.resource, nameOf(s)));
  if (r.kind === 'AuthorizationPolicy' && p.includes('principals') && typeof c.at.value === 'string') {
    const m = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(c.at.value);
    if (!m) return [];
    const out: NavLocation[] = [];
    for (const sa of index.ofKind('ServiceAccount', m[1])) if (sa.resource.name === m[2]) out.push(loc(sa.resource, nameOf(sa)));
    for (const w of index.workloadsIn(m[1])) if (w.serviceAccount === m[2]) out.push(loc(w.resource, nameOf(w)));
    return out;
  }
  const sel = selectorAt(index, c);
  return sel ? sel.workloads.map(wlLoc) : [];
}

/** Who refers to the resource under the cursor: selectors selecting a workload, routes using a subset. */
export function referencesTo(index: WorkspaceIndex, uri: string, offset: number): NavLocation[] {
  return inFileOrder(referencesUnordered(index, uri, offset));
}

function referencesUnordered(index: WorkspaceIndex, uri: string, offset: number): NavLocation[] {
  const c = cursorAt(index, uri, offset);
  if (!c) return [];
  const out: NavLocation[] = [];
  const ctx = ctxOf(index);
  const ns = c.entry.namespace;
  for (const w of c.entry.workloads) {
    for (const s of ctx.servicesSelecting(ns, w.labels)) out.push(loc(s.resource, nameOf(s), s.selectorPath));
    for (const kind of ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication', 'Telemetry', 'Sidecar']) {
      for (const pe of index.ofKind(kind, ns)) {
        const sel = policySelectorOf(pe.resource);
        if (sel && Object.keys(sel.labels).length > 0 && selects(sel.labels, w.labels)) out.push(loc(pe.resource, nameOf(pe), sel.path));
      }
    }
  }
  const r = c.entry.resource;
  const p = c.at.path;
  if (r.kind === 'DestinationRule' && p[1] === 'subsets' && typeof p[2] === 'number') {
    const name = str(obj(arr(obj(r.value.spec).subsets)[p[2]]).name);
    const host = str(obj(r.value.spec).host);
    for (const vs of index.ofKind('VirtualService')) {
      for (const proto of ['http', 'tcp', 'tls']) {
        for (const [i, rule] of arr(obj(vs.resource.value.spec)[proto]).entries()) {
          for (const [j, route] of arr(obj(rule).route).entries()) {
            const d = obj(obj(route).destination);
            if (str(d.subset) !== name || !host || typeof d.host !== 'string') continue;
            if (index.resolveHost(d.host, vs.namespace).fqdn === index.resolveHost(host, ns).fqdn) out.push(loc(vs.resource, nameOf(vs), ['spec', proto, i, 'route', j, 'destination', 'subset']));
          }
        }
      }
    }
  }
  if (r.kind === 'ServiceAccount') {
    const principal = new RegExp(`^[^/]+/ns/${ns}/sa/${r.name}$`);
    for (const ap of index.ofKind('AuthorizationPolicy')) {
      for (const [i, rule] of arr(obj(ap.resource.value.spec).rules).entries()) {
        for (const [j, from] of arr(obj(rule).from).entries()) {
          for (const [k, pr] of arr(obj(obj(from).source).principals).entries()) {
            if (typeof pr === 'string' && principal.test(pr)) out.push(loc(ap.resource, nameOf(ap), ['spec', 'rules', i, 'from', j, 'source', 'principals', k]));
          }
        }
      }
    }
  }
  return out;
}

/** "selects 2 VMs (WorkloadEntry a, WorkloadEntry b), 1 WorkloadGroup (g) and 3 pods (Deployment d)". */
export function selectorSummary(workloads: readonly Workload[]): string {
  const vms = workloads.filter((w) => w.kind === 'WorkloadEntry' || w.kind === 'ServiceEntryEndpoint');
  const groups = workloads.filter((w) => w.kind === 'WorkloadGroup');
  const podsOf = workloads.filter((w) => !w.vm);
  const pods = podsOf.reduce((n, w) => n + (w.kind === 'Pod' ? 1 : replicas(w)), 0);
  const names = (ws: Workload[], withKind: boolean) => {
    const shown = ws.slice(0, 3).map((w) => (withKind ? `${w.kind === 'ServiceEntryEndpoint' ? 'endpoint of' : w.kind} ${w.resource.name}` : w.resource.name));
    return `(${shown.join(', ')}${ws.length > 3 ? ', ...' : ''})`;
  };
  const parts: string[] = [];
  if (vms.length) parts.push(`${vms.length} VM${vms.length === 1 ? '' : 's'} ${names(vms, true)}`);
  if (groups.length) parts.push(`${groups.length} WorkloadGroup${groups.length === 1 ? '' : 's'} ${names(groups, false)}`);
  if (podsOf.length) parts.push(`${pods} pod${pods === 1 ? '' : 's'} ${names(podsOf, true)}`);
  if (parts.length === 0) return 'selects no workload';
  return `selects ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]}`;
}

function replicas(w: Workload): number {
  const n = obj(w.resource.value.spec).replicas;
  return typeof n === 'number' && n >= 0 ? n : 1;
}

/** Hover text for a selector (or a DestinationRule subset) under the cursor. */
export function hoverAt(index: WorkspaceIndex, uri: string, offset: number): string | undefined {
  const c = cursorAt(index, uri, offset);
  const sel = c && selectorAt(index, c);
  return sel ? selectorSummary(sel.workloads) : undefined;
}

export interface CodeLens {
  span: Span;
  title: string;
}

/** One lens per WorkloadGroup (who selects it) and per selector-based ServiceEntry (what it selects). */
export function codeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  const out: CodeLens[] = [];
  const ctx = ctxOf(index);
  for (const e of index.entriesOf(uri)) {
    const r = e.resource;
    if (r.kind === 'WorkloadGroup' && e.workloads[0]) {
      const by = byPlace([...ctx.servicesSelecting(e.namespace, e.workloads[0].labels)]);
      const vms = [...index.workloadsIn(e.namespace)].filter((w) => w.kind === 'WorkloadEntry' && Object.keys(e.workloads[0].labels).length > 0 && selects(e.workloads[0].labels, w.labels));
      out.push({ span: documentHead(r.doc), title: `${vms.length} VM${vms.length === 1 ? '' : 's'} registered · selected by ${by.length ? by.map((s) => nameOf(s)).join(', ') : 'no service'}` });
    } else if (r.kind === 'ServiceEntry' && e.service?.selector) {
      out.push({ span: documentHead(r.doc), title: selectorSummary(byPlace([...ctx.selectWorkloads(e.namespace, e.service.selector)])) });
    }
  }
  return out;
}
