// The exact JSON contract other tools rely on: {"diagnostics":[{file, range, severity, code,
// message, resource}]}, 0-based positions. Records are rebuilt field by field so the key order
// and the set of keys never depend on where a diagnostic came from.
import type { LintDiagnostic } from '../lintRun';

const pos = (p: { line: number; character: number }) => ({ line: p.line, character: p.character });

export function formatJson(diagnostics: readonly LintDiagnostic[]): string {
  const records = diagnostics.map((d) => ({
    file: d.file,
    range: { start: pos(d.range.start), end: pos(d.range.end) },
    severity: d.severity,
    code: d.code,
    message: d.message,
    resource: d.resource ? { kind: d.resource.kind, name: d.resource.name, namespace: d.resource.namespace ?? null } : null,
  }));
  return `${JSON.stringify({ diagnostics: records })}\n`;
}
