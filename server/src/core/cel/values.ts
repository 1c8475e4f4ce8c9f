// Turns plain YAML data into CEL values typed by the OpenAPI schema, as the API server does:
// integer → int (bigint), number → double, int-or-string → int or string as written, objects and
// maps → CEL maps whose absent fields are absent (so `has()` is false and selection is an error),
// arrays → lists. Null fields that are not nullable are dropped, as the API server prunes them.
import { celList, celMap, type CelMap, type CelInput } from '@bufbuild/cel';

export type SchemaNode = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True when a list or map is larger than its schema allows. Rules are written for the declared
 * bounds (`exists_one` inside `all` is quadratic); beyond them the schema error stands alone.
 */
export function exceedsBounds(schema: SchemaNode, v: unknown): boolean {
  if (Array.isArray(v)) return typeof schema.maxItems === 'number' && v.length > schema.maxItems;
  if (isPlainObject(v)) return typeof schema.maxProperties === 'number' && Object.keys(v).length > schema.maxProperties;
  return false;
}

/** True when the value's JSON type fits the schema node's declared type (CEL rules run only then). */
export function matchesType(schema: SchemaNode, v: unknown): boolean {
  if (v === null) return schema.nullable === true;
  if (schema['x-kubernetes-int-or-string'] === true) return typeof v === 'string' || Number.isInteger(v);
  switch (schema.type) {
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'string': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'array': return Array.isArray(v);
    case 'object': return isPlainObject(v);
    default: return true;
  }
}

// Untyped data deeper than this stays as plain JS, which the CEL library wraps lazily when a rule
// reaches it: a 10,000-deep document cannot exhaust the stack, and no Istio rule looks that deep.
const MAX_NATIVE_DEPTH = 64;

/** Untyped data (preserve-unknown-fields): integral numbers become ints, as JSON decoding does. */
function native(v: unknown, depth = 0): CelInput {
  if (typeof v === 'number') return Number.isInteger(v) && Number.isSafeInteger(v) ? BigInt(v) : v;
  if (depth >= MAX_NATIVE_DEPTH && typeof v === 'object' && v !== null) return v as CelInput;
  if (Array.isArray(v)) return celList(v.map((x) => native(x, depth + 1)));
  if (isPlainObject(v)) {
    const m = new Map<string, CelInput>();
    for (const [k, x] of Object.entries(v)) m.set(k, native(x, depth + 1));
    return celMap(m);
  }
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  return String(v);
}

/**
 * CEL value of `v` under `schema`. A value that does not fit its schema type is converted
 * natively; the schema validator reports the type error and the rules that guard it are skipped.
 */
export function toCelValue(schema: SchemaNode | undefined, v: unknown): CelInput {
  if (!schema || !matchesType(schema, v)) return native(v);
  if (v === null) return null;
  if (schema['x-kubernetes-int-or-string'] === true || schema.type === 'integer') {
    return typeof v === 'number' ? BigInt(v) : (v as string);
  }
  if (schema.type === 'number') return v as number;
  if (Array.isArray(v)) {
    const items = schema.items as SchemaNode | undefined;
    return celList(v.map((x) => toCelValue(items, x)));
  }
  if (isPlainObject(v)) return toCelObject(schema, v);
  return v as CelInput;
}

/** The schema of field `k` of an object under `schema` (declared, else additionalProperties). */
function fieldSchema(schema: SchemaNode, k: string): SchemaNode | undefined {
  const props = schema.properties as Record<string, SchemaNode> | undefined;
  if (props && Object.prototype.hasOwnProperty.call(props, k)) return props[k];
  return isPlainObject(schema.additionalProperties) ? (schema.additionalProperties as SchemaNode) : undefined;
}

/** Whether the CEL map of object `v` under `schema` has field `k` (what `has(self.k)` sees). */
export function celHasField(schema: SchemaNode, v: Record<string, unknown>, k: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(v, k)) return false;
  const x = v[k];
  if (x === undefined) return false;
  return x !== null || fieldSchema(schema, k)?.nullable === true;
}

function toCelObject(schema: SchemaNode, v: Record<string, unknown>): CelMap {
  const m = new Map<string, CelInput>();
  for (const k of Object.keys(v)) {
    if (celHasField(schema, v, k)) m.set(k, toCelValue(fieldSchema(schema, k), v[k]));
  }
  return celMap(m);
}
