// The NCA's certificates in Debian's Chromium, end to end against a real server: the applicant
// generates two key pairs in the browser (WebCrypto), applies with the PKCS#10 requests built there
// (signed with their current key store), brings the documents; an NCA operator identifies the
// applicant at the desk and confirms with the operator's own signature; the CA issues; the
// applicant sets a password and downloads two PKCS#12 key stores built in the browser, which the
// server-side reader and OpenSSL accept and whose certificates verify, and signs in with the new
// one (in Kazakh). Then the operator revokes that certificate at the desk (in Russian), after which
// signing in with it fails with the "revoked" message. Between the two, the applicant, signed in with
// that NCA certificate, re-issues (in English): new keys in the browser, the application signed with
// the current signing certificate, the operator's confirmation, new key stores; the old certificate
// stays valid, as the re-issue sub-case only issues. The information systems' own checks (the
// state-database check and the NCA IS's check of the operator's signature) run by themselves; the
// operator is the demo NCA operator, appointed with operator certificates (bootstrap.ts).
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { ensureCa, type KeyMaterial } from '../../src/app/bootstrap.ts';
import { certificateStatus } from '../../src/app/ca.ts';
import { importPkcs12, parseCertificate, TrustStore, verifyCsr } from '../../src/pki/index.ts';
import type { SubCase } from '../../src/core/regulation.ts';
import { CHROMIUM_SKIP, Person, browserSuite, hasChromium, type Instance, type Lang } from './harness.ts';

const SERVICE = 'nca-certificates';
/** The password the applicant gives the key stores the browser builds. */
const NEW_PASSWORD = 'Жаңа-кілт-2024';

let inst: Instance;
let browser: Browser;

interface Staff {
  userId: string;
  iin: string;
  auth: KeyMaterial;
  sign: KeyMaterial;
}
const staff: Record<'operator', Staff> = {} as never;

/** What the first test leaves for the second: the applicant's new certificates and key store files. */
const issued: { authSerial?: string; authFile?: string; number?: string } = {};

function skip(t: TestContext): boolean {
  if (hasChromium) return false;
  t.skip(CHROMIUM_SKIP);
  return true;
}

function subcase(id: string): SubCase {
  return inst.app.catalog.inForce(SERVICE, inst.app.now())!.subcases.find((s) => s.id === id)!;
}
const outcomeLabel = (lang: Lang, sc: string, step: string, outcome: string) => subcase(sc).steps.find((s) => s.id === step)!.outcomes.find((o) => o.id === outcome)!.label[lang];

const caseRow = (id: string) => inst.app.store.db.selectFrom('cases').select(['mark', 'current_step']).where('id', '=', id).executeTakeFirstOrThrow();

/** The operator, at the desk's request page, takes a signed step. */
async function deskStep(p: Person, sc: string, stepId: string, outcomeId: string) {
  const label = outcomeLabel(p.lang, sc, stepId, outcomeId);
  await p.page.getByRole('button', { name: p.t('action.signAnd', { label }), exact: true }).click();
  await p.signWith('nca_operator-sign.p12');
  await p.page.locator('.alert-success', { hasText: p.t('case.done', { label }) }).waitFor();
  await p.visit(`desk-${stepId}-done`);
}

