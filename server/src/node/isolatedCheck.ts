// Runs the engine on a file so that one document that makes a check throw does not hide the
// findings of the others: on an exception the file is re-checked one document at a time, with
// every other document blanked out (offsets and document indices stay the same). A document
// whose check still throws gets an InternalError finding on its first line.
import { parseAllDocuments } from 'yaml';
import { finding } from '../core/diagnostics/finding';
import type { Engine, FileCheck } from './engine';

export interface CheckFailure {
  /** Index of the document whose check threw, or -1 when the file as a whole failed. */
  docIndex: number;
  error: unknown;
}

export interface IsolatedCheck extends FileCheck {
  failures: CheckFailure[];
}

export function checkIsolated(engine: Engine, uri: string, text: string): IsolatedCheck {
  try {
    return { ...engine.checkFile(uri, text), failures: [] };
  } catch (error) {
    return checkPerDocument(engine, uri, text, error);
  }
}

function contentRanges(text: string): Array<[number, number]> {
  try {
    return parseAllDocuments(text, { uniqueKeys: false }).map((d) => {
      const r = d.contents?.range;
      return r ? [r[0], r[2]] : [d.range[0], d.range[0]];
    });
  } catch {
    return [];
  }
}

/** Replaces every character in the ranges by a space, keeping line breaks. */
function blank(text: string, ranges: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + text.slice(s, e).replace(/[^\r\n]/g, ' ');
    at = e;
  }
  return out + text.slice(at);
}

function checkPerDocument(engine: Engine, uri: string, text: string, fileError: unknown): IsolatedCheck {
  const ranges = contentRanges(text);
  const out: IsolatedCheck = { uri, findings: [], resources: [], failures: [] };
  if (ranges.length <= 1) {
    fail(out, text, ranges.length === 1 ? 0 : -1, ranges[0]?.[0] ?? 0, fileError);
    return out;
  }
  for (let i = 0; i < ranges.length; i++) {
    const others = ranges.filter((_, j) => j !== i);
    try {
      const r = engine.checkFile(uri, blank(text, others));
      out.findings.push(...r.findings.filter((f) => f.docIndex === i || (f.docIndex === -1 && i === 0)));
      out.resources.push(...r.resources.filter((res) => res.docIndex === i));
    } catch (error) {
      fail(out, text, i, ranges[i][0], error);
    }
  }
  return out;
}

function fail(out: IsolatedCheck, text: string, docIndex: number, at: number, error: unknown): void {
  out.failures.push({ docIndex, error });
  const nl = text.indexOf('\n', at);
  const end = (nl < 0 ? text.length : nl) - (text[nl - 1] === '\r' ? 1 : 0);
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  out.findings.push(finding('InternalError', { family: 'validation', detail }, { uri: out.uri, span: { start: at, end: Math.max(at, end) }, docIndex }));
}
