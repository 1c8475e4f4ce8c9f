// X.509 certificate facts read straight from DER: validity, serial, SANs, CA flag and key ids.
// No signature checks here (core stays free of crypto); see chainsTo() for the optional verifier.
import { base64Decode, bytesOf, children, DerError, hex, latin1, oidOf, readTlv, textOf, timeOf, type Tlv } from './der';

export interface Certificate {
  /** Serial as lowercase hex of the magnitude, no leading zeros ("0" for zero). */
  readonly serialHex: string;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly isCA: boolean;
  readonly uris: string[];
  readonly dnsNames: string[];
  readonly ipAddresses: string[];
  /** Issuer and subject Name as hex of their DER (compared byte-wise, as Go's x509 does for chains). */
  readonly issuerDer: string;
  readonly subjectDer: string;
  readonly issuer: string;
  readonly subject: string;
  readonly subjectKeyId: string;
  readonly authorityKeyId: string;
  readonly der: Uint8Array;
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.5': 'SERIALNUMBER',
};

/** Parses one DER certificate. Throws DerError with the reason when it is not one. */
export function parseCertificate(der: Uint8Array): Certificate {
  const cert = readTlv(der, 0);
  if (cert.tag !== 0x30) throw new DerError('not a DER SEQUENCE');
  const [tbs] = children(der, cert);
  if (!tbs || tbs.tag !== 0x30) throw new DerError('missing tbsCertificate');
  const f = children(der, tbs);
  let i = 0;
  if (f[0]?.tag === 0xa0) i++; // [0] version
  const serial = f[i++];
  i++; // signature algorithm
  const issuer = f[i++];
  const validity = f[i++];
  const subject = f[i++];
  i++; // subjectPublicKeyInfo
  if (!serial || serial.tag !== 0x02 || !issuer || !validity || validity.tag !== 0x30 || !subject) throw new DerError('malformed tbsCertificate');
  const [nb, na] = children(der, validity);
  if (!nb || !na) throw new DerError('malformed validity');
  const out = {
    serialHex: serialHexOf(bytesOf(der, serial)),
    notBefore: timeOf(der, nb),
    notAfter: timeOf(der, na),
    isCA: false,
    uris: [] as string[],
    dnsNames: [] as string[],
    ipAddresses: [] as string[],
    issuerDer: hex(der.subarray(issuer.start, issuer.end)),
    subjectDer: hex(der.subarray(subject.start, subject.end)),
    issuer: nameText(der, issuer),
    subject: nameText(der, subject),
    subjectKeyId: '',
    authorityKeyId: '',
    der,
  };
  const ext = f.slice(i).find((t) => t.tag === 0xa3);
  if (ext) {
    const [list] = children(der, ext);
    if (list) for (const e of children(der, list)) readExtension(der, e, out);
  }
  return out;
}

function serialHexOf(b: Uint8Array): string {
  const h = hex(b).replace(/^0+/, '');
  return h === '' ? '0' : h;
}

function nameText(der: Uint8Array, name: Tlv): string {
  const parts: string[] = [];
  for (const rdn of children(der, name)) {
    for (const atv of children(der, rdn)) {
      const [type, value] = children(der, atv);
      if (!type || !value) continue;
      const oid = oidOf(der, type);
      parts.push(`${SHORT_NAMES[oid] ?? oid}=${textOf(der, value)}`);
    }
  }
  return parts.join(',');
}

type MutableCert = { -readonly [K in keyof Certificate]: Certificate[K] };

function readExtension(der: Uint8Array, e: Tlv, out: MutableCert): void {
  const parts = children(der, e);
  const id = parts[0] ? oidOf(der, parts[0]) : '';
  const value = parts[parts.length - 1];
  if (!value || value.tag !== 0x04) return;
  const inner = readTlv(der, value.body, value.end);
  switch (id) {
    case '2.5.29.19': { // basicConstraints { cA BOOLEAN DEFAULT FALSE, ... }
      const first = children(der, inner)[0];
      out.isCA = !!first && first.tag === 0x01 && der[first.body] !== 0;
      return;
    }
    case '2.5.29.17': // subjectAltName
      for (const g of children(der, inner)) {
        if (g.tag === 0x86) out.uris.push(textOf(der, g));
        else if (g.tag === 0x82) out.dnsNames.push(textOf(der, g));
        else if (g.tag === 0x87) out.ipAddresses.push(ipText(bytesOf(der, g)));
      }
      return;
    case '2.5.29.14': // subjectKeyIdentifier
      out.subjectKeyId = hex(bytesOf(der, inner));
      return;
    case '2.5.29.35': { // authorityKeyIdentifier { [0] keyIdentifier ... }
      const kid = children(der, inner).find((t) => t.tag === 0x80);
      if (kid) out.authorityKeyId = hex(bytesOf(der, kid));
      return;
    }
  }
}

function ipText(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  const groups: string[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return groups.join(':');
}

/** Every PEM block's DER bytes, in order (types other than CERTIFICATE included, as pem.Decode does for the first). */
export function pemBlocks(pem: string): { type: string; der: Uint8Array }[] {
  const out: { type: string; der: Uint8Array }[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(pem); m; m = re.exec(pem)) out.push({ type: m[1]!, der: base64Decode(m[2]!.replace(/^[A-Za-z-]+:.*$/gm, '')) });
  return out;
}

/** PEM text held as base64 in an Envoy `inline_bytes` field. */
export function pemFromInlineBytes(b64: string): string {
  return latin1(base64Decode(b64));
}

/** Optional cryptographic check, injected by a Node-side caller: does `parent` sign `child`? */
export type SignatureVerifier = (child: Certificate, parent: Certificate) => boolean;

/** Could `parent` have issued `child`: names match and, when both are present, key ids match. */
export function issuedBy(child: Certificate, parent: Certificate, verify?: SignatureVerifier): boolean {
  if (child.issuerDer !== parent.subjectDer) return false;
  if (child.authorityKeyId && parent.subjectKeyId && child.authorityKeyId !== parent.subjectKeyId) return false;
  return verify ? verify(child, parent) : true;
}

/**
 * Whether `leaf` reaches one of `roots` through `intermediates` (the rest of its own chain).
 * Depth-limited so a looping bundle cannot hang.
 */
export function chainsTo(leaf: Certificate, intermediates: readonly Certificate[], roots: readonly Certificate[], verify?: SignatureVerifier): boolean {
  let frontier: Certificate[] = [leaf];
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: Certificate[] = [];
    for (const c of frontier) {
      if (roots.some((r) => issuedBy(c, r, verify) || (c.der.length === r.der.length && hex(c.der) === hex(r.der)))) return true;
      for (const m of intermediates) if (m !== c && issuedBy(c, m, verify)) next.push(m);
    }
    frontier = next;
  }
  return false;
}

/** RFC 3339 at second precision in UTC, like Go's time.Format(time.RFC3339) for UTC times. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
