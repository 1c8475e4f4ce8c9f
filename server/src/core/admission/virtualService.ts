// VirtualService: hosts, gateways, delegate constraints, JWT-claim routing, and every route.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, obj, strs } from './context';
import { validateExportTo } from './exportTo';
import { isJwtClaimRoute } from './headers';
import { hostSubsetOf, hostsMatch, validateWildcardDomain, validateWildcardDomainForGateway } from './hosts';
import { validateHTTPRoute } from './httpRoute';
import { validateLabels } from './labels';
import { isIP, validateIPSubnet } from './addresses';
import { validateGatewayNames, validatePortField, validateRouteDestinations } from './routeParts';

function validateL4Match(ctx: Ctx, p: Path, m: Obj): void {
  strs(m.destinationSubnets).forEach((s, j) => {
    const err = validateIPSubnet(s);
    if (err) ctx.error([...p, 'destinationSubnets', j], err);
  });
  validatePortField(ctx, [...p, 'port'], m.port);
  validateLabels(ctx, [...p, 'sourceLabels'], m.sourceLabels);
  validateGatewayNames(ctx, [...p, 'gateways'], m.gateways);
}

function validateSniHost(ctx: Ctx, p: Path, sni: string, hosts: string[], onGateway: boolean): void {
  const err = onGateway ? validateWildcardDomainForGateway(true, sni) : validateWildcardDomain(sni);
  if (err) {
    if (isIP(sni)) ctx.warn(p, `using an IP address ("${sni}") goes against SNI spec and most clients do not support this`);
    else ctx.error(p, err);
    return;
  }
  if (!hosts.some((h) => hostSubsetOf(sni, h))) {
    ctx.error(p, `SNI host "${sni}" is not a compatible subset of any of the virtual service hosts: [${hosts.join(', ')}]`);
  }
}

function validateTLSRoutes(ctx: Ctx, spec: Obj, hosts: string[], onGateway: boolean): void {
  arr(spec.tls).forEach((raw, i) => {
    const t = obj(raw);
    if (!t) return;
    const p: Path = ['spec', 'tls', i];
    const matches = arr(t.match);
    if (matches.length === 0) ctx.error(p, 'TLS route must have at least one match condition');
    matches.forEach((rm, j) => {
      const m = obj(rm);
      const mp = [...p, 'match', j];
      if (!m) return void ctx.error(mp, 'TLS match may not be null');
      const sni = strs(m.sniHosts);
      if (sni.length === 0) ctx.error(mp, 'TLS match must have at least one SNI host');
      sni.forEach((s, k) => validateSniHost(ctx, [...mp, 'sniHosts', k], s, hosts, onGateway));
      validateL4Match(ctx, mp, m);
    });
    if (arr(t.route).length === 0) ctx.error(p, 'TLS route is required');
    validateRouteDestinations(ctx, [...p, 'route'], t.route, false);
  });
}

function validateTCPRoutes(ctx: Ctx, spec: Obj): void {
  arr(spec.tcp).forEach((raw, i) => {
    const t = obj(raw);
    if (!t) return;
    const p: Path = ['spec', 'tcp', i];
    arr(t.match).forEach((rm, j) => {
      const m = obj(rm);
      if (!m) return void ctx.error([...p, 'match', j], 'tcp match may not be nil');
      validateL4Match(ctx, [...p, 'match', j], m);
    });
    if (arr(t.route).length === 0) ctx.error(p, 'TCP route is required');
    validateRouteDestinations(ctx, [...p, 'route'], t.route, false);
  });
}

function validateHosts(ctx: Ctx, hosts: string[], onGateway: boolean, onMesh: boolean, sni: boolean): void {
  let allValid = true;
  hosts.forEach((h, i) => {
    const err = onGateway ? validateWildcardDomainForGateway(sni, h) : validateWildcardDomain(h);
    if (err) {
      if (!isIP(h)) {
        ctx.error(['spec', 'hosts', i], err);
        allValid = false;
      }
    } else if (onMesh && h === '*') {
      ctx.error(['spec', 'hosts', i], 'wildcard host * is not allowed for virtual services bound to the mesh gateway');
      allValid = false;
    }
  });
  if (!allValid) return;
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      if (hostsMatch(hosts[i], hosts[j])) ctx.error(['spec', 'hosts', j], `duplicate hosts in virtual service: ${hosts[i]} & ${hosts[j]}`);
    }
  }
}

export function validateVirtualService(ctx: Ctx, spec: Obj): void {
  const hosts = strs(spec.hosts);
  const gateways = strs(spec.gateways);
  const delegate = arr(spec.hosts).length === 0;
  if (delegate) {
    if (gateways.length) ctx.error(['spec', 'gateways'], 'delegate virtual service must have no gateways specified', 'key');
    if (arr(spec.tls).length) ctx.error(['spec', 'tls'], 'delegate virtual service must have no tls route specified', 'key');
    if (arr(spec.tcp).length) ctx.error(['spec', 'tcp'], 'delegate virtual service must have no tcp route specified', 'key');
  }
  validateGatewayNames(ctx, ['spec', 'gateways'], spec.gateways);
  const onGateway = gateways.length > 0 && !gateways.includes('mesh');
  const onMesh = !onGateway;
  if (!onGateway) {
    arr(spec.http).forEach((rh, i) => {
      arr(obj(rh)?.match).forEach((rm, j) => {
        for (const f of ['headers', 'withoutHeaders'] as const) {
          for (const key of Object.keys(obj(obj(rm)?.[f]) ?? {})) {
            if (!isJwtClaimRoute(key)) continue;
            ctx.error(['spec', 'http', i, 'match', j, f, key], `JWT claim based routing (key: ${key}) is only supported for gateway, found no gateways: [${gateways.join(' ')}]`, 'key');
          }
        }
      });
    });
  }
  const sni = arr(spec.tls).some((t) => arr(obj(t)?.match).some((m) => strs(obj(m)?.sniHosts).length > 0));
  validateHosts(ctx, hosts, onGateway, onMesh, sni);
  if (!arr(spec.http).length && !arr(spec.tcp).length && !arr(spec.tls).length) {
    ctx.error(['spec'], 'http, tcp or tls must be provided in virtual service', 'key');
  }
  arr(spec.http).forEach((raw, i) => {
    const h = obj(raw);
    if (!h) return void (raw === null && ctx.error(['spec', 'http', i], 'http route may not be null'));
    validateHTTPRoute(ctx, ['spec', 'http', i], h, delegate);
  });
  validateTLSRoutes(ctx, spec, hosts, onGateway);
  validateTCPRoutes(ctx, spec);
  validateExportTo(ctx, spec);
}
