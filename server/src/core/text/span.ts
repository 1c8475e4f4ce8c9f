// Positions inside the core are UTF-16 offsets into the file text (what JavaScript string
// indices and LSP's default position encoding both use). Conversion to line/character happens
// once, at the edge: LineIndex here for the CLI and tests, TextDocument.positionAt in the server.

export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16 code units
}

export interface Range {
  start: Position;
  end: Position;
}

export function span(start: number, end: number): Span {
  return { start, end: Math.max(start, end) };
}

/** Maps offsets to 0-based line/character positions; built once per text. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, pos.line)];
    return Math.min(start + Math.max(0, pos.character), this.text.length);
  }

  rangeOf(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
