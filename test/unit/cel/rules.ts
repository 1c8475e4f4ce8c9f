// Every x-kubernetes-validations rule in the generated schemas, with where it sits, for the
// tests that must cover them all.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/repo';
import { compileRule } from '../../../server/src/core/cel/compile';

export interface RuleSite {
  file: string;
  /** Schema path to the node, e.g. spec.ports[].number */
  at: string;
  rule: string;
  message: string | undefined;
}

const schemasDir = path.join(repoRoot, 'schemas');

export function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(schemasDir, file), 'utf8')) as Record<string, unknown>;
}

export function schemaFiles(): string[] {
  const index = JSON.parse(fs.readFileSync(path.join(schemasDir, 'index.json'), 'utf8')) as {
    kinds: { versions: { served: boolean; file: string }[] }[];
  };
  return index.kinds.flatMap((k) => k.versions.filter((v) => v.served).map((v) => v.file));
}

export function ruleSites(): RuleSite[] {
  const out: RuleSite[] = [];
  const visit = (node: unknown, file: string, at: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const r of (n['x-kubernetes-validations'] as { rule: string; message?: string }[] | undefined) ?? []) {
      out.push({ file, at, rule: r.rule, message: r.message });
    }
    for (const [k, sub] of Object.entries((n.properties as Record<string, unknown>) ?? {})) visit(sub, file, at ? `${at}.${k}` : k);
    if (n.items) visit(n.items, file, `${at}[]`);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') visit(n.additionalProperties, file, `${at}[*]`);
  };
  for (const f of schemaFiles()) visit(loadSchema(f), f, '');
  return out;
}

/** Function/macro/operator name → [distinct rules using it, occurrences in the schemas]. */
export function functionInventory(sites: RuleSite[]): Map<string, [number, number]> {
  const inv = new Map<string, [number, number]>();
  const seen = new Set<string>();
  for (const s of sites) {
    const c = compileRule(s.rule);
    const names = new Set([...c.functions, ...c.macros].map(displayName).filter((n): n is string => n !== undefined));
    const first = !seen.has(s.rule);
    seen.add(s.rule);
    for (const n of names) {
      const [d, o] = inv.get(n) ?? [0, 0];
      inv.set(n, [d + (first ? 1 : 0), o + 1]);
    }
  }
  return inv;
}

// Internal names of the expanded macros are not what a rule author writes.
const INTERNAL = new Set(['@not_strictly_false', '@not_strictly_true']);
const OPS: Record<string, string> = {
  '_&&_': '&&', '_||_': '||', '!_': '!', '_?_:_': '?:', '@in': 'in', '_==_': '==', '_!=_': '!=',
  '_<_': '<', '_<=_': '<=', '_>_': '>', '_>=_': '>=', '_+_': '+', '_-_': '-', '_*_': '*', '_/_': '/', '_%_': '%',
  '-_': '- (negate)', '_[_]': '[] (index)',
};
function displayName(f: string): string | undefined {
  if (INTERNAL.has(f)) return undefined;
  return OPS[f] ?? f;
}
