// ProxyConfig: a selector with no labels warns. (Negative concurrency is the CRD's own rule.)
import type { Ctx, Obj } from './context';
import { validateWorkloadSelector } from './labels';

export function validateProxyConfig(ctx: Ctx, spec: Obj): void {
  validateWorkloadSelector(ctx, ['spec', 'selector'], spec.selector);
}
