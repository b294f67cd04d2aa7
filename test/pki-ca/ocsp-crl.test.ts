// The pure PKI side of revocation: CRL encoding and OCSP requests/responses, without a database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import {
  buildCrl,
  buildOcspRequest,
  createIssuingCa,
  createRootCa,
  generateKeyPair,
  issueCertificate,
  issueOcspResponderCertificate,
  normalizeSerialHex,
  OcspResponder,
  parseCertificate,
  parseCrl,
  parseOcspRequest,
  parseOcspResponse,
  parseRevocationReason,
  reasonCode,
  REVOCATION_REASONS,
  PkiError,
} from '../../src/pki/index.ts';

const subject = { kind: 'individual' as const, iin: '900101300123', surname: 'Test', givenName: 'Holder' };

async function setup() {
  const root = await createRootCa({ commonName: 'T Root', algorithm: 'ECDSA-P256' });
  const issuing = await createIssuingCa(root, { commonName: 'T Issuing', algorithm: 'ECDSA-P256' });
  const keys = await generateKeyPair('ECDSA-P256');
  const leaf = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject, purpose: 'sign' });
  const rk = await generateKeyPair('ECDSA-P256');
  const responderCert = await issueOcspResponderCertificate(issuing, { publicKeyPem: rk.publicKeyPem, commonName: 'T OCSP' });
  const responder = new OcspResponder({ issuerCertificatePem: issuing.certificatePem, responderCertificatePem: responderCert.certificatePem, responderPrivateKeyPem: rk.privateKeyPem });
  return { root, issuing, leaf, responder, responderCert, rk };
}

test('RFC 5280 reason names and codes', () => {
  assert.equal(Object.keys(REVOCATION_REASONS).length, 10);
  assert.equal(reasonCode('certificateHold'), 6);
  assert.equal(reasonCode('removeFromCRL'), 8);
  assert.equal(reasonCode('aACompromise'), 10);
  assert.equal(parseRevocationReason('keyCompromise'), 'keyCompromise');
  assert.throws(() => parseRevocationReason('KeyCompromise'), PkiError);
  assert.throws(() => parseRevocationReason('toString'), PkiError);
  assert.equal(normalizeSerialHex('00:AB:cd'), 'abcd');
  assert.equal(normalizeSerialHex('0x0F'), '0f');
});

test('CRL: entries with reasons (none for unspecified), number, AKI, signature; removeFromCRL is not listable', async () => {
  const { issuing, leaf } = await setup();
  const now = new Date('2031-05-06T07:08:09.500Z');
  const der = buildCrl(issuing, {
    number: 2n ** 70n,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 86_400_000),
    entries: [
      { serialHex: leaf.serialHex, revokedAt: now, reason: 'keyCompromise' },
      { serialHex: '80', revokedAt: new Date(now.getTime() - 1000), reason: 'unspecified' },
      { serialHex: '0102', revokedAt: now, reason: 'certificateHold' },
    ],
  });
  const crl = parseCrl(der, issuing.certificatePem);
  assert.equal(crl.signatureValid, true);
  assert.equal(crl.number, 2n ** 70n);
  assert.equal(crl.thisUpdate.toISOString(), '2031-05-06T07:08:09.000Z');
  assert.deepEqual(
    crl.entries.map((e) => [e.serialHex, e.reason]),
    // By revocation date, then serial (our serials start with 4..7, so after 0102).
    [['80', 'unspecified'], ['0102', 'certificateHold'], [leaf.serialHex, 'keyCompromise']],
  );
  // The unspecified reason code is left out (RFC 5280 §5.3.1): the reasonCode OID appears twice.
  const reasonOid = Buffer.from('0603551d15', 'hex');
  let count = 0;
  for (let i = der.indexOf(reasonOid); i !== -1; i = der.indexOf(reasonOid, i + 1)) count++;
  assert.equal(count, 2);
  // Another CA's key does not verify it.
  const other = await createIssuingCa(await createRootCa({ commonName: 'X', algorithm: 'ECDSA-P256' }), { commonName: 'T Issuing', algorithm: 'ECDSA-P256' });
  assert.equal(parseCrl(der, other.certificatePem).signatureValid, false);
  assert.throws(() => buildCrl(issuing, { number: 1, thisUpdate: now, nextUpdate: new Date(now.getTime() + 1000), entries: [{ serialHex: '01', revokedAt: now, reason: 'removeFromCRL' }] }), PkiError);
  assert.throws(() => buildCrl(issuing, { number: 1, thisUpdate: now, nextUpdate: now, entries: [] }), PkiError);
  const empty = parseCrl(buildCrl(issuing, { number: 1, thisUpdate: now, nextUpdate: new Date(now.getTime() + 1000), entries: [] }), issuing.certificatePem);
  assert.deepEqual(empty.entries, []);
  assert.equal(empty.signatureValid, true);
});

