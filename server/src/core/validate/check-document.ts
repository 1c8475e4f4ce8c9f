// All single-document checks for one YAML document, in rule families: type meta (apiVersion /
// kind), object metadata, the CRD schema (ajv), the CRD's CEL rules. A family that throws yields
// one internal-error finding and the other families still run.
import type { Document } from 'yaml';
import { finding, type Finding } from '../diagnostics/finding';
import { isIstioGroup, splitApiVersion } from '../model/resource';
import type { SchemaRegistry } from '../schema/registry';
import type { CelViolation } from '../cel/evaluate';
import { celFindingOf } from '../cel/index';
import type { SchemaCompiler } from './ajv';
import { makeContext, type DocContext } from './context';
import { spanOfPath } from '../parse/pointer';
import { metadataFindings } from './metadata';
import { schemaFindings } from './schema-check';
import { applySuppression } from '../diagnostics/suppress';
import { admissionFindings } from '../admission/index';
import type { ChunkParse } from '../parse/chunk';
import { chunkResource } from '../parse/documents';

export interface Logger {
  error(message: string): void;
}

export interface CheckDeps {
  registry: SchemaRegistry | undefined;
  compiler: SchemaCompiler;
  evaluateCel: ((schema: object, value: unknown) => CelViolation[]) | undefined;
  logger: Logger;
}

const K8S_HINTS = ['apiVersion', 'kind', 'metadata', 'spec'];

/** Findings for one document (spans relative to its chunk, no uri), suppression applied. */
export function checkDocument(deps: CheckDeps, chunk: ChunkParse): Finding[] {
  const { value, hasErrors } = chunk;
  if (value === undefined || value === null) return [];
  const doc = () => chunk.docAt(0);
  const head = () => ({ uri: '', span: spanOfHead(doc) });
  if (Array.isArray(value)) return [finding('NotAMapping', { what: 'a list' }, head())];
  if (typeof value !== 'object') return [finding('NotAMapping', { what: `a scalar (${typeof value})` }, head())];
  const v = value as Record<string, unknown>;
  if (!K8S_HINTS.some((k) => k in v)) return [];
  const out: Finding[] = [];
  const { apiVersion, kind } = v;
  const at = (key: string) => ({ uri: '', span: spanOfPath(doc(), [key]) });
  if (apiVersion === undefined) out.push(finding('MissingApiVersion', {}, head()));
  else if (typeof apiVersion !== 'string') out.push(finding('BadTypeMeta', { field: 'apiVersion' }, at('apiVersion')));
  if (kind === undefined) out.push(finding('MissingKind', {}, head()));
  else if (typeof kind !== 'string') out.push(finding('BadTypeMeta', { field: 'kind' }, at('kind')));
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return out;

  const ctx = makeContext(v, { apiVersion, ...splitApiVersion(apiVersion), kind }, hasErrors, doc, chunk.fast ? chunk.text : undefined);
  family(deps, 'metadata', ctx, out, () => metadataFindings(ctx));
  if (isIstioGroup(ctx.group) && deps.registry) {
    let found: ReturnType<SchemaRegistry['lookup']>;
    try {
      found = deps.registry.lookup(apiVersion, kind);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      deps.logger.error(`schema lookup failed for ${apiVersion} ${kind}: ${detail}`);
      out.push(finding('SchemaUnavailable', { apiVersion, kind, detail }, { uri: '', span: ctx.span(['kind']), resource: ctx.ref }));
      return finish(out, v);
    }
    if ('error' in found) {
      const elsewhere = found.error === 'unknown-kind' ? servedElsewhere(deps.registry, kind) : [];
      if (found.error === 'unknown-kind' && elsewhere.length === 0) {
        out.push(finding('UnknownIstioKind', { kind, apiVersion }, { uri: '', span: ctx.span(['kind']), resource: ctx.ref }));
      } else if (found.error === 'unknown-kind') {
        // The kind exists in another Istio group (security.istio.io/v1 + WorkloadGroup).
        out.push(finding('KindVersionNotServed', { kind, apiVersion, versions: elsewhere.join(', ') }, { uri: '', span: ctx.span(['apiVersion']), resource: ctx.ref }));
      } else {
        const versions = found.servedVersions.map((x) => `${found.group}/${x}`).join(', ');
        out.push(finding('KindVersionNotServed', { kind, apiVersion, versions }, { uri: '', span: ctx.span(['apiVersion']), resource: ctx.ref }));
      }
    } else {
      const schema = found.schema;
      if (found.served.deprecated) {
        out.push(finding('DeprecatedVersion', { apiVersion, kind, detail: found.served.deprecationWarning ?? 'use a newer version' }, { uri: '', span: ctx.span(['apiVersion']), resource: ctx.ref }));
      }
      const before = out.length;
      family(deps, 'schema', ctx, out, () => schemaFindings(ctx, deps.compiler.validate(schema, v)));
      const cel = deps.evaluateCel;
      if (cel) family(deps, 'CEL', ctx, out, () => celFindings(ctx, cel(schema, v)));
      // The API server calls Istio's validating webhook only for objects its schema admits.
      const admitted = !ctx.hasErrors && !out.slice(before).some((f) => f.severity === 'error');
      const resource = admitted ? chunkResource(chunk) : undefined;
      if (resource) family(deps, 'admission', ctx, out, () => admissionFindings(resource));
    }
  }
  return finish(out, v);
}

/** Suppression applied, in source order (editors and the CLI list findings top to bottom). */
function finish(out: Finding[], value: Record<string, unknown>): Finding[] {
  return applySuppression(out, value).sort((a, b) => a.span.start - b.span.start);
}

/** `group/version` pairs serving `kind` in any Istio group. */
function servedElsewhere(registry: SchemaRegistry, kind: string): string[] {
  return registry.index.kinds
    .filter((k) => k.kind === kind)
    .flatMap((k) => k.versions.filter((v) => v.served).map((v) => `${k.group}/${v.name}`));
}

function family(deps: CheckDeps, name: string, ctx: DocContext, out: Finding[], run: () => Finding[]): void {
  try {
    out.push(...run());
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    deps.logger.error(`${name} checks failed on ${ctx.kind}/${ctx.ref.name}: ${e instanceof Error && e.stack ? e.stack : detail}`);
    out.push(finding('InternalError', { family: name, detail }, { uri: '', span: ctx.head(), resource: ctx.ref }));
  }
}

/** A CEL violation on the key of the object whose rule failed, plus one on each field the rule names. */
function celFindings(ctx: DocContext, violations: CelViolation[]): Finding[] {
  const out: Finding[] = [];
  for (const v of violations) {
    if (ctx.hasErrors && v.reason !== 'failed') continue;
    const { name, args } = celFindingOf(v);
    const init = (path: readonly (string | number)[]) => ({ uri: '', span: ctx.span(path, 'key'), resource: ctx.ref });
    out.push(finding(name, args, init(v.path)));
    for (const fp of v.fieldPaths) {
      if (fp.length > v.path.length) out.push(finding(name, args, init(fp)));
    }
  }
  return out;
}

function spanOfHead(doc: () => Document) {
  const d = doc();
  const r = d.contents?.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: Math.min(r[1], r[0] + 1) };
}
