// Interoperability with the OpenSSL 3 command line: what we make, OpenSSL accepts, and the reverse.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import crypto from 'node:crypto';
import {
  TrustStore,
  createCsr,
  encryptPrivateKeyPem,
  exportPkcs12,
  importPkcs12,
  issueCertificate,
  signCms,
  verifyCms,
  verifyCsr,
  type KeyAlgorithm,
} from '../../src/pki/index.ts';
import { director, hasOpenssl, hierarchy, individual, leaf, openssl, tempDir, write } from './fixtures.ts';

function needOpenssl(t: TestContext): boolean {
  if (hasOpenssl) return true;
  console.warn('!!! /usr/bin/openssl not found: OpenSSL interoperability tests SKIPPED');
  t.skip('openssl not found');
  return false;
}

const data = Buffer.from('Өтініш: туу туралы куәлік беру\n\x00\x01binary tail\r\n', 'utf8');

for (const [caAlg, leafAlg] of [
  ['ECDSA-P256', 'ECDSA-P256'],
  ['RSA-2048', 'RSA-2048'],
  ['RSA-2048', 'ECDSA-P256'],
] as [KeyAlgorithm, KeyAlgorithm][]) {
  test(`OpenSSL accepts our ${caAlg} chain with a ${leafAlg} leaf, and our CMS`, async (t) => {
    if (!needOpenssl(t)) return;
    const dir = tempDir();
    const { root, issuing } = await hierarchy(caAlg, caAlg);
    const l = await leaf(issuing, leafAlg, 'sign', director);
    const rootFile = write(dir, 'root.pem', root.certificatePem);
    const issuingFile = write(dir, 'issuing.pem', issuing.certificatePem);
    const leafFile = write(dir, 'leaf.pem', l.certificatePem);

    const verify = openssl(['verify', '-CAfile', rootFile, '-untrusted', issuingFile, leafFile]);
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, /leaf\.pem: OK/);
    const noIntermediate = openssl(['verify', '-CAfile', rootFile, leafFile]);
    assert.notEqual(noIntermediate.status, 0, 'sanity: OpenSSL fails without the intermediate');

    const text = openssl(['x509', '-in', leafFile, '-noout', '-text']).stdout;
    assert.match(text, /Version: 3/);
    assert.match(text, /X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    assert.match(text, /X509v3 Extended Key Usage:\s+E-mail Protection, 1\.2\.398\.3\.3\.4\.1\.2, 1\.2\.398\.3\.3\.4\.1\.2\.1/);
    assert.match(text, /X509v3 Subject Key Identifier/);
    assert.match(text, /X509v3 Authority Key Identifier/);
    assert.match(text, /URI:http:\/\/pki\.qyzmet\.test\/issuing\.crl/);
    assert.match(text, /OCSP - URI:http:\/\/pki\.qyzmet\.test\/ocsp/);
    const subject = openssl(['x509', '-in', leafFile, '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb']).stdout;
    assert.match(subject, /serialNumber=IIN850505400456/);
    assert.match(subject, /OU=BIN120340005678/);
    const caText = openssl(['x509', '-in', issuingFile, '-noout', '-text']).stdout;
    assert.match(caText, /X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    assert.match(caText, /X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);

    const dataFile = write(dir, 'data.bin', data);
    const detached = write(dir, 'detached.p7s', await signCms(data, { certificatePem: l.certificatePem, privateKeyPem: l.keys.privateKeyPem, chainPems: [issuing.certificatePem] }));
    const cmsVerify = openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', detached, '-content', dataFile, '-CAfile', rootFile, '-purpose', 'any', '-out', '/dev/null']);
    assert.equal(cmsVerify.status, 0, cmsVerify.stderr);
    assert.match(cmsVerify.stderr, /Verification successful/);

    const attached = write(dir, 'attached.p7s', await signCms(data, { certificatePem: l.certificatePem, privateKeyPem: l.keys.privateKeyPem, chainPems: [issuing.certificatePem] }, { detached: false }));
    const outFile = `${dir}/out.bin`;
    const attachedVerify = openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', attached, '-CAfile', rootFile, '-purpose', 'any', '-out', outFile]);
    assert.equal(attachedVerify.status, 0, attachedVerify.stderr);
    assert.deepEqual(fs.readFileSync(outFile), data);

    const tamperedFile = write(dir, 'tampered.bin', Buffer.concat([data, Buffer.from('!')]));
    const tampered = openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', detached, '-content', tamperedFile, '-CAfile', rootFile, '-purpose', 'any', '-out', '/dev/null']);
    assert.notEqual(tampered.status, 0, 'sanity: OpenSSL rejects changed content');
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

for (const alg of ['ECDSA-P256', 'RSA-2048'] as KeyAlgorithm[]) {
  test(`a CMS made by openssl cms -sign with our ${alg} certificate is accepted by verifyCms`, async (t) => {
    if (!needOpenssl(t)) return;
    const dir = tempDir();
    const { root, issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
    const l = await leaf(issuing, alg, 'sign', individual);
    const leafFile = write(dir, 'leaf.pem', l.certificatePem);
    const keyFile = write(dir, 'leaf.key', l.keys.privateKeyPem);
    const issuingFile = write(dir, 'issuing.pem', issuing.certificatePem);
    const dataFile = write(dir, 'data.bin', data);
    const trust = new TrustStore([root.certificatePem]);

    const detachedFile = `${dir}/d.p7s`;
    const sign = openssl(['cms', '-sign', '-binary', '-in', dataFile, '-signer', leafFile, '-inkey', keyFile, '-certfile', issuingFile, '-md', 'sha256', '-outform', 'DER', '-out', detachedFile]);
    assert.equal(sign.status, 0, sign.stderr);
    const r = await verifyCms(fs.readFileSync(detachedFile), { content: data, trust, purpose: 'sign' });
    assert.ok(r.ok, r.ok ? '' : `${r.code}: ${r.message}`);
    assert.equal(r.signer.iin, individual.iin);
    assert.equal(r.chain.length, 3);
    assert.ok(r.signingTime && Math.abs(r.signingTime.getTime() - Date.now()) < 120_000);
    const changed = Buffer.from(data);
    changed[0]! ^= 1;
    assert.equal((await verifyCms(fs.readFileSync(detachedFile), { content: changed, trust })).ok, false);

    const attachedFile = `${dir}/a.p7s`;
    const signAttached = openssl(['cms', '-sign', '-binary', '-nodetach', '-in', dataFile, '-signer', leafFile, '-inkey', keyFile, '-certfile', issuingFile, '-outform', 'DER', '-out', attachedFile]);
    assert.equal(signAttached.status, 0, signAttached.stderr);
    const ra = await verifyCms(fs.readFileSync(attachedFile), { trust });
    assert.ok(ra.ok, ra.ok ? '' : `${ra.code}: ${ra.message}`);
    assert.deepEqual(Buffer.from(ra.content), data);

    // BER with indefinite lengths (OpenSSL streaming mode) must parse too.
    const streamedFile = `${dir}/s.p7s`;
    const streamed = openssl(['cms', '-sign', '-binary', '-nodetach', '-stream', '-in', dataFile, '-signer', leafFile, '-inkey', keyFile, '-certfile', issuingFile, '-outform', 'DER', '-out', streamedFile]);
    assert.equal(streamed.status, 0, streamed.stderr);
    const rs = await verifyCms(fs.readFileSync(streamedFile), { trust });
    assert.ok(rs.ok, rs.ok ? '' : `${rs.code}: ${rs.message}`);
    assert.deepEqual(Buffer.from(rs.content), data);

    // Without signed attributes (-noattr) the signature covers the content itself.
    const noAttrFile = `${dir}/n.p7s`;
    const noAttr = openssl(['cms', '-sign', '-binary', '-noattr', '-in', dataFile, '-signer', leafFile, '-inkey', keyFile, '-certfile', issuingFile, '-outform', 'DER', '-out', noAttrFile]);
    assert.equal(noAttr.status, 0, noAttr.stderr);
    const rn = await verifyCms(fs.readFileSync(noAttrFile), { content: data, trust });
    assert.ok(rn.ok, rn.ok ? '' : `${rn.code}: ${rn.message}`);
    assert.equal(rn.signingTime, null);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

test('OpenSSL reads our PKCS#12 and encrypted keys; we read OpenSSL PKCS#12 and CSRs', async (t) => {
  if (!needOpenssl(t)) return;
  const dir = tempDir();
  const { root, issuing } = await hierarchy('RSA-2048', 'ECDSA-P256');
  const l = await leaf(issuing, 'ECDSA-P256', 'auth', individual);
  const password = 'p@ss сөз';
  const p12File = write(dir, 'x.p12', exportPkcs12({
    certificatePem: l.certificatePem,
    privateKeyPem: l.keys.privateKeyPem,
    chainPems: [issuing.certificatePem, root.certificatePem],
    password,
    friendlyName: 'Seitkali Asan',
  }));

  const certs = openssl(['pkcs12', '-in', p12File, '-passin', `pass:${password}`, '-nokeys']);
  assert.equal(certs.status, 0, certs.stderr);
  assert.equal((certs.stdout.match(/BEGIN CERTIFICATE/g) ?? []).length, 3);
  assert.match(certs.stdout, /friendlyName: Seitkali Asan/);
  const info = openssl(['pkcs12', '-in', p12File, '-passin', `pass:${password}`, '-info', '-noout']);
  assert.equal(info.status, 0, info.stderr);
  assert.match(info.stderr, /MAC: sha256/);
  assert.match(info.stderr, /AES-256-CBC/);
  const keyOut = openssl(['pkcs12', '-in', p12File, '-passin', `pass:${password}`, '-nocerts', '-nodes']);
  assert.equal(keyOut.status, 0, keyOut.stderr);
  const opensslKey = crypto.createPrivateKey(keyOut.stdout.slice(keyOut.stdout.indexOf('-----BEGIN')));
  assert.ok(crypto.createPublicKey(opensslKey).equals(crypto.createPublicKey(l.keys.publicKeyPem)));
  const wrong = openssl(['pkcs12', '-in', p12File, '-passin', 'pass:nope', '-nokeys']);
  assert.notEqual(wrong.status, 0, 'sanity: OpenSSL rejects the wrong password');

  // And the other way: a PKCS#12 written by OpenSSL 3 with its defaults.
  const leafFile = write(dir, 'leaf.pem', l.certificatePem);
  const keyFile = write(dir, 'leaf.key', l.keys.privateKeyPem);
  const chainFile = write(dir, 'chain.pem', issuing.certificatePem);
  const theirs = `${dir}/theirs.p12`;
  const exp = openssl(['pkcs12', '-export', '-in', leafFile, '-inkey', keyFile, '-certfile', chainFile, '-out', theirs, '-passout', 'pass:abc123']);
  assert.equal(exp.status, 0, exp.stderr);
  const imported = importPkcs12(fs.readFileSync(theirs), 'abc123');
  assert.equal(imported.certificatePem, l.certificatePem);
  assert.deepEqual(imported.chainPems, [issuing.certificatePem]);
  // Legacy 3DES/SHA-1 layout, as older tools and node-forge write it.
  const legacy = `${dir}/legacy.p12`;
  const expLegacy = openssl(['pkcs12', '-export', '-in', leafFile, '-inkey', keyFile, '-out', legacy, '-passout', 'pass:abc123', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
  assert.equal(expLegacy.status, 0, expLegacy.stderr);
  assert.equal(importPkcs12(fs.readFileSync(legacy), 'abc123').certificatePem, l.certificatePem);
  assert.throws(() => importPkcs12(fs.readFileSync(legacy), 'abc124'), /wrong password/);

  const encFile = write(dir, 'enc.pem', encryptPrivateKeyPem(l.keys.privateKeyPem, 'k3y'));
  const pkey = openssl(['pkey', '-in', encFile, '-passin', 'pass:k3y', '-pubout']);
  assert.equal(pkey.status, 0, pkey.stderr);
  assert.ok(crypto.createPublicKey(pkey.stdout).equals(crypto.createPublicKey(l.keys.publicKeyPem)));

  // CSRs: ours passes `openssl req -verify`; OpenSSL's is accepted by verifyCsr and issued from.
  const ourCsr = write(dir, 'ours.csr', await createCsr(l.keys, individual, 'ECDSA-P256'));
  const reqVerify = openssl(['req', '-in', ourCsr, '-verify', '-noout']);
  assert.equal(reqVerify.status, 0, reqVerify.stderr);
  const theirCsr = `${dir}/theirs.csr`;
  const req = openssl(['req', '-new', '-key', keyFile, '-subj', `/CN=Seitkali Asan/serialNumber=IIN${individual.iin}/C=KZ`, '-out', theirCsr]);
  assert.equal(req.status, 0, req.stderr);
  const parsed = await verifyCsr(fs.readFileSync(theirCsr, 'utf8'));
  assert.equal(parsed.subject.iin, individual.iin);
  const issued = await issueCertificate(issuing, { csrPem: fs.readFileSync(theirCsr, 'utf8'), subject: individual, purpose: 'auth' });
  const issuedFile = write(dir, 'issued.pem', issued.certificatePem);
  const v = openssl(['verify', '-CAfile', write(dir, 'root.pem', root.certificatePem), '-untrusted', chainFile, issuedFile]);
  assert.equal(v.status, 0, v.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
});
