// One analyzer per file under analyzers/: it checks resources of the kinds in `subjects`, reads
// the workspace only through AnalysisContext (which records what each check depended on), and
// builds findings only through the catalog. `reads` documents the kinds whose changes can
// alter its findings; the engine relies on the recorded topics, and a test checks they agree.
import type { Finding } from '../diagnostics/finding';
import type { AnalysisContext } from './context';
import type { Entry } from './workspaceIndex';

export interface Analyzer {
  readonly name: string;
  /** Kinds this analyzer reports on. */
  readonly subjects: readonly string[];
  /** Kinds this analyzer looks up (besides its subjects). */
  readonly reads: readonly string[];
  check(subject: Entry, ctx: AnalysisContext): Finding[];
}
