// SARIF 2.1.0 for code scanning: one run, the rules that fired (from the diagnostics catalog),
// and results with 1-based regions and repository-relative artifact URIs.
import path from 'node:path';
import { Catalog, docUrl, type CatalogEntry } from '../../core/diagnostics/catalog';
import type { Severity } from '../../core/diagnostics/severity';
import type { LintDiagnostic } from '../lintRun';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const byCode = new Map<string, CatalogEntry>(Object.values(Catalog).map((e: CatalogEntry) => [e.code, e]));

function artifactUri(file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : path.normalize(file);
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

export function formatSarif(diagnostics: readonly LintDiagnostic[]): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((id) => {
    const entry = byCode.get(id);
    return {
      id,
      shortDescription: { text: entry?.summary ?? id },
      helpUri: docUrl(id),
      defaultConfiguration: { level: LEVEL[entry?.severity ?? 'error'] },
    };
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(d.file) },
        region: {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        },
      },
    }],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'hybrid-mesh', informationUri: 'https://github.com/hybrid-mesh/hybrid-mesh', rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
