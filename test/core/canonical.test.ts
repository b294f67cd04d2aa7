import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../../src/core/canonical.ts';

test('canonical JSON sorts keys at every depth, drops undefined members and has no whitespace', () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: undefined, b: 2.5 }], c: 'é"\n' }), '{"a":[true,null,{"b":2.5,"d":"x"}],"b":1,"c":"é\\"\\n"}');
  assert.equal(canonicalJson([]), '[]');
  assert.equal(canonicalJson({}), '{}');
  // The same object built in another key order gives the same bytes.
  assert.equal(canonicalJson({ x: { q: 1, p: 2 }, y: 0 }), canonicalJson({ y: 0, x: { p: 2, q: 1 } }));
});

test('canonical JSON refuses what JSON cannot carry faithfully', () => {
  assert.throws(() => canonicalJson(Number.NaN), /non-finite/);
  assert.throws(() => canonicalJson({ a: Infinity }), /non-finite/);
  assert.throws(() => canonicalJson({ f: () => 1 }), /cannot encode a function/);
});
