// Caret-annotated multi-file fixtures (STYLE.md 7.6). A fixture text holds several files, each
// introduced by a `#- <path>` line. Inside a file, an annotation line
//   #        ^^^^^^ CODE message
// marks the columns of the closest preceding non-annotation line that a finding with that code
// and exact message must cover. A run starting right after the `#` (`#^^^^ CODE ...`) starts at
// column 0, since nothing can be written under column 0 otherwise. Annotation lines are removed
// from the file text handed to the code under test, so offsets refer to the stripped text.
import type { Span } from '../../../server/src/core/text/span';

export interface FixtureFile {
  path: string;
  uri: string;
  text: string;
}

export interface Expected {
  uri: string;
  span: Span;
  code: string;
  message: string;
}

export interface Fixture {
  files: FixtureFile[];
  expected: Expected[];
}

const FILE_HEADER = /^#- (\S+)\s*$/;
const ANNOTATION = /^#(\s*)(\^+)\s+((?:IST|HM)\d{4})\s+(.*?)\s*$/;

export const fixtureUri = (p: string): string => `file:///fixture/${p}`;

export function parseFixture(source: string): Fixture {
  const files: FixtureFile[] = [];
  const expected: Expected[] = [];
  let current: { path: string; lines: string[]; lineStarts: number[]; offset: number } | undefined;
  const flush = () => {
    if (current) files.push({ path: current.path, uri: fixtureUri(current.path), text: current.lines.join('') });
  };
  for (const raw of source.split(/(?<=\n)/)) {
    const line = raw.replace(/\r?\n$/, '');
    const header = FILE_HEADER.exec(line);
    if (header) {
      flush();
      current = { path: header[1], lines: [], lineStarts: [], offset: 0 };
      continue;
    }
    if (!current) {
      if (line.trim() === '') continue;
      throw new Error(`fixture text before the first "#- <path>" line: ${line}`);
    }
    const ann = ANNOTATION.exec(line);
    if (ann) {
      const target = current.lineStarts[current.lineStarts.length - 1];
      if (target === undefined) throw new Error(`annotation with no line above it in ${current.path}: ${line}`);
      const column = ann[1].length === 0 ? 0 : 1 + ann[1].length;
      const start = target + column;
      expected.push({ uri: fixtureUri(current.path), span: { start, end: start + ann[2].length }, code: ann[3], message: ann[4] });
      continue;
    }
    current.lineStarts.push(current.offset);
    current.lines.push(raw);
    current.offset += raw.length;
  }
  flush();
  return { files, expected: sortExpected(expected) };
}

export function sortExpected<T extends Expected>(list: T[]): T[] {
  return list.sort((a, b) => a.uri.localeCompare(b.uri) || a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}

/** Findings reduced to what an annotation states, in the same order as parseFixture's. */
export function asExpected(findings: Iterable<{ uri: string; span: Span; code: string; message: string }>): Expected[] {
  return sortExpected([...findings].map((f) => ({ uri: f.uri, span: { start: f.span.start, end: f.span.end }, code: f.code, message: f.message })));
}

/**
 * The fixture text with one annotation line per finding under the line it starts on: the inverse
 * of parseFixture, for writing a new fixture (review every line it adds before committing it).
 * Findings spanning several lines are cut at the end of their first line.
 */
export function annotate(files: FixtureFile[], findings: readonly { uri: string; span: Span; code: string; message: string }[]): string {
  let out = '';
  for (const f of files) {
    out += `#- ${f.path}\n`;
    let offset = 0;
    for (const line of f.text.split(/(?<=\n)/)) {
      out += line;
      const end = offset + line.replace(/\r?\n$/, '').length;
      const here = sortExpected(asExpected(findings.filter((x) => x.uri === f.uri && x.span.start >= offset && x.span.start <= end && (x.span.start < end || line.length === 0))));
      for (const x of here) {
        const col = x.span.start - offset;
        const len = Math.max(1, Math.min(x.span.end, end) - x.span.start);
        out += `${col === 0 ? '#' : `#${' '.repeat(col - 1)}`}${'^'.repeat(len)} ${x.code} ${x.message}\n`;
      }
      offset += line.length;
    }
  }
  return out;
}
