// Policy attachment: `targetRef`/`targetRefs` may point at a Service, a ServiceEntry or a
// Gateway API Gateway. The CRD's CEL already forbids combining them with `selector`.
import type { Path } from '../model/resource';
import { type Ctx, arr, obj, str } from './context';

const ALLOWED = new Set(['core/Service', 'networking.istio.io/ServiceEntry', 'gateway.networking.k8s.io/Gateway']);
const ALLOWED_TEXT = '[core/Service networking.istio.io/ServiceEntry gateway.networking.k8s.io/Gateway]';

function one(ctx: Ctx, path: Path, ref: unknown): void {
  const r = obj(ref);
  if (!r) return;
  const group = str(r.group) ?? '';
  const kind = str(r.kind) ?? '';
  if (!ALLOWED.has(`${group || 'core'}/${kind}`)) {
    ctx.error([...path, 'kind'], `targetRef must be to one of ${ALLOWED_TEXT} but was ${group}/${kind}`);
  }
}

export function validateTargetRefs(ctx: Ctx, spec: Record<string, unknown>): void {
  one(ctx, ['spec', 'targetRef'], spec.targetRef);
  arr(spec.targetRefs).forEach((r, i) => one(ctx, ['spec', 'targetRefs', i], r));
}
