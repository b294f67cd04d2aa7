// The browser's EDS (web/src/pki) run on Node's WebCrypto against the server's own formats: it opens
// the PKCS#12 key stores the platform writes (ECDSA and RSA), refuses a wrong password and the wrong
// kind of certificate, and its detached CMS verifies with src/pki/cms.ts over exactly the bytes of
// the canonical payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportPkcs12, verifyCms } from '../../src/pki/index.ts';
import { canonicalJson } from '../../src/core/canonical.ts';
import { decisionPayload } from '../../src/core/application.ts';
import { signedBytes } from '../../src/app/signing.ts';
import { trustOf } from '../../src/app/context.ts';
import { makeTestApp } from '../support/app.ts';
import { EdsError, signDetached, unlock } from '../../web/src/pki/index.ts';

const PASSWORD = 'qyzmet-demo';

test('the browser EDS opens the platform\'s key stores and signs what the server verifies', async () => {
  const t = await makeTestApp('sqlite');
  try {
    // The applicant's keys are ECDSA P-256, the company employee's RSA-2048.
    for (const u of [t.users.applicant, t.users.company_employee]) {
      const holder = { iin: u.iin, bin: u.bin };
      const signP12 = exportPkcs12({ ...u.sign, password: PASSWORD });
      const authP12 = exportPkcs12({ ...u.auth, password: PASSWORD });

      const now = t.clock.now;
      await assert.rejects(unlock(signP12, 'wrong', 'sign', holder, now), (e: unknown) => e instanceof EdsError && e.code === 'bad_password');
      await assert.rejects(unlock(authP12, PASSWORD, 'sign', holder, now), (e: unknown) => e instanceof EdsError && e.code === 'need_sign');
      await assert.rejects(unlock(signP12, PASSWORD, 'auth', holder, now), (e: unknown) => e instanceof EdsError && e.code === 'need_auth');
      await assert.rejects(unlock(signP12, PASSWORD, 'sign', { iin: t.users.provider_head.iin, bin: t.users.provider_head.bin }, now), (e: unknown) => e instanceof EdsError && e.code === 'not_yours');
      await assert.rejects(unlock(new TextEncoder().encode('not a key store'), PASSWORD, 'sign'), (e: unknown) => e instanceof EdsError && e.code === 'not_pkcs12');
      const later = new Date(now.getTime() + 2 * 365 * 86_400_000);
      await assert.rejects(unlock(signP12, PASSWORD, 'sign', holder, later), (e: unknown) => e instanceof EdsError && e.code === 'expired');

      const ks = await unlock(signP12, PASSWORD, 'sign', holder, now);
      assert.equal(ks.privateKey.extractable, false, 'the private key stays inside WebCrypto');
      const payload = decisionPayload({ caseId: 'c-1', stepId: 'review', outcomeId: 'draft_refusal', grounds: ['incomplete_documents'], comment: 'Қолтаңба — подпись ✓' });
      const bytes = new TextEncoder().encode(canonicalJson(payload));
      assert.deepEqual(bytes, new Uint8Array(signedBytes(payload)));
      const cms = Buffer.from(await signDetached(ks, bytes), 'base64');
      const res = await verifyCms(cms, { content: bytes, trust: trustOf(t.app), at: now, purpose: 'sign' });
      assert.ok(res.ok, res.ok ? '' : `${u.role}: ${res.code} ${res.message}`);
      assert.equal(res.ok && res.signer.iin, u.iin);
      const other = await verifyCms(cms, { content: new TextEncoder().encode(canonicalJson({ ...payload, comment: 'changed' })), trust: trustOf(t.app), at: now, purpose: 'sign' });
      assert.equal(other.ok ? 'ok' : other.code, 'content_mismatch');

      const auth = await unlock(authP12, PASSWORD, 'auth', undefined, now);
      const nonce = new TextEncoder().encode('qyzmet-signin:abc');
      const signin = await verifyCms(Buffer.from(await signDetached(auth, nonce), 'base64'), { content: nonce, trust: trustOf(t.app), at: now, purpose: 'auth' });
      assert.ok(signin.ok, signin.ok ? '' : signin.message);
    }
  } finally {
    await t.close();
  }
});
