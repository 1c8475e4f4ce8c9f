// CRD structural schema (OpenAPI v3 with x-kubernetes-* extensions) -> the JSON Schema ajv
// should check, built once per kind/version:
//  - unknown fields are rejected (additionalProperties: false) except under
//    x-kubernetes-preserve-unknown-fields, as the API server does with strict field validation;
//  - `nullable` and `x-kubernetes-int-or-string` become type unions;
//  - the root accepts apiVersion, kind and the ObjectMeta fields (metadata rules live in
//    metadata.ts; the CRD schema does not describe them);
//  - list-type map/set keep their extension keyword, checked by a custom ajv keyword.
// Descriptions and x-kubernetes-validations stay in place (ajv ignores them; hover and CEL use them).

type Schema = Record<string, unknown>;

const OBJECT_META_FIELDS = [
  'name', 'generateName', 'namespace', 'labels', 'annotations', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'finalizers',
  'managedFields', 'selfLink',
];

const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

export const objectMetaSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(OBJECT_META_FIELDS.map((f) => [f, {}])),
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    labels: stringMap,
    annotations: stringMap,
    finalizers: { type: 'array', items: { type: 'string' } },
  },
};

/** The ajv-ready copy of a CRD version's openAPIV3Schema (the input is not modified). */
export function toAjvSchema(crd: Schema): Schema {
  const root = transform(crd, 0) as Schema;
  delete root.$id;
  const props = { ...(root.properties as Schema | undefined) };
  props.apiVersion = { type: 'string' };
  props.kind = { type: 'string' };
  props.metadata = objectMetaSchema;
  // `status` is written by controllers; a manifest that carries it is accepted and ignored.
  props.status = {};
  return { ...root, type: 'object', properties: props, additionalProperties: false };
}

function transform(node: unknown, depth: number): unknown {
  if (Array.isArray(node)) return node.map((n) => transform(n, depth + 1));
  if (!node || typeof node !== 'object' || depth > 200) return node;
  const s = node as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'x-hybrid-mesh' || k === 'x-kubernetes-validations' || k === 'description' || k === 'default' || k === 'example') continue;
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v as Schema).map(([p, sub]) => [p, transform(sub, depth + 1)]));
    } else if (k === 'items' || k === 'additionalProperties' || k === 'not' || k === 'oneOf' || k === 'anyOf' || k === 'allOf') {
      out[k] = typeof v === 'boolean' ? v : transform(v, depth + 1);
    } else out[k] = v;
  }
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (s['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string'];
    delete out.anyOf; // the CRD spells the same union as anyOf; one error message is enough
  }
  if (s.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (s.nullable === true && Array.isArray(out.type)) out.type = [...out.type, 'null'];
  delete out.nullable;
  if (out.properties && !preserve && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
