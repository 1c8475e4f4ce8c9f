// ServiceEntry: hosts, addresses, ports, resolution-specific endpoint rules, exportTo.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, num, obj, str, strs } from './context';
import { validateExportTo } from './exportTo';
import { validateFQDN, validatePartialWildcard, validateWildcardDomain } from './hosts';
import { validateAlphaSelector } from './labels';
import { validateIPSubnet } from './addresses';
import { isDNS1123Label } from './hosts';
import { isHTTPProtocol, isTCPProtocol, isTLSProtocol, protocolError } from './protocol';
import { validateEndpoint } from './workloadEntry';

const AUTO_ALLOCATE_OPT_OUT = 'networking.istio.io/enable-autoallocate-ip';

function validatePorts(ctx: Ctx, spec: Obj, resolution: string): Set<string> {
  const names = new Set<string>();
  const optOut = ctx.resource.annotations[AUTO_ALLOCATE_OPT_OUT] === 'false';
  arr(spec.ports).forEach((raw, i) => {
    const p = obj(raw);
    const path: Path = ['spec', 'ports', i];
    if (!p) return void (raw === null && ctx.error(path, 'service entry port may not be null'));
    const name = str(p.name) ?? '';
    if (names.has(name)) ctx.error([...path, 'name'], `service entry port name "${name}" already defined`);
    names.add(name);
    if ((num(p.targetPort) ?? 0) !== 0 && resolution === 'NONE') ctx.warn([...path, 'targetPort'], 'targetPort has no effect when resolution mode is NONE', 'key');
    const proto = str(p.protocol) ?? '';
    if (optOut && arr(spec.addresses).length === 0 && (proto === '' || proto === 'TCP')) {
      ctx.warn(path, 'addresses are required for ports serving TCP (or unset) protocol when ISTIO_META_DNS_AUTO_ALLOCATE is not set on a proxy');
    }
    if (!isDNS1123Label(name)) ctx.error([...path, 'name'], `invalid port name: ${name}`);
    const perr = protocolError(proto);
    if (perr) ctx.error([...path, 'protocol'], perr);
  });
  return names;
}

export function validateServiceEntry(ctx: Ctx, spec: Obj): void {
  validateAlphaSelector(ctx, ['spec', 'workloadSelector'], spec.workloadSelector, 'service entry');
  const hosts = strs(spec.hosts);
  if (arr(spec.hosts).length === 0) ctx.error(['spec'], 'service entry must have at least one host', 'key');
  hosts.forEach((h, i) => {
    if (h === '*') return; // the CRD's CEL rejects it
    const err = validateWildcardDomain(h);
    if (err) ctx.error(['spec', 'hosts', i], err);
    const partial = validatePartialWildcard(h);
    if (partial) ctx.warn(['spec', 'hosts', i], partial);
  });
  strs(spec.addresses).forEach((a, i) => {
    const err = validateIPSubnet(a);
    if (err) ctx.error(['spec', 'addresses', i], err);
  });
  const resolution = str(spec.resolution) ?? 'NONE';
  const servicePorts = validatePorts(ctx, spec, resolution);
  const endpoints = arr(spec.endpoints);
  const selectorPath: Path = ['spec', 'workloadSelector'];
  if (resolution === 'NONE') {
    if (has(spec, 'workloadSelector')) ctx.warn(selectorPath, 'workloadSelector should not be set when resolution mode is NONE', 'key');
  } else if (resolution === 'STATIC') {
    endpoints.forEach((e, i) => {
      const o = obj(e);
      if (!o) return void (e === null && ctx.error(['spec', 'endpoints', i], 'endpoint cannot be nil'));
      validateEndpoint(ctx, ['spec', 'endpoints', i], o, { allowFQDN: false, servicePorts });
    });
  } else if (resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') {
    if (endpoints.length === 0) {
      hosts.forEach((h, i) => {
        if (validateFQDN(h)) ctx.error(['spec', 'hosts', i], `hosts must be FQDN if no endpoints are provided for resolution mode ${resolution}`);
      });
    }
    endpoints.forEach((e, i) => {
      const o = obj(e);
      if (!o) return void (e === null && ctx.error(['spec', 'endpoints', i], 'endpoint cannot be nil'));
      validateEndpoint(ctx, ['spec', 'endpoints', i], o, { allowFQDN: true, servicePorts });
    });
    if (has(spec, 'workloadSelector')) ctx.warn(selectorPath, `workloadSelector should not be set when resolution mode is ${resolution}`, 'key');
    if (arr(spec.addresses).length > 0 && hosts.length > 1 && arr(spec.ports).some((p) => isTCPProtocol(str(obj(p)?.protocol) ?? ''))) {
      ctx.warn(['spec', 'hosts'], 'service entry can not have more than one host specified simultaneously with address and tcp port', 'key');
    }
  }
  if (resolution !== 'NONE' && hosts.length > 1) {
    const i = arr(spec.ports).findIndex((p) => {
      const proto = str(obj(p)?.protocol) ?? '';
      return !isHTTPProtocol(proto) && !isTLSProtocol(proto);
    });
    if (i >= 0) ctx.error(['spec', 'ports', i], 'multiple hosts provided with non-HTTP, non-TLS ports');
  }
  validateExportTo(ctx, spec, { serviceEntry: true });
}
