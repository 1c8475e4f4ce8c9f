// THE diagnostics table: the only place that holds codes, severities and message templates.
// Keep entries ordered by code. Never renumber or reuse a code; retire one with a comment line.
// IST* codes mirror `istioctl analyze` (same code, same severity); HM* codes are ours:
//   HM1xxx YAML and document structure    HM2xxx schema (CRD OpenAPI, API-server rules)
//   HM3xxx CEL rules of the CRDs          HM4xxx cross-resource analysis (no IST equivalent)
//   HM5xxx proxy inspection               HM6xxx admission (webhook) rules with no IST code
// IST codes live in the section of the area that emits them (admission: IST0106/IST0133).
// Templates use {name} placeholders; `args` lists them so a call with a missing arg fails to compile.
import type { Severity } from './severity';
import { structureEntries } from './entries/structure';
import { schemaEntries } from './entries/schema';
import { celEntries } from './entries/cel';
import { analysisEntries } from './entries/analysis';
import { proxyEntries } from './entries/proxy';
import { admissionEntries } from './entries/admission';
import { istioctlEntries } from './entries/istioctl';

export interface CatalogEntry {
  readonly code: string;
  readonly severity: Severity;
  readonly args: readonly string[];
  readonly template: string;
  /** One line for the README table and the code's page. */
  readonly summary: string;
}

// Each section lives in entries/<area>.ts so areas can grow independently; this object is the one
// table everything reads (messages, README, code pages, lock file).
export const Catalog = {
  ...structureEntries,
  ...schemaEntries,
  ...celEntries,
  ...analysisEntries,
  ...proxyEntries,
  ...admissionEntries,
  ...istioctlEntries,
} as const;

export type CatalogName = keyof typeof Catalog;
export type ArgsOf<N extends CatalogName> = Record<(typeof Catalog)[N]['args'][number], string | number>;

export function formatMessage(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export function docUrl(code: string): string {
  return code.startsWith('IST')
    ? `https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/`
    : `https://github.com/hybrid-mesh/hybrid-mesh/blob/main/docs/codes/${code}.md`;
}
