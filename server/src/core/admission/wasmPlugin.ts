// WasmPlugin: url present, unique VM env names; selector and targetRefs. (URL scheme, sha256,
// name lengths and env value rules are the CRD's.)
import { type Ctx, type Obj, arr, has, obj, str } from './context';
import { validateWorkloadSelector } from './labels';
import { validateTargetRefs } from './targetRef';

export function validateWasmPlugin(ctx: Ctx, spec: Obj): void {
  validateWorkloadSelector(ctx, ['spec', 'selector'], spec.selector);
  validateTargetRefs(ctx, spec);
  if (!str(spec.url)) ctx.error(has(spec, 'url') ? ['spec', 'url'] : ['spec'], 'url field needs to be set', has(spec, 'url') ? 'value' : 'key');
  const names = new Set<string>();
  arr(obj(spec.vmConfig)?.env).forEach((raw, i) => {
    const name = str(obj(raw)?.name);
    if (!name) return;
    if (names.has(name)) ctx.error(['spec', 'vmConfig', 'env', i, 'name'], `duplicate env name: ${name}`);
    names.add(name);
  });
}
