// Which fields of `self` a rule can observe. When a rule only ever selects `self.f` (never uses
// `self` whole, never rebinds the name), its result depends only on those fields: on whether
// each is present for `has(self.f)`, and on its value for `self.f`. The memo keys object values
// by that projection, so `has(self.a) || has(self.b)` on two thousand different objects runs
// once per presence pattern instead of once per object.
import type { parse } from '@bufbuild/cel';
import { compareText } from '../text/compare';

type Expr = ReturnType<typeof parse>['expr'];

export interface SelfField {
  readonly field: string;
  /** Only tested with has(): presence is all the rule sees of it. */
  readonly presenceOnly: boolean;
}

/** The fields `expr` reads from `self`, sorted by name; undefined when it may see more. */
export function selfFieldsOf(expr: Expr | undefined): readonly SelfField[] | undefined {
  const uses = new Map<string, boolean>(); // field -> presence only so far
  let whole = false;
  const visit = (e: Expr | undefined): void => {
    if (!e || whole) return;
    const k = e.exprKind;
    switch (k.case) {
      case 'identExpr':
        if (k.value.name === 'self') whole = true; // `self` used other than as `self.f`
        return;
      case 'selectExpr': {
        const op = k.value.operand;
        if (op?.exprKind.case === 'identExpr' && op.exprKind.value.name === 'self') {
          const f = k.value.field;
          uses.set(f, (uses.get(f) ?? true) && k.value.testOnly);
          return;
        }
        visit(op);
        return;
      }
      case 'callExpr':
        visit(k.value.target);
        for (const a of k.value.args) visit(a);
        return;
      case 'listExpr':
        for (const x of k.value.elements) visit(x);
        return;
      case 'structExpr':
        for (const x of k.value.entries) {
          if (x.keyKind.case === 'mapKey') visit(x.keyKind.value);
          visit(x.value);
        }
        return;
      case 'comprehensionExpr': {
        const c = k.value as typeof k.value & { iterVar2?: string };
        if (c.iterVar === 'self' || c.accuVar === 'self' || c.iterVar2 === 'self') whole = true;
        for (const x of [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result]) visit(x);
        return;
      }
      case 'constExpr':
        return;
      default:
        whole = true; // an expression kind this analysis does not know: assume the worst
    }
  };
  visit(expr);
  if (whole) return undefined;
  return [...uses].sort((a, b) => compareText(a[0], b[0])).map(([field, presenceOnly]) => ({ field, presenceOnly }));
}
