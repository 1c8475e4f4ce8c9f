// PeerAuthentication: port-level mTLS must not be an empty map; selector with no labels warns.
// (Port ranges and "portLevelMtls requires selector" are the CRD's CEL rules.)
import { type Ctx, type Obj, obj } from './context';
import { validateWorkloadSelector } from './labels';

export function validatePeerAuthentication(ctx: Ctx, spec: Obj): void {
  const plm = obj(spec.portLevelMtls);
  if (plm && Object.keys(plm).length === 0) ctx.error(['spec', 'portLevelMtls'], 'port level mTLS, if defined, must have at least one element');
  validateWorkloadSelector(ctx, ['spec', 'selector'], spec.selector);
}
