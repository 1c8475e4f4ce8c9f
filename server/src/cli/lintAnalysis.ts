// The cross-file step of `lint`: every checked file's resources go through one workspace
// analysis (the same one the language server keeps), and its findings join the per-file ones.
import { createAnalysis } from '../core/analysis/index';
import type { IndexOptions } from '../core/analysis/index';
import type { Finding } from '../core/diagnostics/finding';
import type { CrossFileHook } from './lintRun';

export function crossFileAnalysis(options: IndexOptions = {}): CrossFileHook {
  return (checks) => {
    const analysis = createAnalysis(options);
    // A file named twice is analysed once (its resources would otherwise replace themselves).
    const seen = new Set<string>();
    const changes = checks.filter((c) => !seen.has(c.uri) && seen.add(c.uri)).map((c) => ({ uri: c.uri, resources: c.resources }));
    const out: Finding[] = [];
    for (const findings of analysis.apply(changes).values()) out.push(...findings);
    return out;
  };
}
