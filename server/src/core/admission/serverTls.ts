// Server-side TLS settings (Gateway servers, Sidecar ingress): which certificate fields each
// mode requires or forbids, cipher suites and protocol versions.
import type { Path } from '../model/resource';
import { type Ctx, arr, obj, str, strs } from './context';

const CIPHERS = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);

function cipherValid(cs: string): boolean {
  if (cs === '' || cs === 'ALL') return true;
  // Operators such as `-` and `+` start expressions that are passed through unchecked.
  if (!/^[\p{L}\p{N}]/u.test(cs)) return true;
  return CIPHERS.has(cs);
}

export function validateServerTLS(ctx: Ctx, path: Path, raw: unknown): void {
  const t = obj(raw);
  if (!t) return;
  const mode = str(t.mode) ?? 'PASSTHROUGH';
  const set = (f: string): boolean => (str(t[f]) ?? '') !== '';
  // credentialNames / tlsCertificates are newer ways of naming the same credentials.
  const credential = set('credentialName') || arr(t.credentialNames).length > 0 || arr(t.tlsCertificates).length > 0;
  const min = str(t.minProtocolVersion);
  const ciphers = strs(t.cipherSuites);
  if ((min === 'TLSV1_0' || min === 'TLSV1_1') && ciphers.length === 0) {
    ctx.warn([...path, 'minProtocolVersion'], 'TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.');
  }
  const invalid = new Set<string>();
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of ciphers) {
    if (!cipherValid(c)) invalid.add(c);
    else if (seen.has(c)) dup.add(c);
    else seen.add(c);
  }
  if (invalid.size) ctx.warn([...path, 'cipherSuites'], `ignoring invalid cipher suites: [${[...invalid].sort().join(' ')}]`);
  if (dup.size) ctx.warn([...path, 'cipherSuites'], `ignoring duplicate cipher suites: [${[...dup].sort().join(' ')}]`);
  if (mode === 'ISTIO_MUTUAL') {
    if (set('serverCertificate')) ctx.error([...path, 'serverCertificate'], 'ISTIO_MUTUAL TLS cannot have associated server certificate', 'key');
    if (set('privateKey')) ctx.error([...path, 'privateKey'], 'ISTIO_MUTUAL TLS cannot have associated private key', 'key');
    if (set('caCertificates')) ctx.error([...path, 'caCertificates'], 'ISTIO_MUTUAL TLS cannot have associated CA bundle', 'key');
    if (set('credentialName')) ctx.error([...path, 'credentialName'], 'ISTIO_MUTUAL TLS cannot have associated credentialName', 'key');
    return;
  }
  if ((mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') && (set('caCrl') || set('serverCertificate') || set('privateKey') || set('caCertificates') || set('credentialName'))) {
    ctx.warn([...path, 'mode'], `${mode} mode does not use certificates, they will be ignored`);
  }
  const simple = mode === 'SIMPLE';
  const mutual = mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if ((simple || mutual) && credential) return;
  if (simple) {
    if (!set('serverCertificate')) ctx.error([...path, 'mode'], 'SIMPLE TLS requires a server certificate');
    if (!set('privateKey')) ctx.error([...path, 'mode'], 'SIMPLE TLS requires a private key');
  } else if (mutual) {
    if (!set('serverCertificate')) ctx.error([...path, 'mode'], 'MUTUAL TLS requires a server certificate');
    if (!set('privateKey')) ctx.error([...path, 'mode'], 'MUTUAL TLS requires a private key');
    if (!set('caCertificates') && !set('caCertCredentialName')) ctx.error([...path, 'mode'], 'MUTUAL TLS requires a client CA bundle');
  }
  if (set('caCrl')) {
    if (set('credentialName')) ctx.error([...path, 'caCrl'], 'CRL is not supported with credentialName. CRL has to be specified in the credential', 'key');
    if (simple) ctx.error([...path, 'caCrl'], 'CRL is not supported with SIMPLE TLS', 'key');
  }
}
