// Source ranges for findings without building a `yaml` Document: for a document the fast reader
// accepted, the positions it records give the same spans as pointer.ts's spanOfPath and
// documentHead on the `yaml` Document of the same text (a differential test checks every path
// of the test documents). Only keys and scalars are located; wherever `yaml` would answer with
// the range of a block collection or of an empty value, the answer is "don't know" (undefined)
// and the caller asks the `yaml` Document. Cold validation builds the Document only for
// documents with findings; this spares most of those too.
import type { Path } from '../model/resource';
import type { Span } from '../text/span';
import { fastParseWithPositions, type PosNode } from './fast-yaml';

/** A sentinel for "the answer needs the `yaml` Document". */
const UNKNOWN = Symbol('unknown');
type Found = Span | undefined | typeof UNKNOWN;

export interface FastLocator {
  /** spanOfPath(doc, path, part), or undefined when only the `yaml` Document can tell. */
  span(path: Path, part?: 'key' | 'value'): Span | undefined;
  /** documentHead(doc), or undefined when only the `yaml` Document can tell. */
  head(): Span | undefined;
}

/** A locator for one document's text, or undefined when the fast reader does not accept it. */
export function fastLocator(text: string): FastLocator | undefined {
  const parsed = fastParseWithPositions(text);
  if (!parsed) return undefined;
  const root = parsed.positions;
  return {
    span(path, part = 'value') {
      const r = spanOfPath(root, path, part);
      return r === UNKNOWN ? undefined : r;
    },
    head() {
      const r = documentHead(root);
      return r === UNKNOWN ? undefined : r;
    },
  };
}

function entryFor(node: PosNode | undefined, seg: string | number) {
  return node?.kind === 'map' ? node.entries.get(String(seg)) : undefined;
}

/** pointer.ts nodeAt: the node at `path`, undefined when absent. */
function nodeAt(root: PosNode, path: Path): PosNode | undefined {
  let node: PosNode | undefined = root;
  for (const seg of path) {
    if (node?.kind === 'seq' && typeof seg === 'number') node = node.items[seg];
    else {
      const e = entryFor(node, seg);
      if (!e) return undefined;
      node = e.value;
    }
  }
  return node;
}

/** pointer.ts keyNodeAt, as the key's span. */
function keySpanAt(root: PosNode, path: Path): Span | undefined {
  if (path.length === 0) return undefined;
  const e = entryFor(nodeAt(root, path.slice(0, -1)), path[path.length - 1]);
  return e ? { start: e.keyStart, end: e.keyEnd } : undefined;
}

/** pointer.ts rangeSpan of a node: known for scalars only. */
function nodeSpan(node: PosNode | undefined): Found {
  if (!node) return undefined;
  return node.kind === 'scalar' ? { start: node.start, end: node.end } : UNKNOWN;
}

function spanOfPath(root: PosNode, path: Path, part: 'key' | 'value'): Found {
  if (path.length > 0) {
    const exact = part === 'key' && typeof path[path.length - 1] === 'string' ? keySpanAt(root, path) : nodeSpan(nodeAt(root, path));
    if (exact) return exact;
  }
  for (let n = path.length - 1; n >= 1; n--) {
    const prefix = path.slice(0, n);
    const found = typeof prefix[n - 1] === 'number' ? nodeSpan(nodeAt(root, prefix)) : keySpanAt(root, prefix);
    if (found) return found;
  }
  return documentHead(root);
}

function documentHead(root: PosNode): Found {
  if (root.kind === 'map' && root.entries.size > 0) {
    const e = root.entries.get('kind') ?? root.entries.values().next().value!;
    return { start: e.keyStart, end: e.keyEnd };
  }
  return UNKNOWN;
}
