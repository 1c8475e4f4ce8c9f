// ajv errors -> findings with kubectl-style messages on exact spans: an unknown field on its
// key, a wrong value on the value, a missing field on its parent's key, a oneOf conflict on the
// object's key. Errors from inside oneOf/anyOf/not branches are noise (the branch that failed is
// not the user's intent) and are replaced by one message for the combinator itself.
import { finding, type Finding } from '../diagnostics/finding';
import type { PathSegment } from '../model/resource';
import type { AjvError } from './ajv';
import type { DocContext } from './context';
import { displayPath, pointerToPath, showValue, valueAt } from './paths';
import { hintText, suggest } from './suggest';

export function schemaFindings(ctx: DocContext, errors: AjvError[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const k = `${f.code}|${f.span.start}|${f.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  };
  for (const e of errors) {
    if (insideCombinator(e.schemaPath)) continue;
    const f = toFinding(ctx, e);
    if (f) push(f);
  }
  return out;
}

function insideCombinator(schemaPath: string): boolean {
  const parts = schemaPath.split('/');
  parts.pop(); // the keyword itself
  return parts.some((p, i) => (p === 'oneOf' || p === 'anyOf') && /^\d+$/.test(parts[i + 1] ?? '') || p === 'not');
}

function toFinding(ctx: DocContext, e: AjvError): Finding | undefined {
  const path = pointerToPath(e.instancePath, ctx.value);
  const p = displayPath(path);
  const init = (at: PathSegment[], part: 'key' | 'value' = 'value') => ({ uri: '', span: ctx.span(at, part), resource: ctx.ref });
  const params = e.params as Record<string, unknown>;
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const at = [...path, field];
      const known = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
      const candidates = suggest(field, known);
      const span = ctx.span(at, 'key');
      return finding('UnknownField', { path: displayPath(at), field, hint: hintText(candidates) }, {
        uri: '', span, resource: ctx.ref, ...(candidates.length ? { data: { fix: 'replace', span, candidates } } : {}),
      });
    }
    case 'required': {
      if (ctx.hasErrors) return undefined;
      const at = [...path, String(params.missingProperty)];
      return finding('RequiredField', { path: displayPath(at) }, init(at, 'key'));
    }
    case 'type':
      return finding('WrongType', { path: p, actual: typeName(e.data), expected: String(params.type).replace(',', ' or ') }, init(path));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v));
      const candidates = typeof e.data === 'string' ? suggest(e.data, allowed) : [];
      const span = ctx.span(path);
      return finding('UnsupportedValue', {
        path: p, value: showValue(e.data), supported: allowed.map((v) => JSON.stringify(v)).join(', '), hint: hintText(candidates),
      }, { uri: '', span, resource: ctx.ref, ...(candidates.length ? { data: { fix: 'replace', span, candidates } } : {}) });
    }
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: `must be ${COMPARISON[e.keyword]} ${String(params.limit)}` }, init(path));
    case 'maxLength':
      return finding('TooLong', { path: p, max: String(params.limit) }, init(path));
    case 'minLength':
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: `must be at least ${String(params.limit)} characters` }, init(path));
    case 'maxItems':
    case 'maxProperties':
      return finding('TooMany', { path: p, count: sizeOf(e.data), max: String(params.limit) }, init(path));
    case 'minItems':
    case 'minProperties':
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: `must have at least ${String(params.limit)} items` }, init(path));
    case 'pattern':
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: `${p} in body should match '${String(params.pattern)}'` }, init(path));
    case 'format':
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: `${p} in body must be of type ${String(params.format)}: ${showValue(e.data)}` }, init(path));
    case 'x-kubernetes-list-type': {
      const at = [...path, Number(params.index)];
      return finding('DuplicateValue', { path: displayPath(at), value: JSON.stringify(params.value) }, init(at));
    }
    case 'oneOf':
    case 'anyOf':
    case 'not': {
      const fields = exclusiveFields(schema[e.keyword]);
      const data = valueAt(ctx.value, path);
      const present = fields.filter((f) => data && typeof data === 'object' && f in data);
      if (present.length > 1) {
        return finding('MutuallyExclusive', { path: p, fields: `[${fields.join(', ')}] (found ${present.join(', ')})` }, init([...path, present[1]], 'key'));
      }
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: String(e.message) }, init(path));
    }
    default:
      return finding('InvalidValue', { path: p, value: showValue(e.data), detail: String(e.message) }, init(path));
  }
}

const COMPARISON: Record<string, string> = {
  maximum: 'less than or equal to', minimum: 'greater than or equal to',
  exclusiveMaximum: 'less than', exclusiveMinimum: 'greater than',
};

/** Field names a structural oneOf/anyOf group is about (`required` lists of its branches). */
function exclusiveFields(branches: unknown): string[] {
  const out = new Set<string>();
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (Array.isArray(o.required)) for (const r of o.required) out.add(String(r));
      for (const k of ['oneOf', 'anyOf', 'allOf', 'not']) if (o[k]) walk(o[k]);
    }
  };
  walk(branches);
  return [...out];
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const sizeOf = (v: unknown) => (Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0);
