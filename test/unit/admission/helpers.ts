// Runs the admission rules on YAML text and renders findings as
// `CODE line:char-line:char message` (0-based positions) so tests compare exact ranges.
import assert from 'node:assert/strict';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { admissionFindings } from '../../../server/src/core/admission/index';
import { LineIndex } from '../../../server/src/core/text/span';

export function check(yaml: string): string[] {
  const text = yaml.replace(/^\n/, '');
  const li = new LineIndex(text);
  return resourcesOf(parseYamlFile('file:///t.yaml', text)).flatMap((r) => admissionFindings(r)).map((f) => {
    const { start, end } = li.rangeOf(f.span);
    return `${f.code} ${start.line}:${start.character}-${end.line}:${end.character} ${f.message}`;
  });
}

/** Only the errors (IST0106). */
export const errors = (yaml: string): string[] => check(yaml).filter((l) => l.startsWith('IST0106'));

export const ERR = 'IST0106';
export const WARN = 'IST0133';

/** A well-formed manifest: the admission rules find nothing at all in it. */
export function assertClean(yaml: string): void {
  assert.deepEqual(check(yaml), []);
}
