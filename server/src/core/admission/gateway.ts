// Gateway: name, servers (hosts as `ns/host` or host, port, bind, TLS by protocol), unique port names.
import type { Path } from '../model/resource';
import { type Ctx, type Obj, arr, has, num, obj, str, strs } from './context';
import { isDNS1123Label, validateNamespaceSlashHost } from './hosts';
import { validateIPAddress, validatePort, validateUnixAddress } from './addresses';
import { isHTTPProtocol, isKnownProtocol, isTLSProtocol } from './protocol';
import { validateServerTLS } from './serverTls';

function validateServer(ctx: Ctx, path: Path, s: Obj): void {
  const hosts = strs(s.hosts);
  if (arr(s.hosts).length === 0) ctx.error(path, 'server config must contain at least one host');
  hosts.forEach((h, i) => {
    for (const err of validateNamespaceSlashHost(h, true)) ctx.error([...path, 'hosts', i], err);
  });
  const port = obj(s.port);
  const bind = str(s.bind) ?? '';
  let portOk = true;
  if (!port) {
    ctx.error(path, 'port is required');
    portOk = false;
  } else {
    const pp = [...path, 'port'];
    const proto = str(port.protocol) ?? '';
    if (!isKnownProtocol(proto)) {
      ctx.error(has(port, 'protocol') ? [...pp, 'protocol'] : pp, `invalid protocol "${proto}", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
      portOk = false;
    }
    const number = num(port.number) ?? 0;
    if (number > 0 || !bind.startsWith('unix://')) {
      const err = validatePort(number);
      if (err) {
        ctx.error(has(port, 'number') ? [...pp, 'number'] : pp, err);
        portOk = false;
      }
    }
    if ((num(port.targetPort) ?? 0) > 0) {
      ctx.error([...pp, 'targetPort'], 'targetPort has no impact on Gateways', 'key');
      portOk = false;
    }
    if (!str(port.name)) {
      ctx.error(pp, `port name must be set: number:${number} protocol:"${proto}"`, 'key');
      portOk = false;
    }
  }
  if (bind.startsWith('unix://')) {
    const err = validateUnixAddress(bind.slice(7));
    if (err) ctx.error([...path, 'bind'], err);
    if (port && (num(port.number) ?? 0) !== 0) ctx.error([...path, 'bind'], 'port number must be 0 for unix domain socket');
  } else if (bind) {
    const err = validateIPAddress(bind);
    if (err) ctx.error([...path, 'bind'], err);
  }
  validateServerTLS(ctx, [...path, 'tls'], s.tls);
  if (!portOk || !port) return;
  const proto = str(port.protocol) ?? '';
  const tls = obj(s.tls);
  if (isTLSProtocol(proto) && !tls) ctx.error([...path, 'port', 'protocol'], 'server must have TLS settings for HTTPS/TLS protocols');
  else if (!isTLSProtocol(proto) && tls) {
    if (isHTTPProtocol(proto)) {
      const passthrough = (str(tls.mode) ?? 'PASSTHROUGH') === 'PASSTHROUGH';
      const certs = ['caCertificates', 'privateKey', 'serverCertificate'].some((f) => (str(tls[f]) ?? '') !== '');
      if (!passthrough || certs) ctx.error([...path, 'tls'], 'server cannot have TLS settings for plain text HTTP ports', 'key');
    } else {
      ctx.error([...path, 'tls'], 'server cannot have TLS settings for non HTTPS/TLS ports', 'key');
    }
  }
}

export function validateGateway(ctx: Ctx, spec: Obj): void {
  const name = ctx.resource.name;
  if (name && !isDNS1123Label(name)) ctx.error(['metadata', 'name'], `invalid gateway name: "${name}"`);
  const servers = arr(spec.servers);
  if (servers.length === 0) ctx.error(['spec'], 'gateway must have at least one server', 'key');
  const portNames = new Set<string>();
  servers.forEach((raw, i) => {
    const s = obj(raw);
    const p: Path = ['spec', 'servers', i];
    if (!s) return void ctx.error(p, 'server may not be nil');
    validateServer(ctx, p, s);
    const port = obj(s.port);
    if (!port) return;
    const pn = str(port.name) ?? '';
    if (portNames.has(pn)) ctx.error([...p, 'port', 'name'], `port names in servers must be unique: duplicate name ${pn}`);
    portNames.add(pn);
    if (!isHTTPProtocol(str(port.protocol) ?? '') && obj(s.tls)?.httpsRedirect === true) {
      ctx.warn([...p, 'tls', 'httpsRedirect'], 'tls.httpsRedirect should only be used with http servers');
    }
  });
}
