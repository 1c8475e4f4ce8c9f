// Paths for tests, which run from out/ (transpiled): the repository root and ../shared beside it.
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'out') {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${start}`);
    dir = up;
  }
  return dir;
}

export const repoRoot = findRoot(__dirname);
export const sharedDir = process.env.HM_SHARED_DIR ?? path.join(repoRoot, '..', 'shared');
