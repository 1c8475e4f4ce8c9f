// Data paths in the three spellings the validators meet: JSON pointers (ajv), segment arrays
// (spanOfPath) and the `spec.ports[0].number` form users know from kubectl.
import type { Path, PathSegment } from '../model/resource';

/** `/spec/ports/0/number` -> ['spec', 'ports', 0, 'number'], numbers only where `root` has an array. */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** ['spec', 'ports', 0, 'number'] -> `spec.ports[0].number`; odd keys as `[app.kubernetes.io/name]`. */
export function displayPath(path: Path): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (IDENT.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${seg}]`;
  }
  return s === '' ? '<root>' : s;
}

/** The value at `path` inside `root`. */
export function valueAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** A value as kubectl prints it in "Invalid value:" messages. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return Array.isArray(v) ? 'array' : 'object';
  return String(v);
}
