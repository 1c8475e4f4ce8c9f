// IST0130 VirtualServiceUnreachableRule and IST0131 VirtualServiceIneffectiveMatch, the routing
// warnings istiod's webhook attaches to a VirtualService and `istioctl analyze` reports under
// these codes. Per http/tcp/tls list: a rule after a rule without matches is never reached; a
// match equal to an earlier one (names and default values aside) is dead, and a rule whose every
// match is dead is unreachable. For HTTP, a `uri.prefix` match is also dead when an earlier
// `uri.prefix` match (of any rule, or of the same rule) covers it: a prefix of its prefix, on
// the same port or any port, with the same withoutHeaders, and each other condition (method,
// authority, headers, query parameters, sourceLabels, gateways, ...) also in the later match
// with a value it covers. istiod compares fewer fields, requires equal header counts, assumes
// GET when no method is given and lets `exact: foo-bar` cover `exact: foo`; here a match is
// reported only when every request it matches was really taken before, naming the first match
// that took it.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import type { Path } from '../../model/resource';
import type { AnalysisContext } from '../context';
import type { Entry } from '../workspaceIndex';
import { arr, obj, str } from '../facts';

export const istVirtualServiceRules: Analyzer = {
  name: 'istVirtualServiceRules',
  subjects: ['VirtualService'],
  reads: [],
  check(e, ctx) {
    const spec = obj(e.resource.value.spec);
    const out: Finding[] = [];
    for (const proto of ['http', 'tcp', 'tls'] as const) analyzeRules(ctx, e, proto, arr(spec[proto]), out);
    return out;
  },
};

interface PrefixMatch {
  rule: string;
  match: string;
  path: Path;
  prefix: string;
  ignoreCase: boolean;
  port: number;
  method: string;
  authority: string;
  headers: Record<string, string>;
  queryParams: Record<string, string>;
  withoutHeaders: Record<string, string>;
  /** Every other field, canonical JSON by field name. */
  rest: Record<string, string>;
}

function analyzeRules(ctx: AnalysisContext, e: Entry, proto: 'http' | 'tcp' | 'tls', rules: readonly unknown[], out: Finding[]): void {
  if (rules.length === 0) return;
  // The YAML Document is built on first access: only take it for a finding (see parse/chunk.ts).
  const head = (path: Path) => ctx.headOf(e.resource, path);
  const seen = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let catchAll = -1;
  const unreachable = (path: Path, ruleno: string, reason: string) =>
    out.push(ctx.report('VirtualServiceUnreachableRule', { ruleno, reason }, e, path, { span: head(path) }));
  for (const [i, raw] of rules.entries()) {
    if (raw === null || typeof raw !== 'object') continue;
    const rule = obj(raw);
    const rulePath = ['spec', proto, i];
    const ruleno = ruleName(proto, rule, i);
    const matches = arr(rule.match);
    if (matches.length === 0) {
      if (catchAll >= 0) unreachable(rulePath, ruleno, 'only the last rule can have no matches');
      catchAll = i;
      continue;
    }
    let dead = 0;
    for (const [j, m] of matches.entries()) {
      const matchPath = [...rulePath, 'match', j];
      if (catchAll >= 0) {
        unreachable(matchPath, ruleno, 'route without matches defined before');
        continue;
      }
      const key = canonical(proto === 'http' ? withoutName(m) : m);
      const dup = seen.get(key);
      if (dup !== undefined) {
        out.push(ctx.report('VirtualServiceIneffectiveMatch', { ruleno, matchno: matchName(proto, m, j), dupno: ruleName(proto, obj(rules[dup]), dup) }, e, matchPath, { span: head(matchPath) }));
        dead++;
        continue;
      }
      seen.set(key, i);
      if (proto === 'http') {
        const p = prefixMatch(obj(m), ruleno, matchName(proto, m, j), matchPath);
        if (p) prefixes.push(p);
      }
    }
    if (dead === matches.length) unreachable(rulePath, ruleno, 'all matches used by prior rules');
  }
  for (const [b, later] of prefixes.entries()) {
    // Only the first earlier match that covers it is named.
    const earlier = prefixes.slice(0, b).find((a) => covers(a, later));
    if (earlier) {
      out.push(ctx.report('VirtualServiceIneffectiveMatch', {
        ruleno: later.rule, matchno: `${later.match} of prefix ${later.prefix}`, dupno: `${earlier.match} of prefix ${earlier.prefix} on ${earlier.rule}`,
      }, e, later.path, { span: head(later.path) }));
    }
  }
}

