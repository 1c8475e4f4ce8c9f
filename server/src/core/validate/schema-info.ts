// Schema lookups for hover and completion: the CRD schema node at a data path, with what an
// editor shows (description, type, allowed values, default) and which Istio API serves it.
import type { Path } from '../model/resource';
import type { SchemaRegistry } from '../schema/registry';

type Node = Record<string, unknown>;

export interface SchemaInfo {
  apiVersion: string;
  kind: string;
  group: string;
  version: string;
  path: Path;
  /** The raw schema node (OpenAPI, with x-kubernetes-* extensions). */
  schema: Node;
  description?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  required: boolean;
}

export interface FieldCompletion {
  name: string;
  description?: string;
  type?: string;
  required: boolean;
}

const META: Node = {
  type: 'object',
  description: 'Standard object metadata: name, namespace, labels, annotations.',
  properties: {
    name: { type: 'string', description: 'Name of the object, unique within its namespace (DNS-1123 subdomain).' },
    namespace: { type: 'string', description: 'Namespace of the object (DNS-1123 label).' },
    labels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels: key/value pairs for selection.' },
    annotations: { type: 'object', additionalProperties: { type: 'string' }, description: 'Annotations: non-identifying metadata.' },
  },
};

/** The root of a kind's schema with apiVersion/kind/metadata added (the CRD leaves them out). */
function rootOf(schema: Node): Node {
  const props = (schema.properties as Node | undefined) ?? {};
  return {
    ...schema,
    properties: {
      apiVersion: { type: 'string', description: 'APIVersion of this object: group/version.' },
      kind: { type: 'string', description: 'Kind of this object.' },
      metadata: META,
      ...props,
    },
    required: ['apiVersion', 'kind', 'metadata', ...(((schema.required as string[] | undefined) ?? []))],
  };
}

function child(node: Node, seg: string | number): { node: Node; required: boolean } | undefined {
  if (typeof seg === 'number' || /^\d+$/.test(String(seg))) {
    if (node.items && typeof node.items === 'object') return { node: node.items as Node, required: false };
    if (typeof seg === 'number') return undefined;
  }
  const props = node.properties as Record<string, Node> | undefined;
  if (props && Object.prototype.hasOwnProperty.call(props, seg)) {
    return { node: props[seg], required: ((node.required as string[] | undefined) ?? []).includes(String(seg)) };
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') return { node: node.additionalProperties as Node, required: false };
  return undefined;
}

export function schemaAt(registry: SchemaRegistry, apiVersion: string, kind: string, path: Path): SchemaInfo | undefined {
  const found = registry.lookup(apiVersion, kind);
  if ('error' in found) return undefined;
  let node = rootOf(found.schema);
  let required = true;
  for (const seg of path) {
    const next = child(node, seg);
    if (!next) return undefined;
    node = next.node;
    required = next.required;
  }
  const type = node['x-kubernetes-int-or-string'] === true ? 'integer | string' : typeof node.type === 'string' ? node.type : undefined;
  return {
    apiVersion, kind, group: found.served.group, version: found.served.version, path, schema: node, required,
    ...(typeof node.description === 'string' ? { description: node.description } : {}),
    ...(type ? { type } : {}),
    ...(typeof node.format === 'string' ? { format: node.format } : {}),
    ...(Array.isArray(node.enum) ? { enum: node.enum } : {}),
    ...('default' in node ? { default: node.default } : {}),
  };
}

/** Keys that may be written in the object at `path` (those already present are the caller's to filter). */
export function fieldsAt(registry: SchemaRegistry, apiVersion: string, kind: string, path: Path): FieldCompletion[] {
  const info = schemaAt(registry, apiVersion, kind, path);
  const props = info?.schema.properties as Record<string, Node> | undefined;
  if (!info || !props) return [];
  const req = (info.schema.required as string[] | undefined) ?? [];
  return Object.entries(props).map(([name, n]) => ({
    name, required: req.includes(name),
    ...(typeof n.description === 'string' ? { description: n.description } : {}),
    ...(typeof n.type === 'string' ? { type: n.type } : {}),
  }));
}

/** Allowed values of the field at `path` (enum, or true/false for booleans). */
export function valuesAt(registry: SchemaRegistry, apiVersion: string, kind: string, path: Path): unknown[] {
  const info = schemaAt(registry, apiVersion, kind, path);
  if (!info) return [];
  if (info.enum) return info.enum;
  return info.type === 'boolean' ? [true, false] : [];
}
