// Hover: the schema's description of the field under the cursor, its type, allowed values and
// the Istio group/version/kind it belongs to.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_BYTES } from '../../core/parse/documents';
import type { Engine } from '../../node/engine';
import { rangeOf } from '../convert';
import { descriptionOf, typeLabel } from '../schemaText';
import { headerOf, nodeAtOffset } from '../yamlContext';

export function hoverAt(doc: TextDocument, offset: number, engine: Engine): Hover | null {
  const text = doc.getText();
  // Files the check refuses as too large (HM1005) get no hover: parsing them takes seconds.
  if (text.length > MAX_FILE_BYTES) return null;
  const at = nodeAtOffset(text, offset);
  if (!at) return null;
  const { apiVersion, kind } = headerOf(at.slice.text);
  if (!apiVersion || !kind) return null;
  // On `kind: X` the kind itself is described (by its spec); everywhere else the field.
  const onKind = at.path.length === 1 && at.path[0] === 'kind' && at.part === 'value';
  const info = engine.schemaAt(apiVersion, kind, onKind ? ['spec'] : at.path);
  if (!info) return null;
  const name = onKind ? kind : String(at.path.filter((s) => typeof s === 'string').at(-1) ?? kind);
  const lines = [`**${name}** \`${onKind ? 'kind' : typeLabel(info.schema)}\``];
  const description = descriptionOf(info.schema);
  if (description) lines.push('', description);
  if (info.enum && info.enum.length > 0) lines.push('', `Allowed values: ${info.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (info.default !== undefined) lines.push('', `Default: \`${JSON.stringify(info.default)}\``);
  lines.push('', `*${info.kind}* · \`${info.group}/${info.version}\``);
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: rangeOf(doc, at),
  };
}
