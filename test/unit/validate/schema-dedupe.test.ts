// Moving repeated schema subtrees into $defs must not change what is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { dedupeSchema } from '../../../server/src/core/validate/schema-dedupe';
import { toAjvSchema } from '../../../server/src/core/validate/schema-transform';
import { testRegistry } from './helpers';

function compile(schema: Record<string, unknown>) {
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('uint32', true);
  ajv.addKeyword({ keyword: 'x-kubernetes-list-type' });
  return ajv.compile(schema);
}

const policy = (x: Record<string, unknown>) => ({
  tls: { mode: x.mode ?? 'ISTIO_MUTUAL' },
  connectionPool: { tcp: { maxConnections: x.max ?? 10, bogus: x.bogus } },
  loadBalancer: x.lb ?? { simple: 'ROUND_ROBIN' },
});

test('deduplicated DestinationRule schema reports exactly the same errors', () => {
  const crd = (testRegistry().lookup('networking.istio.io/v1', 'DestinationRule') as { schema: Record<string, unknown> }).schema;
  const plain = toAjvSchema(crd);
  const deduped = dedupeSchema(plain);
  assert.ok(Object.keys((deduped.$defs as object) ?? {}).length > 3, 'repeated subtrees were found');
  assert.ok(JSON.stringify(deduped).length < JSON.stringify(plain).length / 2);
  const a = compile(plain);
  const b = compile(deduped);
  const variants = [
    {}, { mode: 'ISTIO_MTLS' }, { max: 'many' }, { bogus: 1 }, { lb: { simple: 'X', consistentHash: { useSourceIp: true } } }, { lb: { consistentHash: { ringHash: {}, maglev: {} } } },
  ];
  for (const v of variants) {
    const value = {
      apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'x' },
      spec: { host: 'h', trafficPolicy: policy(v), subsets: [{ name: 's', trafficPolicy: { ...policy(v), portLevelSettings: [{ port: { number: 80 }, ...policy(v) }] } }] },
    };
    a(value);
    b(value);
    const key = (errs: typeof a.errors) => (errs ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();
    assert.deepEqual(key(b.errors), key(a.errors), JSON.stringify(v));
    if (Object.keys(v).length > 0) assert.ok((a.errors ?? []).length > 0, `variant ${JSON.stringify(v)} is invalid`);
  }
});
