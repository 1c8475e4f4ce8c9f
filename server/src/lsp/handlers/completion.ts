// Completion from the schemas: keys of the map under the cursor, enum values of a key, and
// apiVersion/kind pairs (as values, and as a snippet at the top of an empty document).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PathSegment } from '../../core/model/resource';
import { MAX_FILE_BYTES } from '../../core/parse/documents';
import type { Engine } from '../../node/engine';
import { completionSpot, documentAt, existingKeys, headerOf, type Header } from '../yamlContext';

/** Fields the API server owns; never offered. */
const SERVER_OWNED = new Set(['status']);

export function completionsAt(doc: TextDocument, offset: number, engine: Engine): CompletionItem[] {
  const text = doc.getText();
  // Files the check refuses as too large (HM1005) get no completion: scanning them takes seconds.
  if (text.length > MAX_FILE_BYTES) return [];
  const spot = completionSpot(text, offset);
  if (!spot) return [];
  const range: Range = { start: doc.positionAt(spot.prefixStart), end: doc.positionAt(offset) };
  const header = headerOf(documentAt(text, offset).text);
  if (spot.at === 'value') {
    const items = valueItems(spot.path, header, engine, range);
    // Triggered right after `key:`: the value needs its separating space.
    if (spot.needsSpace) for (const i of items) if (i.textEdit && 'range' in i.textEdit) i.textEdit.newText = ` ${i.textEdit.newText}`;
    return items;
  }
  const known = header.apiVersion && header.kind && engine.schemaAt(header.apiVersion, header.kind, []);
  if (spot.path.length === 0 && !known) return headerItems(header, engine, range, spot.column === 0);
  if (!known) return [];
  const present = existingKeys(text, offset, spot.path);
  const fields = engine.fieldsAt(header.apiVersion!, header.kind!, spot.path)
    .filter((f) => !present.has(f.name) && (spot.path.length > 0 || !SERVER_OWNED.has(f.name)));
  return fields.map((f, i): CompletionItem => ({
    label: f.name,
    kind: CompletionItemKind.Property,
    detail: f.required ? `${f.type ?? 'any'} (required)` : f.type,
    documentation: f.description ? { kind: MarkupKind.Markdown, value: f.description } : undefined,
    sortText: `${f.required ? 0 : 1}${String(i).padStart(4, '0')}`,
    textEdit: { range, newText: `${f.name}: ` },
  }));
}

function valueItems(path: readonly PathSegment[], header: Header, engine: Engine, range: Range): CompletionItem[] {
  const value = (label: string, kind: CompletionItemKind = CompletionItemKind.Value): CompletionItem => ({ label, kind, textEdit: { range, newText: label } });
  if (path.length === 1 && path[0] === 'apiVersion') {
    const pairs = engine.kinds().filter((k) => !header.kind || k.kind === header.kind);
    return unique(pairs.map((k) => k.apiVersion)).map((v) => value(v));
  }
  if (path.length === 1 && path[0] === 'kind') {
    const pairs = engine.kinds().filter((k) => !header.apiVersion || k.apiVersion === header.apiVersion);
    return unique(pairs.map((k) => k.kind)).map((k) => value(k, CompletionItemKind.Class));
  }
  if (!header.apiVersion || !header.kind) return [];
  return engine.valuesAt(header.apiVersion, header.kind, path).map((v) => value(String(v)));
}

/** At the top of a document with no known kind: the two header keys and every kind as a pair. */
function headerItems(header: Header, engine: Engine, range: Range, atColumnZero: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const key of ['apiVersion', 'kind'] as const) {
    if (!header[key]) items.push({ label: key, kind: CompletionItemKind.Property, textEdit: { range, newText: `${key}: ` } });
  }
  if (!atColumnZero || header.apiVersion || header.kind) return items;
  for (const k of engine.kinds()) {
    items.push({
      label: `${k.kind} (${k.apiVersion})`,
      kind: CompletionItemKind.Snippet,
      filterText: k.kind,
      detail: k.storage ? 'storage version' : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\nmetadata:\n  name: \${1:name}\n` },
    });
  }
  return items;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
