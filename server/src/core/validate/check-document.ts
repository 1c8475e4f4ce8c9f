// All single-document checks for one YAML document, in rule families: type meta (apiVersion /
// kind), object metadata, the CRD schema (ajv), the CRD's CEL rules. A family that throws yields
// one internal-error finding and the other families still run. With the document's YAML problems
// they are limited to MAX_FINDINGS_PER_DOCUMENT (limit.ts).
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
import { firstSchemaFindings } from './schema-check';
import { isSuppressed, suppressedCodes } from '../diagnostics/suppress';
import { Catalog } from '../diagnostics/catalog';
import type { ResourceRef } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { limitFindings, MAX_FINDINGS_PER_DOCUMENT } from './limit';
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

/**
 * Findings for one document (spans relative to its chunk, no uri): its YAML problems, then the
 * rule families' findings with suppression applied, at most MAX_FINDINGS_PER_DOCUMENT of them.
 */
export function checkDocument(deps: CheckDeps, chunk: ChunkParse): Finding[] {
  const r = ruleFindings(deps, chunk);
  return limitFindings(chunk.problems, r.findings, r.omitted, r.notice);
}

interface RuleFindings {
  findings: Finding[];
  /** Findings a family left out itself (past MAX_FINDINGS_PER_DOCUMENT). */
  omitted: number;
  /** Where the notice about left-out findings goes (undefined: the document suppresses it). */
  notice: { head: () => Span; resource: ResourceRef | null } | undefined;
}

function ruleFindings(deps: CheckDeps, chunk: ChunkParse): RuleFindings {
  const { value, hasErrors } = chunk;
  const doc = () => chunk.docAt(0);
  const result = (findings: Finding[]): RuleFindings => ({ findings, omitted: 0, notice: { head: () => spanOfHead(doc), resource: null } });
  if (value === undefined || value === null) return result([]);
  const head = () => ({ uri: '', span: spanOfHead(doc) });
  if (Array.isArray(value)) return result([finding('NotAMapping', { what: 'a list' }, head())]);
  if (typeof value !== 'object') return result([finding('NotAMapping', { what: `a scalar (${typeof value})` }, head())]);
  const v = value as Record<string, unknown>;
  if (!K8S_HINTS.some((k) => k in v)) return result([]);
  const out: Finding[] = [];
  const { apiVersion, kind } = v;
  const at = (key: string) => ({ uri: '', span: spanOfPath(doc(), [key]) });
  if (apiVersion === undefined) out.push(finding('MissingApiVersion', {}, head()));
  else if (typeof apiVersion !== 'string') out.push(finding('BadTypeMeta', { field: 'apiVersion' }, at('apiVersion')));
  if (kind === undefined) out.push(finding('MissingKind', {}, head()));
  else if (typeof kind !== 'string') out.push(finding('BadTypeMeta', { field: 'kind' }, at('kind')));
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return result(out);

  const ctx = makeContext(v, { apiVersion, ...splitApiVersion(apiVersion), kind }, hasErrors, doc, chunk.fast ? chunk.text : undefined);
  const resource = chunkResource(chunk);
  const suppressed = suppressedCodes(resource?.annotations);
  let omitted = 0;
  const finish = (): RuleFindings => ({
    // In source order (editors and the CLI list findings top to bottom).
    findings: (suppressed.size === 0 ? out : out.filter((f) => !isSuppressed(f.code, suppressed))).sort((a, b) => a.span.start - b.span.start),
    omitted,
    notice: isSuppressed(Catalog.TooManyFindings.code, suppressed) ? undefined : { head: () => ctx.head(), resource: ctx.ref },
  });
  family(deps, 'metadata', ctx, out, () => metadataFindings(ctx));
  if (isIstioGroup(ctx.group) && deps.registry) {
    let found: ReturnType<SchemaRegistry['lookup']>;
    try {
      found = deps.registry.lookup(apiVersion, kind);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      deps.logger.error(`schema lookup failed for ${apiVersion} ${kind}: ${detail}`);
      out.push(finding('SchemaUnavailable', { apiVersion, kind, detail }, { uri: '', span: ctx.span(['kind']), resource: ctx.ref }));
      return finish();
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
      let rejected = false;
      family(deps, 'schema', ctx, out, () => {
        // Only the first findings are kept, so only those are worth a did-you-mean search.
        const r = firstSchemaFindings(ctx, deps.compiler.validate(schema, v), MAX_FINDINGS_PER_DOCUMENT, (code) => !isSuppressed(code, suppressed));
        omitted += r.omitted;
        rejected = r.rejected;
        return r.findings;
      });
      const cel = deps.evaluateCel;
      if (cel) family(deps, 'CEL', ctx, out, () => celFindings(ctx, cel(schema, v)));
      // The API server calls Istio's validating webhook only for objects its schema admits.
      const admitted = !ctx.hasErrors && !rejected && !out.slice(before).some((f) => f.severity === 'error');
      if (admitted && resource) family(deps, 'admission', ctx, out, () => admissionFindings(resource));
    }
  }
  return finish();
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
