// Evaluates every x-kubernetes-validations rule of a CRD schema against a value, as the API
// server does at create: each rule with `self` bound to the node that declares it; a rule that
// is false fails with its message; a rule that errors at run time rejects the object too.
import { isCelError, isCelList, isCelMap, type CelInput, type CelValue } from '@bufbuild/cel';
import type { Path, PathSegment } from '../model/resource';
import { compileRule, type CompiledRule } from './compile';
import { celHasField, exceedsBounds, isPlainObject, matchesType, toCelValue, type SchemaNode } from './values';
import { parseRuleFieldPath } from './fieldPath';
import { MISS, memoEnabled, memoKey, ResultMemo } from './memo';
import type { SelfField } from './selfFields';

export interface CelViolation {
  /** Where the API server reports it: the node that declares the rule (plus the rule's fieldPath). */
  path: Path;
  /** `path` as kubectl prints it: `spec.ports[0].number`, map keys in brackets. */
  pathText: string;
  rule: string;
  message: string;
  /** Fields the rule names (`self.x`, `has(self.x)`, `fieldPath`) that exist in the value. */
  fieldPaths: Path[];
  reason: 'failed' | 'runtime-error' | 'compile-error';
}

interface RuleSpec {
  compiled: CompiledRule;
  message: string | undefined;
  messageExpression: CompiledRule | undefined;
  fieldPath: { segments: string[]; text: string } | undefined;
  fieldPathError: string | undefined;
  /** Program results by `self` value at this rule site. */
  memo: ResultMemo;
}

/** Schema nodes that have rules at or below them; everything else is never visited. */
interface PlanNode {
  schema: SchemaNode;
  rules: RuleSpec[];
  props: Map<string, PlanNode>;
  additional: PlanNode | undefined;
  items: PlanNode | undefined;
}

const plans = new WeakMap<object, PlanNode | null>();

function planFor(schema: SchemaNode): PlanNode | null {
  let p = plans.get(schema);
  if (p === undefined) {
    p = buildPlan(schema);
    plans.set(schema, p);
  }
  return p;
}

function buildPlan(schema: SchemaNode): PlanNode | null {
  const rules = Array.isArray(schema['x-kubernetes-validations'])
    ? (schema['x-kubernetes-validations'] as Record<string, unknown>[]).filter((r) => typeof r?.rule === 'string').map(ruleSpec)
    : [];
  const props = new Map<string, PlanNode>();
  if (isPlainObject(schema.properties)) {
    for (const [k, sub] of Object.entries(schema.properties)) {
      const p = isPlainObject(sub) ? buildPlan(sub) : null;
      if (p) props.set(k, p);
    }
  }
  const additional = isPlainObject(schema.additionalProperties) ? buildPlan(schema.additionalProperties) ?? undefined : undefined;
  const items = isPlainObject(schema.items) ? buildPlan(schema.items) ?? undefined : undefined;
  if (!rules.length && !props.size && !additional && !items) return null;
  return { schema, rules, props, additional, items };
}

function ruleSpec(r: Record<string, unknown>): RuleSpec {
  const fp = typeof r.fieldPath === 'string' && r.fieldPath !== '' ? parseRuleFieldPath(r.fieldPath) : undefined;
  return {
    compiled: compileRule(r.rule as string),
    message: typeof r.message === 'string' && r.message.trim() !== '' ? r.message.trim() : undefined,
    messageExpression: typeof r.messageExpression === 'string' && r.messageExpression !== '' ? compileRule(r.messageExpression) : undefined,
    fieldPath: fp && 'segments' in fp ? fp : undefined,
    fieldPathError: fp && 'error' in fp ? fp.error : undefined,
    memo: new ResultMemo(),
  };
}

/** Every rule violation in `value` under the CRD schema `schema` (the openAPIV3Schema root). */
export function evaluateCelRules(schema: object, value: unknown): CelViolation[] {
  const out: CelViolation[] = [];
  const plan = planFor(schema as SchemaNode);
  if (plan) walk(plan, value, undefined, null, out);
  return out;
}

/**
 * Memo key of an object for a rule that reads only `fields` of it: presence of has()-only
 * fields, the value of the others (undefined when one of those values cannot be keyed).
 */
function projectionKey(schema: SchemaNode, value: Record<string, unknown>, fields: readonly SelfField[]): string | undefined {
  const parts: (string | number)[] = [];
  for (const f of fields) {
    const present = celHasField(schema, value, f.field);
    if (f.presenceOnly || !present) parts.push(present ? 1 : 0);
    else {
      const k = memoKey(value[f.field]);
      if (k === undefined) return undefined;
      parts.push(k);
    }
  }
  return `p${JSON.stringify(parts)}`;
}

/**
 * Where the walk is, as a chain to the root: paths and their kubectl text are built only for a
 * violation (most nodes have none, and building them for every node was most of the garbage).
 */
interface At {
  readonly up: At | null;
  readonly seg: PathSegment;
  /** How kubectl prints the step: `.field`, `[index]`, `[mapKey]`. */
  readonly form: 'field' | 'index' | 'key';
}

function pathOf(at: At | null): PathSegment[] {
  const out: PathSegment[] = [];
  for (let a = at; a; a = a.up) out.push(a.seg);
  return out.reverse();
}

function textOf(at: At | null): string {
  if (!at) return '';
  const base = textOf(at.up);
  if (at.form === 'field') return base ? `${base}.${at.seg}` : String(at.seg);
  return `${base}[${at.seg}]`;
}

