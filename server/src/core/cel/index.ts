// CEL validation of Istio resources: the entry points the validator uses.
import type { CelViolation } from './evaluate';

export { evaluateCelRules, type CelViolation } from './evaluate';
export { compileRule, type CompiledRule } from './compile';

/** Catalog entry and arguments for a violation: `spec.ports[0].number: port must be between 1-65535`. */
export function celFindingOf(v: CelViolation): {
  name: 'CelRuleFailed' | 'CelRuleError' | 'CelRuleUnsupported';
  args: { path: string; message: string };
} {
  const name = v.reason === 'failed' ? 'CelRuleFailed' : v.reason === 'runtime-error' ? 'CelRuleError' : 'CelRuleUnsupported';
  return { name, args: { path: v.pathText || '<root>', message: v.message } };
}
