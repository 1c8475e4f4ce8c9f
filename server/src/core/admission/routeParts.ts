// Pieces shared by HTTP, TLS and TCP routes: destinations and weights, gateway names, string
// matches with regexes, port and label checks.
import type { Path } from '../model/resource';
import { type Ctx, arr, num, obj, str } from './context';
import { validateHeaderOps } from './headers';
import { isDNS1123Label, validateFQDN, validateWildcardDomain } from './hosts';
import { validatePort } from './addresses';
import { validateStringRegexp } from './regex';

export function subsetNameError(name: string): string | undefined {
  if (name.length === 0) return 'subset name cannot be empty';
  return isDNS1123Label(name) ? undefined : `subset name is invalid: ${name}`;
}

/** `destination: {host, subset, port}` */
export function validateDestination(ctx: Ctx, path: Path, destination: unknown): void {
  const d = obj(destination);
  if (!d) return;
  const host = str(d.host);
  if (host !== undefined) {
    const err = host === '*' ? `invalid destination host ${host}` : validateWildcardDomain(host);
    if (err) ctx.error([...path, 'host'], err);
  }
  const subset = str(d.subset);
  if (subset) {
    const err = subsetNameError(subset);
    if (err) ctx.error([...path, 'subset'], err);
  }
  const port = num(obj(d.port)?.number);
  if (port !== undefined) {
    const err = validatePort(port);
    if (err) ctx.error([...path, 'port', 'number'], err);
  }
}

/** A list of weighted destinations (`route:` of http/tcp/tls rules). */
export function validateRouteDestinations(ctx: Ctx, path: Path, routes: unknown, withHeaders: boolean): void {
  const list = arr(routes);
  let total = 0;
  list.forEach((raw, i) => {
    const r = obj(raw);
    const p = [...path, i];
    if (!r) {
      if (raw === null) ctx.error(p, 'weight may not be nil');
      return;
    }
    if (withHeaders) validateHeaderOps(ctx, [...p, 'headers'], r.headers);
    validateDestination(ctx, [...p, 'destination'], r.destination);
    const w = num(r.weight) ?? 0;
    if (w < 0) ctx.error([...p, 'weight'], `weight ${w} < 0`);
    total += w;
  });
  if (list.length > 1 && total === 0) ctx.error(path, 'total destination weight = 0', 'key');
}

/** Gateway references: `mesh`, `namespace/name`, or a legacy `name.namespace...` FQDN. */
export function validateGatewayNames(ctx: Ctx, path: Path, names: unknown): void {
  arr(names).forEach((raw, i) => {
    if (typeof raw !== 'string') return;
    const p = [...path, i];
    const slash = raw.indexOf('/');
    if (slash < 0) {
      if (raw.includes('.')) {
        const parts = raw.split('.');
        ctx.warn(p, `using legacy gatewayName format "${raw}"; prefer the <namespace>/<name> format: "${parts[1]}/${parts[0]}"`);
      }
      const err = validateFQDN(raw);
      if (err) ctx.error(p, err);
      return;
    }
    const ns = raw.slice(0, slash);
    const name = raw.slice(slash + 1);
    if (!ns || !name) ctx.error(p, 'config namespace and gateway name cannot be empty');
    if (!isDNS1123Label(ns)) ctx.error(p, `invalid value for namespace: "${ns}"`);
    if (!isDNS1123Label(name)) ctx.error(p, `invalid value for gateway name: "${name}"`);
  });
}

/** A StringMatch: only the regex variant has webhook rules. */
export function validateStringMatchRegex(ctx: Ctx, path: Path, match: unknown, where: string): void {
  const m = obj(match);
  if (!m || m.regex === undefined) return;
  const re = str(m.regex) ?? '';
  if (re === '') {
    ctx.error([...path, 'regex'], `"${where}": regex string match should not be empty`);
    return;
  }
  const err = validateStringRegexp(re, where);
  if (err) ctx.error([...path, 'regex'], err);
}

export const isRegexMatch = (match: unknown): boolean => obj(match)?.regex !== undefined;

/** `port`, `destinationSubnets`, `sourceLabels` and `gateways` shared by match blocks. */
export function validatePortField(ctx: Ctx, path: Path, v: unknown): void {
  const p = num(v);
  if (p === undefined || p === 0) return;
  const err = validatePort(p);
  if (err) ctx.error(path, err);
}
