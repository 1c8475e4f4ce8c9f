// Go's net/url parsing, as far as Kubernetes' CEL URL library relies on it: `isURL(s)` and
// `url(s)` accept exactly what url.ParseRequestURI accepts, and the accessors return what
// url.Parse puts in the URL fields. A faithful port keeps our verdicts equal to the API server's.

export interface GoUrl {
  scheme: string;
  opaque: string;
  user: string | null;
  host: string;
  path: string;
  /** The path as written when it differs from Go's default escaping of `path` (Go's RawPath). */
  rawPath: string;
  rawQuery: string;
  fragment: string;
}

export class GoUrlError extends Error {}

function hasCtlByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new GoUrlError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c);
const UNRESERVED = /[A-Za-z0-9\-_.~]/;
// Characters Go leaves unescaped in a host (RFC 3986 sub-delims, ':' and IP-literal brackets, plus
// '<', '>' and '"' which Go tolerates there).
const HOST_OK = /[!$&'()*+,;=:[\]<>"]/;

/** Go's unescape for host or path mode: validates %XX escapes (and host characters) and decodes. */
function unescape(s: string, mode: 'host' | 'path'): string {
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        const bad = s.slice(i, i + 3);
        throw new GoUrlError(`invalid URL escape "${bad}"`);
      }
      if (mode === 'host' && parseInt(s[i + 1], 16) < 8 && s.slice(i, i + 3) !== '%25') {
        throw new GoUrlError(`invalid URL escape "${s.slice(i, i + 3)}"`);
      }
      i += 3;
      continue;
    }
    if (mode === 'host' && c.charCodeAt(0) < 0x80 && !UNRESERVED.test(c) && !HOST_OK.test(c)) {
      throw new GoUrlError(`invalid character "${c}" in host name`);
    }
    i++;
  }
  try {
    return decodeURIComponent(s);
  } catch {
    // Escapes that are valid hex but not UTF-8: Go keeps the bytes; we keep the text as written.
    return s;
  }
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new GoUrlError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new GoUrlError(`invalid port "${colonPort}" after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new GoUrlError(`invalid port "${colonPort}" after host`);
    }
  }
  return unescape(host, 'host');
}

function parseAuthority(authority: string): { user: string | null; host: string } {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { user: null, host };
  const userinfo = authority.slice(0, i);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new GoUrlError('net/url: invalid userinfo');
  return { user: userinfo, host };
}

/** url.Parse (viaRequest=false) or url.ParseRequestURI (viaRequest=true). */
export function parseGoUrl(raw: string, viaRequest: boolean): GoUrl {
  if (hasCtlByte(raw)) throw new GoUrlError('net/url: invalid control character in URL');
  let rest = raw;
  let fragment = '';
  if (!viaRequest) {
    const h = rest.indexOf('#');
    if (h >= 0) {
      fragment = rest.slice(h + 1);
      rest = rest.slice(0, h);
    }
  }
  if (rest === '' && viaRequest) throw new GoUrlError('empty url');
  const url: GoUrl = { scheme: '', opaque: '', user: null, host: '', path: '', rawPath: '', rawQuery: '', fragment };
  if (rest === '*') {
    url.path = '*';
    return url;
  }
  [url.scheme, rest] = getScheme(rest);
  url.scheme = url.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    if (viaRequest) throw new GoUrlError('invalid URI for request');
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) {
      throw new GoUrlError('first path segment in URL cannot contain colon');
    }
  }
  if ((url.scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    const a = parseAuthority(authority);
    url.user = a.user;
    url.host = a.host;
  }
  url.path = unescape(rest, 'path');
  url.rawPath = escapePath(url.path) === rest ? '' : rest;
  return url;
}

/** URL.Hostname(): host without port and without IPv6 brackets. */
export function goHostname(u: GoUrl): string {
  const { host } = splitHostPort(u.host);
  return host.startsWith('[') ? host.slice(1, host.endsWith(']') ? -1 : undefined) : host;
}

/** URL.Port(): the digits after the last ':' of the host, if valid. */
export function goPort(u: GoUrl): string {
  return splitHostPort(u.host).port;
}

function splitHostPort(hostPort: string): { host: string; port: string } {
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(hostPort.slice(colon)) && colon > hostPort.lastIndexOf(']')) {
    return { host: hostPort.slice(0, colon), port: hostPort.slice(colon + 1) };
  }
  return { host: hostPort, port: '' };
}

// Go's shouldEscape(c, encodePath): unreserved characters and $&+,/:;=@ stay as they are.
const PATH_KEEP = /[A-Za-z0-9\-_.~$&+,/:;=@]/;
const escapePath = (p: string) => p.replace(/[^A-Za-z0-9\-_.~$&+,/:;=@]/gu, (c) => encodeURIComponent(c));

/** Go's validEncoded(s, encodePath): the raw path may be returned as written. */
function validEncodedPath(s: string): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]%".includes(c) || c.charCodeAt(0) >= 0x80 || PATH_KEEP.test(c)) continue;
    return false;
  }
  return true;
}

/** URL.EscapedPath(): the path as written when that is a valid encoding of it, else Go's escaping. */
export function goEscapedPath(u: GoUrl): string {
  if (u.rawPath && validEncodedPath(u.rawPath)) {
    try {
      if (decodeURIComponent(u.rawPath) === u.path) return u.rawPath;
    } catch {
      // fall through to the default escaping
    }
  }
  if (u.path === '*') return '*';
  return escapePath(u.path);
}

/** URL.Query(): query parameters, each a list of values in order. */
export function goQuery(u: GoUrl): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of u.rawQuery.split('&')) {
    if (part === '' || part.includes(';')) continue;
    const eq = part.indexOf('=');
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return null;
      }
    };
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    const v = dec(eq < 0 ? '' : part.slice(eq + 1));
    if (k === null || v === null) continue;
    out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}
