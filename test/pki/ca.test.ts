import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import {
  PkiError,
  TrustStore,
  createCsr,
  createRootCa,
  decryptPrivateKeyPem,
  encryptPrivateKeyPem,
  generateKeyPair,
  issueCertificate,
  parseCertificate,
  verifyCsr,
  type KeyAlgorithm,
} from '../../src/pki/index.ts';
import { director, hierarchy, individual, leaf, sharedKeys } from './fixtures.ts';

const DAY = 86_400_000;

function publicKeyOf(certPem: string): crypto.KeyObject {
  return new crypto.X509Certificate(certPem).publicKey;
}

const combos: [KeyAlgorithm, KeyAlgorithm, KeyAlgorithm][] = [
  ['ECDSA-P256', 'ECDSA-P256', 'ECDSA-P256'],
  ['RSA-2048', 'RSA-2048', 'RSA-2048'],
  ['RSA-2048', 'RSA-2048', 'ECDSA-P256'],
  ['ECDSA-P256', 'ECDSA-P256', 'RSA-2048'],
  ['RSA-2048', 'ECDSA-P256', 'RSA-2048'],
];

for (const [rootAlg, issuingAlg, leafAlg] of combos) {
  test(`root ${rootAlg} -> issuing ${issuingAlg} -> leaf ${leafAlg}: real X.509 chain`, async () => {
    const { root, issuing } = await hierarchy(rootAlg, issuingAlg);
    const cert = await leaf(issuing, leafAlg, 'sign', director);

    // Independent check with node's own X.509 parser (OpenSSL underneath).
    const rootX = new crypto.X509Certificate(root.certificatePem);
    const issuingX = new crypto.X509Certificate(issuing.certificatePem);
    const leafX = new crypto.X509Certificate(cert.certificatePem);
    assert.equal(rootX.ca, true);
    assert.equal(issuingX.ca, true);
    assert.equal(leafX.ca, false);
    assert.ok(rootX.verify(rootX.publicKey), 'root is self-signed');
    assert.ok(issuingX.verify(rootX.publicKey), 'issuing CA signed by root');
    assert.ok(leafX.verify(issuingX.publicKey), 'leaf signed by issuing CA');
    assert.ok(!leafX.verify(rootX.publicKey), 'leaf not signed by root');
    assert.ok(leafX.checkIssued(issuingX));
    assert.match(leafX.infoAccess ?? '', /OCSP - URI:http:\/\/pki\.qyzmet\.test\/ocsp/);
    assert.match(leafX.infoAccess ?? '', /CA Issuers - URI:http:\/\/pki\.qyzmet\.test\/issuing\.cer/);

    const info = parseCertificate(cert.certificatePem);
    assert.equal(info.keyAlgorithm, leafAlg);
    assert.equal(info.serialHex, cert.serialHex);
    assert.equal(info.fingerprintSha256, leafX.fingerprint256.replace(/:/g, '').toLowerCase());
    assert.equal(parseCertificate(issuing.certificatePem).keyAlgorithm, issuingAlg);
    assert.equal(parseCertificate(root.certificatePem).keyAlgorithm, rootAlg);
    assert.equal(parseCertificate(issuing.certificatePem).isCa, true);

    const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
    const chain = await trust.verifyChain(cert.certificatePem, new Date());
    assert.ok(chain.ok, chain.ok ? '' : chain.message);
    assert.deepEqual(
      chain.chain.map((c) => c.commonName),
      [info.commonName, `Qyzmet Test Issuing ${issuingAlg}`, `Qyzmet Test Root ${rootAlg}`],
    );
  });
}

