// Collects admission findings for one resource: a rule reports a path and the webhook's wording,
// the context turns the path into a source range and an IST0106/IST0133 finding.
import type { Path, Resource } from '../model/resource';
import { refOf } from '../model/resource';
import { finding, type Finding } from '../diagnostics/finding';
import { lineSpanOfPath, spanOfPath } from '../parse/pointer';

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['spec', 'http', 0, 'route']` -> `spec.http[0].route`; odd map keys are bracketed and quoted. */
export function pathString(path: Path): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (IDENT.test(seg)) s += s ? `.${seg}` : seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

export class Ctx {
  readonly out: Finding[] = [];
  constructor(readonly resource: Resource) {}

  get namespace(): string {
    return this.resource.namespace ?? 'default';
  }

  error(path: Path, err: string, part: 'key' | 'value' = 'value'): void {
    this.push('SchemaValidationError', path, err, part);
  }

  warn(path: Path, err: string, part: 'key' | 'value' = 'value'): void {
    this.push('SchemaWarning', path, err, part);
  }

  literalWildcard(path: Path, value: string): void {
    const r = this.resource;
    this.out.push(finding('AdmissionLiteralWildcard', { field: pathString(path), value }, {
      uri: r.uri, span: lineSpanOfPath(r.doc, path, 'value'), docIndex: r.docIndex, resource: refOf(r),
    }));
  }

  checkFailed(reason: string): void {
    const r = this.resource;
    this.out.push(finding('AdmissionCheckFailed', { reason }, {
      uri: r.uri, span: spanOfPath(r.doc, ['kind'], 'key'), docIndex: r.docIndex, resource: refOf(r),
    }));
  }

  private push(name: 'SchemaValidationError' | 'SchemaWarning', path: Path, err: string, part: 'key' | 'value'): void {
    const r = this.resource;
    const where = pathString(path);
    this.out.push(finding(name, { err: where ? `${where}: ${err}` : err }, {
      uri: r.uri, span: lineSpanOfPath(r.doc, path, part), docIndex: r.docIndex, resource: refOf(r),
    }));
  }
}

// Plain-data accessors: the document may hold anything, rules only look at well-typed parts
// (the schema validator reports wrong types).
export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const has = (o: Obj | undefined, k: string): boolean => o !== undefined && o[k] !== undefined && o[k] !== null;
export const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');
/** Percent-like wrappers: `{value: 50}` (Istio Percent / DoubleValue) or a bare number. */
export const percentValue = (v: unknown): number | undefined => num(v) ?? num(obj(v)?.value);
