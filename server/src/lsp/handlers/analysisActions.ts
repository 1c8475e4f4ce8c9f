// Quick fixes from the workspace analysis: for a diagnostic that is one of its findings, the
// core's codeFixes (did-you-mean, add the missing subset, suppress); for any other hybrid-mesh
// diagnostic on a resource, "suppress this code on this resource". Chosen by code and data.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../../core/analysis/index';
import { codeFixes, type CodeFix } from '../../core/analysis/codeFixes';
import type { Finding, ResourceRef } from '../../core/diagnostics/finding';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, rangeOf, type PositionResolver } from '../convert';
import { codeActionsFor } from './codeActions';

export interface AnalysisActions {
  actions: CodeAction[];
  /** Diagnostics whose fixes all came from here (the per-file handler must not repeat them). */
  handled: Set<Diagnostic>;
}

const codeOf = (d: Diagnostic) => (typeof d.code === 'object' ? undefined : String(d.code));
const samePos = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line === b.line && a.character === b.character;

interface DiagnosticData {
  resource?: ResourceRef | null;
  docIndex?: number;
}

export function analysisActions(a: Analysis, uri: string, diagnostics: readonly Diagnostic[], textOf: (uri: string) => string | undefined, resolve: PositionResolver): AnalysisActions {
  const out: AnalysisActions = { actions: [], handled: new Set() };
  const here = resolve(uri);
  if (!here) return out;
  const findings = a.findingsOf(uri);
  for (const d of diagnostics) {
    const code = codeOf(d);
    if (d.source !== DIAGNOSTIC_SOURCE || !code) continue;
    const f = findings.find((x) => x.code === code && samePos(here.positionAt(x.span.start), d.range.start) && samePos(here.positionAt(x.span.end), d.range.end));
    if (f) {
      out.handled.add(d);
      for (const fix of codeFixes(a.index, f, textOf)) push(out.actions, fix, d, resolve);
      continue;
    }
    // A per-file finding: only the suppression comes from here.
    const data = (d.data ?? {}) as DiagnosticData;
    if (!data.resource || typeof data.docIndex !== 'number' || data.docIndex < 0) continue;
    const pseudo: Finding = { code, severity: 'error', message: typeof d.message === 'string' ? d.message : d.message.value, uri, span: { start: 0, end: 0 }, docIndex: data.docIndex, resource: data.resource };
    for (const fix of codeFixes(a.index, pseudo, textOf)) push(out.actions, fix, d, resolve);
  }
  return out;
}

function push(actions: CodeAction[], fix: CodeFix, d: Diagnostic, resolve: PositionResolver): void {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) {
    const p = resolve(e.uri);
    if (!p) return; // a file we cannot position in: no half-applied fix
    (changes[e.uri] ??= []).push({ range: rangeOf(p, e.span), newText: e.newText });
  }
  actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], ...(fix.preferred ? { isPreferred: true } : {}), edit: { changes } });
}

/** The per-file fixes for the diagnostics the analysis did not handle, then the analysis fixes. */
export function withAnalysisActions(doc: TextDocument, params: CodeActionParams, checkedVersion: number, extra: AnalysisActions): CodeAction[] {
  const rest = { ...params, context: { ...params.context, diagnostics: params.context.diagnostics.filter((d) => !extra.handled.has(d)) } };
  const only = params.context.only;
  const wanted = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`));
  return [...codeActionsFor(doc, rest, checkedVersion), ...(wanted ? extra.actions : [])];
}