function openssl(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const spkiSha256 = (pem: string) =>
  createHash('sha256')
    .update(createPublicKey(pem).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .toUpperCase()
    .match(/.{4}/g)!
    .join(' ');

describe('NCA certificates in Chromium: keys made in the browser, the operator\'s desk, PKCS#12 built in the browser', { timeout: 300_000 }, () => {
  browserSuite(
    (i, b) => {
      inst = i;
      browser = b;
      // The demo NCA operator, whose key stores bootstrap wrote as nca_operator-auth.p12 / -sign.p12.
      staff.operator = inst.users.nca_operator;
    },
    { screenshots: true },
  );

  test('issue (kk): keys generated in the browser, confirmed at the desk, key store downloaded, signed in with it', async (t) => {
    if (skip(t)) return;
    const u = inst.users.applicant;
    const p = await new Person('applicant', 'kk', inst).open(browser);
    const op = await new Person('nca_operator', 'kk', inst).open(browser);
    try {
      // The service's "apply" address leads to the page that makes the keys.
      await p.goto(`/apply/${SERVICE}/issue`);
      await p.page.waitForURL('**/signin?next=*');
      await p.signIn('applicant-auth.p12');
      await p.page.waitForURL(`**/apply/${SERVICE}/issue`);
      await p.visit('nca-apply', subcase('issue').name.kk);
      // Without keys the application cannot be signed: the page says what to do.
      await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).click();
      await p.page.getByRole('alert').filter({ hasText: p.t('nca.apply.needKeys') }).waitFor();

      await p.page.getByRole('button', { name: p.t('nca.apply.generate'), exact: true }).click();
      await p.page.locator('main [role=status].alert-success').waitFor();
      await p.visit('nca-apply-keys');
      const fingerprints = await p.page.locator('main dl code.hash').allTextContents();
      assert.equal(fingerprints.length, 2);
      assert.notEqual(fingerprints[0], fingerprints[1], 'two different key pairs');

      // The private keys are in this browser's IndexedDB, as CryptoKeys; nothing else of them exists.
      const stored = await p.page.evaluate(
        () =>
          new Promise<Array<{ id: string; type: string; alg: string; curve: string; csr: string }>>((resolve, reject) => {
            const req = indexedDB.open('qyzmet-keys');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const all = req.result.transaction('keys').objectStore('keys').getAll();
              all.onsuccess = () =>
                resolve(
                  (all.result as Array<{ id: string; auth: { privateKey: CryptoKey; csrPem: string }; sign: { privateKey: CryptoKey; csrPem: string } }>).flatMap((r) =>
                    [r.auth, r.sign].map((k) => ({ id: r.id, type: k.privateKey.type, alg: k.privateKey.algorithm.name, curve: (k.privateKey.algorithm as EcKeyAlgorithm).namedCurve, csr: k.csrPem.slice(0, 35) })),
                  ),
                );
            };
          }),
      );
      assert.deepEqual(
        stored.map((s) => [s.type, s.alg, s.curve, s.csr]),
        [
          ['private', 'ECDSA', 'P-256', '-----BEGIN CERTIFICATE REQUEST-----'],
          ['private', 'ECDSA', 'P-256', '-----BEGIN CERTIFICATE REQUEST-----'],
        ],
      );

      await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).click();
      await p.signWith('applicant-sign.p12', { double: true });
      await p.page.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
      await p.visit('nca-apply-submitted', p.t('apply.submitted'));

      const cases = await inst.app.store.db.selectFrom('cases').select(['id', 'number', 'state']).where('applicant_user_id', '=', u.userId).where('service_id', '=', SERVICE).execute();
      assert.equal(cases.length, 1, 'a double click on Sign submits one application');
      const c = cases[0]!;
      issued.number = c.number;
      const fields = JSON.parse(c.state).fields as Record<string, string>;
      // The requests the browser built verify on the server (proof of possession), name the applicant,
      // and carry the keys whose fingerprints the page showed; no private key reached the server.
      for (const [f, fp] of [['csrAuth', fingerprints[0]], ['csrSign', fingerprints[1]]] as const) {
        const csr = await verifyCsr(fields[f]!);
        assert.equal(csr.subject.iin, u.iin);
        assert.equal(csr.keyAlgorithm, 'ECDSA-P256');
        assert.equal(spkiSha256(csr.publicKeyPem), fp);
      }
      assert.doesNotMatch(JSON.stringify(await inst.app.store.db.selectFrom('case_events').select('data').where('case_id', '=', c.id).execute()), /PRIVATE KEY/);

      // The portal's state-database check ran by itself; the applicant brings the documents (their own step).
      assert.equal((await caseRow(c.id)).current_step, 'submit_documents');
      await p.goto(`/cases/${c.id}`);
      await p.visit('case-bring-documents', p.t('case.title', { number: c.number }));
      const brought = outcomeLabel('kk', 'issue', 'submit_documents', 'documents_submitted');
      await p.page.getByRole('button', { name: brought, exact: true }).click();
      await p.page.locator('.alert-success', { hasText: p.t('case.done', { label: brought }) }).waitFor();

      // The operator's desk: the request is waiting; identification and the requests checked in the browser.
      await op.signIn('nca_operator-auth.p12');
      await op.page.waitForURL('**/inbox');
      await op.nav('nav.ncaDesk').click();
      await op.visit('desk', op.t('nca.desk.title'));
      await op.page.getByRole('link', { name: c.number, exact: true }).click();
      await op.visit('desk-request', op.t('nca.request.title', { number: c.number }));
      const main = op.page.locator('main');
      await main.getByText(u.iin, { exact: true }).first().waitFor();
      assert.deepEqual(await main.locator('.csr-list code.hash').allTextContents(), fingerprints, 'the desk shows the fingerprints the applicant saw');
      assert.equal(await main.getByText(op.t('nca.request.popValid'), { exact: true }).count(), 2);
      assert.equal(await main.getByText(op.t('nca.request.matches'), { exact: true }).count(), 2);
      // Exactly the API's actions for this step: accept, or refuse on the regulation's ground.
      const offered = await main.locator('.action h3').allTextContents();
      assert.deepEqual(offered, subcase('issue').steps.find((s) => s.id === 'accept_documents')!.outcomes.map((o) => o.label.kk));
      await deskStep(op, 'issue', 'accept_documents', 'accepted');
      // The NCA IS checks the operator's signature at once and the CA issues, in the operator's command.
      await deskStep(op, 'issue', 'confirm_request', 'confirmed');
      assert.equal((await caseRow(c.id)).mark, 'result');

      // The applicant builds and downloads the key stores in the browser.
      await p.nav('nav.ncaKeys').click();
      await p.visit('nca-keys', p.t('nca.keys.title'));
      await p.page.getByText(p.t('nca.keys.issued')).waitFor();
      const serials = await p.page.locator('main code.serial').allTextContents();
      assert.equal(serials.length, 2);
      await p.page.getByLabel(p.t('nca.keys.password'), { exact: true }).fill('short');
      await p.page.getByLabel(p.t('nca.keys.passwordAgain'), { exact: true }).fill('short');
      await p.page.getByRole('button', { name: p.t('nca.keys.build'), exact: true }).click();
      await p.page.getByRole('alert').filter({ hasText: p.t('nca.keys.passwordShort', { n: 8 }) }).waitFor();
      await p.page.getByLabel(p.t('nca.keys.password'), { exact: true }).fill(NEW_PASSWORD);
      await p.page.getByLabel(p.t('nca.keys.passwordAgain'), { exact: true }).fill(NEW_PASSWORD);
      await p.page.getByRole('button', { name: p.t('nca.keys.build'), exact: true }).click();
      await p.page.getByText(p.t('nca.keys.ready')).waitFor();
      await p.visit('nca-keys-ready');

      const { root, issuing } = await ensureCa(inst.app);
      const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
      const files: Record<'auth' | 'sign', string> = { auth: '', sign: '' };
      for (const [purpose, key] of [['auth', 'nca.keys.downloadAuth'], ['sign', 'nca.keys.downloadSign']] as const) {
        const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('link', { name: p.t(key), exact: true }).click()]);
        assert.match(download.suggestedFilename(), new RegExp(`^${purpose.toUpperCase()}_ECDSA_${u.iin}_[0-9a-f]+\\.p12$`));
        const file = join(inst.keys, `new-${purpose}.p12`);
        await download.saveAs(file);
        files[purpose] = file;
        // The server's PKCS#12 reader opens it; the certificate verifies to the root, is the applicant's, of
        // the right purpose, for the key the browser generated (importPkcs12 pairs key and certificate).
        const ks = importPkcs12(readFileSync(file), NEW_PASSWORD);
        const info = parseCertificate(ks.certificatePem);
        assert.equal(info.purpose, purpose);
        assert.equal(info.iin, u.iin);
        assert.ok(serials.includes(info.serialHex));
        assert.equal(spkiSha256(ks.certificatePem), fingerprints[purpose === 'auth' ? 0 : 1]);
        assert.equal((await trust.verifyChain(ks.certificatePem, new Date())).ok, true);
        assert.equal(ks.chainPems.length, 2, 'the issuing CA and the root travel with it');
        assert.equal(createPublicKey(ks.privateKeyPem).export({ type: 'spki', format: 'pem' }), createPublicKey(ks.certificatePem).export({ type: 'spki', format: 'pem' }));
        assert.throws(() => importPkcs12(readFileSync(file), 'not-the-password'), /password/);
        // OpenSSL reads it too, MAC and PBES2 as the server writes them.
        const o = openssl(['pkcs12', '-info', '-nokeys', '-in', file, '-passin', `pass:${NEW_PASSWORD}`]);
        assert.equal(o.status, 0, o.out);
        assert.match(o.out, /MAC: sha256/);
        assert.match(o.out, /PBES2, PBKDF2, AES-256-CBC/);
        if (purpose === 'auth') issued.authSerial = info.serialHex;
      }
      issued.authFile = 'new-auth.p12';
      assert.equal((await certificateStatus(inst.app, issued.authSerial!)).status, 'good');

      // Signed in with the key store the browser made.
      await p.page.getByRole('button', { name: p.t('nav.signOut'), exact: true }).click();
      await p.signIn('new-auth.p12', NEW_PASSWORD);
      await p.page.waitForURL('**/cabinet');
      await p.page.getByText(p.t('nav.signedInAs', { name: u.displayName })).waitFor();
      // It signs, too: the signing key store opens in the sign dialog (the browser checks it is the holder's).
      await p.nav('nav.ncaKeys').click();
      await p.visit('nca-keys-after', p.t('nca.keys.title'));
      assert.deepEqual(p.errors, []);
      assert.deepEqual(op.errors, []);
    } finally {
      await p.close();
      await op.close();
    }
  });

  test('re-issue (en): signed in with the NCA certificate, new keys made in the browser, signed with the current certificate, confirmed at the desk, new key stores downloaded; the old certificate stays valid', async (t) => {
    if (skip(t)) return;
    assert.ok(issued.authSerial && issued.authFile, 'the issue test ran first');
    const u = inst.users.applicant;
    const p = await new Person('applicant', 'en', inst).open(browser);
    const op = await new Person('nca_operator', 'en', inst).open(browser);
    try {
      const before = await inst.app.store.db.selectFrom('cases').select('id').where('applicant_user_id', '=', u.userId).where('service_id', '=', SERVICE).execute();
      // Signed in with the authentication certificate the NCA issued in the first test (this browser holds no keys yet).
      await p.goto(`/apply/${SERVICE}/reissue`);
      await p.page.waitForURL('**/signin?next=*');
      await p.signIn(issued.authFile!, NEW_PASSWORD);
      await p.page.waitForURL(`**/apply/${SERVICE}/reissue`);
      await p.visit('nca-reissue', subcase('reissue').name.en);
      await p.page.getByRole('button', { name: p.t('nca.apply.generate'), exact: true }).click();
      await p.page.locator('main [role=status].alert-success').waitFor();
      await p.visit('nca-reissue-keys');
      const fingerprints = await p.page.locator('main dl code.hash').allTextContents();
      assert.equal(fingerprints.length, 2);
      // Signed with the current signing certificate, the one the browser built a key store for.
      await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).click();
      await p.signWith('new-sign.p12', { password: NEW_PASSWORD });
      await p.page.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
      await p.visit('nca-reissue-submitted', p.t('apply.submitted'));
      const after = await inst.app.store.db.selectFrom('cases').select(['id', 'number', 'subcase', 'state']).where('applicant_user_id', '=', u.userId).where('service_id', '=', SERVICE).execute();
      assert.equal(after.length, before.length + 1);
      const c = after.find((x) => !before.some((b) => b.id === x.id))!;
      assert.equal(c.subcase, 'reissue');
      const fields = JSON.parse(c.state).fields as Record<string, string>;
      for (const [f, fp] of [['csrAuth', fingerprints[0]], ['csrSign', fingerprints[1]]] as const) {
        const csr = await verifyCsr(fields[f]!);
        assert.equal(csr.subject.iin, u.iin);
        assert.equal(spkiSha256(csr.publicKeyPem), fp);
      }

      // The regulation has the NCA operator confirm the request (p.7 process 6): the case waits for the desk.
      assert.equal((await caseRow(c.id)).current_step, 'confirm_request');
      await op.signIn('nca_operator-auth.p12');
      await op.page.waitForURL('**/inbox');
      await op.nav('nav.ncaDesk').click();
      await op.visit('desk-reissue', op.t('nca.desk.title'));
      await op.page.getByRole('link', { name: c.number, exact: true }).click();
      await op.visit('desk-reissue-request', op.t('nca.request.title', { number: c.number }));
      assert.deepEqual(await op.page.locator('main .csr-list code.hash').allTextContents(), fingerprints);
      await deskStep(op, 'reissue', 'confirm_request', 'confirmed');
      assert.equal((await caseRow(c.id)).mark, 'result');

      // The new key stores, built in the browser and downloaded.
      await p.nav('nav.ncaKeys').click();
      await p.visit('nca-reissue-keys-page', p.t('nca.keys.title'));
      await p.page.getByText(p.t('nca.keys.issued')).waitFor();
      const serials = await p.page.locator('main code.serial').allTextContents();
      assert.equal(serials.length, 2);
      assert.ok(!serials.includes(issued.authSerial!), 'new certificates, not the old ones');
      await p.page.getByLabel(p.t('nca.keys.password'), { exact: true }).fill(NEW_PASSWORD);
      await p.page.getByLabel(p.t('nca.keys.passwordAgain'), { exact: true }).fill(NEW_PASSWORD);
      await p.page.getByRole('button', { name: p.t('nca.keys.build'), exact: true }).click();
      await p.page.getByText(p.t('nca.keys.ready')).waitFor();
      await p.visit('nca-reissue-keys-ready');
      const { root, issuing } = await ensureCa(inst.app);
      const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
      for (const [purpose, key] of [['auth', 'nca.keys.downloadAuth'], ['sign', 'nca.keys.downloadSign']] as const) {
        const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('link', { name: p.t(key), exact: true }).click()]);
        const file = join(inst.keys, `reissued-${purpose}.p12`);
        await download.saveAs(file);
        const ks = importPkcs12(readFileSync(file), NEW_PASSWORD);
        const info = parseCertificate(ks.certificatePem);
        assert.equal(info.purpose, purpose);
        assert.equal(info.iin, u.iin);
        assert.ok(serials.includes(info.serialHex));
        assert.equal(spkiSha256(ks.certificatePem), fingerprints[purpose === 'auth' ? 0 : 1]);
        assert.equal((await trust.verifyChain(ks.certificatePem, new Date())).ok, true);
        assert.equal((await certificateStatus(inst.app, info.serialHex)).status, 'good');
      }
      // The re-issue sub-case only issues (no revocation act among its steps): the old certificate stays valid
      // until its holder revokes it (the next test does, at the desk).
      assert.equal((await certificateStatus(inst.app, issued.authSerial!)).status, 'good');
      // And the new one signs in.
      await p.page.getByRole('button', { name: p.t('nav.signOut'), exact: true }).click();
      await p.signIn('reissued-auth.p12', NEW_PASSWORD);
      await p.page.waitForURL('**/cabinet');
      await p.page.getByText(p.t('nav.signedInAs', { name: u.displayName })).waitFor();
      assert.deepEqual(p.errors, []);
      assert.deepEqual(op.errors, []);
    } finally {
      await p.close();
      await op.close();
    }
  });

  test('revocation at the desk (ru): the certificate is revoked and sign-in with it fails as "revoked"', async (t) => {
    if (skip(t)) return;
    assert.ok(issued.authSerial && issued.authFile, 'the issue test ran first');
    const u = inst.users.applicant;
    const op = await new Person('nca_operator', 'ru', inst).open(browser, { viewport: { width: 390, height: 844 } });
    const p = await new Person('applicant', 'ru', inst).open(browser);
    try {
      await op.signIn('nca_operator-auth.p12');
      await op.page.waitForURL('**/inbox');
      await op.goto('/nca/desk');
      await op.visit('desk-revoke', op.t('nca.desk.title'));
      const main = op.page.locator('main');
      // A serial is looked up before anything is signed; a wrong holder is caught at the desk.
      await main.locator('#desk-iin').fill(staff.operator.iin);
      await main.locator('#desk-serial').fill(issued.authSerial!.toUpperCase());
      await main.getByRole('button', { name: op.t('nca.desk.lookup'), exact: true }).click();
      await main.getByText(op.t('nca.status.good'), { exact: true }).waitFor();
      await main.getByRole('button', { name: op.t('nca.desk.revokeSubmit'), exact: true }).click();
      await main.getByRole('alert').filter({ hasText: op.t('nca.desk.notHolder', { iin: u.iin }) }).waitFor();
      await main.locator('#desk-iin').fill(u.iin);
      await main.locator('#desk-reason').selectOption('keyCompromise');
      await main.locator('#doc-standard_p11_documents').setInputFiles({ name: 'id-card.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% identity document\n%%EOF\n') });
      await main.locator('.files li', { hasText: 'id-card.pdf' }).first().waitFor();
      await op.visit('desk-revoke-filled');
      await main.getByRole('button', { name: op.t('nca.desk.revokeSubmit'), exact: true }).click();
      await op.signWith('nca_operator-sign.p12');
      await op.page.waitForURL('**/nca/desk/*');
      const caseId = op.page.url().split('/').pop()!;
      const c = await inst.app.store.db.selectFrom('cases').select(['number', 'subcase', 'channel', 'applicant_user_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
      assert.deepEqual([c.subcase, c.channel, c.applicant_user_id], ['revoke_at_counter', 'psc', u.userId]);
      await op.visit('desk-revoke-request', op.t('nca.request.title', { number: c.number }));
      await main.getByText(issued.authSerial!, { exact: true }).waitFor();
      await deskStep(op, 'revoke_at_counter', 'accept_documents', 'accepted');
      await deskStep(op, 'revoke_at_counter', 'form_request', 'request_formed');
      await deskStep(op, 'revoke_at_counter', 'confirm_request', 'confirmed');
      assert.equal((await caseRow(caseId)).mark, 'result');
      const status = await certificateStatus(inst.app, issued.authSerial!);
      assert.equal(status.status, 'revoked');
      assert.equal(status.reason, 'keyCompromise');

      // The applicant's key store made in the browser no longer signs in: the page says it is revoked.
      await p.signIn(issued.authFile!, NEW_PASSWORD);
      await p.page.getByRole('alert').filter({ hasText: p.t('problem.revoked') }).waitFor();
      await p.visit('signin-revoked');
      assert.deepEqual(op.errors, []);
      assert.deepEqual(p.errors, []);
    } finally {
      await op.close();
      await p.close();
    }
  });
});
