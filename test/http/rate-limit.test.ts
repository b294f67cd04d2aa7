// Per-client token buckets on the public PKI endpoints and on sign-in challenges: a burst over the
// limit gets 429 problem+json with Retry-After, other clients and other endpoints go on, and the
// bucket refills at its rate (a fake monotonic clock drives it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestApp } from '../support/app.ts';
import { buildServer } from '../../src/http/server.ts';
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv, TokenBuckets } from '../../src/http/rate-limit.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { buildOcspRequest, parseOcspResponse } from '../../src/pki/index.ts';

test('rate limits: 429 problem+json with Retry-After per client and endpoint; the bucket refills', async (ctx) => {
  const t = await makeTestApp('sqlite');
  let ms = 1_000_000;
  const server = await buildServer(t.app, { rateLimits: { pki: { perSecond: 1, burst: 3 }, challenge: { perSecond: 0.5, burst: 2 }, now: () => ms }, trustProxy: '10.0.0.1' });
  try {
    const { issuing } = await instanceCa(t.app);
    const serial = (await t.app.store.db.selectFrom('certificates').select('serial').where('purpose', '=', 'sign').executeTakeFirstOrThrow()).serial;
    const body = buildOcspRequest(issuing.certificatePem, serial);
    const ocsp = (remoteAddress: string) => server.inject({ method: 'POST', url: '/pki/ocsp', headers: { 'content-type': 'application/ocsp-request' }, payload: body, remoteAddress });
    const get = (url: string, remoteAddress: string) => server.inject({ method: 'GET', url, remoteAddress });
    const ok = (r: { statusCode: number; rawPayload: Buffer }) => {
      assert.equal(r.statusCode, 200);
      assert.equal(parseOcspResponse(r.rawPayload, issuing.certificatePem).responseStatus, 'successful');
    };
    const limited = (r: { statusCode: number; headers: Record<string, unknown>; body: string }, retryAfter: string) => {
      assert.equal(r.statusCode, 429, r.body);
      assert.match(String(r.headers['content-type']), /^application\/problem\+json(;|$)/);
      assert.equal(r.headers['retry-after'], retryAfter);
      const p = JSON.parse(r.body);
      assert.equal(p.status, 429);
      assert.equal(p.title, 'Too many requests');
      assert.equal(p.rule, 'rate_limited');
      assert.equal(p.type, 'https://qyzmet.kz/problems/rate-limited');
      assert.equal(p.retryAfter, Number(retryAfter));
      assert.match(p.detail, /retry after/);
    };

    await ctx.test('OCSP: a burst of 3 passes, the 4th gets 429 (POST and GET share the bucket)', async () => {
      for (let i = 0; i < 3; i++) ok(await ocsp('10.0.0.1'));
      limited(await ocsp('10.0.0.1'), '1');
      limited(await get(`/pki/ocsp/${encodeURIComponent(body.toString('base64'))}`, '10.0.0.1'), '1');
    });

    await ctx.test('other clients and other endpoints of the same client are not affected', async () => {
      ok(await ocsp('10.0.0.2'));
      assert.equal((await get('/pki/crl', '10.0.0.1')).statusCode, 200);
      assert.equal((await get('/pki/crl/delta', '10.0.0.1')).statusCode, 200);
      assert.equal((await get('/pki/root.crt', '10.0.0.1')).statusCode, 200);
      assert.equal((await server.inject({ method: 'POST', url: '/api/auth/challenge', remoteAddress: '10.0.0.1' })).statusCode, 201);
      assert.equal((await get('/api/catalog', '10.0.0.1')).statusCode, 200);
      // Behind the configured balancer (10.0.0.1) the client is the X-Forwarded-For address.
      const viaProxy = await server.inject({ method: 'POST', url: '/pki/ocsp', headers: { 'content-type': 'application/ocsp-request', 'x-forwarded-for': '192.0.2.7' }, payload: body, remoteAddress: '10.0.0.1' });
      ok(viaProxy);
    });

    await ctx.test('a client that is not a configured proxy cannot choose its address with X-Forwarded-For', async () => {
      const spoof = (i: number) => server.inject({ method: 'POST', url: '/pki/ocsp', headers: { 'content-type': 'application/ocsp-request', 'x-forwarded-for': `198.51.100.${i}` }, payload: body, remoteAddress: '10.0.0.9' });
      for (let i = 0; i < 3; i++) ok(await spoof(i));
      limited(await spoof(99), '1');
    });

    await ctx.test('the bucket refills at its rate, up to its burst', async () => {
      ms += 1000; // one token back
      ok(await ocsp('10.0.0.1'));
      limited(await ocsp('10.0.0.1'), '1');
      ms += 500; // half a token: still limited, the wait is what is left of it
      limited(await ocsp('10.0.0.1'), '1');
      ms += 60_000; // long idle: back to a full burst, not more
      for (let i = 0; i < 3; i++) ok(await ocsp('10.0.0.1'));
      limited(await ocsp('10.0.0.1'), '1');
    });

    await ctx.test('CRL and certificates are limited per client too', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await get('/pki/crl', '10.0.0.1')).statusCode, 200); // refilled since the two CRLs above
      limited(await get('/pki/crl', '10.0.0.1'), '1');
      limited(await get('/pki/crl/delta', '10.0.0.1'), '1');
      for (let i = 0; i < 2; i++) assert.equal((await get('/pki/issuing.crt', '10.0.0.3')).statusCode, 200);
      assert.equal((await get('/pki/ocsp.crt', '10.0.0.3')).statusCode, 200);
      limited(await get('/pki/root.crt', '10.0.0.3'), '1');
    });

    await ctx.test('sign-in challenges: 2 per burst, then 429 with Retry-After 2 s (0.5 per second); refills', async () => {
      const challenge = (remoteAddress: string) => server.inject({ method: 'POST', url: '/api/auth/challenge', remoteAddress });
      for (let i = 0; i < 2; i++) assert.equal((await challenge('10.0.1.1')).statusCode, 201);
      limited(await challenge('10.0.1.1'), '2');
      assert.equal((await challenge('10.0.1.2')).statusCode, 201);
      ms += 2000;
      assert.equal((await challenge('10.0.1.1')).statusCode, 201);
      limited(await challenge('10.0.1.1'), '2');
      // Sign-in itself is not limited by the challenge bucket: a malformed request still gets its own clear error.
      const bad = await server.inject({ method: 'POST', url: '/api/auth/signin', headers: { 'content-type': 'application/json' }, payload: '{', remoteAddress: '10.0.1.1' });
      assert.equal(bad.statusCode, 400);
      assert.equal(JSON.parse(bad.body).rule, 'malformed_json');
    });

    await ctx.test('an oversized OCSP request still gets 413 (within the limit)', async () => {
      const big = await server.inject({ method: 'POST', url: '/pki/ocsp', headers: { 'content-type': 'application/ocsp-request' }, payload: Buffer.alloc(17 * 1024), remoteAddress: '10.0.2.1' });
      assert.equal(big.statusCode, 413);
      assert.equal(JSON.parse(big.body).rule, 'body_too_large');
    });
  } finally {
    await server.close();
    await t.close();
  }
});

