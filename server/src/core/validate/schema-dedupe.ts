// Istio's CRDs repeat large subtrees (DestinationRule's traffic policy appears at the top, per
// subset and per port). Compiling each copy separately makes ajv generate and JIT the same code
// many times; moving repeated subtrees into $defs compiles each once. Data paths in errors are
// unchanged (only schema paths differ), so findings are the same.

type Schema = Record<string, unknown>;

/** Subtrees smaller than this (as JSON) are cheap to compile twice; keep them inline. */
const MIN_SIZE = 400;

export function dedupeSchema(root: Schema): Schema {
  const keys = new Map<object, string>();
  const counts = new Map<string, number>();
  const keyOf = (n: unknown): string => {
    if (!n || typeof n !== 'object') return JSON.stringify(n);
    const cached = keys.get(n);
    if (cached !== undefined) return cached;
    const k = Array.isArray(n)
      ? `[${n.map(keyOf).join(',')}]`
      : `{${Object.keys(n).sort().map((p) => `${JSON.stringify(p)}:${keyOf((n as Schema)[p])}`).join(',')}}`;
    keys.set(n, k);
    if (!Array.isArray(n) && k.length >= MIN_SIZE) counts.set(k, (counts.get(k) ?? 0) + 1);
    return k;
  };
  keyOf(root);

  const defs: Schema = {};
  const names = new Map<string, string>();
  const rewrite = (n: unknown, isRoot: boolean): unknown => {
    if (!n || typeof n !== 'object') return n;
    if (Array.isArray(n)) return n.map((x) => rewrite(x, false));
    const k = keys.get(n)!;
    if (!isRoot && (counts.get(k) ?? 0) > 1) {
      let name = names.get(k);
      if (!name) {
        name = `d${names.size}`;
        names.set(k, name);
        defs[name] = rewriteChildren(n as Schema);
      }
      return { $ref: `#/$defs/${name}` };
    }
    return rewriteChildren(n as Schema);
  };
  const rewriteChildren = (n: Schema): Schema => {
    const out: Schema = {};
    for (const [p, v] of Object.entries(n)) {
      // Keys of `properties` are names, not schemas: recurse into their values only.
      if (p === 'properties' || p === 'patternProperties') {
        out[p] = Object.fromEntries(Object.entries(v as Schema).map(([name, sub]) => [name, rewrite(sub, false)]));
      } else if (p === 'enum' || p === 'required' || p === 'x-kubernetes-list-map-keys') out[p] = v;
      else out[p] = rewrite(v, false);
    }
    return out;
  };
  const out = rewrite(root, true) as Schema;
  return names.size > 0 ? { ...out, $defs: defs } : out;
}
