// RE2 syntax check: Envoy compiles route regexes with RE2, so anything RE2 rejects (lookarounds,
// backreferences, possessive quantifiers...) is refused by the webhook. The results are cached
// because the same patterns are re-checked on every keystroke.
import { RE2JS } from '@bufbuild/re2';

const cache = new Map<string, string | undefined>();
const CACHE_LIMIT = 2000;

/** undefined when RE2 accepts the pattern, else RE2's message (`error parsing regexp: ...`). */
export function validateRegexRE2(pattern: string): string | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let err: string | undefined;
  try {
    new RE2JS(pattern);
  } catch (e) {
    err = e instanceof Error ? e.message : String(e);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, err);
  return err;
}

/** The webhook's check of a regex used in a match (`where` names the match, e.g. "uri"). */
export function validateStringRegexp(re: string, where: string): string | undefined {
  if (re.length > 1024) return `"${where}": regex is too large, max length allowed is 1024`;
  const err = validateRegexRE2(re);
  return err ? `"${where}": ${err}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)` : undefined;
}
