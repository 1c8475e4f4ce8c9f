// Entry point of the cross-resource analysis: `createAnalysis()` and the pure navigation and
// quick-fix helpers built on its index.
import { allAnalyzers } from './analyzers/all';
import { Analysis } from './engine';
import type { IndexOptions } from './workspaceIndex';

export { Analysis, type FileChange } from './engine';
export { WorkspaceIndex, type IndexOptions } from './workspaceIndex';
export { allAnalyzers } from './analyzers/all';

export function createAnalysis(options: IndexOptions = {}): Analysis {
  return new Analysis(allAnalyzers, options);
}