test('delta CRL: critical Delta CRL Indicator naming the base, removeFromCRL entries; the complete CRL names the delta (Freshest CRL)', async () => {
  const { issuing, leaf } = await setup();
  const now = new Date('2031-05-06T07:08:09Z');
  const next = new Date(now.getTime() + 86_400_000);
  const full = parseCrl(buildCrl(issuing, { number: 7, thisUpdate: now, nextUpdate: next, entries: [], freshestCrlUrl: 'http://nca.example/pki/crl/delta' }), issuing.certificatePem);
  assert.equal(full.signatureValid, true);
  assert.equal(full.deltaBase, null);
  assert.deepEqual(full.freshestCrlUrls, ['http://nca.example/pki/crl/delta']);
  const der = buildCrl(issuing, {
    number: 9,
    deltaBase: 7,
    thisUpdate: now,
    nextUpdate: next,
    entries: [
      { serialHex: leaf.serialHex, revokedAt: now, reason: 'keyCompromise' },
      { serialHex: '0102', revokedAt: now, reason: 'removeFromCRL' },
    ],
  });
  const delta = parseCrl(der, issuing.certificatePem);
  assert.equal(delta.signatureValid, true);
  assert.equal(delta.number, 9n);
  assert.equal(delta.deltaBase, 7n);
  assert.deepEqual(delta.freshestCrlUrls, []);
  assert.deepEqual(delta.entries.map((e) => [e.serialHex, e.reason]), [['0102', 'removeFromCRL'], [leaf.serialHex, 'keyCompromise']]);
  // Extension { 2.5.29.27, critical TRUE, OCTET STRING { INTEGER 7 } }.
  assert.ok(der.includes(Buffer.from('0603551d1b0101ff0403020107', 'hex')), 'the Delta CRL Indicator is critical');
  assert.throws(() => buildCrl(issuing, { number: 7, deltaBase: 7, thisUpdate: now, nextUpdate: next, entries: [] }), /greater than its base/);
  assert.throws(() => buildCrl(issuing, { number: 8, deltaBase: 7, thisUpdate: now, nextUpdate: next, entries: [], freshestCrlUrl: 'http://x/' }), /Freshest CRL/);
});

test('OCSP: request parsing (nonce, several certificates, SHA-256 CertIDs) and bounds', async () => {
  const { issuing, leaf } = await setup();
  const nonce = crypto.randomBytes(16);
  const req = parseOcspRequest(buildOcspRequest(issuing.certificatePem, [leaf.serialHex, '7f'], { nonce, hash: 'sha256' }));
  assert.deepEqual(req.certIds.map((c) => c.serialHex), [leaf.serialHex, '7f']);
  assert.equal(req.certIds[0]!.hash, 'sha256');
  assert.deepEqual(Buffer.from(req.nonce!), nonce);
  const plain = parseOcspRequest(buildOcspRequest(issuing.certificatePem, leaf.serialHex, { nonce: null }));
  assert.equal(plain.nonce, null);
  assert.throws(() => parseOcspRequest(Buffer.from([0x30, 0x00])), PkiError);
  assert.throws(() => parseOcspRequest(buildOcspRequest(issuing.certificatePem, leaf.serialHex, { nonce: crypto.randomBytes(33) })), /nonce/);
  const many = Array.from({ length: 33 }, (_, i) => (i + 1).toString(16).padStart(2, '0'));
  assert.throws(() => parseOcspRequest(buildOcspRequest(issuing.certificatePem, many)), /more than 32/);
});

