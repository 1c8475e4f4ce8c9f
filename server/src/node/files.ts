// Node-side file access shared by the CLI and the language server: recursive discovery of
// YAML files and one-line I/O error messages.
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../core/text/compare';

export const YAML_EXTENSIONS = ['.yaml', '.yml'];

export function isYamlPath(p: string): boolean {
  return YAML_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

export type FileListing = { files: string[]; errors: string[] };

/**
 * Expands files and directories (recursively, .yaml/.yml only, sorted, skipping
 * node_modules and dot-directories) into a list of files. Unreadable paths are reported.
 */
export function collectYamlFiles(paths: readonly string[]): FileListing {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`${dir}: ${ioMessage(e)}`);
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && isYamlPath(e.name)) files.push(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push(`${p}: ${ioMessage(e)}`);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, errors };
}

/** A one-line description of a Node I/O error ("no such file or directory"). */
export function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return err instanceof Error ? err.message.split('\n')[0] : String(e);
  }
}
