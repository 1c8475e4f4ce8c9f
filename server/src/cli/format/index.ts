// Output formats of `hybrid-mesh lint`.
import type { LintFormat } from '../lintArgs';
import type { LintDiagnostic } from '../lintRun';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export function formatLint(format: LintFormat, diagnostics: readonly LintDiagnostic[]): string {
  switch (format) {
    case 'json': return formatJson(diagnostics);
    case 'sarif': return formatSarif(diagnostics);
    case 'text': return formatText(diagnostics);
  }
}
