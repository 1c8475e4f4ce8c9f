// file: URIs <-> paths, without extra dependencies. VS Code encodes URIs slightly differently
// from Node (it escapes more characters), so compare URIs only after a round trip through here.
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}
