// Sidecar: ingress listeners (port, bind, defaultEndpoint, TLS), egress listeners (port/bind/
// captureMode, `namespace/host` hosts, catch-all last), outbound traffic policy.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, num, obj, str, strs } from './context';
import { isDNS1123Label, validateFQDN, validateNamespaceSlashHost } from './hosts';
import { validateAlphaSelector } from './labels';
import { isIP, validateIPAddress, validatePort, validateUnixAddress } from './addresses';
import { isHTTPProtocol, protocolError } from './protocol';
import { validateDestination } from './routeParts';
import { validateServerTLS } from './serverTls';
import { validateConnectionPool } from './trafficPolicy';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::1', '::']);

function validatePortSpec(ctx: Ctx, path: Path, port: Obj, allowZero: boolean): void {
  const name = str(port.name) ?? '';
  if (name && !isDNS1123Label(name)) ctx.error([...path, 'name'], `invalid port name: ${name}`);
  const perr = protocolError(str(port.protocol) ?? '');
  if (perr) ctx.error([...path, 'protocol'], perr);
  const n = num(port.number) ?? 0;
  if (!(allowZero && n === 0)) {
    const err = validatePort(n);
    if (err) ctx.error(has(port, 'number') ? [...path, 'number'] : path, err, has(port, 'number') ? 'value' : 'key');
  }
  if ((num(port.targetPort) ?? 0) > 0) ctx.error([...path, 'targetPort'], 'targetPort has no impact on Sidecars', 'key');
}

/** `127.0.0.1:8080`, `[::1]:8080`, `:8080` or `unix://path`. */
function validateDefaultEndpoint(ctx: Ctx, path: Path, ep: string): void {
  if (ep.startsWith('unix://')) {
    const err = validateUnixAddress(ep.slice(7));
    if (err) ctx.error(path, err);
    return;
  }
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:]*)$/.exec(ep);
  if (!m) return void ctx.error(path, `address ${ep}: missing port in address`);
  const host = m[1] ?? m[2] ?? '';
  if (host !== '' && !LOOPBACK_HOSTS.has(host)) {
    ctx.error(path, 'sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset');
  }
  const port = /^\d+$/.test(m[3]) ? Number(m[3]) : NaN;
  if (Number.isNaN(port)) ctx.error(path, `sidecar: defaultEndpoint port (${m[3]}) is not a number`);
  else {
    const err = validatePort(port);
    if (err) ctx.error(path, err);
  }
}

function validateIngress(ctx: Ctx, spec: Obj): void {
  const ports = new Set<number>();
  arr(spec.ingress).forEach((raw, i) => {
    const ing = obj(raw);
    const p: Path = ['spec', 'ingress', i];
    if (!ing) return void (raw === null && ctx.error(p, 'sidecar: ingress may not be null'));
    const port = obj(ing.port);
    if (!port) return void ctx.error(p, 'sidecar: port is required for ingress listeners');
    validatePortSpec(ctx, [...p, 'port'], port, false);
    const bind = str(ing.bind) ?? '';
    if (bind) {
      const err = validateIPAddress(bind);
      if (err) ctx.error([...p, 'bind'], err);
    }
    const n = num(port.number) ?? 0;
    if (ports.has(n)) ctx.error([...p, 'port', 'number'], 'sidecar: ports on IP bound listeners must be unique');
    ports.add(n);
    const ep = str(ing.defaultEndpoint);
    if (ep) validateDefaultEndpoint(ctx, [...p, 'defaultEndpoint'], ep);
    const tls = obj(ing.tls);
    if (tls) {
      const tp = [...p, 'tls'];
      if (arr(tls.subjectAltNames).length) ctx.error([...tp, 'subjectAltNames'], 'sidecar: subjectAltNames is not supported in ingress tls', 'key');
      if (tls.httpsRedirect === true) ctx.error([...tp, 'httpsRedirect'], 'sidecar: httpsRedirect is not supported', 'key');
      if (str(tls.credentialName)) ctx.error([...tp, 'credentialName'], 'sidecar: credentialName is not currently supported', 'key');
      if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'AUTO_PASSTHROUGH') {
        ctx.error([...tp, 'mode'], `configuration is invalid: cannot set mode to ${String(tls.mode)} in sidecar ingress tls`);
      }
      validateServerTLS(ctx, tp, tls);
    }
    validateConnectionPool(ctx, [...p, 'connectionPool'], ing.connectionPool);
    if (obj(obj(ing.connectionPool)?.http) && !isHTTPProtocol(str(port.protocol) ?? '')) {
      ctx.warn([...p, 'connectionPool', 'http'], `sidecar: HTTP connection pool settings are configured for port ${n} ("${str(port.name) ?? ''}") but its protocol is not HTTP (${str(port.protocol) ?? ''}); only TCP settings will apply`, 'key');
    }
  });
}

