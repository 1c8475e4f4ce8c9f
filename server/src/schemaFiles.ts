// Node side of the schema registry: finds schemas/ under the extension or package root and reads
// its files (the core registry takes the loader as a callback and never touches the disk).
import fs from 'node:fs';
import path from 'node:path';
import { SchemaRegistry, type SchemaIndex } from './core/schema/registry';

/** schemas/ beside a package root; walks up from `start` until it finds schemas/index.json. */
export function findSchemasDir(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'schemas');
    if (fs.existsSync(path.join(candidate, 'index.json'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`schemas/index.json not found at or above ${start}`);
    dir = up;
  }
}

export function loadSchemaRegistry(start: string): SchemaRegistry {
  const dir = findSchemasDir(start);
  const read = (file: string): object => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as object;
  return new SchemaRegistry(read('index.json') as SchemaIndex, read);
}
