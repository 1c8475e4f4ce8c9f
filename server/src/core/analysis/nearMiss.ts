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

const RANK: Readonly<Record<string, number>> = { WorkloadGroup: 0, WorkloadEntry: 1, Deployment: 2, StatefulSet: 2, DaemonSet: 2, Pod: 3 };

export function nearMissSelector(ctx: AnalysisContext, namespace: string, selector: Labels, pool?: Iterable<Workload>): SelectorNearMiss | undefined {
  let best: SelectorNearMiss | undefined;
  // Many workloads share a value (a group and its entries): each (key, value) is judged once.
  const judged = new Map<string, Map<string, boolean>>();
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
    if (value === undefined) continue;
    let byValue = judged.get(miss);
    if (!byValue) judged.set(miss, (byValue = new Map()));
    let near = byValue.get(value);
    if (near === undefined) byValue.set(value, (near = isNearMiss(selector[miss], value)));
    if (!near) continue;
    const cand = { key: miss, typed: selector[miss], value, workload: w };
    if (!best || before(cand, best) < 0) best = cand;
  }
  return best;
}

/**
 * A total order on candidates, so the choice never depends on the order workloads were indexed
 * in: kind rank, then place, then (endpoints of one ServiceEntry share a place) the labels path.
 */
export function before(a: SelectorNearMiss, b: SelectorNearMiss): number {
  return (RANK[a.workload.kind] ?? 9) - (RANK[b.workload.kind] ?? 9) || byPlace(a.workload, b.workload)
    || comparePaths(a.workload.labelsPath, b.workload.labelsPath) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** " ; did you mean `app: cart` (WorkloadGroup vm-cart)?" or '' */
export function selectorHint(m: SelectorNearMiss | undefined): string {
  return m ? `; did you mean \`${m.key}: ${m.value}\` (${m.workload.kind} ${m.workload.resource.name})?` : '';
}

export const labelPath = (base: Path, key: string): Path => [...base, key];
