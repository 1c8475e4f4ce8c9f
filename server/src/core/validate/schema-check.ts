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

/**
 * The first `max` schema findings by position (all of them, in ajv's order, when they fit) and
 * how many more there were, leaving out codes `shown` rejects (suppressed ones); `rejected` tells
 * whether any error-severity finding came up, suppressed or not (the API server rejects the
 * object either way). Every error is located and counted, but the did-you-mean search, the
 * costly part, runs only for those kept: 100,000 unknown keys cost their spans, not 100,000
 * suggestion searches.
 */
export function firstSchemaFindings(
  ctx: DocContext, errors: AjvError[], max: number, shown: (code: string) => boolean = () => true,
): { findings: Finding[]; omitted: number; rejected: boolean } {
  const drafts: { error: AjvError; draft: Finding }[] = [];
  const seen = new Set<string>();
  let rejected = false;
  for (const error of errors) {
    if (insideCombinator(error.schemaPath)) continue;
    const draft = toFinding(ctx, error, false);
    if (!draft) continue;
    if (draft.severity === 'error') rejected = true;
    if (!shown(draft.code)) continue;
    // A hint depends only on what the message already names (the field or value and the
    // schema at that path), so drafts without one are duplicates exactly when the findings are.
    const k = `${draft.code}|${draft.span.start}|${draft.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    drafts.push({ error, draft });
  }
  if (drafts.length > max) drafts.sort((a, b) => a.draft.span.start - b.draft.span.start);
  const kept = drafts.length > max ? drafts.slice(0, max) : drafts;
  const findings = kept.map((d) => (HINTED.has(d.error.keyword) ? toFinding(ctx, d.error, true)! : d.draft));
  return { findings, omitted: drafts.length - kept.length, rejected };
}

/** ajv keywords whose findings carry did-you-mean candidates. */
const HINTED = new Set(['additionalProperties', 'enum']);

function insideCombinator(schemaPath: string): boolean {
  const parts = schemaPath.split('/');
  parts.pop(); // the keyword itself
  return parts.some((p, i) => (p === 'oneOf' || p === 'anyOf') && /^\d+$/.test(parts[i + 1] ?? '') || p === 'not');
}

/** The finding for one ajv error; without `hints`, no did-you-mean search (see firstSchemaFindings). */
function toFinding(ctx: DocContext, e: AjvError, hints: boolean): Finding | undefined {
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
      const candidates = hints ? suggest(field, known) : [];
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
      const candidates = hints && typeof e.data === 'string' ? suggest(e.data, allowed) : [];
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
