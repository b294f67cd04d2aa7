// `qyzmet pki operator …` as the local NCA administrator runs it on an instance's data directory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_ENTITIES, DEMO_PEOPLE } from '../../src/gov/population.ts';
import { tempDir } from './support.ts';

const BIN = path.join(import.meta.dirname, '../../bin/qyzmet.mjs');

test('qyzmet pki operator: appoint, absence, dismiss (a late notice warns), list, rules', () => {
  const dir = tempDir();
  const env = { ...process.env, QYZMET_DATA_DIR: dir, QYZMET_CA_PASSPHRASE: 'cli-test', QYZMET_DATABASE_URL: '' };
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  assert.equal(run('pki', 'init').status, 0);
  const person = DEMO_PEOPLE.find((p) => p.role === 'company_employee')!;
  const psc = DEMO_ENTITIES.find((e) => e.role === 'provider')!;
  const today = new Date().toISOString().slice(0, 10);
  const appoint = run('pki', 'operator', 'appoint', '--iin', person.iin, '--bin', psc.bin, '--order', '5-к', '--order-date', today);
  assert.equal(appoint.status, 0, appoint.stderr);
  const id = /^(\S+)\s+IIN/.exec(appoint.stdout)![1]!;
  const again = run('pki', 'operator', 'appoint', '--iin', person.iin, '--bin', psc.bin, '--order', '6-к', '--order-date', today);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already an NCA operator/);
  const abs = run('pki', 'operator', 'absence', '--id', id, '--from', today);
  assert.equal(abs.status, 0, abs.stderr);
  assert.match(abs.stdout, /on hold from/);
  const dismiss = run('pki', 'operator', 'dismiss', '--id', id, '--date', today, '--cause', 'transfer');
  assert.equal(dismiss.status, 0, dismiss.stderr);
  assert.match(dismiss.stdout, new RegExp(`transfer ${today} \\(late notice\\)`));
  assert.match(dismiss.stderr, /late notice: the PSC must inform the provider at least 2 days before/);
  // Only this person's appointment (the demo instance also has its demo NCA operator).
  const list = run('pki', 'operator', 'list', '--iin', person.iin, '--json');
  assert.equal(list.status, 0, list.stderr);
  const ops = JSON.parse(list.stdout);
  assert.deepEqual(ops.map((o: { id: string; dismissal: { lateNotice: boolean } }) => [o.id, o.dismissal.lateNotice]), [[id, true]]);
  assert.ok(ops[0].absences[0].settledAt, 'a dismissal settles the absence');
  const rules = run('pki', 'operator', 'rules');
  assert.equal(rules.status, 0, rules.stderr);
  assert.match(rules.stdout, /revoked 0, held 0, released 0/);
  const audit = run('pki', 'audit');
  assert.equal(audit.status, 0, audit.stderr);
  assert.match(audit.stdout, /intact/);
});
