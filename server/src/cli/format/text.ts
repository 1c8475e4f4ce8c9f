// `file:line:col: severity CODE message`, 1-based like compilers, so editors and terminals link it.
import type { LintDiagnostic } from '../lintRun';

export function formatText(diagnostics: readonly LintDiagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${oneLine(d.message)}\n`)
    .join('');
}

const oneLine = (s: string) => s.replace(/\r?\n/g, ' ');
