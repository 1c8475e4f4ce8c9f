// DestinationRule: host, traffic policy, subsets (unique DNS-label names, valid labels), exportTo.
import { type Ctx, type Obj, arr, has, obj, str } from './context';
import { validateExportTo } from './exportTo';
import { validateWildcardDomain } from './hosts';
import { validateLabels, validateWorkloadSelector } from './labels';
import { subsetNameError } from './routeParts';
import { validateTrafficPolicy } from './trafficPolicy';

export function validateDestinationRule(ctx: Ctx, spec: Obj): void {
  const host = str(spec.host);
  if (host !== undefined) {
    const err = validateWildcardDomain(host);
    if (err) ctx.error(['spec', 'host'], err);
  }
  validateTrafficPolicy(ctx, ['spec', 'trafficPolicy'], spec.trafficPolicy);
  const names = new Set<string>();
  arr(spec.subsets).forEach((raw, i) => {
    const s = obj(raw);
    const p = ['spec', 'subsets', i];
    if (!s) return void (raw === null && ctx.error(p, 'subset may not be null'));
    const name = str(s.name) ?? '';
    if (names.has(name)) ctx.error([...p, 'name'], `duplicate subset names: ${name}`);
    names.add(name);
    const nerr = subsetNameError(name);
    if (nerr) ctx.error([...p, 'name'], nerr);
    validateLabels(ctx, [...p, 'labels'], s.labels);
    validateTrafficPolicy(ctx, [...p, 'trafficPolicy'], s.trafficPolicy);
  });
  validateExportTo(ctx, spec, { drWithSelector: has(spec, 'workloadSelector') });
  validateWorkloadSelector(ctx, ['spec', 'workloadSelector'], spec.workloadSelector);
}
