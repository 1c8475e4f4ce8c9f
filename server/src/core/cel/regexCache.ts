// `matches()` with each pattern compiled once. The CEL library's own `matches` compiles its RE2
// pattern on every call; CRD rules use a handful of constant patterns on every list element, so
// the compile dominated rule evaluation. Same engine, same semantics: a pattern that does not
// compile throws every time, as before (it is not cached).
import { RE2JS } from '@bufbuild/re2';

/** Bound on distinct patterns kept (messageExpression or data-driven patterns could be many). */
const MAX_PATTERNS = 512;

type Matcher = ReturnType<typeof RE2JS.compile>;
const compiled = new Map<string, Matcher>();

export const cachedRe2 = {
  compile(pattern: string): Matcher {
    let m = compiled.get(pattern);
    if (!m) {
      m = RE2JS.compile(pattern);
      if (compiled.size >= MAX_PATTERNS) compiled.clear();
      compiled.set(pattern, m);
    }
    return m;
  },
};
