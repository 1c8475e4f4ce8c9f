// Spans of findings and related links. With the file text at hand (FileChange.text), plain
// block-style documents are located by BlockYaml without building a `yaml` Document; anything
// else (or no text) asks the resource's Document, with the very same answers.
import type { Path, Resource } from '../model/resource';
import type { Span } from '../text/span';
import { documentHead, nodeAt, spanOfPath } from '../parse/pointer';
import { headOf } from './analyzers/istHelpers';
import { BlockYaml } from './blockYaml';

export class SourceSpans {
  private readonly texts = new Map<string, string>();
  private readonly readers = new WeakMap<Resource, BlockYaml | null>();

  /** The text the resources of `uri` were parsed from (undefined: unknown, use the Documents). */
  setText(uri: string, text: string | undefined): void {
    if (text === undefined) this.texts.delete(uri);
    else this.texts.set(uri, text);
  }

  span(r: Resource, path: Path, part: 'key' | 'value' = 'value'): Span {
    return (path.length ? this.reader(r)?.spanOfPath(path, part) : this.reader(r)?.documentHead())
      ?? (path.length ? spanOfPath(r.doc, path, part) : documentHead(r.doc));
  }

  /** First key of the mapping at `path` (see istHelpers headOf). */
  headOf(r: Resource, path: Path): Span {
    return this.reader(r)?.headOf(path) ?? headOf(r.doc, path);
  }

  has(r: Resource, path: Path): boolean {
    const b = this.reader(r);
    return b ? b.has(path) : nodeAt(r.doc, path) !== undefined;
  }

  private reader(r: Resource): BlockYaml | null {
    let b = this.readers.get(r);
    if (b !== undefined) return b;
    const text = this.texts.get(r.uri);
    const fits = text !== undefined && r.span.end <= text.length && (r.span.start === 0 || text[r.span.start - 1] === '\n');
    b = fits ? BlockYaml.read(text.slice(r.span.start, r.span.end), r.span.start) : null;
    // A text that does not match the resource (a caller bug) must not move spans: use the Document.
    if (b && !(sameKeys(b.rootKeys(), Object.keys(r.value)) && unquoted(text!, b.spanOfPath(['kind'], 'value')) === r.kind)) b = null;
    this.readers.set(r, b);
    return b;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function unquoted(text: string, s: Span | undefined): string | undefined {
  if (!s) return undefined;
  const v = text.slice(s.start, s.end);
  return v.startsWith('"') || v.startsWith("'") ? v.slice(1, -1) : v;
}
