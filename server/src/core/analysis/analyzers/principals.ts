// HM4008 PrincipalServiceAccountUnknown and HM4009 SourceNamespaceUnknown: AuthorizationPolicy
// `principals` (`<trust-domain>/ns/<ns>/sa/<sa>`) and `namespaces` must name service accounts and
// namespaces that exist somewhere in the workspace. The Istio root namespace (gateways, control
// plane) is usually installed separately and is not required to be in the workspace.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import type { Entry } from '../workspaceIndex';
import { arr, obj } from '../facts';
import { closest } from '../labels';
import type { AnalysisContext } from '../context';
import type { Path } from '../../model/resource';

const PRINCIPAL = /^([^/]+)\/ns\/([^/]+)\/sa\/([^/]+)$/;

export const principals: Analyzer = {
  name: 'principals',
  subjects: ['AuthorizationPolicy'],
  reads: ['ServiceAccount', 'Namespace', 'WorkloadEntry', 'WorkloadGroup', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet'],
  check(e, ctx) {
    const out: Finding[] = [];
    for (const [i, rule] of arr(obj(e.resource.value.spec).rules).entries()) {
      for (const [j, from] of arr(obj(rule).from).entries()) {
        const source = obj(obj(from).source);
        for (const field of ['principals', 'notPrincipals']) {
          for (const [k, p] of arr(source[field]).entries()) checkPrincipal(ctx, e, p, ['spec', 'rules', i, 'from', j, 'source', field, k], out);
        }
        for (const field of ['namespaces', 'notNamespaces']) {
          for (const [k, n] of arr(source[field]).entries()) checkNamespace(ctx, e, n, ['spec', 'rules', i, 'from', j, 'source', field, k], out);
        }
      }
    }
    return out;
  },
};

function checkPrincipal(ctx: AnalysisContext, e: Entry, p: unknown, path: Path, out: Finding[]): void {
  if (typeof p !== 'string' || p.includes('*')) return;
  const m = PRINCIPAL.exec(p);
  if (!m) return;
  const [, td, ns, sa] = m;
  if (ns === ctx.index.rootNamespace && !ctx.namespaceExists(ns)) return;
  if (ctx.serviceAccountExists(ns, sa)) return;
  const guess = closest(`${ns}/${sa}`, ctx.serviceAccounts());
  const full = guess ? `${td}/ns/${guess.replace('/', '/sa/')}` : undefined;
  out.push(ctx.report('PrincipalServiceAccountUnknown', { principal: p, serviceAccount: sa, namespace: ns, hint: full ? `; did you mean "${full}"?` : '' }, e, path, {
    data: full ? { fix: 'replace', span: ctx.span(e.resource, path, 'value'), candidates: [full] } : undefined,
  }));
}

function checkNamespace(ctx: AnalysisContext, e: Entry, n: unknown, path: Path, out: Finding[]): void {
  if (typeof n !== 'string' || n.includes('*') || n === ctx.index.rootNamespace || ctx.namespaceExists(n)) return;
  const guess = closest(n, ctx.namespaces());
  out.push(ctx.report('SourceNamespaceUnknown', { namespace: n, hint: guess ? `; did you mean "${guess}"?` : '' }, e, path, {
    data: guess ? { fix: 'replace', span: ctx.span(e.resource, path, 'value'), candidates: [guess] } : undefined,
  }));
}
