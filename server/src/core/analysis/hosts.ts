// Host names as Istio resolves them: a short name is completed with the namespace of the
// resource that writes it (not the namespace of the service), `name.ns` is accepted as the
// Kubernetes DNS search path would, and ServiceEntry hosts may be `*.suffix` wildcards.

export const CLUSTER_SUFFIX = 'svc.cluster.local';

export function toFqdn(host: string, namespace: string): string {
  if (host.includes('*')) return host;
  return host.includes('.') ? host : `${host}.${namespace}.${CLUSTER_SUFFIX}`;
}

/** `reviews.bookinfo` -> `reviews.bookinfo.svc.cluster.local`; undefined for anything else. */
export function twoLabelForm(host: string): string | undefined {
  const parts = host.split('.');
  return parts.length === 2 && parts.every((p) => p.length > 0) ? `${host}.${CLUSTER_SUFFIX}` : undefined;
}

/** Whether the wildcard `pattern` (`*` or `*.example.com`) covers `host`. */
export function wildcardCovers(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.startsWith('*')) return pattern === host;
  const suffix = pattern.slice(1); // ".example.com"
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** `reviews.bookinfo.svc.cluster.local` -> {name, namespace}; undefined for other hosts. */
export function kubernetesServiceOf(fqdn: string): { name: string; namespace: string } | undefined {
  if (!fqdn.endsWith(`.${CLUSTER_SUFFIX}`)) return undefined;
  const parts = fqdn.slice(0, -(CLUSTER_SUFFIX.length + 1)).split('.');
  return parts.length === 2 ? { name: parts[0], namespace: parts[1] } : undefined;
}
