// IST0128 / IST0129 NoServerCertificateVerification{Destination,Port}Level: TLS origination
// (SIMPLE or MUTUAL) that does not verify the server: no caCertificates, no credentialName.
import type { Analyzer } from '../analyzer';
import type { Finding } from '../../diagnostics/finding';
import { arr, obj, str } from '../facts';

const needsCa = (tls: Record<string, unknown>): string | null => {
  const mode = str(tls.mode);
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return null;
  if (str(tls.caCertificates) || str(tls.credentialName) || tls.insecureSkipVerify === true) return null;
  return mode;
};

export const destinationRuleTls: Analyzer = {
  name: 'destinationRuleTls',
  subjects: ['DestinationRule'],
  reads: [],
  check(e, ctx) {
    const spec = obj(e.resource.value.spec);
    const host = str(spec.host) ?? '';
    const tp = obj(spec.trafficPolicy);
    const out: Finding[] = [];
    const base = { destinationrule: e.resource.name, namespace: e.namespace, host };
    const mode = needsCa(obj(tp.tls));
    if (mode) out.push(ctx.report('NoServerCertificateVerificationDestinationLevel', { ...base, mode }, e, ['spec', 'trafficPolicy', 'tls', 'mode']));
    for (const [i, pl] of arr(tp.portLevelSettings).entries()) {
      const m = needsCa(obj(obj(pl).tls));
      const n = obj(obj(pl).port).number;
      if (m) out.push(ctx.report('NoServerCertificateVerificationPortLevel', { ...base, mode: m, port: `number:${typeof n === 'number' ? n : '?'}` }, e, ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls', 'mode']));
    }
    return out;
  },
};
