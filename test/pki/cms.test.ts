import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TrustStore,
  createRootCa,
  issueCertificate,
  signCms,
  verifyCms,
  type CertificateInfo,
  type KeyAlgorithm,
  type VerifyResult,
} from '../../src/pki/index.ts';
import { director, hierarchy, individual, leaf, sharedKeys, type Leaf } from './fixtures.ts';

const content = new TextEncoder().encode('{"service":"birth-registration","applicant":"900101300123"}');

function signer(l: Leaf, chain: string[] = []) {
  return { certificatePem: l.certificatePem, privateKeyPem: l.keys.privateKeyPem, chainPems: chain };
}

function codeOf(r: VerifyResult): string {
  return r.ok ? 'ok' : r.code;
}

for (const [caAlg, leafAlg] of [
  ['ECDSA-P256', 'ECDSA-P256'],
  ['RSA-2048', 'RSA-2048'],
  ['RSA-2048', 'ECDSA-P256'],
  ['ECDSA-P256', 'RSA-2048'],
] as [KeyAlgorithm, KeyAlgorithm][]) {
  test(`CMS ${leafAlg} signer under ${caAlg} CA: attached and detached round trip, tampering caught`, async () => {
    const { root, issuing } = await hierarchy(caAlg, caAlg);
    const l = await leaf(issuing, leafAlg, 'sign', director);
    const trust = new TrustStore([root.certificatePem]);
    const signingTime = new Date(Date.now() - 60_000);

    const detached = await signCms(content, signer(l, [issuing.certificatePem]), { signingTime });
    const ok = await verifyCms(detached, { content, trust, purpose: 'sign' });
    assert.ok(ok.ok, ok.ok ? '' : `${ok.code}: ${ok.message}`);
    assert.equal(ok.signer.iin, director.iin);
    assert.equal(ok.signer.bin, director.bin);
    assert.deepEqual(ok.signer.roles, director.roles);
    assert.equal(ok.signingTime?.getTime(), Math.floor(signingTime.getTime() / 1000) * 1000);
    assert.equal(ok.chain.length, 3, 'intermediate taken from the CMS certificates');
    assert.deepEqual(Buffer.from(ok.content), Buffer.from(content));
    assert.ok(!Buffer.from(detached).includes(Buffer.from(content)), 'detached CMS does not carry the content');

    const attached = await signCms(content, signer(l, [issuing.certificatePem]), { detached: false });
    assert.ok(Buffer.from(attached).includes(Buffer.from(content)));
    const okAttached = await verifyCms(attached, { trust });
    assert.ok(okAttached.ok);
    assert.deepEqual(Buffer.from(okAttached.content), Buffer.from(content));

    // One changed byte of the document.
    const tampered = Uint8Array.from(content);
    tampered[5]! ^= 0x20;
    const bad = await verifyCms(detached, { content: tampered, trust });
    assert.ok(['content_mismatch', 'bad_signature'].includes(codeOf(bad)), codeOf(bad));
    assert.equal(bad.ok ? undefined : bad.signer?.iin, director.iin);

    // One changed byte of the content inside an attached CMS.
    const at = Buffer.from(attached);
    const pos = at.indexOf(Buffer.from(content));
    at[pos + 5]! ^= 0x20;
    assert.equal(codeOf(await verifyCms(at, { trust })), 'content_mismatch');

    // One changed byte of the signature value (the CMS ends with it).
    const sigFlip = Buffer.from(detached);
    sigFlip[sigFlip.length - 4]! ^= 0x01;
    assert.equal(codeOf(await verifyCms(sigFlip, { content, trust })), 'bad_signature');

    assert.equal(codeOf(await verifyCms(detached, { trust })), 'malformed', 'detached needs the content');
  });
}

