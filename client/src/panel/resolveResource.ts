// Which workspace YAML produced a cluster, subset or endpoint: the DestinationRule (and its
// subset), the ServiceEntry whose hosts hold the FQDN, or the WorkloadEntry. Pure: the caller
// reads and parses the files; this returns the resource and the span to select.
import type { Resource } from '../../../server/src/core/model/resource';
import { spanOfPath } from '../../../server/src/core/parse/pointer';
import type { Span } from '../../../server/src/core/text/span';
import type { ResourceRef } from '../../../server/src/protocol/webviewProtocol';

export interface Match { resource: Resource; span: Span }

const nsMatches = (r: Resource, ns: string): boolean => ns === '' || (r.namespace ?? 'default') === ns;

function hostsOf(r: Resource): string[] {
  const spec = r.value.spec as { hosts?: unknown } | undefined;
  return Array.isArray(spec?.hosts) ? spec.hosts.filter((h): h is string => typeof h === 'string') : [];
}

/** A ServiceEntry host matches the cluster FQDN exactly, or by its `*.` wildcard. */
function hostMatches(host: string, fqdn: string): boolean {
  if (host === fqdn) return true;
  return host.startsWith('*.') && fqdn.endsWith(host.slice(1));
}

export function resolveResource(resources: readonly Resource[], ref: ResourceRef): Match | undefined {
  const ofKind = resources.filter((r) => r.kind === ref.kind);
  if (ref.kind === 'ServiceEntry') {
    const byName = ofKind.find((r) => r.name === ref.name && nsMatches(r, ref.namespace));
    if (byName) return { resource: byName, span: spanOfPath(byName.doc, ['metadata', 'name']) };
    for (const r of ofKind) {
      const i = hostsOf(r).findIndex((h) => hostMatches(h, ref.name));
      if (i >= 0) return { resource: r, span: spanOfPath(r.doc, ['spec', 'hosts', i]) };
    }
    return undefined;
  }
  const r = ofKind.find((x) => x.name === ref.name && nsMatches(x, ref.namespace))
    ?? ofKind.find((x) => x.name === ref.name && x.namespace === null);
  if (!r) return undefined;
  if (ref.kind === 'DestinationRule' && ref.subset) {
    const subsets = (r.value.spec as { subsets?: unknown } | undefined)?.subsets;
    const i = Array.isArray(subsets) ? subsets.findIndex((s) => (s as { name?: unknown })?.name === ref.subset) : -1;
    if (i >= 0) return { resource: r, span: spanOfPath(r.doc, ['spec', 'subsets', i, 'name']) };
  }
  return { resource: r, span: spanOfPath(r.doc, ['metadata', 'name']) };
}

/** Code lens: does a WorkloadEntry/WorkloadGroup name or spec.address match a configured proxy? */
export function proxyForWorkload(resource: Pick<Resource, 'kind' | 'name' | 'value'>, proxies: readonly { name: string; address?: string }[]): { name: string } | undefined {
  if (resource.kind !== 'WorkloadEntry' && resource.kind !== 'WorkloadGroup') return undefined;
  const spec = resource.value.spec as { address?: unknown; template?: { address?: unknown } } | undefined;
  const address = typeof spec?.address === 'string' ? spec.address : typeof spec?.template?.address === 'string' ? spec.template.address : undefined;
  return proxies.find((p) => p.name === resource.name) ?? (address ? proxies.find((p) => p.address === address) : undefined);
}
