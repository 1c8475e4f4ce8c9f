// Node-side signature check injected into the pure chain walk (core has no crypto).
import * as crypto from 'node:crypto';
import type { Certificate, SignatureVerifier } from '../core/proxy';

export const verifySignature: SignatureVerifier = (child: Certificate, parent: Certificate): boolean => {
  try {
    const c = new crypto.X509Certificate(Buffer.from(child.der));
    const p = new crypto.X509Certificate(Buffer.from(parent.der));
    return c.verify(p.publicKey);
  } catch {
    return false;
  }
};
