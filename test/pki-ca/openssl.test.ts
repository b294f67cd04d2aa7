// The NCA's repository and OCSP responder as OpenSSL sees them, against the running server
// (Fastify on 127.0.0.1:0): requests made by OpenSSL are issued, OpenSSL reads the CRL and
// rejects a revoked certificate with it, and `openssl ocsp` gets good / revoked / unknown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { buildServer } from '../../src/http/server.ts';
import { holderFromStateDb, revocationPayload } from '../../src/app/ca.ts';
import { signPayload } from '../../src/app/session.ts';
import { hasOpenssl, makeOperator, openssl, populationIin, tempDir } from './support.ts';

/** OpenSSL as a child process without blocking the event loop (the server under test runs in it). */
function opensslAsync(args: string[], input?: Uint8Array): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('/usr/bin/openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, stdout, stderr });
    });
    p.stdin.end(input ?? undefined);
  });
}

eachEngine('NCA with OpenSSL: CSR → certificate, CRL, OCSP over HTTP', async (ctx, engine) => {
  if (!hasOpenssl) {
    console.warn('!!! /usr/bin/openssl not found: OpenSSL interoperability of the NCA SKIPPED');
    ctx.skip('openssl not found');
    return;
  }
  // OpenSSL judges CRL and OCSP times by its own clock: the instance runs at the real time.
  const t = await makeTestApp(engine, new Date().toISOString());
  const server = await buildServer(t.app);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const dir = tempDir();
  const file = (name: string) => path.join(dir, name);
  const http = async (method: 'GET' | 'POST', url: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, type: res.headers.get('content-type') };
  };
  try {
    const op = await makeOperator(t);
    const iin = await populationIin(t, 7);
    const person = await holderFromStateDb(t.app, iin, null);

    // The CA's certificates as published.
    for (const [url, name] of [['/pki/root.crt', 'root'], ['/pki/issuing.crt', 'issuing'], ['/pki/ocsp.crt', 'responder']] as const) {
      const res = await fetch(`${base}${url}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pkix-cert');
      fs.writeFileSync(file(`${name}.der`), Buffer.from(await res.arrayBuffer()));
      const conv = openssl(['x509', '-inform', 'DER', '-in', file(`${name}.der`), '-out', file(`${name}.pem`)]);
      assert.equal(conv.status, 0, conv.stderr);
    }
    fs.writeFileSync(file('chain.pem'), fs.readFileSync(file('issuing.pem'), 'utf8') + fs.readFileSync(file('root.pem'), 'utf8'));
    const responderText = openssl(['x509', '-in', file('responder.pem'), '-noout', '-text']).stdout;
    assert.match(responderText, /OCSP Signing/);
    assert.match(responderText, /OCSP No Check/);

    // Keys and requests made by OpenSSL; the CA fills the subject from the state database.
    const issued: Record<string, { serial: string; pem: string }> = {};
    for (const [name, keyArgs, purpose] of [
      ['ec', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'sign'],
      ['rsa', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], 'auth'],
      ['other', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], 'sign'],
    ] as const) {
      assert.equal(openssl([...keyArgs, '-out', file(`${name}.key`)]).status, 0);
      const req = openssl(['req', '-new', '-key', file(`${name}.key`), '-subj', `/CN=Test/serialNumber=IIN${iin}/C=KZ`, '-out', file(`${name}.csr`)]);
      assert.equal(req.status, 0, req.stderr);
      const res = await http('POST', '/api/pki/certificates', { csr: fs.readFileSync(file(`${name}.csr`), 'utf8'), purpose }, op.token);
      assert.equal(res.status, 201, res.text);
      fs.writeFileSync(file(`${name}.pem`), res.body.certificatePem);
      issued[name] = { serial: res.body.serial, pem: res.body.certificatePem };
      assert.match(res.body.subject, new RegExp(`SURNAME=${person.surname}`));
    }
    const leaf = issued.ec!;
    const verify = openssl(['verify', '-CAfile', file('root.pem'), '-untrusted', file('issuing.pem'), file('ec.pem')]);
    assert.equal(verify.status, 0, verify.stderr);

    const ocsp = (args: string[]) => opensslAsync(['ocsp', '-issuer', file('issuing.pem'), '-url', `${base}/pki/ocsp`, ...args]);

    await ctx.test('openssl ocsp: good, with the delegated responder (-VAfile) and through the chain (-CAfile); nonce echoed', async () => {
      const a = await ocsp(['-cert', file('ec.pem'), '-VAfile', file('responder.pem')]);
      assert.equal(a.status, 0, a.stderr);
      assert.match(a.stderr + a.stdout, /Response verify OK/);
      assert.match(a.stdout, /ec\.pem: good/);
      assert.doesNotMatch(a.stderr + a.stdout, /WARNING/); // no "no nonce in response"
      const b = await ocsp(['-cert', file('rsa.pem'), '-CAfile', file('chain.pem')]);
      assert.equal(b.status, 0, b.stderr);
      assert.match(b.stderr + b.stdout, /Response verify OK/);
      assert.match(b.stdout, /rsa\.pem: good/);
    });

    await ctx.test('openssl ocsp: a serial the CA never issued is unknown', async () => {
      const r = await ocsp(['-serial', '0x0123456789abcdef', '-VAfile', file('responder.pem')]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /0x0123456789abcdef: unknown/i);
    });

    // The complete CRL before any revocation: the base the delta CRL will name.
    const baseRes = await fetch(`${base}/pki/crl`);
    assert.equal(baseRes.status, 200);
    fs.writeFileSync(file('base.der'), Buffer.from(await baseRes.arrayBuffer()));
    assert.equal(openssl(['crl', '-inform', 'DER', '-in', file('base.der'), '-out', file('base.pem')]).status, 0);

    await ctx.test('revoked by an operator: openssl ocsp reports revoked with time and reason; the CRL lists it; openssl verify -crl_check rejects it', async () => {
      const res = await http('POST', `/api/pki/certificates/${leaf.serial}/revoke`, { reason: 'keyCompromise' }, op.token);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'revoked');
      const r = await ocsp(['-cert', file('ec.pem'), '-VAfile', file('responder.pem')]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /ec\.pem: revoked/);
      assert.match(r.stdout, /Reason: keyCompromise/);
      assert.match(r.stdout, /Revocation Time: /);
      // The other certificates are not affected.
      assert.match((await ocsp(['-cert', file('rsa.pem'), '-VAfile', file('responder.pem')])).stdout, /rsa\.pem: good/);

      const crlRes = await fetch(`${base}/pki/crl`);
      assert.equal(crlRes.status, 200);
      assert.equal(crlRes.headers.get('content-type'), 'application/pkix-crl');
      fs.writeFileSync(file('crl.der'), Buffer.from(await crlRes.arrayBuffer()));
      const text = openssl(['crl', '-inform', 'DER', '-in', file('crl.der'), '-noout', '-text']);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`Serial Number: ${leaf.serial.toUpperCase()}`));
      assert.match(text.stdout, /Key Compromise/);
      assert.match(text.stdout, /X509v3 CRL Number/);
      assert.match(text.stdout, /X509v3 Authority Key Identifier/);
      assert.match(text.stdout, /Next Update: /);
      assert.match(text.stdout, /Issuer: CN = qyzmet National Certification Centre/);
      // Signed by the issuing CA.
      const sig = openssl(['crl', '-inform', 'DER', '-in', file('crl.der'), '-CAfile', file('chain.pem'), '-noout']);
      assert.equal(sig.status, 0, sig.stderr);
      assert.match(sig.stderr + sig.stdout, /verify OK/);
      assert.equal(openssl(['crl', '-inform', 'DER', '-in', file('crl.der'), '-out', file('crl.pem')]).status, 0);
      const rejected = openssl(['verify', '-crl_check', '-CRLfile', file('crl.pem'), '-CAfile', file('chain.pem'), file('ec.pem')]);
      assert.notEqual(rejected.status, 0);
      assert.match(rejected.stdout + rejected.stderr, /certificate revoked/);
      const accepted = openssl(['verify', '-crl_check', '-CRLfile', file('crl.pem'), '-CAfile', file('chain.pem'), file('rsa.pem')]);
      assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
      // Not modified since: the ETag is the CRL number.
      const again = await fetch(`${base}/pki/crl`, { headers: { 'if-none-match': crlRes.headers.get('etag')! } });
      assert.equal(again.status, 304);
    });

    await ctx.test('delta CRL: openssl reads the Delta CRL Indicator and the entry; verify -use_deltas rejects with the older base and the delta', async () => {
      const baseText = openssl(['crl', '-in', file('base.pem'), '-noout', '-text']);
      assert.equal(baseText.status, 0, baseText.stderr);
      assert.match(baseText.stdout, /Freshest CRL/);
      assert.match(baseText.stdout, /URI:http:\/\/[^\s]+\/pki\/crl\/delta\n/); // QYZMET_PUBLIC_URL + /pki/crl/delta
      assert.match(baseText.stdout, /No Revoked Certificates/);
      const baseNumber = /X509v3 CRL Number: \n\s*(\d+)/.exec(baseText.stdout)?.[1];
      assert.ok(baseNumber, baseText.stdout);

      const res = await fetch(`${base}/pki/crl/delta`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pkix-crl');
      fs.writeFileSync(file('delta.der'), Buffer.from(await res.arrayBuffer()));
      const text = openssl(['crl', '-inform', 'DER', '-in', file('delta.der'), '-noout', '-text']);
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /X509v3 Delta CRL Indicator: critical\s*\n\s*(\d+)/);
      assert.equal(/X509v3 Delta CRL Indicator: critical\s*\n\s*(\d+)/.exec(text.stdout)![1], baseNumber, 'the delta names the complete CRL fetched before the revocation');
      assert.match(text.stdout, new RegExp(`Serial Number: ${leaf.serial.toUpperCase()}`));
      assert.match(text.stdout, /Key Compromise/);
      assert.doesNotMatch(text.stdout, /Freshest CRL/);
      const sig = openssl(['crl', '-inform', 'DER', '-in', file('delta.der'), '-CAfile', file('chain.pem'), '-noout']);
      assert.match(sig.stderr + sig.stdout, /verify OK/);
      assert.equal(openssl(['crl', '-inform', 'DER', '-in', file('delta.der'), '-out', file('delta.pem')]).status, 0);
      fs.writeFileSync(file('base+delta.pem'), fs.readFileSync(file('base.pem'), 'utf8') + fs.readFileSync(file('delta.pem'), 'utf8'));

      // The old base alone does not know of the revocation; with the delta, OpenSSL rejects.
      const baseOnly = openssl(['verify', '-crl_check', '-use_deltas', '-CRLfile', file('base.pem'), '-CAfile', file('chain.pem'), file('ec.pem')]);
      assert.equal(baseOnly.status, 0, baseOnly.stdout + baseOnly.stderr);
      const rejected = openssl(['verify', '-crl_check', '-use_deltas', '-CRLfile', file('base+delta.pem'), '-CAfile', file('chain.pem'), file('ec.pem')]);
      assert.notEqual(rejected.status, 0);
      assert.match(rejected.stdout + rejected.stderr, /certificate revoked/);
      const accepted = openssl(['verify', '-crl_check', '-use_deltas', '-CRLfile', file('base+delta.pem'), '-CAfile', file('chain.pem'), file('rsa.pem')]);
      assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
    });

    await ctx.test('OCSP over GET (RFC 6960 A.1) and a malformed request', async () => {
      // A GET request usually carries no nonce (so that caches can serve it).
      const req = openssl(['ocsp', '-issuer', file('issuing.pem'), '-cert', file('rsa.pem'), '-no_nonce', '-reqout', file('req.der')]);
      assert.equal(req.status, 0, req.stderr);
      const b64 = encodeURIComponent(fs.readFileSync(file('req.der')).toString('base64'));
      const res = await fetch(`${base}/pki/ocsp/${b64}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/ocsp-response');
      fs.writeFileSync(file('resp.der'), Buffer.from(await res.arrayBuffer()));
      const read = await opensslAsync(['ocsp', '-respin', file('resp.der'), '-issuer', file('issuing.pem'), '-cert', file('rsa.pem'), '-no_nonce', '-VAfile', file('responder.pem')]);
      assert.equal(read.status, 0, read.stderr);
      assert.match(read.stdout, /rsa\.pem: good/);
      const bad = await fetch(`${base}/pki/ocsp`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: Buffer.from('not DER at all') });
      assert.equal(bad.status, 200);
      assert.deepEqual([...Buffer.from(await bad.arrayBuffer())], [0x30, 0x03, 0x0a, 0x01, 0x01]); // malformedRequest
    });

    await ctx.test('the holder revokes over HTTP with a signature; a stranger gets 403', async () => {
      const other = issued.other!;
      const holderKey = { certificatePem: other.pem, privateKeyPem: fs.readFileSync(file('other.key'), 'utf8'), chainPems: [] };
      const requestedAt = t.clock.now.toISOString();
      const stranger = await http('POST', `/api/pki/certificates/${other.serial}/revoke`, { reason: 'keyCompromise', requestedAt, signature: await signPayload(t.users.applicant.sign, revocationPayload({ serial: other.serial, reason: 'keyCompromise', requestedAt })) });
      assert.equal(stranger.status, 403, stranger.text);
      assert.equal(stranger.body.rule, 'not_holder');
      const noProof = await http('POST', `/api/pki/certificates/${other.serial}/revoke`, { reason: 'keyCompromise' }, (await t.login(t.users.applicant)).token);
      assert.equal(noProof.status, 403, noProof.text);
      const own = await http('POST', `/api/pki/certificates/${other.serial}/revoke`, { reason: 'keyCompromise', requestedAt, signature: await signPayload(holderKey, revocationPayload({ serial: other.serial, reason: 'keyCompromise', requestedAt })) });
      assert.equal(own.status, 200, own.text);
      const twice = await http('POST', `/api/pki/certificates/${other.serial}/revoke`, { reason: 'keyCompromise' }, op.token);
      assert.equal(twice.status, 409, twice.text);
      assert.equal(twice.body.rule, 'already_revoked');
      const r = await ocsp(['-cert', file('other.pem'), '-VAfile', file('responder.pem')]);
      assert.match(r.stdout, /other\.pem: revoked/);
      // The record: the holder may read it, another applicant may not.
      const status = await http('GET', `/api/pki/certificates/${other.serial}`, undefined, op.token);
      assert.equal(status.status, 200, status.text);
      assert.equal(status.body.status, 'revoked');
      const peek = await http('GET', `/api/pki/certificates/${other.serial}`, undefined, (await t.login(t.users.company_head)).token);
      assert.equal(peek.status, 403);
    });
  } finally {
    await server.close();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