test('verifyCms failure codes', async (t) => {
  const { root, issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  const other = await hierarchy('ECDSA-P256', 'ECDSA-P256', ' other');
  const signLeaf = await leaf(issuing, 'ECDSA-P256', 'sign', individual);
  const authLeaf = await leaf(issuing, 'ECDSA-P256', 'auth', individual);
  const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
  const cms = await signCms(content, signer(signLeaf));

  await t.test('certificate from another root -> untrusted_chain', async () => {
    const foreign = await leaf(other.issuing, 'ECDSA-P256', 'sign', individual);
    const r = await verifyCms(await signCms(content, signer(foreign, [other.issuing.certificatePem])), { content, trust });
    assert.equal(codeOf(r), 'untrusted_chain');
    assert.ok(!r.ok && r.signer?.issuerDn.includes('other'));
  });

  await t.test('judged after notAfter -> expired; before notBefore -> not_yet_valid', async () => {
    const info = (await verifyCms(cms, { content, trust })) as { signer: CertificateInfo };
    const expired = await verifyCms(cms, { content, trust, at: new Date(info.signer.notAfter.getTime() + 1000) });
    assert.equal(codeOf(expired), 'expired');
    assert.match(expired.ok ? '' : expired.message, /expired at/);
    const early = await verifyCms(cms, { content, trust, at: new Date(info.signer.notBefore.getTime() - 1000) });
    assert.equal(codeOf(early), 'not_yet_valid');
  });

  await t.test('signingTime is the default judging time', async () => {
    const years = new Date(Date.now() + 2 * 365 * 86_400_000);
    const late = await signCms(content, signer(signLeaf), { signingTime: years });
    assert.equal(codeOf(await verifyCms(late, { content, trust })), 'expired');
    assert.equal(codeOf(await verifyCms(late, { content, trust, at: new Date() })), 'ok');
  });

  await t.test("auth certificate where 'sign' is required -> wrong_purpose", async () => {
    const authCms = await signCms(content, signer(authLeaf));
    assert.equal(codeOf(await verifyCms(authCms, { content, trust, purpose: 'sign' })), 'wrong_purpose');
    assert.equal(codeOf(await verifyCms(authCms, { content, trust, purpose: 'auth' })), 'ok');
    assert.equal(codeOf(await verifyCms(cms, { content, trust, purpose: 'auth' })), 'wrong_purpose');
  });

  await t.test('revocation hook: revoked, throwing, unknown, good', async () => {
    const seen: { serial: string; at: Date }[] = [];
    const at = new Date();
    const hooked = (status: 'good' | 'revoked' | 'unknown' | Error) => {
      const store = new TrustStore([root.certificatePem], [issuing.certificatePem]);
      store.revocation = async (cert, when) => {
        seen.push({ serial: cert.serialHex, at: when });
        if (status instanceof Error) throw status;
        return status;
      };
      return store;
    };
    assert.equal(codeOf(await verifyCms(cms, { content, trust: hooked('revoked'), at })), 'revoked');
    assert.equal(seen[0]?.serial, signLeaf.serialHex);
    assert.equal(seen[0]?.at.getTime(), at.getTime());
    const thrown = await verifyCms(cms, { content, trust: hooked(new Error('OCSP responder down')) });
    assert.equal(codeOf(thrown), 'status_unavailable');
    assert.match(thrown.ok ? '' : thrown.message, /OCSP responder down/);
    assert.equal(codeOf(await verifyCms(cms, { content, trust: hooked('unknown') })), 'status_unavailable');
    assert.equal(codeOf(await verifyCms(cms, { content, trust: hooked('good') })), 'ok');
  });

  await t.test('garbage and truncated input -> malformed, never a throw', async () => {
    assert.equal(codeOf(await verifyCms(new Uint8Array([1, 2, 3]), { content, trust })), 'malformed');
    assert.equal(codeOf(await verifyCms(cms.subarray(0, cms.length - 10), { content, trust })), 'malformed');
    assert.equal(codeOf(await verifyCms(new Uint8Array(0), { content, trust })), 'malformed');
  });

  await t.test('content given for an attached CMS must equal the encapsulated content', async () => {
    const attached = await signCms(content, signer(signLeaf), { detached: false });
    assert.equal(codeOf(await verifyCms(attached, { content, trust })), 'ok');
    assert.equal(codeOf(await verifyCms(attached, { content: new Uint8Array([1]), trust })), 'content_mismatch');
  });

  await t.test('signer key must match the certificate', async () => {
    const rsa = await sharedKeys('RSA-2048');
    await assert.rejects(signCms(content, { certificatePem: signLeaf.certificatePem, privateKeyPem: rsa.privateKeyPem }), /does not match/);
  });
});

test('an issuing CA certificate that expired makes the chain expired', async () => {
  const now = new Date('2031-01-01T00:00:00Z');
  const root = await createRootCa({ commonName: 'Short Root', algorithm: 'ECDSA-P256', now, validityYears: 1 });
  const keys = await sharedKeys('ECDSA-P256');
  const cert = await issueCertificate(root, { publicKeyPem: keys.publicKeyPem, subject: individual, purpose: 'sign', notBefore: now, validityDays: 30 });
  const trust = new TrustStore([root.certificatePem]);
  const signed = await signCms(content, { certificatePem: cert.certificatePem, privateKeyPem: keys.privateKeyPem }, { signingTime: new Date('2031-01-10T00:00:00Z') });
  assert.equal(codeOf(await verifyCms(signed, { content, trust })), 'ok');
  assert.equal(codeOf(await verifyCms(signed, { content, trust, at: new Date('2032-02-01T00:00:00Z') })), 'expired');
});
