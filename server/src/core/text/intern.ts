// Strings that are compared and looked up again and again (kinds, API versions and groups,
// namespaces) get one internalized copy each. A parsed string is a slice of its file's text:
// every comparison with another string of the same length re-reads that text, which after a
// large workspace has been read is cold memory. Two internalized strings compare by pointer.
const table = new Map<string, string>();
/** Bound for hostile input (a workspace with a million namespaces keeps its own strings). */
const MAX_ENTRIES = 8192;

export function intern(s: string): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= MAX_ENTRIES) return s;
  // A property key is always internalized: reading it back gives the engine's unique copy.
  const unique = Object.keys({ [s]: 0 })[0] ?? s;
  table.set(unique, unique);
  return unique;
}
