import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSchemaRegistry, findSchemasDir } from '../../../server/src/schemaFiles';
import { SchemaRegistry } from '../../../server/src/core/schema/registry';
import { repoRoot } from '../helpers/repo';

const registry = loadSchemaRegistry(repoRoot);

test('lookup finds a served kind and returns its schema and served info', () => {
  const r = registry.lookup('networking.istio.io/v1', 'ServiceEntry');
  assert.ok('schema' in r);
  assert.equal(r.file, 'networking.istio.io/v1/ServiceEntry.json');
  assert.deepEqual(r.served, {
    group: 'networking.istio.io', version: 'v1', kind: 'ServiceEntry',
    served: true, storage: true, deprecated: false, deprecationWarning: null,
  });
  assert.equal(r.schema.$id, 'urn:hybrid-mesh:schema:networking.istio.io:v1:ServiceEntry');
  const again = registry.lookup('networking.istio.io/v1', 'ServiceEntry');
  assert.ok('schema' in again && again.schema === r.schema, 'schema objects are loaded once');
  const old = registry.lookup('networking.istio.io/v1alpha3', 'ServiceEntry');
  assert.ok('served' in old && old.served.storage === false);
});

test('a kind at a version that does not serve it names the versions that do', () => {
  assert.deepEqual(registry.lookup('security.istio.io/v1', 'WorkloadGroup'), { error: 'unknown-kind' });
  assert.deepEqual(registry.lookup('networking.istio.io/v1beta2', 'WorkloadGroup'), {
    error: 'version-not-served', servedVersions: ['v1', 'v1alpha3', 'v1beta1'], group: 'networking.istio.io', kind: 'WorkloadGroup',
  });
  assert.deepEqual(registry.lookup('networking.istio.io/v1', 'EnvoyFilter'), {
    error: 'version-not-served', servedVersions: ['v1alpha3'], group: 'networking.istio.io', kind: 'EnvoyFilter',
  });
  assert.deepEqual(registry.lookup('v1', 'Service'), { error: 'unknown-kind' });
  assert.deepEqual(registry.lookup('apps/v1', 'Deployment'), { error: 'unknown-kind' });
});

test('kindsForGroup and allKinds list every kind; storage version first', () => {
  assert.deepEqual(registry.kindsForGroup('security.istio.io').map((k) => k.kind),
    ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication']);
  const all = registry.allKinds();
  assert.equal(all.length, 33);
  const se = all.filter((p) => p.kind === 'ServiceEntry').map((p) => p.apiVersion);
  assert.deepEqual(se, ['networking.istio.io/v1', 'networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1']);
  assert.equal(registry.sourceCommit, '86c9f01fd735fb01d8192f5bcaf0d424afb7f14c');
});

test('the registry uses only the injected loader', () => {
  const loaded: string[] = [];
  const r = new SchemaRegistry(
    { source: { crd: 'x', commit: null, license: 'Apache-2.0' }, kinds: [{ group: 'g.io', kind: 'K', plural: 'ks', scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, file: 'g.io/v1/K.json' }, { name: 'v0', served: false, storage: false, file: 'g.io/v0/K.json' }] }] },
    (f) => { loaded.push(f); return { type: 'object' }; },
  );
  const res = r.lookup('g.io/v1', 'K');
  assert.ok('served' in res && res.served.version === 'v1' && res.served.storage);
  assert.deepEqual(loaded, ['g.io/v1/K.json']);
  assert.deepEqual(r.lookup('g.io/v0', 'K'), { error: 'version-not-served', servedVersions: ['v1'], group: 'g.io', kind: 'K' });
  assert.throws(() => findSchemasDir('/'), /schemas\/index\.json not found/);
});

test('a schema file that is not a JSON object is named in the error', () => {
  const index = { source: { crd: 'x', commit: null, license: 'Apache-2.0' }, kinds: [{ group: 'g.io', kind: 'K', plural: 'ks', scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, file: 'g.io/v1/K.json' }] }] };
  for (const bad of [null, [], 'text']) {
    const r = new SchemaRegistry(index, () => bad as unknown as object);
    assert.throws(() => r.lookup('g.io/v1', 'K'), /^Error: schema file g\.io\/v1\/K\.json is not a JSON object$/);
  }
  assert.ok('schema' in new SchemaRegistry(index, () => ({ type: 'object' })).lookup('g.io/v1', 'K'));
});
