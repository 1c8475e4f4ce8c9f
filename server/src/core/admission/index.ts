// Istio's admission (validating webhook) rules beyond the CRD, per kind. Pure and linear in the
// size of the resource: it runs on every keystroke.
import type { Resource } from '../model/resource';
import type { Finding } from '../diagnostics/finding';
import { Ctx, type Obj, obj } from './context';
import { validateAuthorizationPolicy } from './authorizationPolicy';
import { validateDestinationRule } from './destinationRule';
import { validateEnvoyFilter } from './envoyFilter';
import { validateGateway } from './gateway';
import { validatePeerAuthentication } from './peerAuthentication';
import { validateProxyConfig } from './proxyConfig';
import { validateRequestAuthentication } from './requestAuthentication';
import { validateServiceEntry } from './serviceEntry';
import { validateSidecar } from './sidecar';
import { validateTelemetry } from './telemetry';
import { validateVirtualService } from './virtualService';
import { validateWasmPlugin } from './wasmPlugin';
import { validateWorkloadEntry } from './workloadEntry';
import { validateWorkloadGroup } from './workloadGroup';

export { validateRegexRE2 } from './regex';

type KindRules = (ctx: Ctx, spec: Obj) => void;

// Keyed by `group/kind`: every served version shares the rules.
const RULES: Record<string, KindRules> = {
  'networking.istio.io/VirtualService': validateVirtualService,
  'networking.istio.io/DestinationRule': validateDestinationRule,
  'networking.istio.io/ServiceEntry': validateServiceEntry,
  'networking.istio.io/WorkloadEntry': validateWorkloadEntry,
  'networking.istio.io/WorkloadGroup': validateWorkloadGroup,
  'networking.istio.io/Gateway': validateGateway,
  'networking.istio.io/Sidecar': validateSidecar,
  'networking.istio.io/EnvoyFilter': validateEnvoyFilter,
  'networking.istio.io/ProxyConfig': validateProxyConfig,
  'security.istio.io/AuthorizationPolicy': validateAuthorizationPolicy,
  'security.istio.io/PeerAuthentication': validatePeerAuthentication,
  'security.istio.io/RequestAuthentication': validateRequestAuthentication,
  'telemetry.istio.io/Telemetry': validateTelemetry,
  'extensions.istio.io/WasmPlugin': validateWasmPlugin,
};

export const ADMISSION_KINDS: readonly string[] = Object.keys(RULES);

/** IST0106/IST0133 (and HM6xxx) findings for one resource; [] for kinds without webhook rules. */
export function admissionFindings(resource: Resource): Finding[] {
  const rules = RULES[`${resource.group}/${resource.kind}`];
  if (!rules) return [];
  const spec = obj(resource.value.spec);
  // A missing or non-object spec is the schema validator's finding.
  if (!spec) return [];
  const ctx = new Ctx(resource);
  try {
    rules(ctx, spec);
  } catch (e) {
    // Rules only read plain data; an unexpected shape must never break the whole pipeline.
    ctx.checkFailed(e instanceof Error ? e.message : String(e));
  }
  return ctx.out;
}
