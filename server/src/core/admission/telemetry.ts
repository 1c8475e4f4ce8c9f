// Telemetry: providers named, tracing (one provider, custom tags), metric overrides; selector and
// targetRefs. (Sampling range and tag-override values are the CRD's own rules.)
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, obj, str } from './context';
import { validateWorkloadSelector } from './labels';
import { validateTargetRefs } from './targetRef';

function providers(ctx: Ctx, path: Path, list: unknown): void {
  const i = arr(list).findIndex((p) => !str(obj(p)?.name));
  if (i >= 0) ctx.error([...path, 'providers', i], 'providers.name may not be empty');
}

function validateTracing(ctx: Ctx, spec: Obj): void {
  const tracing = arr(spec.tracing);
  if (tracing.length > 1) ctx.warn(['spec', 'tracing'], 'multiple tracing is not currently supported', 'key');
  tracing.forEach((raw, i) => {
    const t = obj(raw);
    if (!t) return;
    const p: Path = ['spec', 'tracing', i];
    if (arr(t.providers).length > 1) ctx.warn([...p, 'providers'], 'multiple providers is not currently supported', 'key');
    providers(ctx, p, t.providers);
    for (const [name, rawTag] of Object.entries(obj(t.customTags) ?? {})) {
      const tp = [...p, 'customTags', name];
      const tag = obj(rawTag);
      if (!tag) {
        ctx.error(tp, `tag '${name}' may not have a nil value`, 'key');
        continue;
      }
      if (has(tag, 'literal') && !str(obj(tag.literal)?.value)) ctx.error([...tp, 'literal'], 'literal tag value may not be empty', 'key');
      if (has(tag, 'header') && !str(obj(tag.header)?.name)) ctx.error([...tp, 'header'], 'header tag name may not be empty', 'key');
      if (has(tag, 'environment') && !str(obj(tag.environment)?.name)) ctx.error([...tp, 'environment'], 'environment tag name may not be empty', 'key');
    }
  });
}

function validateMetrics(ctx: Ctx, spec: Obj): void {
  arr(spec.metrics).forEach((raw, i) => {
    const m = obj(raw);
    if (!m) return;
    const p: Path = ['spec', 'metrics', i];
    providers(ctx, p, m.providers);
    arr(m.overrides).forEach((rawO, j) => {
      const o = obj(rawO);
      const op = [...p, 'overrides', j];
      if (!o) return void (rawO === null && ctx.error(op, 'tagOverrides may not be null'));
      for (const [tag, to] of Object.entries(obj(o.tagOverrides) ?? {})) {
        if (tag === '') ctx.warn([...op, 'tagOverrides', tag], 'tagOverrides.name may not be empty', 'key');
        if (to === null) ctx.error([...op, 'tagOverrides', tag], 'tagOverrides may not be null', 'key');
      }
    });
  });
}

export function validateTelemetry(ctx: Ctx, spec: Obj): void {
  validateWorkloadSelector(ctx, ['spec', 'selector'], spec.selector);
  validateTargetRefs(ctx, spec);
  validateMetrics(ctx, spec);
  validateTracing(ctx, spec);
  arr(spec.accessLogging).forEach((raw, i) => {
    const l = obj(raw);
    if (l) providers(ctx, ['spec', 'accessLogging', i], l.providers);
  });
}
