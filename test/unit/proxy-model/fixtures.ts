// Fixture access for the proxy data-model tests (real Envoy / istioctl files, read-only).
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURES = process.env.HM_FIXTURES ?? '/work/shared/fixtures';

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

/** All files under `dir` (relative to the fixtures root) whose name matches `re`. */
export function fixtureFiles(dir: string, re: RegExp): string[] {
  const root = path.join(FIXTURES, dir);
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(e.name)) out.push(path.relative(FIXTURES, p));
    }
  };
  walk(root);
  return out.sort();
}

/** Base64 of a PEM file, as Envoy puts it in `inline_bytes`. */
export function inlineBytes(pemFile: string): string {
  return Buffer.from(fixture(`certs-pem/${pemFile}`)).toString('base64');
}

/** A masked SecretsConfigDump body holding the given secrets. */
export function secretsDump(secrets: { name: string; chain?: string; ca?: string; warming?: boolean }[]): string {
  const entry = (s: (typeof secrets)[number]): object => ({
    name: s.name,
    version_info: s.warming ? 'uninitialized' : '2026-11-23T04:00:00Z/3',
    last_updated: '2026-11-23T04:00:01.000Z',
    secret: {
      '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret',
      name: s.name,
      ...(s.chain ? { tls_certificate: { certificate_chain: { inline_bytes: s.chain }, private_key: { inline_bytes: 'W3JlZGFjdGVkXQ==' } } } : {}),
      ...(s.ca ? { validation_context: { trusted_ca: { inline_bytes: s.ca } } } : {}),
    },
  });
  return JSON.stringify({ configs: [{
    '@type': 'type.googleapis.com/envoy.admin.v3.SecretsConfigDump',
    dynamic_active_secrets: secrets.filter((s) => !s.warming).map(entry),
    dynamic_warming_secrets: secrets.filter((s) => s.warming).map(entry),
  }] });
}
