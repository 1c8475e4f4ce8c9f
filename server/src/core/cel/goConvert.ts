// String conversions with Go's semantics, because cel-go (the API server's CEL) implements
// `duration(string)` with time.ParseDuration and `int(string)` with strconv.ParseInt: what they
// accept and how they word a failure is what `kubectl apply` shows.
import { celFunc, CelScalar, objectType } from '@bufbuild/cel';
import { create } from '@bufbuild/protobuf';
import { DurationSchema } from '@bufbuild/protobuf/wkt';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** strconv.ParseInt(s, 10, 64). */
export function goParseInt(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > INT64_MAX || n < INT64_MIN) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

const UNITS: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n,
};

/** time.ParseDuration: nanoseconds, or an Error worded as Go words it. */
export function goParseDuration(orig: string): bigint {
  const invalid = () => new Error(`time: invalid duration ${JSON.stringify(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) throw invalid();
    const int = /^[0-9]*/.exec(s)![0];
    s = s.slice(int.length);
    let frac = '';
    let hasFrac = false;
    if (s[0] === '.') {
      s = s.slice(1);
      frac = /^[0-9]*/.exec(s)![0];
      s = s.slice(frac.length);
      hasFrac = frac.length > 0;
    }
    if (int === '' && !hasFrac) throw invalid();
    const unitText = /^[^0-9.]*/.exec(s)![0];
    if (unitText === '') throw new Error(`time: missing unit in duration ${JSON.stringify(orig)}`);
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unitText)} in duration ${JSON.stringify(orig)}`);
    let v = BigInt(int || '0') * unit;
    if (hasFrac) {
      // Go scales the fraction in float64; at most 18 digits take part, as in leadingFraction.
      const digits = frac.slice(0, 18);
      v += BigInt(Math.trunc(Number(digits) * (Number(unit) / 10 ** digits.length)));
    }
    total += v;
    if (total > (neg ? -INT64_MIN : INT64_MAX)) throw invalid();
  }
  return neg ? -total : total;
}

const DURATION = objectType(DurationSchema);

export const goConvertFuncs = [
  celFunc('int', [CelScalar.STRING], CelScalar.INT, goParseInt),
  celFunc('duration', [CelScalar.STRING], DURATION, (s: string) => {
    const ns = goParseDuration(s);
    return create(DurationSchema, { seconds: ns / 1_000_000_000n, nanos: Number(ns % 1_000_000_000n) });
  }),
];