test('parseCertificate reads NCA subject fields, roles and purpose from the certificate', async () => {
  const { issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  const sign = parseCertificate((await leaf(issuing, 'ECDSA-P256', 'sign', director)).certificatePem);
  assert.equal(sign.iin, '850505400456');
  assert.equal(sign.bin, '120340005678');
  assert.equal(sign.organization, 'ТОО "Дала Сервис"');
  assert.equal(sign.holderKind, 'legal_entity');
  assert.deepEqual(sign.roles, ['first_head', 'signer', 'financial']);
  assert.equal(sign.purpose, 'sign');
  assert.equal(sign.commonName, 'Омарова Айгерим');
  assert.equal(sign.isCa, false);
  assert.match(sign.subjectDn, /^CN=Омарова Айгерим, SURNAME=Омарова, SERIALNUMBER=IIN850505400456, C=KZ, O=ТОО \\"Дала Сервис\\", OU=BIN120340005678, G=Айгерим$/);
  assert.equal(sign.issuerDn, 'CN=Qyzmet Test Issuing ECDSA-P256, C=KZ');

  const auth = parseCertificate((await leaf(issuing, 'ECDSA-P256', 'auth', individual)).certificatePem);
  assert.equal(auth.purpose, 'auth');
  assert.equal(auth.holderKind, 'individual');
  assert.equal(auth.iin, '900101300123');
  assert.equal(auth.bin, undefined);
  assert.deepEqual(auth.roles, []);

  const staff = parseCertificate(
    (await leaf(issuing, 'ECDSA-P256', 'sign', { ...director, roles: ['employee'] })).certificatePem,
  );
  assert.deepEqual(staff.roles, ['employee']);

  // EKU and KU as OpenSSL reads them.
  const x = new crypto.X509Certificate((await leaf(issuing, 'RSA-2048', 'auth', director)).certificatePem);
  assert.deepEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.2', '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.1', '1.2.398.3.3.4.1.2.2', '1.2.398.3.3.4.1.2.3']);
  assert.deepEqual(
    new crypto.X509Certificate((await leaf(issuing, 'ECDSA-P256', 'sign', individual)).certificatePem).keyUsage,
    ['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.1'],
  );
});

test('serial numbers: given hex is kept (sign-padded in DER), default is 16 random positive bytes', async () => {
  const { issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  const keys = await sharedKeys('ECDSA-P256');
  const given = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign', serialHex: 'FF01' });
  assert.equal(given.serialHex, 'ff01');
  assert.equal(new crypto.X509Certificate(given.certificatePem).serialNumber, 'FF01');
  const a = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign' });
  const b = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign' });
  assert.match(a.serialHex, /^[4-7][0-9a-f]{31}$/);
  assert.notEqual(a.serialHex, b.serialHex);
  await assert.rejects(
    issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign', serialHex: 'xyz' }),
    (e: unknown) => e instanceof PkiError && e.code === 'bad_input',
  );
});

test('validity: explicit window, clamped to the issuer, and judged by verifyChain', async () => {
  const now = new Date('2030-03-01T00:00:00Z');
  const root = await createRootCa({ commonName: 'Clock Root', algorithm: 'ECDSA-P256', now, validityYears: 2 });
  const notBefore = new Date('2030-06-01T00:00:00Z');
  const keys = await sharedKeys('ECDSA-P256');
  // A root can issue leaves directly too.
  const cert = await issueCertificate(root, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign', notBefore, validityDays: 30 });
  const info = parseCertificate(cert.certificatePem);
  assert.equal(info.notBefore.toISOString(), notBefore.toISOString());
  assert.equal(info.notAfter.getTime(), notBefore.getTime() + 30 * DAY);

  const long = await issueCertificate(root, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign', notBefore, validityDays: 5000 });
  assert.equal(parseCertificate(long.certificatePem).notAfter.toISOString(), '2032-03-01T00:00:00.000Z');

  const trust = new TrustStore([root.certificatePem]);
  const inside = await trust.verifyChain(cert.certificatePem, new Date('2030-06-10T00:00:00Z'));
  assert.ok(inside.ok);
  // Same leaf again after the path is cached: the dates must still be judged.
  const after = await trust.verifyChain(cert.certificatePem, new Date('2030-08-01T00:00:00Z'));
  assert.equal(after.ok ? 'ok' : after.code, 'expired');
  const before = await trust.verifyChain(cert.certificatePem, new Date('2030-05-01T00:00:00Z'));
  assert.equal(before.ok ? 'ok' : before.code, 'not_yet_valid');
  const rootExpired = await trust.verifyChain(long.certificatePem, new Date('2032-03-02T00:00:00Z'));
  assert.equal(rootExpired.ok ? 'ok' : rootExpired.code, 'expired');
});

test('verifyChain rejects foreign roots, missing intermediates and look-alike issuers', async () => {
  const a = await hierarchy('ECDSA-P256', 'ECDSA-P256', ' A');
  const b = await hierarchy('ECDSA-P256', 'ECDSA-P256', ' A'); // same names, different keys
  const cert = await leaf(b.issuing, 'ECDSA-P256', 'sign');
  const at = new Date();

  const foreign = await new TrustStore([a.root.certificatePem], [a.issuing.certificatePem]).verifyChain(cert.certificatePem, at);
  assert.equal(foreign.ok ? 'ok' : foreign.code, 'untrusted_chain');

  const noIntermediate = await new TrustStore([b.root.certificatePem]).verifyChain(cert.certificatePem, at);
  assert.equal(noIntermediate.ok ? 'ok' : noIntermediate.code, 'untrusted_chain');
  assert.match(noIntermediate.ok ? '' : noIntermediate.message, /no trusted issuer/);

  const store = new TrustStore([b.root.certificatePem]);
  store.addIntermediate(b.issuing.certificatePem);
  assert.ok((await store.verifyChain(cert.certificatePem, at)).ok);

  // Issuing CA of A trusted as a root does not vouch for B's leaf, whatever the names say.
  const lookAlike = await new TrustStore([a.issuing.certificatePem]).verifyChain(cert.certificatePem, at);
  assert.equal(lookAlike.ok ? 'ok' : lookAlike.code, 'untrusted_chain');

  const garbage = await store.verifyChain('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', at);
  assert.equal(garbage.ok ? 'ok' : garbage.code, 'malformed');
});

test('a leaf certificate cannot act as an issuer', async () => {
  const { issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  const cert = await leaf(issuing, 'ECDSA-P256', 'sign');
  const keys = await sharedKeys('ECDSA-P256');
  await assert.rejects(
    issueCertificate(
      { certificatePem: cert.certificatePem, privateKeyPem: keys.privateKeyPem, algorithm: 'ECDSA-P256' },
      { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign' },
    ),
    /not a CA/,
  );
  await assert.rejects(
    issueCertificate({ ...issuing, privateKeyPem: keys.privateKeyPem }, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign' }),
    (e: unknown) => e instanceof PkiError && e.code === 'bad_key',
  );
});

test('holder subjects are validated', async () => {
  const { issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  const keys = await sharedKeys('ECDSA-P256');
  const bad = async (subject: typeof individual) =>
    assert.rejects(
      issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject, purpose: 'sign' }),
      (e: unknown) => e instanceof PkiError && e.code === 'bad_input',
    );
  await bad({ ...individual, iin: '12345' });
  await bad({ ...director, bin: undefined });
  await bad({ ...individual, roles: ['hr'] });
  await bad({ ...director, roles: ['boss' as never] });
});

test('CSR: created, verified, issued from; corrupted signature and foreign IIN rejected', async () => {
  const { issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  for (const alg of ['ECDSA-P256', 'RSA-2048'] as const) {
    const keys = await sharedKeys(alg);
    const csr = await createCsr(keys, individual, alg);
    const verified = await verifyCsr(csr);
    assert.equal(verified.keyAlgorithm, alg);
    assert.equal(verified.subject.iin, individual.iin);
    assert.equal(verified.subject.surname, individual.surname);
    assert.equal(verified.subject.givenName, individual.givenName);
    assert.equal(verified.subject.patronymic, individual.patronymic);
    assert.equal(verified.subject.email, individual.email);
    assert.ok(crypto.createPublicKey(verified.publicKeyPem).equals(crypto.createPublicKey(keys.publicKeyPem)));

    const issued = await issueCertificate(issuing, { csrPem: csr, subject: individual, purpose: 'auth' });
    assert.ok(publicKeyOf(issued.certificatePem).equals(crypto.createPublicKey(keys.publicKeyPem)));

    // Flip a bit inside the signature (the last bytes of the DER).
    const der = Buffer.from(csr.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 3]! ^= 0x01;
    const corrupted = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    await assert.rejects(verifyCsr(corrupted), (e: unknown) => e instanceof PkiError && e.code === 'bad_csr_signature');
    await assert.rejects(
      issueCertificate(issuing, { csrPem: corrupted, subject: individual, purpose: 'auth' }),
      (e: unknown) => e instanceof PkiError && e.code === 'bad_csr_signature',
    );
    await assert.rejects(
      issueCertificate(issuing, { csrPem: csr, subject: { ...individual, iin: '111111111111' }, purpose: 'auth' }),
      (e: unknown) => e instanceof PkiError && e.code === 'bad_csr',
    );
  }
  await assert.rejects(verifyCsr('-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n'), (e: unknown) => e instanceof PkiError && e.code === 'bad_csr');
  const ec = await sharedKeys('ECDSA-P256');
  await assert.rejects(createCsr(ec, individual, 'RSA-2048'), (e: unknown) => e instanceof PkiError && e.code === 'bad_key');
});

test('private keys: encrypted PKCS#8 round trip, wrong passphrase -> bad_password', async () => {
  const keys = await generateKeyPair('ECDSA-P256');
  const enc = encryptPrivateKeyPem(keys.privateKeyPem, 'құпия сөз');
  assert.match(enc, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  assert.ok(!enc.includes(keys.privateKeyPem.split('\n')[1]!));
  assert.equal(decryptPrivateKeyPem(enc, 'құпия сөз'), keys.privateKeyPem);
  assert.throws(() => decryptPrivateKeyPem(enc, 'wrong'), (e: unknown) => e instanceof PkiError && e.code === 'bad_password');
});
