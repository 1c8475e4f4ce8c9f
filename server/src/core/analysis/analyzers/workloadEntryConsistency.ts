// HM4005 WorkloadEntryGroupMismatch, HM4006 UnknownNetwork, HM4007 PrivateAddressWithoutNetwork:
// a WorkloadEntry should agree with the WorkloadGroup whose labels it carries; a network used
// once and absent from meshNetworks is likely a typo; a private address needs a network once
// the mesh has several.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { nameOf } from '../context';
import { closest } from '../labels';
import { byPlace } from '../facts';
import type { Workload } from '../facts';
import type { Path } from '../../model/resource';

const P_WE_NETWORK = ['spec', 'network'];
const P_WG_NETWORK = ['spec', 'template', 'network'];
const P_WE_SERVICE_ACCOUNT = ['spec', 'serviceAccount'];
const P_WG_TEMPLATE = ['spec', 'template'];
const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

export const workloadEntryConsistency: Analyzer = {
  name: 'workloadEntryConsistency',
  subjects: ['WorkloadEntry', 'WorkloadGroup'],
  reads: ['WorkloadGroup', 'WorkloadEntry', 'ConfigMap'],
  check(e, ctx) {
    const w = e.workloads[0];
    if (!w) return [];
    const out: Finding[] = [];
    const r = e.resource;
    const netPath = r.kind === 'WorkloadEntry' ? P_WE_NETWORK : P_WG_NETWORK;
    if (r.kind === 'WorkloadEntry') {
      // The first group in place order all of whose labels the entry carries.
      let gw: Workload | undefined;
      const groups = ctx.groupsCarriedBy(e.namespace, w.labels);
      for (let i = 0; i < groups.length; i++) if (!gw || byPlace(groups[i], gw) < 0) gw = groups[i];
      if (gw) {
        const pairs: Array<[string, string | null, string | null, Path]> = [
          ['network', w.network, gw.network, netPath],
          ['serviceAccount', w.serviceAccount, gw.serviceAccount, P_WE_SERVICE_ACCOUNT],
        ];
        for (const [field, actual, expected, path] of pairs) {
          if (actual !== null && expected !== null && actual !== expected) {
            out.push(ctx.report('WorkloadEntryGroupMismatch', { name: r.name, group: gw.resource.name, field, actual, expected }, e, path, {
              related: [ctx.related(gw.resource, `${nameOf(gw)}`, P_WG_TEMPLATE)], data: { fix: 'replace', span: ctx.span(r, path, 'value'), candidates: [expected] },
            }));
          }
        }
      }
    }
    const mesh = w.network || w.address ? ctx.meshNetworks() : null;
    if (w.network && !ctx.networkShared(w.network) && !mesh?.has(w.network)) {
      const known = [...new Set([...(mesh ?? []), ...ctx.networkNames()])].filter((n) => n !== w.network);
      const guess = closest(w.network, known);
      out.push(ctx.report('UnknownNetwork', { network: w.network, hint: guess ? `; did you mean "${guess}"?` : '' }, e, netPath, {
        data: guess ? { fix: 'replace', span: ctx.span(r, netPath, 'value'), candidates: [guess] } : undefined,
      }));
    }
    if (r.kind === 'WorkloadEntry' && !w.network && w.address && PRIVATE.test(w.address)) {
      const networks = [...(mesh && mesh.size > 0 ? mesh : ctx.networkNames())].sort();
      if (networks.length >= 2) out.push(ctx.report('PrivateAddressWithoutNetwork', { name: r.name, address: w.address, networks: networks.join(', ') }, e, ['spec', 'address']));
    }
    return out;
  },
};
