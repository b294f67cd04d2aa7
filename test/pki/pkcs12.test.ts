import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PkiError, exportPkcs12, importPkcs12, signCms, verifyCms, TrustStore } from '../../src/pki/index.ts';
import { director, hierarchy, leaf } from './fixtures.ts';

test('PKCS#12 round trip for EC and RSA keys; wrong password -> bad_password', async () => {
  const { root, issuing } = await hierarchy('RSA-2048', 'ECDSA-P256');
  for (const alg of ['ECDSA-P256', 'RSA-2048'] as const) {
    const l = await leaf(issuing, alg, 'sign', director);
    const p12 = exportPkcs12({
      certificatePem: l.certificatePem,
      privateKeyPem: l.keys.privateKeyPem,
      chainPems: [issuing.certificatePem, root.certificatePem],
      password: 'Qazaqstan-2030!',
      friendlyName: 'Омарова Айгерим',
    });
    assert.ok(Buffer.isBuffer(p12));
    assert.ok(!p12.includes(Buffer.from('Омарова')), 'certificates are encrypted, not in clear');

    const back = importPkcs12(p12, 'Qazaqstan-2030!');
    assert.equal(back.certificatePem, l.certificatePem);
    assert.equal(back.privateKeyPem, l.keys.privateKeyPem);
    assert.deepEqual(back.chainPems, [issuing.certificatePem, root.certificatePem]);

    // The imported key signs something the original trust setup accepts.
    const cms = await signCms(Buffer.from('x'), { certificatePem: back.certificatePem, privateKeyPem: back.privateKeyPem, chainPems: back.chainPems });
    assert.ok((await verifyCms(cms, { content: Buffer.from('x'), trust: new TrustStore([root.certificatePem]) })).ok);

    assert.throws(() => importPkcs12(p12, 'qazaqstan-2030!'), (e: unknown) => e instanceof PkiError && e.code === 'bad_password');
    assert.throws(() => importPkcs12(p12, ''), (e: unknown) => e instanceof PkiError && e.code === 'bad_password');
  }
});

test('PKCS#12: broken input and mismatched key are rejected with codes', async () => {
  const { issuing } = await hierarchy('ECDSA-P256', 'ECDSA-P256');
  const a = await leaf(issuing, 'ECDSA-P256', 'sign');
  const b = await leaf(issuing, 'RSA-2048', 'sign');
  assert.throws(
    () => exportPkcs12({ certificatePem: a.certificatePem, privateKeyPem: b.keys.privateKeyPem, chainPems: [], password: 'p' }),
    (e: unknown) => e instanceof PkiError && e.code === 'bad_key',
  );
  assert.throws(() => importPkcs12(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]), 'p'), (e: unknown) => e instanceof PkiError && e.code === 'bad_pkcs12');
  assert.throws(() => importPkcs12(Buffer.from('not der at all'), 'p'), (e: unknown) => e instanceof PkiError && e.code === 'bad_pkcs12');
  const p12 = exportPkcs12({ certificatePem: a.certificatePem, privateKeyPem: a.keys.privateKeyPem, chainPems: [], password: 'p' });
  // A flipped byte in the authenticated content fails the MAC, which reads as a wrong password.
  const broken = Buffer.from(p12);
  broken[200]! ^= 0xff;
  assert.throws(() => importPkcs12(broken, 'p'), (e: unknown) => e instanceof PkiError && ['bad_password', 'bad_pkcs12'].includes(e.code));
});
