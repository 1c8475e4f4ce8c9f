// Secret rows (istioctl `proxy-config secret`) from a SecretsConfigDump, or from Envoy's /certs.
// Expiry comes from the certificate itself; "now" is injected so results are reproducible.
import { DerError } from './der';
import { arr, isObject, obj, parseJson, str } from './json';
import { ProxyDataError } from './errors';
import type { ConfigDump, DumpEntry, SecretRow } from './types';
import { chainsTo, parseCertificate, pemBlocks, pemFromInlineBytes, rfc3339, type Certificate, type SignatureVerifier } from './x509';

export interface SecretOptions {
  /** Epoch milliseconds used for VALID CERT and time left. */
  readonly now: number;
  /** Optional signature check used when testing whether a workload cert chains to ROOTCA. */
  readonly verify?: SignatureVerifier;
}

/** One TLS context of /certs. */
export interface CertDetails {
  readonly path: string;
  readonly serialNumber: string;
  readonly uris: string[];
  readonly dnsNames: string[];
  readonly validFrom: string;
  readonly expirationTime: string;
}
export interface CertsInfo { readonly contexts: { caCert: CertDetails[]; certChain: CertDetails[] }[] }

/** Parses Envoy's /certs JSON. @throws ProxyDataError on bad JSON or shape. */
export function parseCerts(body: string | unknown): CertsInfo {
  const root = parseJson(body, 'certs');
  if (!isObject(root) || !Array.isArray(root.certificates)) throw new ProxyDataError('certs', 'expected an object with a "certificates" array');
  const details = (list: unknown[]): CertDetails[] => list.filter(isObject).map((d) => ({
    path: str(d, 'path'),
    serialNumber: str(d, 'serial_number'),
    uris: arr(d, 'subject_alt_names').map((s) => str(s, 'uri')).filter(Boolean),
    dnsNames: arr(d, 'subject_alt_names').map((s) => str(s, 'dns')).filter(Boolean),
    validFrom: str(d, 'valid_from'),
    expirationTime: str(d, 'expiration_time'),
  }));
  return { contexts: root.certificates.filter(isObject).map((c) => ({ caCert: details(arr(c, 'ca_cert')), certChain: details(arr(c, 'cert_chain')) })) };
}

/** istioctl prints serials with %032x: lowercase, zero-padded to 32 digits. */
export function istioSerial(hexMagnitude: string): string {
  return hexMagnitude.toLowerCase().replace(/^0+(?=.)/, '').padStart(32, '0');
}

interface Parsed { certs: Certificate[]; error?: string }

function parseBundle(inlineB64: string): Parsed {
  try {
    const blocks = pemBlocks(pemFromInlineBytes(inlineB64));
    if (blocks.length === 0) return { certs: [], error: 'no PEM block in inline_bytes' };
    return { certs: blocks.filter((b) => b.type === 'CERTIFICATE' || b === blocks[0]).map((b) => parseCertificate(b.der)) };
  } catch (e) {
    return { certs: [], error: e instanceof DerError ? `bad certificate: ${e.message}` : String(e) };
  }
}

interface Candidate { entry: DumpEntry; status: string; data?: Parsed; trustDomain?: string }

