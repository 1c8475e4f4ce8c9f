// Host name rules of Istio's webhook: DNS-1123 labels, FQDNs, `*.`-prefixed wildcards and the
// `namespace/host` form of Sidecar egress and Gateway server hosts. Functions return the
// webhook's message, or undefined when the value is valid.
import { isIP } from './addresses';

const DNS1123_LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const ALL_DIGITS = /^[+-]?\d+$/;

export function isDNS1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

export function isWildcardDNS1123Label(s: string): boolean {
  return s.length <= 63 && WILDCARD_LABEL.test(s);
}

function preconditions(name: string): string | undefined {
  if (name.length > 255) return `domain name "${name}" too long (max 255)`;
  if (name.length === 0) return 'empty domain name not allowed';
  return undefined;
}

/** Every dot-separated label is a DNS-1123 label (a trailing dot is allowed); the TLD is not numeric. */
export function checkDNS1123Labels(domain: string): string | undefined {
  const parts = domain.split('.');
  const tld = parts[parts.length - 1];
  if (ALL_DIGITS.test(tld)) return `domain name "${domain}" invalid (top level domain "${tld}" cannot be all-numeric)`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isDNS1123Label(parts[i])) return `domain name "${domain}" invalid (label "${parts[i]}" invalid)`;
  }
  return undefined;
}

export function validateFQDN(fqdn: string): string | undefined {
  return preconditions(fqdn) ?? checkDNS1123Labels(fqdn);
}

/** A valid FQDN whose first label may be a wildcard (`*`, `*.example.com`, `*-foo.example.com`). */
export function validateWildcardDomain(domain: string): string | undefined {
  const pre = preconditions(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardDNS1123Label(first)) return `domain name "${domain}" invalid (label "${first}" invalid)`;
  return dot < 0 ? undefined : checkDNS1123Labels(domain.slice(dot + 1));
}

/** VirtualService hosts on a gateway: also accepts the `outbound_.<port>_...` SNI form. */
export function validateWildcardDomainForGateway(sni: boolean, domain: string): string | undefined {
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (sni && first === 'outbound_' && !preconditions(domain)) {
    return /outbound_.([0-8].*).*/.test(domain) ? undefined : `domain name "${domain}" invalid (label "${first}" invalid)`;
  }
  return validateWildcardDomain(domain);
}

export function validatePartialWildcard(host: string): string | undefined {
  if (host.includes('*') && host.length !== 1 && !host.startsWith('*.')) return `partial wildcard "${host}" not allowed`;
  return undefined;
}

function hostnamePart(hostname: string, isGateway: boolean): string[] {
  const errs: string[] = [];
  if (hostname !== '*' && !hostname.includes('.')) errs.push('short names (non FQDN) are not allowed');
  const err = validateWildcardDomain(hostname);
  // Gateways also accept an IP address as the host.
  if (err && !(isGateway && isIP(hostname))) errs.push(err);
  const partial = validatePartialWildcard(hostname);
  if (partial) errs.push(partial);
  return errs;
}

/** `ns/host` of Sidecar egress hosts and Gateway server hosts (gateways also allow a bare host). */
export function validateNamespaceSlashHost(hostname: string, isGateway: boolean): string[] {
  const slash = hostname.indexOf('/');
  if (slash < 0) return isGateway ? hostnamePart(hostname, true) : ['host must be of form namespace/dnsName'];
  const ns = hostname.slice(0, slash);
  const host = hostname.slice(slash + 1);
  const errs: string[] = [];
  if (!ns || !host) errs.push('config namespace and dnsName in host entry cannot be empty');
  const special = ns === '*' || ns === '.' || (!isGateway && ns === '~');
  if (!special && !isDNS1123Label(ns)) errs.push(`invalid namespace value "${ns}" in ${isGateway ? 'gateway' : 'sidecar'}`);
  errs.push(...hostnamePart(host, isGateway));
  return errs;
}

const isWild = (h: string): boolean => h.startsWith('*');

/** Istio's host.Name.Matches: the two names overlap (wildcards included). */
export function hostsMatch(a: string, b: string): boolean {
  if (isWild(a)) {
    if (isWild(b)) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
    return b.endsWith(a.slice(1));
  }
  if (isWild(b)) return a.endsWith(b.slice(1));
  return a === b;
}

/** Istio's host.Name.SubsetOf: every name `a` matches is matched by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (isWild(a)) return isWild(b) && a.slice(1).endsWith(b.slice(1));
  if (isWild(b)) return a.endsWith(b.slice(1));
  return a === b;
}
