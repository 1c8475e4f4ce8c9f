// A document with thousands of problems (a pasted map of unknown keys, a generated file gone
// wrong) would otherwise publish thousands of diagnostics: slow to send, unreadable in the editor
// and in CLI output. Past a fixed number, a document shows its first findings by position and
// one notice at its head saying how many more there were.
import { finding, type Finding, type ResourceRef } from '../diagnostics/finding';
import type { Span } from '../text/span';

/** Findings shown per document (other language servers cap problems at a few hundred too). */
export const MAX_FINDINGS_PER_DOCUMENT = 200;

/**
 * `problems` (YAML level) and `findings` (rule families) of one document, in that order while
 * they fit; past `max`, the first `max` by position after one notice at `notice.head()` (none
 * when `notice` is undefined: the document suppresses it). `omitted` counts findings a rule
 * family already left out itself (it returned only its first `max`).
 */
export function limitFindings(
  problems: Finding[], findings: Finding[], omitted: number,
  notice: { head: () => Span; resource: ResourceRef | null } | undefined, max = MAX_FINDINGS_PER_DOCUMENT,
): Finding[] {
  const total = problems.length + findings.length + omitted;
  if (total <= max) return problems.length === 0 ? findings : [...problems, ...findings];
  const first = [...problems, ...findings].sort((a, b) => a.span.start - b.span.start).slice(0, max);
  if (!notice) return first;
  return [finding('TooManyFindings', { count: total - first.length, max }, { uri: '', span: notice.head(), resource: notice.resource }), ...first];
}
