// Quick fixes computed from a finding's code and typed `data`, never from its message text:
// replace a did-you-mean, add a missing subset to the DestinationRule, and suppress the code on
// the resource with the `galley.istio.io/analyze-suppress` annotation. File texts are injected.
import { isMap, isSeq, type Node } from 'yaml';
import type { Finding } from '../diagnostics/finding';
import type { Span } from '../text/span';
import { nodeAt } from '../parse/pointer';
import { SUPPRESS_ANNOTATION } from '../diagnostics/suppress';
import type { WorkspaceIndex } from './workspaceIndex';

export interface TextEdit {
  uri: string;
  span: Span;
  newText: string;
}

export interface CodeFix {
  title: string;
  edits: TextEdit[];
  /** The fix most likely intended (a single did-you-mean). */
  preferred?: boolean;
}

type TextOf = (uri: string) => string | undefined;

const isSpan = (v: unknown): v is Span => !!v && typeof v === 'object' && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';
const lineIndent = (text: string, offset: number): string => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ ]*/.exec(text.slice(start))![0];
};

export function codeFixes(index: WorkspaceIndex, f: Finding, textOf: TextOf): CodeFix[] {
  const out: CodeFix[] = [];
  const data = f.data as Record<string, unknown> | undefined;
  if (data && (data.fix === 'replace' || data.fix === 'subset') && isSpan(data.span) && Array.isArray(data.candidates)) {
    const cands = data.candidates.filter((c): c is string => typeof c === 'string');
    for (const c of cands) out.push({ title: `Change to "${c}"`, edits: [{ uri: f.uri, span: data.span, newText: c }], preferred: cands.length === 1 });
  }
  if (data?.fix === 'subset' && typeof data.subset === 'string' && data.destinationRule) {
    const add = addSubset(index, data.destinationRule as Record<string, unknown>, data.subset, textOf);
    if (add) out.push(add);
  }
  const suppress = suppressFix(index, f, textOf);
  if (suppress) out.push(suppress);
  return out;
}

function addSubset(index: WorkspaceIndex, dr: Record<string, unknown>, subset: string, textOf: TextOf): CodeFix | undefined {
  const uri = typeof dr.uri === 'string' ? dr.uri : undefined;
  const entry = uri ? index.entriesOf(uri).find((e) => e.resource.docIndex === dr.docIndex) : undefined;
  const text = uri ? textOf(uri) : undefined;
  if (!uri || !entry || text === undefined) return undefined;
  const doc = entry.resource.doc;
  const title = `Add subset "${subset}" (version: ${subset}) to ${String(dr.name)}`;
  const item = `{name: ${subset}, labels: {version: ${subset}}}`;
  const edit = (at: number, newText: string): CodeFix => ({ title, edits: [{ uri, span: { start: at, end: at }, newText }] });
  const subsets = nodeAt(doc, ['spec', 'subsets']);
  if (isSeq(subsets) && subsets.range) {
    if (subsets.flow) {
      const close = text.lastIndexOf(']', subsets.range[1]);
      return edit(close, subsets.items.length ? `, ${item}` : item);
    }
    // Block sequence: a new `- ` line after the line holding the end of the last item.
    const lastItem = subsets.items[subsets.items.length - 1] as Node | undefined;
    const itemStart = lastItem?.range?.[0] ?? subsets.range[0];
    const dashLine = text.lastIndexOf('\n', itemStart - 1) + 1;
    const indent = lineIndent(text, dashLine);
    const endLine = text.indexOf('\n', (lastItem?.range?.[1] ?? subsets.range[1]) - 1);
    return edit(endLine < 0 ? text.length : endLine + 1, `${endLine < 0 ? '\n' : ''}${indent}- ${item}\n`);
  }
  // No subsets yet: a new key under `spec`, after the line of its `host`.
  const host = nodeAt(doc, ['spec', 'host']);
  if (!host?.range) return undefined;
  const hostLine = text.lastIndexOf('\n', host.range[0] - 1) + 1;
  const indent = lineIndent(text, hostLine);
  const endLine = text.indexOf('\n', host.range[1]);
  return edit(endLine < 0 ? text.length : endLine + 1, `${endLine < 0 ? '\n' : ''}${indent}subsets:\n${indent}- ${item}\n`);
}

function suppressFix(index: WorkspaceIndex, f: Finding, textOf: TextOf): CodeFix | undefined {
  if (!f.resource || f.docIndex < 0) return undefined;
  const entry = index.entriesOf(f.uri).find((e) => e.resource.docIndex === f.docIndex);
  const text = textOf(f.uri);
  if (!entry || text === undefined) return undefined;
  const doc = entry.resource.doc;
  const title = `Suppress ${f.code} on ${f.resource.kind} ${f.resource.name}`;
  const existing = nodeAt(doc, ['metadata', 'annotations', SUPPRESS_ANNOTATION]);
  if (existing?.range) {
    const current = entry.resource.annotations[SUPPRESS_ANNOTATION] ?? '';
    return { title, edits: [{ uri: f.uri, span: { start: existing.range[0], end: existing.range[1] }, newText: JSON.stringify(current ? `${current},${f.code}` : f.code) }] };
  }
  const line = `${SUPPRESS_ANNOTATION}: "${f.code}"`;
  const annotations = nodeAt(doc, ['metadata', 'annotations']);
  if (annotations?.range && isMap(annotations)) return insertIntoMap(f.uri, text, annotations, line);
  const metadata = nodeAt(doc, ['metadata']);
  if (metadata?.range && isMap(metadata)) return insertIntoMap(f.uri, text, metadata, `annotations: {${line}}`, title);
  return undefined;

  function insertIntoMap(uri: string, t: string, map: Node, entryText: string, t2 = title): CodeFix {
    const [start, end] = map.range!;
    if (t[start] === '{') {
      const close = t.lastIndexOf('}', end);
      return { title: t2, edits: [{ uri, span: { start: close, end: close }, newText: `, ${entryText}` }] };
    }
    const indent = lineIndent(t, start);
    const lineStart = t.lastIndexOf('\n', start - 1) + 1;
    return { title: t2, edits: [{ uri, span: { start: lineStart, end: lineStart }, newText: `${indent}${entryText}\n` }] };
  }
}
