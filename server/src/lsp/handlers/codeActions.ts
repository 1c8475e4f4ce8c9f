// Quick fixes, chosen by the diagnostic's code and `data` (never by its message): the core's
// FixData says what to replace or insert, at offsets of the checked document version.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixData } from '../../core/diagnostics/finding';
import { rangeOf } from '../convert';

interface DiagnosticData {
  fix?: FixData;
}

const isSpan = (v: unknown): v is { start: number; end: number } =>
  !!v && typeof v === 'object' && typeof (v as { start: unknown }).start === 'number' && typeof (v as { end: unknown }).end === 'number';

function fixOf(d: Diagnostic): FixData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data && typeof data === 'object' && data.fix && typeof data.fix === 'object' ? data.fix : undefined;
}

/** Edits for one fix: one alternative per candidate for `replace`, a single one for `insert`. */
function alternatives(doc: TextDocument, fix: FixData): Array<{ title: string; edit: TextEdit }> {
  if (fix.fix === 'replace' && isSpan(fix.span) && Array.isArray(fix.candidates)) {
    const range = rangeOf(doc, fix.span);
    const current = doc.getText(range);
    return (fix.candidates as unknown[]).filter((c): c is string => typeof c === 'string').map((c) => ({
      title: `Change '${current}' to '${c}'`,
      edit: { range, newText: c },
    }));
  }
  if (fix.fix === 'insert' && typeof fix.offset === 'number' && typeof fix.text === 'string') {
    const at = doc.positionAt(fix.offset);
    return [{ title: typeof fix.title === 'string' ? fix.title : 'Insert', edit: { range: { start: at, end: at }, newText: fix.text } }];
  }
  return [];
}

/**
 * `checkedVersion` is the document version the diagnostics were computed on: offsets in their
 * data are only valid for it, so a stale request gets no fixes (a fresh check follows).
 */
export function codeActionsFor(doc: TextDocument, params: CodeActionParams, checkedVersion: number | undefined): CodeAction[] {
  if (checkedVersion !== doc.version) return [];
  if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const fix = fixOf(d);
    if (!fix) continue;
    const alts = alternatives(doc, fix);
    for (const a of alts) {
      out.push({
        title: a.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: alts.length === 1,
        edit: { changes: { [doc.uri]: [a.edit] } },
      });
    }
  }
  return out;
}
