// Did-you-mean for selectors: the workload whose labels differ from the selector in exactly one
// value, and only by a near-miss spelling. WorkloadGroups win over entries and pods, because
// their labels are what auto-registered VMs will carry.
import type { Path } from '../model/resource';
import { isNearMiss, type Labels } from './labels';
import { byPlace, type Workload } from './facts';
import type { AnalysisContext } from './context';

export interface SelectorNearMiss {
  key: string;
  typed: string;
  value: string;
  workload: Workload;
}

const RANK: Record<string, number> = { WorkloadGroup: 0, WorkloadEntry: 1, Deployment: 2, StatefulSet: 2, DaemonSet: 2, Pod: 3 };

export function nearMissSelector(ctx: AnalysisContext, namespace: string, selector: Labels, pool?: Iterable<Workload>): SelectorNearMiss | undefined {
  let best: SelectorNearMiss | undefined;
  for (const w of pool ?? ctx.workloadsIn(namespace)) {
    let miss: string | undefined;
    let misses = 0;
    for (const k in selector) {
      if (w.labels[k] === selector[k]) continue;
      misses++;
      miss = k;
    }
    if (misses !== 1 || miss === undefined) continue;
    const value = w.labels[miss];
    if (value === undefined || !isNearMiss(selector[miss], value)) continue;
    const cand = { key: miss, typed: selector[miss], value, workload: w };
    const rank = (RANK[w.kind] ?? 9) - (RANK[best?.workload.kind ?? ''] ?? 9);
    if (!best || rank < 0 || (rank === 0 && byPlace(cand.workload, best.workload) < 0)) best = cand;
  }
  return best;
}

/** " ; did you mean `app: cart` (WorkloadGroup vm-cart)?" or '' */
export function selectorHint(m: SelectorNearMiss | undefined): string {
  return m ? `; did you mean \`${m.key}: ${m.value}\` (${m.workload.kind} ${m.workload.resource.name})?` : '';
}

export const labelPath = (base: Path, key: string): Path => [...base, key];