/** `"name"` for a named HTTP rule, else `#index` (TCP and TLS rules have no names). */
function ruleName(proto: string, rule: Record<string, unknown>, i: number): string {
  const name = proto === 'http' ? str(rule.name) : null;
  return name ? JSON.stringify(name) : `#${i}`;
}

function matchName(proto: string, m: unknown, j: number): string {
  const name = proto === 'http' ? str(obj(m).name) : null;
  return name ? JSON.stringify(name) : `#${j}`;
}

function withoutName(m: unknown): unknown {
  if (m === null || typeof m !== 'object' || Array.isArray(m)) return m;
  const { name: _name, ...rest } = m as Record<string, unknown>;
  return rest;
}

/** Key-sorted JSON without default values, so `{}` and an absent field compare equal (as protobuf does). */
export function canonical(v: unknown): string {
  return JSON.stringify(strip(v)) ?? '';
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(strip);
    return items.length ? items : undefined;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = strip((v as Record<string, unknown>)[k]);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null || v === false || v === 0 || v === '' ? undefined : v;
}

const exactOrPrefix = (v: unknown): string => {
  const o = obj(v);
  if (typeof o.exact === 'string' && o.exact) return `exact:${o.exact}`;
  if (typeof o.prefix === 'string' && o.prefix) return `prefix:${o.prefix}`;
  // Any other condition (regex, presence) only ever equals itself.
  return Object.keys(o).length ? `other:${canonical(o)}` : '';
};

const stringMatches = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, exactOrPrefix(x)]));

function prefixMatch(m: Record<string, unknown>, rule: string, match: string, path: Path): PrefixMatch | null {
  const prefix = str(obj(m.uri).prefix);
  if (!prefix) return null;
  const { name: _n, uri: _u, port, method, authority, headers, queryParams, withoutHeaders, ignoreUriCase, ...rest } = m;
  return {
    rule, match, path, prefix, port: typeof port === 'number' ? port : 0, ignoreCase: ignoreUriCase === true,
    method: exactOrPrefix(method), authority: exactOrPrefix(authority),
    headers: stringMatches(headers), queryParams: stringMatches(queryParams), withoutHeaders: stringMatches(withoutHeaders),
    rest: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, canonical(v)]).filter(([, v]) => v !== '')),
  };
}

/** Whether every request `later` matches was already taken by `earlier`. */
function covers(earlier: PrefixMatch, later: PrefixMatch): boolean {
  if ((earlier.port !== 0 && later.port !== earlier.port) || (later.ignoreCase && !earlier.ignoreCase)) return false;
  const fold = (x: string) => (earlier.ignoreCase ? x.toLowerCase() : x);
  if (!fold(later.prefix).startsWith(fold(earlier.prefix))) return false;
  if (!valueCovers(earlier.method, later.method) || !valueCovers(earlier.authority, later.authority)) return false;
  if (canonical(earlier.withoutHeaders) !== canonical(later.withoutHeaders)) return false;
  return mapCovers(earlier.headers, later.headers) && mapCovers(earlier.queryParams, later.queryParams)
    && Object.entries(earlier.rest).every(([k, v]) => later.rest[k] === v);
}

/** '' (no condition) covers anything; `prefix:x` covers any exact or prefix value starting with x. */
function valueCovers(a: string, b: string): boolean {
  if (a === b || a === '') return true;
  if (!a.startsWith('prefix:') || b === '' || b.startsWith('other:')) return false;
  return b.replace(/^(exact|prefix):/, '').startsWith(a.slice('prefix:'.length));
}

/** Each condition of `a` is also in `b`, with a value `a` covers (more conditions only narrow `b`). */
function mapCovers(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.keys(a).every((k) => k in b && valueCovers(a[k], b[k]));
}
