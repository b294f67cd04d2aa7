// The server serves the web application: built files as they are (hashed assets cached for good),
// index.html for the browser's own routes, and the API's problem+json for unknown API paths; without
// a build it still runs and says how to make one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Fastify from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { registerWeb, WEB_DIST } from '../../src/http/web.ts';
import { makeTestApp } from '../support/app.ts';
import { ensureWebBuilt } from './harness.ts';

test('web/dist is served with a fallback to index.html outside the API', async () => {
  ensureWebBuilt();
  const t = await makeTestApp('sqlite');
  const f = await buildServer(t.app);
  try {
    for (const path of ['/', '/cabinet', '/cases/123/result', '/services/crypto-licence']) {
      const res = await f.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200, path);
      assert.match(String(res.headers['content-type']), /^text\/html/, path);
      assert.match(res.body, /<div id="root">/);
      assert.equal(res.headers['cache-control'], 'no-cache');
    }
    const asset = readdirSync(join(WEB_DIST, 'assets')).find((n) => n.endsWith('.js'))!;
    const a = await f.inject({ method: 'GET', url: `/assets/${asset}` });
    assert.equal(a.statusCode, 200);
    assert.match(String(a.headers['content-type']), /javascript/);
    assert.match(String(a.headers['cache-control']), /immutable/);
    for (const path of ['/api/nope', '/api', '/pki/nope', '/health/x', '/assets/missing-chunk.js']) {
      const res = await f.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 404, path);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, path);
    }
    assert.equal((await f.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    assert.equal((await f.inject({ method: 'GET', url: '/api/catalog' })).statusCode, 200);
    for (const url of ['/assets/../../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
      assert.doesNotMatch((await f.inject({ method: 'GET', url })).body, /"private": true/, url);
    }
  } finally {
    await f.close();
    await t.close();
  }
});

test('without a build the server still runs and says how to build the web application', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'qyzmet-nodist-'));
  const f = Fastify();
  await registerWeb(f, { dist: join(empty, 'dist') });
  f.get('/health', async () => ({ status: 'ok' }));
  try {
    assert.equal(existsSync(join(empty, 'dist')), false);
    const res = await f.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /npm run build:web/);
    assert.equal((await f.inject({ method: 'GET', url: '/health' })).statusCode, 200);
  } finally {
    await f.close();
    rmSync(empty, { recursive: true, force: true });
  }
});

test('the initial JavaScript stays within 250 KB gzipped; the EDS code is loaded on demand', () => {
  ensureWebBuilt();
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2])!);
  assert.ok(initial.length > 0);
  const size = initial.reduce((n, f) => n + gzipSync(readFileSync(join(WEB_DIST, f)), { level: 9 }).length, 0);
  assert.ok(size <= 250 * 1024, `initial JavaScript is ${(size / 1024).toFixed(1)} KB gzipped`);
  // The OID of the PKCS#12 shrouded key bag marks the key-store code.
  const P12 = '1.2.840.113549.1.12.10.1.2';
  assert.ok(initial.every((f) => !readFileSync(join(WEB_DIST, f), 'utf8').includes(P12)), 'the EDS code must not be in the initial JavaScript');
  assert.ok(readdirSync(join(WEB_DIST, 'assets')).some((f) => f.endsWith('.js') && readFileSync(join(WEB_DIST, 'assets', f), 'utf8').includes(P12)));
});

test('the web application typechecks (web/tsconfig.json: JSX, DOM, strict)', () => {
  const root = join(import.meta.dirname, '..', '..');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(root, 'web')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
