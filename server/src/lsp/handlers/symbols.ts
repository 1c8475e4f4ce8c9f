// Document symbols: one per Kubernetes object, `Kind/name`, spanning its YAML document.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Resource } from '../../core/model/resource';
import { spanOfPath } from '../../core/parse/pointer';
import { rangeOf } from '../convert';

export function documentSymbols(doc: TextDocument, resources: readonly Resource[]): DocumentSymbol[] {
  return resources.map((r) => {
    const range = rangeOf(doc, r.span);
    const name = r.name ? spanOfPath(r.doc, ['metadata', 'name']) : undefined;
    const sel = name && name.start >= r.span.start && name.end <= r.span.end ? name : { start: r.span.start, end: r.span.start };
    return {
      name: r.name ? `${r.kind}/${r.name}` : r.kind,
      detail: r.namespace ? `${r.apiVersion} · ${r.namespace}` : r.apiVersion,
      kind: SymbolKind.Class,
      range,
      selectionRange: rangeOf(doc, sel),
    };
  });
}
