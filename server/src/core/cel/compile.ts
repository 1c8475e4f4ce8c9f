// Compiles x-kubernetes-validations rules once per distinct rule text, in the environment the
// API server gives CRD rules: the CEL standard library, the strings extension, Kubernetes' URL
// library, and int()/duration() of strings with Go's parsers (as in cel-go), with `self` bound
// to the value the rule guards.
import { celEnv, CelScalar, parse, plan, type CelInput, type CelResult } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { k8sUrlFuncs } from './k8sUrl';
import { goConvertFuncs } from './goConvert';
import { cachedRe2 } from './regexCache';
import { selfFieldsOf, type SelfField } from './selfFields';

type Expr = ReturnType<typeof parse>['expr'];

export const celRuleEnv = celEnv({
  variables: { self: CelScalar.DYN, oldSelf: CelScalar.DYN },
  funcs: [...strings, ...k8sUrlFuncs, ...goConvertFuncs],
  re2: cachedRe2,
});

// Calls the planner evaluates itself (logic, ternary, index) rather than through the function table.
const PLANNER_BUILTINS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '@not_strictly_false', '@not_strictly_true']);

export interface CompiledRule {
  readonly rule: string;
  /** The planned program; absent when the rule does not compile. */
  readonly program?: (vars: { self: CelInput; oldSelf?: CelInput }) => CelResult;
  readonly error?: string;
  /** Transition rules compare with `oldSelf`; there is no old object when a file is linted. */
  readonly transition: boolean;
  /** Field chains selected from `self` (`self.a.b`, `has(self.a)`), in order of appearance. */
  readonly selfPaths: readonly (readonly string[])[];
  /** Functions, methods, macros and operators the rule calls (after macro expansion). */
  readonly functions: readonly string[];
  /** Macros as written (has, all, exists, exists_one, map, filter). */
  readonly macros: readonly string[];
  /** The only fields of `self` the rule reads, when it never uses `self` whole (see selfFields.ts). */
  readonly selfFields?: readonly SelfField[];
}

const cache = new Map<string, CompiledRule>();

export function compileRule(rule: string): CompiledRule {
  let c = cache.get(rule);
  if (!c) {
    c = compileUncached(rule);
    cache.set(rule, c);
  }
  return c;
}

function compileUncached(rule: string): CompiledRule {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rule);
  } catch (e) {
    return { rule, error: `syntax error: ${(e as Error).message}`, transition: false, selfPaths: [], functions: [], macros: [] };
  }
  const facts = { functions: new Set<string>(), idents: new Set<string>(), selfPaths: [] as string[][] };
  visit(parsed.expr, facts);
  const macros = new Set<string>();
  for (const m of Object.values(parsed.sourceInfo?.macroCalls ?? {})) {
    if (m.exprKind.case === 'callExpr') macros.add(m.exprKind.value.function);
  }
  const base = {
    rule,
    transition: facts.idents.has('oldSelf'),
    selfPaths: dedupePaths(facts.selfPaths),
    functions: [...facts.functions].sort(),
    macros: [...macros].sort(),
    selfFields: selfFieldsOf(parsed.expr),
  };
  const unknown = base.functions.filter((f) => !PLANNER_BUILTINS.has(f) && !celRuleEnv.funcs.find(f));
  if (unknown.length) return { ...base, error: `undeclared reference to '${unknown[0]}'` };
  try {
    const program = plan(celRuleEnv, parsed) as CompiledRule['program'];
    return { ...base, program };
  } catch (e) {
    return { ...base, error: (e as Error).message };
  }
}

interface Facts {
  functions: Set<string>;
  idents: Set<string>;
  selfPaths: string[][];
}

/** Chain of field names when `e` is `self.a.b...`, else undefined. */
function selfChain(e: Expr): string[] | undefined {
  const k = e.exprKind;
  if (k.case === 'identExpr') return k.value.name === 'self' ? [] : undefined;
  if (k.case === 'selectExpr' && k.value.operand) {
    const base = selfChain(k.value.operand);
    return base ? [...base, k.value.field] : undefined;
  }
  return undefined;
}

function visit(e: Expr | undefined, f: Facts): void {
  if (!e) return;
  const k = e.exprKind;
  switch (k.case) {
    case 'identExpr':
      f.idents.add(k.value.name);
      return;
    case 'selectExpr': {
      const chain = selfChain(e);
      if (chain && chain.length) {
        f.selfPaths.push(chain);
        f.idents.add('self');
        return;
      }
      visit(k.value.operand, f);
      return;
    }
    case 'callExpr':
      f.functions.add(k.value.function);
      visit(k.value.target, f);
      for (const a of k.value.args) visit(a, f);
      return;
    case 'listExpr':
      for (const x of k.value.elements) visit(x, f);
      return;
    case 'structExpr':
      for (const x of k.value.entries) {
        if (x.keyKind.case === 'mapKey') visit(x.keyKind.value, f);
        visit(x.value, f);
      }
      return;
    case 'comprehensionExpr':
      for (const x of [k.value.iterRange, k.value.accuInit, k.value.loopCondition, k.value.loopStep, k.value.result]) visit(x, f);
      return;
    default:
      return;
  }
}

/** Unique chains; a chain that is a prefix of a longer one is dropped (the longer one is more precise). */
function dedupePaths(paths: string[][]): string[][] {
  const keys = [...new Set(paths.map((p) => JSON.stringify(p)))].map((s) => JSON.parse(s) as string[]);
  return keys.filter((p) => !keys.some((q) => q.length > p.length && p.every((s, i) => q[i] === s)));
}
