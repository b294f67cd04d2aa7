// `qyzmet pki …`, `qyzmet sign` and `qyzmet verify` as an operator runs them on an instance's data
// directory, and OpenSSL reading what they write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { eachEngine, PG_URL } from '../support/app.ts';
import { DEMO_PEOPLE } from '../../src/gov/population.ts';
import { makeIin } from '../../src/core/identifiers.ts';
import { hasOpenssl, openssl, tempDir } from './support.ts';
import { parseCrl } from '../../src/pki/index.ts';

const BIN = path.join(import.meta.dirname, '../../bin/qyzmet.mjs');

eachEngine('qyzmet pki / sign / verify', async (ctx, engine) => {
  const dir = tempDir();
  const schema = engine === 'postgres' ? `cli_${randomBytes(5).toString('hex')}` : undefined;
  const env = {
    ...process.env,
    QYZMET_DATA_DIR: dir,
    QYZMET_CA_PASSPHRASE: 'cli-test',
    QYZMET_DATABASE_URL: engine === 'postgres' ? PG_URL! : '',
    ...(schema ? { QYZMET_DATABASE_SCHEMA: schema } : {}),
  };
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 120_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = (name: string) => path.join(dir, name);
  const applicant = DEMO_PEOPLE.find((p) => p.role === 'applicant')!;
  try {
    const init = run('pki', 'init', '--out', file('ca'));
    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /root CA .*CN=qyzmet Root CA/);
    assert.match(init.stdout, /OCSP responder .*CN=qyzmet NCA OCSP Responder/);
    for (const f of ['root.pem', 'issuing.pem', 'chain.pem', 'ocsp-responder.pem']) assert.ok(fs.existsSync(file(`ca/${f}`)), f);

    const issued = run('pki', 'issue', '--iin', applicant.iin, '--purpose', 'sign', '--out', file('user'), '--password', 'p12-pass');
    assert.equal(issued.status, 0, issued.stderr);
    const serial = /serial ([0-9a-f]+)/.exec(issued.stdout)![1]!;
    for (const f of ['cert.pem', 'key.pem', 'chain.pem', 'cert.p12']) assert.ok(fs.existsSync(file(`user/${f}`)), f);
    assert.equal(fs.statSync(file('user/key.pem')).mode & 0o077, 0, 'the private key is readable by its owner only');

    const nobody = makeIin('1931-01-01', 'female', 9876); // valid, and nobody in the demo population
    const unknown = run('pki', 'issue', '--iin', nobody, '--purpose', 'sign', '--out', file('nobody'));
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, new RegExp(`no record of IIN ${nobody}`));
    assert.ok(!fs.existsSync(file('nobody/cert.pem')));

    const doc = file('заявление.txt');
    fs.writeFileSync(doc, 'Прошу выдать лицензию.\n');
    const signed = run('sign', doc, '--p12', file('user/cert.p12'), '--password', 'p12-pass');
    assert.equal(signed.status, 0, signed.stderr);
    assert.ok(fs.existsSync(`${doc}.p7s`));
    const wrongPass = run('sign', doc, '--p12', file('user/cert.p12'), '--password', 'nope', '--out', file('x.p7s'));
    assert.equal(wrongPass.status, 1);
    assert.doesNotMatch(wrongPass.stderr, /at .*\.ts:\d+/, 'a message, not a stack trace');

    await ctx.test('openssl cms -verify accepts the detached signature of qyzmet sign', () => {
      if (!hasOpenssl) return ctx.skip('openssl not found');
      const r = openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', `${doc}.p7s`, '-content', doc, '-CAfile', file('ca/chain.pem'), '-purpose', 'any', '-out', file('out.txt')]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /Verification successful/);
    });

    const ok = run('verify', `${doc}.p7s`);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, new RegExp(`signer: .*SERIALNUMBER=IIN${applicant.iin}`));
    assert.match(ok.stdout, /verdict: VALID/);
    fs.writeFileSync(file('changed.txt'), 'Прошу выдать две лицензии.\n');
    const changed = run('verify', `${doc}.p7s`, '--content', file('changed.txt'));
    assert.equal(changed.status, 1);
    assert.match(changed.stdout, /verdict: INVALID \(content_mismatch\)/);

    const revoked = run('pki', 'revoke', '--serial', serial.toUpperCase(), '--reason', 'keyCompromise');
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, /revoked \(keyCompromise/);
    const twice = run('pki', 'revoke', '--serial', serial, '--reason', 'keyCompromise');
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /already revoked/);

    const after = run('verify', `${doc}.p7s`);
    assert.equal(after.status, 1);
    assert.match(after.stdout, /verdict: INVALID \(revoked\)/);

    const status = run('pki', 'status', '--serial', serial, '--json');
    assert.equal(status.status, 0, status.stderr);
    assert.equal(JSON.parse(status.stdout).status, 'revoked');

    const crl = run('pki', 'crl', '--out', file('crl.der'));
    assert.equal(crl.status, 0, crl.stderr);
    if (hasOpenssl) {
      const text = openssl(['crl', '-inform', 'DER', '-in', file('crl.der'), '-noout', '-text']);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`Serial Number: ${serial.toUpperCase()}`));
      assert.match(text.stdout, /Key Compromise/);
    }
    const delta = run('pki', 'crl', '--delta', '--out', file('delta.der'));
    assert.equal(delta.status, 0, delta.stderr);
    const numbers = /delta CRL number (\d+) \(base (\d+)\)/.exec(delta.stdout);
    assert.ok(numbers, delta.stdout);
    const parsedDelta = parseCrl(fs.readFileSync(file('delta.der')));
    assert.equal(parsedDelta.number, BigInt(numbers[1]!));
    assert.equal(parsedDelta.deltaBase, BigInt(numbers[2]!));
    assert.equal(parseCrl(fs.readFileSync(file('crl.der'))).number! >= parsedDelta.deltaBase!, true, 'the complete CRL is at or after the delta\'s base');

    const audit = run('pki', 'audit');
    assert.equal(audit.status, 0, audit.stderr);
    assert.match(audit.stdout, /hash chain intact/);
    assert.match(audit.stdout, new RegExp(`issue\\s+${serial}\\s+cli:`));
    assert.match(audit.stdout, new RegExp(`revoke\\s+${serial}\\s+cli:`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
});
