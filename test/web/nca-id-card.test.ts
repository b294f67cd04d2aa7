// Issue onto an ID card with a chip at the NCA operator's desk, in Chromium (seed 004 p.9), in
// Russian: a test card is put into the emulator for the applicant (the NCA administrator's API);
// the operator accepts the application at the desk (IIN, the card read and checked to be the
// applicant's, the card scanned, signed with the operator's EDS), identifies and forms the request;
// the applicant types a wrong PIN on the pin pad (the page says how many tries are left), then the
// right one; the operator confirms with the operator's own signature; the page shows the
// certificates written onto the card, and the server confirms they verify and that the card signs in.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ensureCa } from '../../src/app/bootstrap.ts';
import { certificateStatus } from '../../src/app/ca.ts';
import { cardStatus, signWithCard } from '../../src/app/ca-id-cards.ts';
import { parseCertificate, TrustStore } from '../../src/pki/index.ts';
import { Person, api, apiLogin, browserSuite, skipWithoutChromium, type Instance } from './harness.ts';

const SERVICE = 'nca-certificates';
const SC = 'issue_id_card';
const NUMBER = '045678912';
const PIN = '2468';

let inst: Instance;
let browser: Browser;

const outcomeLabel = (step: string, outcome: string) =>
  inst.app.catalog.inForce(SERVICE, inst.app.now())!.subcases.find((s) => s.id === SC)!.steps.find((s) => s.id === step)!.outcomes.find((o) => o.id === outcome)!.label.ru;
const caseRow = (id: string) => inst.app.store.db.selectFrom('cases').select(['mark', 'current_step', 'number']).where('id', '=', id).executeTakeFirstOrThrow();

async function deskStep(p: Person, stepId: string, outcomeId: string) {
  const label = outcomeLabel(stepId, outcomeId);
  await p.page.getByRole('button', { name: p.t('action.signAnd', { label }), exact: true }).click();
  await p.signWith('nca_operator-sign.p12');
  await p.page.locator('.alert-success', { hasText: p.t('case.done', { label }) }).waitFor();
  await p.visit(`card-${stepId}-done`);
}

