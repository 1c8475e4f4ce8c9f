// YAML, VS Code and LineIndex take a lone CR (old Mac line ending) as a line break; the `yaml`
// package does not: it reads a `\r`-only file as one long line, so its errors (and values) are
// wrong. The parsers get the text with every lone CR turned into LF, which keeps the length and
// so every offset: spans found on it are spans in the original text.

const LONE_CR = /\r(?!\n)/;

export function hasLoneCr(text: string): boolean {
  return LONE_CR.test(text);
}

/** `text` with each lone CR replaced by LF (the same string when there is none). */
export function withLineFeeds(text: string): string {
  return hasLoneCr(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}
