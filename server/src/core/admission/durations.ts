// Durations as the CRDs accept them (Go syntax: "1h2m", "1.5s", "250ms"), parsed exactly to
// nanoseconds so precision rules can be checked. Format and the 1ms minimum are the CRD's CEL
// rules (reported elsewhere); the webhook adds precision limits.
const UNIT_NS: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n,
};
const PART = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;

/** Nanoseconds, or undefined when the text is not a duration. */
export function parseDurationNs(text: string): bigint | undefined {
  let s = text.trim();
  let sign = 1n;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1n;
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  PART.lastIndex = 0;
  while (PART.lastIndex < s.length) {
    const start = PART.lastIndex;
    const m = PART.exec(s);
    if (!m || m.index !== start || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = UNIT_NS[m[3]];
    total += BigInt(m[1] || '0') * unit;
    const frac = m[2] ?? '';
    // Sub-nanosecond digits are truncated, as Go does.
    if (frac) total += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
  }
  return sign * total;
}

const MS = 1000000n;
const SECOND = 1000000000n;

/** The webhook's ValidateDuration, minus the 1ms minimum the CRD already enforces. */
export function durationPrecision(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const ns = parseDurationNs(v);
  if (ns === undefined || ns < MS) return undefined;
  return ns % MS !== 0n ? 'only durations to ms precision are supported' : undefined;
}

/** A duration that must be whole seconds (CORS maxAge). */
export function hasSubSecond(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const ns = parseDurationNs(v);
  return ns !== undefined && ns % SECOND !== 0n;
}
