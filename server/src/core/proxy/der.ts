// A small DER reader: enough ASN.1 to walk an X.509 certificate. Pure (no node:crypto).

export interface Tlv {
  /** Full identifier octet (class + constructed bit + tag number for low tags). */
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly body: number;
  /** Offset just after the content. */
  readonly end: number;
}

export class DerError extends Error {}

/** Reads the TLV at `pos` of `buf`, staying inside `limit`. */
export function readTlv(buf: Uint8Array, pos: number, limit = buf.length): Tlv {
  if (pos + 2 > limit) throw new DerError(`truncated DER at offset ${pos}`);
  const tag = buf[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`multi-byte tag at offset ${pos} not supported`);
  let len = buf[pos + 1]!;
  let body = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DerError(`bad length at offset ${pos}`);
    if (body + n > limit) throw new DerError(`truncated length at offset ${pos}`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[body + i]!;
    body += n;
  }
  const end = body + len;
  if (end > limit) throw new DerError(`element at offset ${pos} runs past its container`);
  return { tag, start: pos, body, end };
}

/** The child elements of a constructed TLV. */
export function children(buf: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = t.body;
  while (p < t.end) {
    const c = readTlv(buf, p, t.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

export function bytesOf(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.body, t.end);
}

export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function oidOf(buf: Uint8Array, t: Tlv): string {
  const b = bytesOf(buf, t);
  if (b.length === 0) return '';
  const parts: number[] = [Math.floor(b[0]! / 40), b[0]! % 40];
  if (b[0]! >= 80) { parts[0] = 2; parts[1] = b[0]! - 80; }
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) { parts.push(v); v = 0; }
  }
  return parts.join('.');
}

/** Latin-1/ASCII/UTF-8 string types (IA5, Printable, UTF8, T61) as text. */
export function textOf(buf: Uint8Array, t: Tlv): string {
  const b = bytesOf(buf, t);
  let ascii = true;
  for (const x of b) if (x > 0x7f) { ascii = false; break; }
  if (ascii) return String.fromCharCode(...b);
  return new TextDecoder('utf-8', { fatal: false }).decode(b);
}

/** UTCTime (0x17) or GeneralizedTime (0x18) to epoch milliseconds (UTC). */
export function timeOf(buf: Uint8Array, t: Tlv): number {
  const s = textOf(buf, t);
  const m = t.tag === 0x17
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s);
  if (!m) throw new DerError(`unsupported time "${s}"`);
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const a = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) a[B64.charCodeAt(i)] = i;
  a['-'.charCodeAt(0)] = 62; // URL-safe alphabet too
  a['_'.charCodeAt(0)] = 63;
  return a;
})();

/** Decodes base64 (standard or URL-safe, whitespace ignored). Throws DerError on other characters. */
export function base64Decode(s: string): Uint8Array {
  const out = new Uint8Array(Math.floor((s.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) break; // '=' padding
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    const v = c < 128 ? B64_INDEX[c]! : -1;
    if (v < 0) throw new DerError(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Bytes as a latin-1 string (PEM text is ASCII). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
