// A Kubernetes object found in a YAML document: Istio kinds and the Kubernetes kinds the
// cross-resource analysis needs alike. `value` is the plain data; `doc` keeps the source
// ranges so any finding can point at the exact key or value it is about.
import type { Document } from 'yaml';
import type { Span } from '../text/span';
import type { ResourceRef } from '../diagnostics/finding';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface Resource {
  uri: string;
  docIndex: number;
  /** Range of the whole YAML document in the file text. */
  span: Span;
  apiVersion: string;
  /** Group part of apiVersion ('' for the core group, as in `v1`). */
  group: string;
  version: string;
  kind: string;
  name: string;
  /** metadata.namespace as written, or null when absent. */
  namespace: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  value: Record<string, unknown>;
  doc: Document.Parsed;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export function isIstioGroup(group: string): boolean {
  return group.endsWith('.istio.io');
}

export function refOf(r: Resource, defaultNamespace: string | null = null): ResourceRef {
  return { kind: r.kind, name: r.name, namespace: r.namespace ?? defaultNamespace };
}
