import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proxyForWorkload, resolveResource } from '../../../client/src/panel/resolveResource';
import { parseYamlFile, resourcesOf } from '../../../server/src/core/parse/documents';
import { DR } from '../lsp/analysisFixtures';

// The shared shop DestinationRule (namespace shop, subsets v1/v2) followed by a ServiceEntry and a WorkloadEntry.
const text = `${DR}---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: external-api
spec:
  hosts:
  - api.example.com
  - "*.corp.example.com"
---
apiVersion: networking.istio.io/v1
kind: WorkloadEntry
metadata:
  name: vm-1
  namespace: vm-ns
spec:
  address: 10.0.0.7
`;
const resources = resourcesOf(parseYamlFile('file:///ws/mesh.yaml', text));
const at = (s: { start: number; end: number }): string => text.slice(s.start, s.end);

test('a DestinationRule subset resolves to the subset name', () => {
  const m = resolveResource(resources, { kind: 'DestinationRule', namespace: 'shop', name: 'reviews', subset: 'v2' })!;
  assert.equal(at(m.span), 'v2');
  assert.equal(m.span.start, text.indexOf('name: v2') + 6);
  assert.equal(at(resolveResource(resources, { kind: 'DestinationRule', namespace: 'shop', name: 'reviews', subset: 'v9' })!.span), 'reviews');
  assert.equal(resolveResource(resources, { kind: 'DestinationRule', namespace: 'prod', name: 'reviews' }), undefined);
});

test('a ServiceEntry resolves by name or by host, wildcards included', () => {
  assert.equal(at(resolveResource(resources, { kind: 'ServiceEntry', namespace: '', name: 'api.example.com' })!.span), 'api.example.com');
  assert.equal(at(resolveResource(resources, { kind: 'ServiceEntry', namespace: '', name: 'git.corp.example.com' })!.span), '"*.corp.example.com"');
  assert.equal(at(resolveResource(resources, { kind: 'ServiceEntry', namespace: '', name: 'external-api' })!.span), 'external-api');
  assert.equal(resolveResource(resources, { kind: 'ServiceEntry', namespace: '', name: 'corp.example.com' }), undefined);
});

test('WorkloadEntry: reveal by name; the code lens matches name or address', () => {
  assert.equal(at(resolveResource(resources, { kind: 'WorkloadEntry', namespace: 'vm-ns', name: 'vm-1' })!.span), 'vm-1');
  const we = resources.find((r) => r.kind === 'WorkloadEntry')!;
  assert.deepEqual(proxyForWorkload(we, [{ name: 'vm-1' }]), { name: 'vm-1' });
  assert.deepEqual(proxyForWorkload(we, [{ name: 'other', address: '10.0.0.7' }]), { name: 'other', address: '10.0.0.7' });
  assert.equal(proxyForWorkload(we, [{ name: 'other', address: '10.0.0.8' }]), undefined);
  assert.equal(proxyForWorkload(resources[0]!, [{ name: 'reviews' }]), undefined, 'only WorkloadEntry / WorkloadGroup');
});