function walk(node: PlanNode, value: unknown, cel: CelValue | undefined, at: At | null, out: CelViolation[]): void {
  if (value === undefined || (value === null && node.schema.nullable !== true)) return;
  // A value of the wrong type gets a schema error; its rules cannot run meaningfully.
  if (!matchesType(node.schema, value)) return;
  if (node.rules.length && !exceedsBounds(node.schema, value)) {
    // The CEL value is built only when some rule has not seen this value before.
    const memo = memoEnabled();
    let whole: string | undefined | null = null;
    const wholeKey = () => (whole === null ? (whole = memoKey(value)) : whole);
    const self = () => (cel ??= toCelValue(node.schema, value) as CelValue);
    for (const spec of node.rules) {
      const fields = spec.compiled.selfFields;
      const key = !memo ? undefined : fields && isPlainObject(value) ? projectionKey(node.schema, value, fields) : wholeKey();
      const v = check(spec, self, key, value, at);
      if (v) out.push(v);
    }
  }
  if (Array.isArray(value)) {
    if (!node.items) return;
    for (let i = 0; i < value.length; i++) {
      const child = cel && isCelList(cel) ? cel.get(i) : undefined;
      walk(node.items, value[i], child, { up: at, seg: i, form: 'index' }, out);
    }
    return;
  }
  if (!isPlainObject(value)) return;
  const childCel = (k: string) => (cel && isCelMap(cel) ? cel.get(k) : undefined);
  for (const [k, sub] of node.props) {
    if (Object.prototype.hasOwnProperty.call(value, k)) walk(sub, value[k], childCel(k), { up: at, seg: k, form: 'field' }, out);
  }
  if (node.additional) {
    const declared = isPlainObject(node.schema.properties) ? node.schema.properties : {};
    for (const k of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(declared, k)) walk(node.additional, value[k], childCel(k), { up: at, seg: k, form: 'key' }, out);
    }
  }
}

function check(spec: RuleSpec, selfOf: () => CelValue, key: string | undefined, value: unknown, at: At | null): CelViolation | undefined {
  const c = spec.compiled;
  if (c.transition) return undefined;
  const name = spec.message ?? c.rule.trim();
  // Paths and fieldPaths are only worked out for a violation: most rules pass.
  const path = () => pathOf(at);
  const text = () => textOf(at);
  const violation = (message: string, reason: CelViolation['reason']): CelViolation =>
    ({ path: path(), pathText: text(), rule: c.rule, message, fieldPaths: fieldPathsOf(c, value, path()), reason });
  if (c.error || !c.program) return violation(`compilation failed: ${c.error ?? 'unknown'} for rule: ${name}`, 'compile-error');
  if (spec.fieldPathError) return violation(`invalid fieldPath: ${spec.fieldPathError} for rule: ${name}`, 'compile-error');
  let r: unknown;
  const known = key === undefined ? MISS : spec.memo.get(key);
  if (known !== MISS) r = known;
  else {
    try {
      r = c.program({ self: selfOf() as CelInput });
    } catch (e) {
      // The library reports errors as values; anything thrown (a stack overflow) still rejects.
      return violation(`${(e as Error).message} evaluating rule: ${name}`, 'runtime-error');
    }
    if (key !== undefined) spec.memo.set(key, r);
  }
  if (isCelError(r)) return violation(`${runtimeText(r.message)} evaluating rule: ${name}`, 'runtime-error');
  if (typeof r !== 'boolean') return violation(`rule evaluated to ${typeof r}, not bool: ${name}`, 'runtime-error');
  if (r) return undefined;
  const v = violation(messageOf(spec, selfOf()), 'failed');
  if (spec.fieldPath) {
    // The API server reports the error at the rule's fieldPath, below the node that declares it.
    const fp = spec.fieldPath;
    v.path = [...path(), ...fp.segments];
    const base = text();
    v.pathText = fp.text.startsWith('[') || !base ? `${base}${fp.text}` : `${base}.${fp.text}`;
    if (!v.fieldPaths.some((p) => samePath(p, v.path))) v.fieldPaths.push(v.path);
  }
  return v;
}

function messageOf(spec: RuleSpec, self: CelValue): string {
  const fallback = spec.message ?? `failed rule: ${spec.compiled.rule.trim()}`;
  const me = spec.messageExpression;
  if (!me?.program || me.transition) return fallback;
  let r: unknown;
  try {
    r = me.program({ self: self as CelInput });
  } catch {
    return fallback;
  }
  if (typeof r === 'string' && r.trim() !== '' && !/[\r\n]/.test(r)) return r.trim();
  return fallback;
}

/** cel-go wording for the errors users see from the API server. */
function runtimeText(msg: string): string {
  const noField = /^field not found: (.*)$/.exec(msg);
  if (noField) return `no such key: ${noField[1]}`;
  const range = /^index (-?\d+) out of bounds \[\d+, \d+\)$/.exec(msg);
  if (range) return `index out of range: ${range[1]}`;
  return msg;
}

function fieldPathsOf(c: CompiledRule, value: unknown, path: PathSegment[]): Path[] {
  // The deepest existing field of each chain: `has(self.a.b)` with no `b` still names `a`.
  const found: string[][] = [];
  for (const chain of c.selfPaths) {
    let v: unknown = value;
    let depth = 0;
    for (const k of chain) {
      if (!isPlainObject(v) || !Object.prototype.hasOwnProperty.call(v, k) || v[k] === null || v[k] === undefined) break;
      v = v[k];
      depth++;
    }
    if (depth > 0) found.push(chain.slice(0, depth));
  }
  const unique = [...new Set(found.map((p) => JSON.stringify(p)))].map((s) => JSON.parse(s) as string[]);
  return unique
    .filter((p) => !unique.some((q) => q.length > p.length && p.every((s, i) => q[i] === s)))
    .map((p) => [...path, ...p]);
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