/** Rows in istioctl order: warming, then active, then static; one row per SPIFFE trust domain. */
export function secretRows(source: ConfigDump | CertsInfo, opts: SecretOptions): SecretRow[] {
  if ('contexts' in source) return certsRows(source, opts);
  const order: [DumpEntry['state'], string][] = [['warming', 'WARMING'], ['active', 'ACTIVE'], ['static', 'STATIC']];
  const cands: Candidate[] = [];
  for (const [state, status] of order) {
    for (const entry of source.secrets.filter((s) => s.state === state)) {
      const secret = entry.resource;
      const chain = str(obj(obj(secret, 'tls_certificate'), 'certificate_chain'), 'inline_bytes');
      const vc = obj(secret, 'validation_context');
      const ca = str(obj(vc, 'trusted_ca'), 'inline_bytes');
      if (chain) cands.push({ entry, status, data: parseBundle(chain) });
      else if (ca) cands.push({ entry, status, data: parseBundle(ca) });
      else {
        const domains = spiffeTrustDomains(vc);
        if (domains.length === 0) cands.push({ entry, status });
        for (const d of domains) cands.push({ entry, status, data: parseBundle(d.bundle), trustDomain: d.name });
      }
    }
  }
  const roots = cands.filter((c) => c.entry.name === 'ROOTCA' || (c.data?.certs[0]?.isCA && !str(obj(obj(c.entry.resource, 'tls_certificate'), 'certificate_chain'), 'inline_bytes')))
    .flatMap((c) => c.data?.certs ?? []);
  const rows = cands.map((c) => rowOf(c, roots, opts));
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (!r.serialNumber) return true;
    const key = `${r.name}\u0000${r.serialNumber}\u0000${r.trustDomain}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function spiffeTrustDomains(vc: unknown): { name: string; bundle: string }[] {
  const cfg = obj(obj(vc, 'custom_validator_config'), 'typed_config');
  return arr(cfg, 'trust_domains').filter(isObject).map((d) => ({ name: str(d, 'name'), bundle: str(obj(d, 'trust_bundle'), 'inline_bytes') }));
}

function rowOf(c: Candidate, roots: Certificate[], opts: SecretOptions): SecretRow {
  const base = { name: c.entry.name, status: c.status, versionInfo: c.entry.versionInfo, lastUpdated: c.entry.lastUpdated };
  const leaf = c.data?.certs[0];
  if (!leaf) {
    return { ...base, type: '', validCert: false, serialNumber: '', notBefore: '', notAfter: '', trustDomain: c.trustDomain ?? '', identity: '', timeLeftSeconds: null, chainsToRoot: null, chainLength: 0, ...(c.data?.error ? { error: c.data.error } : {}) };
  }
  const identity = leaf.uris.find((u) => u.startsWith('spiffe://')) ?? '';
  const isWorkload = !leaf.isCA;
  return {
    ...base,
    type: leaf.isCA ? 'CA' : 'Cert Chain',
    validCert: opts.now > leaf.notBefore && opts.now < leaf.notAfter,
    serialNumber: istioSerial(leaf.serialHex),
    notBefore: rfc3339(leaf.notBefore),
    notAfter: rfc3339(leaf.notAfter),
    trustDomain: c.trustDomain ?? uriHost(leaf.uris[0] ?? ''),
    identity,
    timeLeftSeconds: Math.floor((leaf.notAfter - opts.now) / 1000),
    chainsToRoot: isWorkload && roots.length > 0 ? chainsTo(leaf, c.data!.certs.slice(1), roots, opts.verify) : null,
    chainLength: c.data!.certs.length,
  };
}

function uriHost(uri: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(uri);
  if (!m) return '';
  return m[1]!.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
}

/** /certs: one entry per TLS context, repeated many times; rows deduplicated by serial. */
function certsRows(info: CertsInfo, opts: SecretOptions): SecretRow[] {
  const seen = new Set<string>();
  const rows: SecretRow[] = [];
  const add = (d: CertDetails, kind: 'ca' | 'chain'): void => {
    const serial = istioSerial(d.serialNumber || '0');
    const key = `${kind}:${serial}`;
    if (seen.has(key)) return;
    seen.add(key);
    const nb = Date.parse(d.validFrom);
    const na = Date.parse(d.expirationTime);
    const ok = Number.isFinite(nb) && Number.isFinite(na);
    rows.push({
      name: kind === 'ca' ? 'ROOTCA' : 'default',
      type: kind === 'ca' ? 'CA' : 'Cert Chain',
      status: 'ACTIVE',
      validCert: ok && opts.now > nb && opts.now < na,
      serialNumber: d.serialNumber ? serial : '',
      notBefore: Number.isFinite(nb) ? rfc3339(nb) : '',
      notAfter: Number.isFinite(na) ? rfc3339(na) : '',
      trustDomain: kind === 'ca' ? trustDomainOfPath(d.path) : uriHost(d.uris[0] ?? ''),
      identity: d.uris.find((u) => u.startsWith('spiffe://')) ?? '',
      timeLeftSeconds: Number.isFinite(na) ? Math.floor((na - opts.now) / 1000) : null,
      chainsToRoot: null,
      chainLength: 1,
    });
  };
  for (const ctx of info.contexts) for (const d of ctx.certChain) add(d, 'chain');
  for (const ctx of info.contexts) for (const d of ctx.caCert) add(d, 'ca');
  return rows;
}

/** SPIFFE validator bundles show as "<trust-domain>: <inline>". */
function trustDomainOfPath(path: string): string {
  const m = /^(.+): <inline>$/.exec(path);
  return m ? m[1]! : '';
}

