// The cross-file step of `lint`: every checked file's resources go through one workspace
// analysis (the same one the language server keeps), and its findings join the per-file ones.
import { createAnalysis } from '../core/analysis/index';
import type { IndexOptions } from '../core/analysis/index';
import type { Finding } from '../core/diagnostics/finding';
import type { CrossFileHook } from './lintRun';

export function crossFileAnalysis(options: IndexOptions = {}): CrossFileHook {
  return (checks, inputs) => {
    const analysis = createAnalysis(options);
    // The text lets the analysis find spans without building YAML documents.
    const textOf = new Map(inputs.map((i) => [i.uri, i.text]));
    // A file named twice is analysed once (its resources would otherwise replace themselves).
    const seen = new Set<string>();
    const changes = checks.filter((c) => !seen.has(c.uri) && seen.add(c.uri))
      .map((c) => ({ uri: c.uri, resources: c.resources, text: textOf.get(c.uri) }));
    const out: Finding[] = [];
    for (const findings of analysis.apply(changes).values()) out.push(...findings);
    return out;
  };
}
