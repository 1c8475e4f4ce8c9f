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

/** `<trust-domain>/ns/<ns>/sa/<sa>` split without a regex (this runs for every principal). */
function principalParts(p: string): { td: string; ns: string; sa: string } | undefined {
  const a = p.indexOf('/ns/');
  const b = a > 0 ? p.indexOf('/sa/', a + 4) : -1;
  if (b < 0) return undefined;
  const td = p.slice(0, a);
  const ns = p.slice(a + 4, b);
  const sa = p.slice(b + 4);
  // Each part non-empty and without slashes, as the pattern `^([^/]+)/ns/([^/]+)/sa/([^/]+)$` asks.
  if (!td || !ns || !sa || td.includes('/') || ns.includes('/') || sa.includes('/')) return undefined;
  return { td, ns, sa };
}

export const principals: Analyzer = {
  name: 'principals',
  subjects: ['AuthorizationPolicy'],
  reads: ['ServiceAccount', 'Namespace', 'WorkloadEntry', 'WorkloadGroup', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet'],
  check(e, ctx) {
    const out: Finding[] = [];
    // Indexed loops, paths built only for a finding (see virtualServiceRefs).
    const rules = arr(obj(e.resource.value.spec).rules);
    for (let i = 0; i < rules.length; i++) {
      const froms = arr(obj(rules[i]).from);
      for (let j = 0; j < froms.length; j++) {
        const source = obj(obj(froms[j]).source);
        for (const field of PRINCIPAL_FIELDS) {
          const list = arr(source[field]);
          for (let k = 0; k < list.length; k++) checkPrincipal(ctx, e, list[k], i, j, field, k, out);
        }
        for (const field of NAMESPACE_FIELDS) {
          const list = arr(source[field]);
          for (let k = 0; k < list.length; k++) checkNamespace(ctx, e, list[k], i, j, field, k, out);
        }
      }
    }
    return out;
  },
};

const sourcePath = (i: number, j: number, field: string, k: number): Path => ['spec', 'rules', i, 'from', j, 'source', field, k];
const PRINCIPAL_FIELDS = ['principals', 'notPrincipals'];
const NAMESPACE_FIELDS = ['namespaces', 'notNamespaces'];

function checkPrincipal(ctx: AnalysisContext, e: Entry, p: unknown, i: number, j: number, field: string, k: number, out: Finding[]): void {
  if (typeof p !== 'string' || p.includes('*')) return;
  const parts = principalParts(p);
  if (!parts) return;
  const { td, ns, sa } = parts;
  if (ns === ctx.index.rootNamespace && !ctx.namespaceExists(ns)) return;
  if (ctx.serviceAccountExists(ns, sa)) return;
  const guess = closest(`${ns}/${sa}`, ctx.serviceAccounts());
  const full = guess ? `${td}/ns/${guess.replace('/', '/sa/')}` : undefined;
  const path = sourcePath(i, j, field, k);
  out.push(ctx.report('PrincipalServiceAccountUnknown', { principal: p, serviceAccount: sa, namespace: ns, hint: full ? `; did you mean "${full}"?` : '' }, e, path, {
    data: full ? { fix: 'replace', span: ctx.span(e.resource, path, 'value'), candidates: [full] } : undefined,
  }));
}

function checkNamespace(ctx: AnalysisContext, e: Entry, n: unknown, i: number, j: number, field: string, k: number, out: Finding[]): void {
  if (typeof n !== 'string' || n.includes('*') || n === ctx.index.rootNamespace || ctx.namespaceExists(n)) return;
  const guess = closest(n, ctx.namespaces());
  const path = sourcePath(i, j, field, k);
  out.push(ctx.report('SourceNamespaceUnknown', { namespace: n, hint: guess ? `; did you mean "${guess}"?` : '' }, e, path, {
    data: guess ? { fix: 'replace', span: ctx.span(e.resource, path, 'value'), candidates: [guess] } : undefined,
  }));
}
