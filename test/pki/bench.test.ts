import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchVerify } from '../../src/pki/index.ts';

test('benchVerify measures both algorithms (small n: a smoke test, not the figure)', async () => {
  const r = await benchVerify(200);
  assert.equal(r.iterations, 200);
  assert.ok(r.p256PerSecond > 100, `P-256: ${r.p256PerSecond}/s`);
  assert.ok(r.rsa2048PerSecond > 100, `RSA-2048: ${r.rsa2048PerSecond}/s`);
});
