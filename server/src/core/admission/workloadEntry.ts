// WorkloadEntry (and ServiceEntry endpoints, which share its shape): address is an IP, an FQDN
// or `unix://path`; labels are valid. The CRD's CEL covers required address, unix paths and
// port names/numbers.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, obj, str } from './context';
import { validateFQDN } from './hosts';
import { validateLabels } from './labels';
import { isIP } from './addresses';

export interface EndpointRules {
  /** DNS resolution allows host names; STATIC does not. */
  allowFQDN: boolean;
  /** Port names the owning ServiceEntry declares (undefined for a standalone WorkloadEntry). */
  servicePorts?: Set<string>;
}

export function validateEndpoint(ctx: Ctx, path: Path, we: Obj, rules: EndpointRules): void {
  const addr = str(we.address) ?? '';
  const network = str(we.network) ?? '';
  if (addr === '' && network !== '') ctx.warn(path, `address is unset with network "${network}"`, 'value');
  if (addr !== '' && !addr.startsWith('unix://') && !isIP(addr)) {
    if (!rules.allowFQDN) ctx.error([...path, 'address'], `endpoint address "${addr}" is not a valid IP address`);
    else if (validateFQDN(addr)) ctx.error([...path, 'address'], `endpoint address "${addr}" is not a valid FQDN or an IP address`);
  }
  if (rules.servicePorts) {
    for (const [name, port] of Object.entries(obj(we.ports) ?? {})) {
      if (!rules.servicePorts.has(name)) ctx.error([...path, 'ports', name], `endpoint port ${String(port)} is not defined by the service entry`, 'key');
    }
    if (addr.startsWith('unix://') && rules.servicePorts.size !== 1) ctx.error([...path, 'address'], 'exactly 1 service port required for unix endpoints');
  }
  validateLabels(ctx, [...path, 'labels'], we.labels);
}

export function validateWorkloadEntry(ctx: Ctx, spec: Obj): void {
  validateEndpoint(ctx, ['spec'], spec, { allowFQDN: true });
}
