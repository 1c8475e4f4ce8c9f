// Editor features computed from the workspace analysis index: definition, references, the
// selector part of hover, code lenses and completion candidates. Offsets come from the core;
// positions from the indexed text of each file (open or not).
import {
  CompletionItemKind, MarkupKind, type CodeLens, type CompletionItem, type Hover, type Location,
} from 'vscode-languageserver';
import type { Analysis } from '../../core/analysis/index';
import { completionsAt as analysisCompletions, type CompletionCandidate } from '../../core/analysis/completions';
import { codeLenses as analysisLenses, definitionsAt, hoverAt as analysisHover, referencesTo, type NavLocation } from '../../core/analysis/navigation';
import { rangeOf, type PositionResolver, type Positions } from '../convert';

/** The client command a code lens runs: shows `locations` in a peek view at `position`. */
export const SHOW_REFERENCES_COMMAND = 'hybridMesh.showReferences';

export function toLocations(navs: readonly NavLocation[], resolve: PositionResolver): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const n of navs) {
    const p = resolve(n.uri);
    if (!p) continue;
    const key = `${n.uri}#${n.span.start}-${n.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ uri: n.uri, range: rangeOf(p, n.span) });
  }
  return out;
}

export function definitions(a: Analysis, uri: string, offset: number, resolve: PositionResolver): Location[] {
  return toLocations(definitionsAt(a.index, uri, offset), resolve);
}

export function references(a: Analysis, uri: string, offset: number, resolve: PositionResolver): Location[] {
  return toLocations(referencesTo(a.index, uri, offset), resolve);
}

/** The schema hover with the selector summary appended (or the summary alone). */
export function mergeHover(schema: Hover | null, a: Analysis | null, uri: string, offset: number): Hover | null {
  const summary = a ? analysisHover(a.index, uri, offset) : undefined;
  if (!summary) return schema;
  if (!schema) return { contents: { kind: MarkupKind.Markdown, value: summary } };
  const c = schema.contents;
  const text = typeof c === 'object' && 'kind' in c ? c.value : JSON.stringify(c);
  return { ...schema, contents: { kind: MarkupKind.Markdown, value: `${text}\n\n---\n\n${summary}` } };
}

/**
 * One lens per WorkloadGroup and selector-based ServiceEntry; its command opens the resources
 * behind the count (who selects the group, what the entry selects).
 */
export function lenses(a: Analysis, uri: string, here: Positions, resolve: PositionResolver): CodeLens[] {
  return analysisLenses(a.index, uri).map((l) => {
    const range = rangeOf(here, l.span);
    const locations = lensTargets(a, uri, l.span.start, resolve);
    return { range, command: { title: l.title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, range.start, locations] } };
  });
}

function lensTargets(a: Analysis, uri: string, headOffset: number, resolve: PositionResolver): Location[] {
  const entry = a.index.entriesOf(uri).find((e) => e.resource.span.start <= headOffset && headOffset <= e.resource.span.end);
  if (!entry) return [];
  if (entry.resource.kind === 'WorkloadGroup') return references(a, uri, headOffset, resolve);
  const sel = entry.service?.selector ? entry.service.selectorPath : undefined;
  if (!sel) return [];
  // The definitions of the selector itself: the workloads it selects.
  const labels = entry.resource.doc.getIn(sel, true) as { range?: [number, number, number] } | undefined;
  return labels?.range ? definitions(a, uri, labels.range[0], resolve) : [];
}

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  labelKey: CompletionItemKind.Property,
  labelValue: CompletionItemKind.Value,
  subset: CompletionItemKind.EnumMember,
  host: CompletionItemKind.Reference,
  serviceAccount: CompletionItemKind.Variable,
  principal: CompletionItemKind.Variable,
  namespace: CompletionItemKind.Module,
  network: CompletionItemKind.Value,
};

const DETAIL: Record<CompletionCandidate['kind'], string> = {
  labelKey: 'label key in the workspace',
  labelValue: 'label value in the workspace',
  subset: 'DestinationRule subset',
  host: 'service host',
  serviceAccount: 'service account',
  principal: 'service account principal',
  namespace: 'namespace',
  network: 'network',
};

/** Schema completion merged with candidates from the index (the schema's item wins a tie). */
export function mergeCompletions(schema: CompletionItem[], a: Analysis | null, uri: string, offset: number, text: string, here: Positions): CompletionItem[] {
  if (!a) return schema;
  const have = new Set(schema.map((i) => i.label));
  const out = [...schema];
  for (const c of analysisCompletions(a.index, uri, offset)) {
    if (have.has(c.label)) continue;
    have.add(c.label);
    // Right after `key:` the value needs its separating space.
    const space = c.span.start === c.span.end && text[c.span.start - 1] === ':' ? ' ' : '';
    const newText = `${space}${c.label}`;
    out.push({ label: c.label, kind: KIND[c.kind], detail: DETAIL[c.kind], sortText: `0${c.label}`, textEdit: { range: rangeOf(here, c.span), newText } });
  }
  return out;
}