test('rate limits: configuration from the environment', () => {
  assert.deepEqual(rateLimitsFromEnv({}), { pki: DEFAULT_RATE_LIMITS.pki, challenge: DEFAULT_RATE_LIMITS.challenge });
  assert.deepEqual(rateLimitsFromEnv({ QYZMET_RATE_LIMITS: 'off' }), { pki: null, challenge: null });
  assert.deepEqual(rateLimitsFromEnv({ QYZMET_RATE_PKI_PER_SECOND: '50', QYZMET_RATE_PKI_BURST: '80', QYZMET_RATE_CHALLENGE_PER_SECOND: '0' }), { pki: { perSecond: 50, burst: 80 }, challenge: null });
  // A rate without a burst keeps the default burst (at least one second's worth).
  assert.deepEqual(rateLimitsFromEnv({ QYZMET_RATE_PKI_PER_SECOND: '5000' }).pki, { perSecond: 5000, burst: 5000 });
  assert.throws(() => rateLimitsFromEnv({ QYZMET_RATE_PKI_PER_SECOND: 'lots' }), /QYZMET_RATE_PKI_PER_SECOND must be a non-negative number/);
  assert.throws(() => rateLimitsFromEnv({ QYZMET_RATE_CHALLENGE_BURST: '0' }), /QYZMET_RATE_CHALLENGE_BURST must be at least 1/);
});

test('token buckets: memory is bounded; refilled clients are forgotten first', () => {
  let ms = 0;
  const b = new TokenBuckets({ perSecond: 1, burst: 2 }, () => ms, 4);
  for (const k of ['a', 'b', 'c', 'd']) assert.equal(b.take(k), 0);
  assert.equal(b.take('a'), 0);
  assert.equal(b.take('a'), 1000); // empty: a whole token to wait for
  ms += 5000; // b, c, d are full again (and a too)
  assert.equal(b.take('e'), 0);
  assert.ok(b.size <= 4);
  for (let i = 0; i < 20; i++) b.take(`x${i}`);
  assert.ok(b.size <= 4, `at most 4 clients remembered, not ${b.size}`);
});
