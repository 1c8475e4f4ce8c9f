// How hover and completion present an OpenAPI (CRD structural) schema node.
export type JsonSchema = Record<string, unknown>;

const obj = (v: unknown): JsonSchema | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;

/** A short type label: `string`, `integer`, `int-or-string`, `[]object`, `map[string]string`. */
export function typeLabel(s: JsonSchema): string {
  if (s['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  const t = typeof s.type === 'string' ? s.type : undefined;
  if (t === 'array') {
    const items = obj(s.items);
    return `[]${items ? typeLabel(items) : 'any'}`;
  }
  if (t === 'object' || (!t && (s.properties || s.additionalProperties))) {
    const extra = obj(s.additionalProperties);
    if (extra && !s.properties) return `map[string]${typeLabel(extra)}`;
    return 'object';
  }
  const fmt = typeof s.format === 'string' ? ` (${s.format})` : '';
  return (t ?? 'any') + fmt;
}

export function descriptionOf(s: JsonSchema): string | undefined {
  return typeof s.description === 'string' && s.description.trim() !== '' ? s.description : undefined;
}
