// The qyzmet command as a user runs it: the demo, deadlines, the catalog, and `npm start`
// answering /health on a fresh data directory.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const BIN = join(import.meta.dirname, '../../bin/qyzmet.mjs');
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

test('qyzmet demo plays the licence to delivery with every signature verified and exits 0', () => {
  const r = run(['demo']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /status: result; result KNB-CIPM-\d{4}-\d{6}/);
  assert.match(r.stdout, /hash chain intact; signatures: 5\/5 verified/);
  // The timeline lists every step of the portal path with its deadline.
  for (const step of ['register', 'assign', 'review', 'sign', 'deliver']) assert.match(r.stdout, new RegExp(`^${step}\\s`, 'm'));
});

test('qyzmet deadline --json gives the regulation\'s due dates (issue: 15 working days; Nauryz 2027 included)', () => {
  // Received Thursday 18 March 2027 at 10:00. Nauryz is 21–23 March (a Sunday–Tuesday), with the
  // Sunday moved to Wednesday 24 March; working days counted: 19, 25, 26, 29, 30, 31 March, 1, 2,
  // 5, 6, 7, 8, 9, 12, 13 April → the 15th is Tuesday 13 April 2027.
  const r = run(['deadline', 'crypto-licence', 'issue', '--received', '2027-03-18T10:00:00+05:00', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.service, 'crypto-licence');
  assert.equal(out.subcase, 'issue');
  assert.equal(out.received, '2027-03-18T10:00:00+05:00');
  assert.equal(out.due, '2027-04-13T19:00:00+05:00');
  assert.deepEqual(out.steps.map((s: { id: string }) => s.id), ['register', 'assign', 'review', 'sign', 'deliver']);
  assert.equal(out.steps[0].due, '2027-03-18T19:00:00+05:00');
  for (const s of out.steps) assert.match(s.due, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
});

test('qyzmet deadline rejects an unknown service and a bad date with a clear message', () => {
  const a = run(['deadline', 'no-such-service', 'issue', '--received', '2027-03-18T10:00:00+05:00']);
  assert.equal(a.status, 1);
  assert.match(a.stderr, /no service "no-such-service"/);
  const b = run(['deadline', 'crypto-licence', 'issue', '--received', 'yesterday']);
  assert.equal(b.status, 1);
  assert.match(b.stderr, /received must be an ISO 8601/);
});

test('qyzmet catalog list --json lists the services with their ids and versions', () => {
  const r = run(['catalog', 'list', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const items = JSON.parse(r.stdout) as Array<{ id: string; versions: Array<{ version: string }> }>;
  const s = items.find((i) => i.id === 'crypto-licence');
  assert.ok(s);
  assert.ok(s.versions.length >= 1);
});

test('npm start on a fresh data directory answers /health within 10 s', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-start-'));
  const port = 18000 + Math.floor(Math.random() * 2000);
  const child = spawn('npm', ['start', '--', '--port', String(port), '--host', '127.0.0.1'], { env: { ...process.env, QYZMET_DATA_DIR: dir, QYZMET_LOG: '0', QYZMET_DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const t0 = Date.now();
  try {
    let body: { status?: string; engine?: string } | undefined;
    while (Date.now() - t0 < 10_000) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/health`);
        if (r.ok) {
          body = await r.json();
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(body, `no /health answer within 10 s; output:\n${output}`);
    assert.equal(body.status, 'ok');
    assert.equal(body.engine, 'sqlite');
    assert.ok(existsSync(join(dir, 'qyzmet.sqlite')), 'the embedded database lives under the data directory');
    assert.ok(existsSync(join(dir, 'keys', 'company_head-sign.p12')), 'demo key stores are handed out at first start');
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
