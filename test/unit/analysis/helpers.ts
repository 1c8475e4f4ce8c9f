// Shared by the analysis tests: build an Analysis over in-memory files and edit them.
import { parseYamlFile, resourcesOf, type ChunkCache } from '../../../server/src/core/parse/documents';
import type { ChunkParse } from '../../../server/src/core/parse/chunk';
import { Analysis, createAnalysis } from '../../../server/src/core/analysis/index';
import type { Analyzer } from '../../../server/src/core/analysis/analyzer';
import type { IndexOptions } from '../../../server/src/core/analysis/workspaceIndex';

export class Workspace {
  readonly texts = new Map<string, string>();
  readonly analysis: Analysis;
  /** With `reuse`, unchanged documents come from a chunk cache (same value objects), as in the server. */
  private readonly cache?: ChunkCache;
  /** Without file texts, spans come from the yaml Documents only (the texts are handed over by default, as the server does). */
  private readonly noText: boolean;
  constructor(files: Record<string, string>, options: IndexOptions & { reuse?: boolean; noText?: boolean; analyzers?: readonly Analyzer[] } = {}) {
    this.noText = options.noText ?? false;
    this.analysis = options.analyzers ? new Analysis(options.analyzers, options) : createAnalysis(options);
    if (options.reuse) {
      const m = new Map<string, ChunkParse>();
      this.cache = { get: (t) => m.get(t), set: (t, c) => void m.set(t, c) };
    }
    this.set(files);
  }
  set(files: Record<string, string | null>) {
    const changes = Object.entries(files).map(([uri, text]) => {
      if (text === null) this.texts.delete(uri);
      else this.texts.set(uri, text);
      return { uri, resources: text === null ? null : resourcesOf(parseYamlFile(uri, text, this.cache)), ...(text !== null && !this.noText ? { text } : {}) };
    });
    return this.analysis.apply(changes);
  }
  codes(uri: string): string[] {
    return this.analysis.findingsOf(uri).map((f) => f.code);
  }
  /** Offset of the n-th occurrence of `needle` in `uri` (plus `delta`). */
  at(uri: string, needle: string, delta = 0, nth = 0): number {
    const t = this.texts.get(uri)!;
    let i = -1;
    for (let k = 0; k <= nth; k++) i = t.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in ${uri}`);
    return i + delta;
  }
  textOf = (uri: string) => this.texts.get(uri);
}

export function applyEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}