describe('issue onto an ID card at the NCA desk, in Chromium', { timeout: 240_000 }, () => {
  browserSuite((i, b) => {
    inst = i;
    browser = b;
  });

  test('ru: accepted at the desk, a wrong PIN shows the tries left, the right PIN and the operator\'s confirmation write the certificates onto the card', async (t) => {
    if (skipWithoutChromium(t)) return;
    const u = inst.users.applicant;
    const operator = inst.users.nca_operator;
    // The document office's stand-in: an NCA administrator puts the applicant's card into the emulator.
    const roles = await inst.app.store.db.selectFrom('users').select('roles').where('id', '=', operator.userId).executeTakeFirstOrThrow();
    await inst.app.store.db.updateTable('users').set({ roles: JSON.stringify([...JSON.parse(roles.roles), 'nca_admin']) }).where('id', '=', operator.userId).execute();
    try {
      const admin = await apiLogin(inst, operator.auth);
      await api(inst, 'POST', '/api/nca/id-cards', { token: admin, body: { number: NUMBER, iin: u.iin, pin: PIN, puk: '13572468' } });
    } finally {
      await inst.app.store.db.updateTable('users').set({ roles: roles.roles }).where('id', '=', operator.userId).execute();
    }

    const op = await new Person('nca_operator', 'ru', inst).open(browser);
    try {
      await op.signIn('nca_operator-auth.p12');
      await op.page.waitForURL('**/inbox');
      await op.goto('/nca/desk');
      await op.visit('card-desk', op.t('nca.desk.title'));
      const main = op.page.locator('main');
      // The card read from the reader: another person's IIN is caught before anything is signed.
      await main.locator('#card-iin').fill(operator.iin);
      await main.locator('#card-number').fill(NUMBER);
      await main.getByRole('button', { name: op.t('nca.card.read'), exact: true }).click();
      await main.getByText(op.t('nca.card.triesLeft', { n: 3 }), { exact: true }).waitFor();
      await main.getByRole('button', { name: op.t('nca.card.deskSubmit'), exact: true }).click();
      await main.getByRole('alert').filter({ hasText: op.t('nca.desk.notHolder', { iin: u.iin }) }).first().waitFor();
      await main.locator('#card-iin').fill(u.iin);
      await main.locator('#doc-id_card_with_chip').setInputFiles({ name: 'id-card.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% ID card\n%%EOF\n') });
      await main.locator('.files li', { hasText: 'id-card.pdf' }).first().waitFor();
      await op.visit('card-desk-filled');
      await main.getByRole('button', { name: op.t('nca.card.deskSubmit'), exact: true }).click();
      await op.signWith('nca_operator-sign.p12');
      await op.page.waitForURL('**/nca/desk/*');
      const caseId = op.page.url().split('/').pop()!;
      const c = await caseRow(caseId);
      await op.visit('card-request', op.t('nca.request.title', { number: c.number }));
      await main.getByRole('heading', { name: op.t('nca.card.title') }).waitFor();
      await deskStep(op, 'identify', 'identified');
      await deskStep(op, 'form_request', 'request_formed');
      assert.equal((await caseRow(caseId)).current_step, 'enter_pin');

      // The pin pad: a wrong PIN counts down, the input is cleared; the CA writes nothing.
      const pin = main.getByLabel(op.t('nca.card.pin'), { exact: true });
      assert.equal(await pin.getAttribute('type'), 'password');
      await pin.fill('0000');
      await pin.press('Enter');
      await main.getByText(op.t('nca.card.wrongPin', { n: 2 }), { exact: true }).waitFor();
      assert.equal(await pin.inputValue(), '');
      assert.equal((await cardStatus(inst.app, { kind: 'local', name: 'test' }, NUMBER)).pinTriesLeft, 2);
      await main.getByText(op.t('nca.card.triesLeft', { n: 2 }), { exact: true }).waitFor();
      await op.visit('card-wrong-pin');
      await pin.fill(PIN);
      await main.getByRole('button', { name: op.t('nca.card.enterPin'), exact: true }).click();
      await main.locator('.alert-success', { hasText: op.t('nca.card.pinAccepted') }).waitFor();
      assert.equal((await caseRow(caseId)).current_step, 'confirm_request');
      // The pin pad is put away once the PIN is in: the page reloads the case after the success
      // notice, so wait for that render rather than reading the page at one instant.
      await main.getByLabel(op.t('nca.card.pin'), { exact: true }).waitFor({ state: 'detached' });
      await op.visit('card-pin-accepted');

      // The operator's confirmation; the NCA IS checks it and the certificates are written onto the card.
      await deskStep(op, 'confirm_request', 'confirmed');
      assert.equal((await caseRow(caseId)).mark, 'result');
      await main.getByRole('heading', { name: op.t('nca.card.written') }).waitFor();
      const shown = await main.locator('code.serial').allTextContents();
      const card = await cardStatus(inst.app, { kind: 'local', name: 'test' }, NUMBER);
      assert.deepEqual(card.certificates.map((x) => x.slot), ['auth', 'sign']);
      assert.deepEqual(shown, card.certificates.map((x) => parseCertificate(x.certificatePem).serialHex));
      assert.equal(card.pinTriesLeft, 3, 'the right PIN restored the tries');
      await op.visit('card-issued');

      const { root, issuing } = await ensureCa(inst.app);
      const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
      for (const x of card.certificates) {
        const info = parseCertificate(x.certificatePem);
        assert.equal(info.iin, u.iin);
        assert.equal(info.purpose, x.slot);
        assert.equal((await trust.verifyChain(x.certificatePem, new Date())).ok, true);
        assert.equal((await certificateStatus(inst.app, info.serialHex)).status, 'good');
      }
      // The applicant signs in with the card (its PIN), over HTTP.
      const ch = await api(inst, 'POST', '/api/auth/challenge', { body: {} });
      const session = await api(inst, 'POST', '/api/auth/signin', { body: { challengeId: ch.challengeId, signature: await signWithCard(inst.app, NUMBER, PIN, 'auth', Buffer.from(ch.nonce)) } });
      assert.equal(session.user.id, u.userId);
      assert.deepEqual(op.errors, []);
    } finally {
      await op.close();
    }
  });
});