test('OCSP: good / revoked (time, reason) / unknown, nonce echoed, signed by the delegated responder', async () => {
  const { issuing, leaf, responder } = await setup();
  const revokedAt = new Date('2030-01-02T03:04:05Z');
  const now = new Date('2030-02-01T00:00:00Z');
  const nonce = crypto.randomBytes(20);
  const der = await responder.respond(
    buildOcspRequest(issuing.certificatePem, [leaf.serialHex, '0abc', 'abcd'], { nonce }),
    (serial) => (serial === leaf.serialHex ? { status: 'good' } : serial === '0abc' ? { status: 'revoked', revokedAt, reason: 'cACompromise' } : { status: 'unknown' }),
    now,
  );
  const r = parseOcspResponse(der, issuing.certificatePem);
  assert.equal(r.responseStatus, 'successful');
  assert.equal(r.signatureValid, true);
  assert.deepEqual(Buffer.from(r.nonce!), nonce);
  assert.equal(r.producedAt!.toISOString(), now.toISOString());
  assert.deepEqual(
    r.responses.map((x) => [x.serialHex, x.status, x.reason ?? null, x.revokedAt?.toISOString() ?? null]),
    [
      [leaf.serialHex, 'good', null, null],
      ['0abc', 'revoked', 'cACompromise', revokedAt.toISOString()],
      ['abcd', 'unknown', null, null],
    ],
  );
  // A CertID of another CA is unknown whatever the lookup says; a failing lookup is internalError.
  const other = await createIssuingCa(await createRootCa({ commonName: 'X', algorithm: 'ECDSA-P256' }), { commonName: 'Y', algorithm: 'ECDSA-P256' });
  const foreign = parseOcspResponse(await responder.respond(buildOcspRequest(other.certificatePem, leaf.serialHex), () => ({ status: 'good' }), now), issuing.certificatePem);
  assert.equal(foreign.responses[0]!.status, 'unknown');
  const failing = parseOcspResponse(await responder.respond(buildOcspRequest(issuing.certificatePem, leaf.serialHex), () => Promise.reject(new Error('db down')), now), issuing.certificatePem);
  assert.equal(failing.responseStatus, 'internalError');
  assert.deepEqual(failing.responses, []);
  const malformed = parseOcspResponse(await responder.respond(Buffer.from('garbage'), () => ({ status: 'good' }), now), issuing.certificatePem);
  assert.equal(malformed.responseStatus, 'malformedRequest');
  // Checked against another CA, the response does not verify.
  assert.equal(parseOcspResponse(der, other.certificatePem).signatureValid, false);
});

test('OCSP responder certificate: EKU OCSPSigning, nocheck; a responder must be issued by its CA', async () => {
  const { issuing, responderCert, rk, root } = await setup();
  const info = parseCertificate(responderCert.certificatePem);
  assert.equal(info.isCa, false);
  assert.equal(info.purpose, undefined); // neither a signing nor an authentication certificate
  assert.throws(
    () => new OcspResponder({ issuerCertificatePem: root.certificatePem, responderCertificatePem: responderCert.certificatePem, responderPrivateKeyPem: rk.privateKeyPem }),
    /not issued by the CA/,
  );
  const wrongKey = await generateKeyPair('ECDSA-P256');
  assert.throws(
    () => new OcspResponder({ issuerCertificatePem: issuing.certificatePem, responderCertificatePem: responderCert.certificatePem, responderPrivateKeyPem: wrongKey.privateKeyPem }),
    /does not match/,
  );
});