function validateEgressHosts(ctx: Ctx, path: Path, hosts: string[]): void {
  const byNs = new Map<string, Set<string>>();
  hosts.forEach((h, i) => {
    const slash = h.indexOf('/');
    if (slash >= 0) {
      const ns = h.slice(0, slash) === '.' ? ctx.namespace : h.slice(0, slash);
      const svc = h.slice(slash + 1);
      const set = byNs.get(ns) ?? new Set<string>();
      byNs.set(ns, set);
      if (svc !== '*' ? set.has(svc) || set.has('*') : set.size !== 0) ctx.warn([...path, i], `duplicated egress host: ${h}`);
      set.add(svc);
    }
    for (const err of validateNamespaceSlashHost(h, false)) ctx.error([...path, i], err);
  });
  if (byNs.get('*')?.has('*') && byNs.size !== 1) ctx.warn(path, '`*/*` host select all resources, no other hosts can be added', 'key');
}

function validateEgress(ctx: Ctx, spec: Obj): void {
  const egress = arr(spec.egress);
  const ports = new Set<number>();
  const uds = new Set<string>();
  let catchAll = false;
  egress.forEach((raw, i) => {
    const e = obj(raw);
    const p: Path = ['spec', 'egress', i];
    if (!e) return void (raw === null && ctx.error(p, 'egress listener may not be null'));
    const port = obj(e.port);
    if (!port) {
      if (catchAll) return void ctx.error(p, 'sidecar: egress can have only one listener with empty port');
      if (i === egress.length - 1) catchAll = true;
      else ctx.error(p, 'sidecar: the egress listener with empty port should be the last listener in the list');
    } else {
      const bind = str(e.bind) ?? '';
      const n = num(port.number) ?? 0;
      validatePortSpec(ctx, [...p, 'port'], port, true);
      if (n === 0) {
        if (!bind.startsWith('unix://')) ctx.error([...p, 'port'], 'sidecar: ports with 0 value must have a unix domain socket bind address', 'key');
        else {
          const err = validateUnixAddress(bind.slice(7));
          if (err) ctx.error([...p, 'bind'], err);
        }
        const mode = str(e.captureMode) ?? 'DEFAULT';
        if (mode !== 'DEFAULT' && mode !== 'NONE') ctx.error([...p, 'captureMode'], 'sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners');
        if (uds.has(bind)) ctx.error([...p, 'bind'], 'sidecar: unix domain socket values for listeners must be unique');
        uds.add(bind);
      } else {
        if (bind && !isIP(bind)) ctx.error([...p, 'bind'], `${bind} is not a valid IP`);
        if (ports.has(n)) ctx.error([...p, 'port', 'number'], 'sidecar: ports on IP bound listeners must be unique');
        ports.add(n);
      }
    }
    const hosts = strs(e.hosts);
    if (arr(e.hosts).length === 0) ctx.error(p, 'sidecar: egress listener must contain at least one host');
    else validateEgressHosts(ctx, [...p, 'hosts'], hosts);
  });
}

export function validateSidecar(ctx: Ctx, spec: Obj): void {
  validateAlphaSelector(ctx, ['spec', 'workloadSelector'], spec.workloadSelector, 'sidecar');
  if (!arr(spec.egress).length && !arr(spec.ingress).length && !has(spec, 'outboundTrafficPolicy') && !has(spec, 'inboundConnectionPool')) {
    return void ctx.error(['spec'], 'sidecar: empty configuration provided', 'key');
  }
  validateIngress(ctx, spec);
  validateConnectionPool(ctx, ['spec', 'inboundConnectionPool'], spec.inboundConnectionPool);
  validateEgress(ctx, spec);
  const otp = obj(spec.outboundTrafficPolicy);
  const proxy = obj(otp?.egressProxy);
  if (otp && proxy) {
    const p: Path = ['spec', 'outboundTrafficPolicy', 'egressProxy'];
    if ((str(otp.mode) ?? 'REGISTRY_ONLY') !== 'ALLOW_ANY') return void ctx.error(p, 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode', 'key');
    const herr = validateFQDN(str(proxy.host) ?? '');
    if (herr) ctx.error([...p, 'host'], herr);
    if (!has(proxy, 'port')) return void ctx.error(p, 'sidecar: egress_proxy port must be non-nil', 'key');
    validateDestination(ctx, p, proxy);
  }
}
