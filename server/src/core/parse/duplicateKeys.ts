// Duplicate map keys, found with one Set per map. `yaml`'s own uniqueKeys check compares every
// key with every earlier one, which takes minutes on a map of 100,000 keys.
import { isMap, isScalar, isSeq } from 'yaml';

/** Start offsets of scalar keys that repeat an earlier key of the same map, in text order. */
export function duplicateKeyStarts(root: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Set<unknown>();
      for (const p of n.items) {
        const k = p.key;
        // Same rule as `yaml`: scalar keys are equal when their values are (1 and "1" differ).
        if (isScalar(k) && k.range) {
          if (seen.has(k.value)) out.push(k.range[0]);
          else seen.add(k.value);
        }
        stack.push(p.value);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) stack.push(item);
    }
  }
  return out.sort((a, b) => a - b);
}
