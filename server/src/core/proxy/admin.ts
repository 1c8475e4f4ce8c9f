// Small text endpoints of the Envoy admin: /ready, /stats, /stats/prometheus.
import { ProxyDataError } from './errors';

export interface Readiness {
  /** LIVE, DRAINING, PRE_INITIALIZING, INITIALIZING, or '' when the body was empty. */
  readonly state: string;
  readonly ready: boolean;
  readonly httpStatus: number;
}

const STATES = ['LIVE', 'DRAINING', 'PRE_INITIALIZING', 'INITIALIZING'];

/**
 * `/ready` (body is the state name) or the agent's `/healthz/ready` (empty body, status only).
 * @throws ProxyDataError when the body is neither empty nor a state name.
 */
export function parseReady(body: string, httpStatus: number): Readiness {
  const state = body.trim();
  if (state !== '' && !STATES.includes(state)) {
    throw new ProxyDataError('ready', `unexpected body ${JSON.stringify(state.slice(0, 60))} (HTTP ${httpStatus}), expected one of ${STATES.join(', ')}`);
  }
  return { state, ready: httpStatus === 200 && (state === '' || state === 'LIVE'), httpStatus };
}

/** `/stats` text: `name: value` lines; numbers as numbers, text readouts (quoted) as strings. */
export function parseStats(body: string): Map<string, number | string> {
  const out = new Map<string, number | string>();
  let bad = 0;
  let firstBad = '';
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const i = line.lastIndexOf(': ');
    if (i <= 0) {
      if (!bad) firstBad = line;
      bad++;
      continue;
    }
    const name = line.slice(0, i);
    const raw = line.slice(i + 2).trim();
    if (/^-?\d+(\.\d+)?$/.test(raw)) out.set(name, Number(raw));
    else if (raw.startsWith('"') && raw.endsWith('"')) out.set(name, raw.slice(1, -1));
    else if (raw.startsWith('P0(') || raw.startsWith('No recorded values')) out.set(name, raw); // histogram summary
    else {
      if (!bad) firstBad = line;
      bad++;
    }
  }
  if (out.size === 0 && bad > 0) throw new ProxyDataError('stats', `no "name: value" lines; first line is ${JSON.stringify(firstBad.slice(0, 80))}`);
  return out;
}

export interface PromSample { readonly name: string; readonly labels: Record<string, string>; readonly value: number }
export interface PromFamily { readonly name: string; readonly type: string; readonly help: string; readonly samples: PromSample[] }

/**
 * Prometheus text exposition (0.0.4). Families keyed by metric name; samples of histograms
 * (`_bucket`, `_sum`, `_count`) stay under their family.
 * @throws ProxyDataError naming the first malformed line.
 */
export function parsePrometheus(body: string): Map<string, PromFamily> {
  const families = new Map<string, PromFamily>();
  const family = (name: string): PromFamily => {
    let f = families.get(name);
    if (!f) { f = { name, type: 'untyped', help: '', samples: [] }; families.set(name, f); }
    return f;
  };
  const lines = body.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+(TYPE|HELP)\s+(\S+)\s*(.*)$/.exec(line);
      if (m) {
        const f = family(m[2]!);
        families.set(m[2]!, m[1] === 'TYPE' ? { ...f, type: m[3]! } : { ...f, help: m[3]! });
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+-?\d+)?$/.exec(line);
    const value = m ? parsePromValue(m[4]!) : NaN;
    if (!m || Number.isNaN(value) && m[4] !== 'NaN') throw new ProxyDataError('stats/prometheus', `malformed line ${n + 1}: ${JSON.stringify(line.slice(0, 80))}`);
    const labels = m[3] ? parseLabels(m[3], n + 1) : {};
    const name = m[1]!;
    const base = families.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    family(families.has(base) ? base : name).samples.push({ name, labels, value });
  }
  return families;
}

function parsePromValue(v: string): number {
  if (v === '+Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  return Number(v);
}

function parseLabels(s: string, lineNo: number): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) throw new ProxyDataError('stats/prometheus', `malformed labels on line ${lineNo}: {${s.slice(0, 60)}}`);
    out[m[1]!] = m[2]!.replace(/\\(.)/g, (_x, c: string) => (c === 'n' ? '\n' : c));
    pos = re.lastIndex;
  }
  return out;
}
