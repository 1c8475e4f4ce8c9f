// Issues the simulator's certificates with node:crypto (ECDSA P-256), so validity is relative to
// "now" and scenarios such as "expires in 2 hours" are real certificates, not edited strings.
import * as crypto from 'node:crypto';
import { bitString, bool, explicit, integer, octets, oid, seq, set, time, tlv, utf8 } from './der';

export interface Issued {
  pem: string;
  key: crypto.KeyObject;
  /** DER of the subject Name, reused as the issuer of certificates it signs. */
  subject: Buffer;
  serialHex: string;
}

export interface CertRequest {
  notBefore: Date;
  notAfter: Date;
  /** Organization of the subject (Istio roots use the trust domain); empty for workload certs. */
  organization?: string;
  spiffeId?: string;
  isCA: boolean;
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export function issueCertificate(req: CertRequest, issuer?: Issued): Issued {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f;
  if (serial[0] === 0) serial[0] = 0x11;
  const subject = req.organization
    ? seq(set(seq(oid('2.5.4.10'), utf8(req.organization))))
    : seq();
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    ECDSA_SHA256,
    issuer ? issuer.subject : subject,
    seq(time(req.notBefore), time(req.notAfter)),
    subject,
    spki,
    explicit(3, seq(...extensions(req))),
  );
  const signature = crypto.sign('sha256', tbs, issuer ? issuer.key : privateKey);
  const der = seq(tbs, ECDSA_SHA256, bitString(signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
    key: privateKey,
    subject,
    serialHex: serial.toString('hex'),
  };
}

function extensions(req: CertRequest): Buffer[] {
  const ext = (id: string, critical: boolean, value: Buffer): Buffer =>
    seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
  // keyUsage bits: digitalSignature(0) keyEncipherment(2) | keyCertSign(5) cRLSign(6)
  const keyUsage = req.isCA ? Buffer.from([0x01, 0x06]) : Buffer.from([0x05, 0xa0]);
  const out = [
    ext('2.5.29.15', true, tlv(0x03, keyUsage)),
    ext('2.5.29.19', true, req.isCA ? seq(bool(true)) : seq()),
  ];
  if (!req.isCA) out.push(ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))));
  if (req.spiffeId) out.push(ext('2.5.29.17', true, seq(tlv(0x86, Buffer.from(req.spiffeId, 'utf8')))));
  return out;
}
