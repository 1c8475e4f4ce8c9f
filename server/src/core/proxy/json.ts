// JSON helpers shared by the proxy parsers: parse with a located error, and read fields
// whatever their case (Envoy prints snake_case proto names, istiod's jsonpb prints lowerCamelCase).
import { ProxyDataError } from './errors';
import type { Json } from './types';

const camelCache = new Map<string, string>();

/** `version_info` -> `versionInfo` (memoized: called for every field read). */
export function camelOf(snake: string): string {
  let c = camelCache.get(snake);
  if (c === undefined) {
    c = snake.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
    camelCache.set(snake, c);
  }
  return c;
}

/** Field `snake` of `o`, accepting its camelCase spelling too. */
export function field(o: unknown, snake: string): unknown {
  if (o === null || typeof o !== 'object') return undefined;
  const r = o as Json;
  const v = r[snake];
  return v !== undefined ? v : r[camelOf(snake)];
}

export function obj(o: unknown, snake: string): Json | undefined {
  const v = field(o, snake);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function arr(o: unknown, snake: string): unknown[] {
  const v = field(o, snake);
  return Array.isArray(v) ? v : [];
}

export function str(o: unknown, snake: string): string {
  const v = field(o, snake);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** Numbers arrive as JSON numbers, 64-bit ones as strings, wrappers as {value}. */
export function num(o: unknown, snake: string): number {
  let v = field(o, snake);
  if (v !== null && typeof v === 'object' && 'value' in (v as Json)) v = (v as Json).value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return 0;
}

export function bool(o: unknown, snake: string): boolean {
  return field(o, snake) === true;
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Parses `body` (a string, or an already-parsed value which is returned as-is).
 * Failure: ProxyDataError "<source>: invalid JSON at position N (line L, column C): <reason>".
 */
export function parseJson(body: string | unknown, source: string): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    const { pos, reason } = locateJsonError(body);
    let line = 1;
    let lineStart = 0;
    for (let nl = body.indexOf('\n'); nl >= 0 && nl < pos; nl = body.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    const col = pos - lineStart + 1;
    if (body.trim() === '') throw new ProxyDataError(source, 'empty body, expected JSON');
    throw new ProxyDataError(source, `invalid JSON at position ${pos} (line ${line}, column ${col}): ${reason}`);
  }
}

/** Finds where a JSON text first goes wrong. Only runs after JSON.parse failed. */
export function locateJsonError(s: string): { pos: number; reason: string } {
  let i = 0;
  const n = s.length;
  const ws = (): void => { while (i < n && (s[i] === ' ' || s[i] === '\n' || s[i] === '\r' || s[i] === '\t')) i++; };
  const fail = (reason: string): never => { throw { pos: i, reason }; };
  const unexpected = (): never => fail(i >= n ? 'unexpected end of input' : `unexpected ${JSON.stringify(s[i])}`);
  const lit = (word: string): void => { if (s.startsWith(word, i)) i += word.length; else unexpected(); };
  const plain = /[^"\\\u0000-\u001f]*/y;
  const string = (): void => {
    i++;
    while (i < n) {
      plain.lastIndex = i;
      plain.exec(s);
      i = plain.lastIndex;
      if (i >= n) break;
      const c = s.charCodeAt(i);
      if (c === 34) { i++; return; }
      if (c === 92) {
        i++;
        const e = s[i];
        if (e === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail('bad \\u escape'); i += 5; } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++; else fail('bad escape');
      } else if (c < 32) fail('control character in string'); else i++;
    }
    fail('unterminated string');
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) unexpected();
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10000) fail('nesting too deep');
    ws();
    const c = s[i];
    if (c === '{') {
      i++; ws();
      if (s[i] === '}') { i++; return; }
      for (;;) {
        ws(); if (s[i] !== '"') unexpected();
        string(); ws(); if (s[i] !== ':') unexpected(); i++;
        value(depth + 1); ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === '}') { i++; return; }
        unexpected();
      }
    }
    if (c === '[') {
      i++; ws();
      if (s[i] === ']') { i++; return; }
      for (;;) {
        value(depth + 1); ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ']') { i++; return; }
        unexpected();
      }
    }
    if (c === '"') return string();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    unexpected();
  };
  try {
    value(0); ws();
    if (i < n) unexpected();
    return { pos: i, reason: 'invalid JSON' };
  } catch (e) {
    if (e && typeof e === 'object' && 'pos' in e) return e as { pos: number; reason: string };
    return { pos: i, reason: 'nesting too deep' };
  }
}
