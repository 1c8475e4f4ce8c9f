// A rule's `fieldPath` is a relative JSON path such as `.spec.ports` or `.labels['app.kubernetes.io/name']`
// (no list indexes, as Kubernetes requires). Parsed into path segments and kubectl-style text.
export function parseRuleFieldPath(fp: string): { segments: string[]; text: string } | { error: string } {
  const segments: string[] = [];
  let text = '';
  let i = 0;
  while (i < fp.length) {
    if (fp[i] === '.') {
      const m = /^[A-Za-z_$][A-Za-z0-9_$-]*/.exec(fp.slice(i + 1));
      if (!m) return { error: `expected a field name at position ${i + 1} of "${fp}"` };
      segments.push(m[0]);
      text += text ? `.${m[0]}` : m[0];
      i += 1 + m[0].length;
    } else if (fp.startsWith("['", i)) {
      const end = fp.indexOf("']", i + 2);
      if (end < 0) return { error: `unclosed [' in "${fp}"` };
      const key = fp.slice(i + 2, end);
      segments.push(key);
      text += `[${key}]`;
      i = end + 2;
    } else {
      return { error: `unexpected "${fp[i]}" at position ${i} of "${fp}"` };
    }
  }
  return segments.length ? { segments, text } : { error: 'empty fieldPath' };
}
