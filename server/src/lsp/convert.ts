// Finding (offsets) -> LSP Diagnostic (positions): the one place positions are computed for the
// editor. Related information in other files needs their text; the caller resolves it.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Position, type Range } from 'vscode-languageserver';
import type { Finding } from '../core/diagnostics/finding';
import type { Severity } from '../core/diagnostics/severity';
import type { Span } from '../core/text/span';
import { docUrl } from '../core/diagnostics/catalog';

export const DIAGNOSTIC_SOURCE = 'hybrid-mesh';

export interface Positions {
  positionAt(offset: number): Position;
}

/** Positions for another file's offsets, or undefined when its text is unknown. */
export type PositionResolver = (uri: string) => Positions | undefined;

/** An offset span as an LSP range. */
export const rangeOf = (p: Positions, s: Span): Range => ({ start: p.positionAt(s.start), end: p.positionAt(s.end) });

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Error;
}

export function toDiagnostic(f: Finding, doc: Positions, resolve: PositionResolver = () => undefined): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(doc, f.span),
    severity: toSeverity(f.severity),
    source: DIAGNOSTIC_SOURCE,
    code: f.code,
    codeDescription: { href: docUrl(f.code) },
    message: f.message,
  };
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => {
      const p = r.uri === f.uri ? doc : resolve(r.uri);
      const at = (o: number) => (p ? p.positionAt(o) : { line: 0, character: 0 });
      return { location: { uri: r.uri, range: { start: at(r.span.start), end: at(r.span.end) } }, message: r.message };
    });
  }
  if (f.data !== undefined || f.resource) d.data = { ...(f.data ? { fix: f.data } : {}), resource: f.resource, docIndex: f.docIndex };
  return d;
}
