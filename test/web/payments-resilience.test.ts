// The web application in Chromium, for what the portal suite does not cover: the fee paid through
// the payment gateway from the application form (an answer lost on the way, an order that expires,
// the gateway simulator's pay step, the application submitted with the payment and registered on
// it), the notices of the personal cabinet and the download of a case's documents by the applicant
// and by the provider's staff, a session that ends in the middle of a form, and the server out of
// reach at the moment of submission. Failures of the network are made with Playwright's
// page.route (a request that never reaches the server, or one the server handles whose answer is
// lost); a session ends on the server itself. Every count is read from the server's database.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Route } from 'playwright-core';
import { requiredDocuments } from '../../src/core/application.ts';
import { sampleDocuments, sampleFields } from '../../src/core/sample.ts';
import { matches, type ApplicantKind, type Channel, type Field, type SubCase } from '../../src/core/regulation.ts';
import { signPayload } from '../../src/app/session.ts';
import type { DemoUser } from '../../src/app/bootstrap.ts';
import { decisionBody, payloadOf } from '../http/client.ts';
import { Person, api, apiLogin, browserSuite, skipWithoutChromium, withPerson, type Instance } from './harness.ts';

const SERVICE = 'crypto-licence';
const PDF = (what: string) => Buffer.from(`%PDF-1.4\n% ${what}\n1 0 obj<<>>endobj\n%%EOF\n`);

let inst: Instance;
let browser: Browser;

const licence = (): SubCase => inst.app.catalog.inForce(SERVICE, inst.app.now())!.subcases.find((s) => s.id === 'issue')!;
const kindOf = (u: DemoUser): ApplicantKind => (u.bin ? 'legal_entity' : 'individual');

async function casesOf(userId: string) {
  return inst.app.store.db.selectFrom('cases').select(['id', 'number']).where('applicant_user_id', '=', userId).orderBy('submitted_at').execute();
}
async function paymentsOf(userId: string) {
  return inst.app.store.db.selectFrom('payments').selectAll().where('created_by', '=', userId).orderBy('created_at').execute();
}

/** A message with its {placeholders} as wildcards, for texts that carry a moment the test does not know. */
function messagePattern(p: Person, key: Parameters<Person['t']>[0]): RegExp {
  const parts = p.t(key).split(/\{\w+\}/).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

/** Waits until `ok()` holds (a request handled by a route, a row written). */
async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  for (const end = Date.now() + ms; !(await ok()); ) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Console errors other than the failed requests a test provokes on purpose. */
const unexpected = (p: Person) => p.errors.filter((e) => !/net::ERR_/.test(e));

/** A required text field the applicant types themselves (nothing prefilled), for checking it survives. */
function typedField(sc: SubCase, ctx: { channel: Channel; applicantKind: ApplicantKind }): Field {
  const f = sc.fields.find((x) => x.required && (x.type === 'text' || x.type === 'textarea') && !x.prefill && (x.maxLength ?? 100) >= 60 && matches(x.when, { ...ctx, fields: { activity: 'development' } }));
  assert.ok(f, 'the licence form has a required text field');
  return f;
}

/** Signs in, opens the form and fills every required field (the text one given a value of our own). */
async function fillApplication(p: Person, u: DemoUser, keyStore: string, typed?: { field: Field; value: string }) {
  const sc = licence();
  const ctx = { channel: 'portal' as const, applicantKind: kindOf(u) };
  await p.goto(`/apply/${SERVICE}/issue`);
  await p.page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('next') === `/apply/${SERVICE}/issue`);
  await p.signIn(keyStore);
  await p.page.waitForURL(`**/apply/${SERVICE}/issue`);
  await p.visit('apply-applicant', sc.name[p.lang]);
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
  await p.page.locator('#apply-form').waitFor();
  if (typed) await p.page.locator(`#f-${typed.field.id}`).fill(typed.value);
  const values = sampleFields(sc, ctx, { iin: u.iin, ...(u.bin ? { bin: u.bin } : {}), today: new Date().toISOString().slice(0, 10) });
  for (const f of sc.fields) {
    if (!f.required || !matches(f.when, { ...ctx, fields: values })) continue;
    const el = p.page.locator(`#f-${f.id}`);
    if (f.type === 'select') {
      if (!(await el.inputValue())) await el.selectOption(String(values[f.id]));
    } else if (f.type === 'boolean') {
      await el.check();
    } else if (!(await el.inputValue())) {
      await el.fill(f.type === 'text' || f.type === 'textarea' ? `${f.label.ru} (тест)`.slice(0, f.maxLength ?? 200) : String(values[f.id]));
    }
  }
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
  await p.page.locator('#doc-fee_payment').waitFor();
}

/** Attaches a small PDF for every required document; the fee as a receipt scan unless `gateway`. */
async function attachDocuments(p: Person, u: DemoUser, opts: { gateway: boolean }) {
  const ctx = { channel: 'portal' as const, applicantKind: kindOf(u), fields: { activity: 'development' } };
  for (const d of requiredDocuments(licence(), ctx)) {
    if (d.satisfiedBy?.includes('payment_gateway')) {
      if (opts.gateway) continue;
      await p.page.locator(`#doc-${d.id}-fee_receipt_scan`).check();
    }
    const name = `${d.id}.pdf`;
    await p.page.locator(`#doc-${d.id}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF(d.name.en) });
    await p.page.locator('.files li', { hasText: name }).first().waitFor();
  }
}

async function toReview(p: Person) {
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
  await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).waitFor();
}

async function signAndSubmit(p: Person, keyStore: string) {
  await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).click();
  await p.signWith(keyStore);
}

describe('payments, cabinet notices, documents and bad moments in Chromium', { timeout: 240_000 }, () => {
  browserSuite((i, b) => {
    inst = i;
    browser = b;
  });

  test('the fee paid through the payment gateway from the form: lost answer, expired order, paid, submitted, registered (ru)', (t) =>
    withPerson(t, { person: new Person('applicant', 'ru', inst), browser }, async (p) => {
      const u = inst.users.applicant;
      await fillApplication(p, u, 'applicant-auth.p12');
      const panel = p.page.locator('#doc-fee_payment');
      // The gateway is offered first, and nothing is paid yet.
      assert.equal(await p.page.locator('#doc-fee_payment-payment_gateway').isChecked(), true);
      await panel.getByText(p.t('pay.status.none'), { exact: true }).waitFor();
      await attachDocuments(p, u, { gateway: true });
      await p.visit('apply-fee-not-paid');
      // Going on without paying is stopped, with what to do.
      await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
      await p.page.getByRole('alert').filter({ hasText: p.t('val.payment_not_confirmed') }).first().waitFor();
      assert.equal((await paymentsOf(u.userId)).length, 0);

      // The order reaches the server but its answer is lost: the page says so and offers to retry.
      let lost = 0;
      const loseAnswer = async (route: Route) => {
        if (route.request().method() !== 'POST' || lost > 0) return route.fallback();
        lost += 1;
        await route.fetch();
        await route.abort('connectionreset');
      };
      await p.page.route('**/api/payments', loseAnswer);
      await panel.getByRole('button', { name: p.t('pay.order'), exact: true }).click();
      await panel.getByRole('alert').filter({ hasText: p.t('problem.network') }).waitFor();
      await panel.getByText(p.t('pay.status.failed'), { exact: true }).waitFor();
      await p.visit('apply-fee-order-lost');
      assert.equal(lost, 1);
      assert.equal((await paymentsOf(u.userId)).length, 1, 'the server made the order whose answer was lost');
      await p.page.unroute('**/api/payments', loseAnswer);
      // The retry sends the same Idempotency-Key: the same order comes back, no second one.
      await panel.getByRole('button', { name: p.t('common.retry'), exact: true }).click();
      await panel.getByText(p.t('pay.status.pending'), { exact: true }).waitFor();
      const [first] = await paymentsOf(u.userId);
      assert.equal((await paymentsOf(u.userId)).length, 1);
      await panel.getByText(first!.gateway_ref, { exact: true }).waitFor();
      await panel.getByText(p.t('pay.simulatorNote')).waitFor();
      await p.visit('apply-fee-waiting');

      // The order expires unpaid (its deadline moved into the past on the server): a new one is offered.
      await inst.app.store.db.updateTable('payments').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', first!.id).execute();
      await panel.getByRole('button', { name: p.t('pay.check'), exact: true }).click();
      await panel.getByText(p.t('pay.status.expired'), { exact: true }).waitFor();
      await panel.getByText(p.t('pay.todo.expired')).waitFor();
      await p.visit('apply-fee-expired');
      await panel.getByRole('button', { name: p.t('pay.newOrder'), exact: true }).click();
      await panel.getByText(p.t('pay.status.pending'), { exact: true }).waitFor();
      const orders = await paymentsOf(u.userId);
      assert.equal(orders.length, 2);
      const second = orders[1]!;
      assert.notEqual(second.gateway_ref, first!.gateway_ref);
      await panel.getByText(second.gateway_ref, { exact: true }).waitFor();

      // Paid at the gateway (the simulator's pay step): its signed notice confirms the order, and the page sees it.
      // (The page itself is driven in gateway.test.ts: this instance's public URL has no port, so payUrl is not reachable here.)
      await panel.getByRole('link', { name: p.t('pay.goToGateway'), exact: true }).waitFor();
      await api(inst, 'POST', '/gateway-sim/pay', { body: { gatewayRef: second.gateway_ref } });
      await panel.getByText(p.t('pay.status.confirmed'), { exact: true }).waitFor();
      const paid = (await paymentsOf(u.userId))[1]!;
      assert.equal(paid.status, 'confirmed');
      assert.equal((await inst.app.store.db.selectFrom('payment_notices').select('notice_id').where('payment_id', '=', paid.id).execute()).length, 1);
      await p.visit('apply-fee-paid');

      await toReview(p);
      const amount = (await api(inst, 'GET', `/api/payments/${paid.id}`, { token: await apiLogin(inst, u.auth) })).amount.text as string;
      await p.page.getByText(p.t('pay.reviewGateway', { amount, id: paid.gateway_ref })).waitFor();
      await p.visit('apply-review-paid');
      const before = (await casesOf(u.userId)).length;
      await signAndSubmit(p, 'applicant-sign.p12');
      await p.page.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
      const cases = await casesOf(u.userId);
      assert.equal(cases.length, before + 1);
      const c = cases.at(-1)!;
      // The payment is bound to the case; no receipt was sent; the chancellery can register it on the payment.
      const bound = await inst.app.store.db.selectFrom('payments').select(['id', 'case_id']).where('created_by', '=', u.userId).execute();
      assert.deepEqual(bound.filter((x) => x.case_id).map((x) => [x.id, x.case_id]), [[paid.id, c.id]]);
      const attached = await inst.app.store.db.selectFrom('attachments').select('name').where('case_id', '=', c.id).execute();
      assert.ok(attached.length > 0 && !attached.some((a) => a.name.startsWith('fee_payment') || a.name.startsWith('fee_receipt')), JSON.stringify(attached));
      const staff = inst.users.provider_chancellery;
      const registered = await api(inst, 'POST', `/api/cases/${c.id}/steps/register/registered`, { token: await apiLogin(inst, staff.auth), idem: `reg-${c.id}`, body: await decisionBody(staff.sign, { caseId: c.id, stepId: 'register', outcomeId: 'registered' }) });
      assert.equal(registered.mark, 'registered');
      assert.deepEqual(unexpected(p), []);
    }));

  test('cabinet notices are listed and marked read; documents are downloaded by the applicant and the provider\'s staff (en)', async (t) => {
    if (skipWithoutChromium(t)) return;
    // A case of the company, submitted and registered over the API: two notices, two unread.
    const u = inst.users.company_head;
    const sc = licence();
    const ctx = { channel: 'portal' as const, applicantKind: 'legal_entity' as const };
    const documents = sampleDocuments(sc, ctx).map((d, k) => (k === 0 ? { ...d, name: 'Устав компании.pdf' } : d));
    const body = { serviceId: SERVICE, subcase: 'issue', fields: sampleFields(sc, ctx, { iin: u.iin, bin: u.bin!, today: new Date().toISOString().slice(0, 10) }), documents };
    const c = await api(inst, 'POST', '/api/cases', { token: await apiLogin(inst, u.auth), idem: `notices-${Date.now()}`, body: { ...body, signature: await signPayload(u.sign, payloadOf(body, u)) } });
    const staff = inst.users.provider_chancellery;
    await api(inst, 'POST', `/api/cases/${c.id}/steps/register/registered`, { token: await apiLogin(inst, staff.auth), idem: `reg-${c.id}`, body: await decisionBody(staff.sign, { caseId: c.id, stepId: 'register', outcomeId: 'registered' }) });
    const notices = await inst.app.store.db.selectFrom('notices').select(['id', 'subject', 'read_at']).where('user_id', '=', u.userId).orderBy('created_at', 'desc').execute();
    assert.ok(notices.length >= 2, 'delivered and registered');
    assert.ok(notices.every((n) => n.read_at === null));

    await withPerson(t, { person: new Person('company_head', 'en', inst), browser }, async (p) => {
      await p.signIn('company_head-auth.p12');
      await p.page.waitForURL('**/cabinet');
      const section = p.page.getByRole('region', { name: new RegExp(`^${p.t('notices.title')}`) });
      await section.getByText(p.t('notices.unreadCount', { n: notices.length }), { exact: true }).waitFor();
      for (const n of notices) await section.getByText(n.subject, { exact: true }).waitFor();
      // The header shows the server's unread count, as a link to these notices.
      const unreadOnServer = async () => (await inst.app.store.db.selectFrom('notices').select('id').where('user_id', '=', u.userId).where('read_at', 'is', null).execute()).length;
      const headerCount = (n: number) => p.page.getByRole('banner').getByRole('link', { name: p.tp('nav.unreadNotices', n), exact: true });
      assert.equal(await unreadOnServer(), notices.length);
      await headerCount(notices.length).waitFor();
      await p.visit('cabinet-notices', p.t('cabinet.title'));
      const newest = notices[0]!;
      await section.getByRole('button', { name: p.t('notices.markReadNamed', { subject: newest.subject }), exact: true }).click();
      await section.getByText(p.t('notices.unreadCount', { n: notices.length - 1 }), { exact: true }).waitFor();
      await headerCount(notices.length - 1).waitFor();
      assert.equal(await unreadOnServer(), notices.length - 1);
      await section.getByRole('button', { name: p.t('notices.markReadNamed', { subject: newest.subject }), exact: true }).waitFor({ state: 'detached' });
      const read = await inst.app.store.db.selectFrom('notices').select(['id', 'read_at']).where('user_id', '=', u.userId).execute();
      assert.deepEqual(read.filter((n) => n.read_at).map((n) => n.id), [newest.id], 'exactly the notice marked read is read on the server');
      // The count is the server's after a reload too.
      await p.page.reload();
      await section.getByText(p.t('notices.unreadCount', { n: notices.length - 1 }), { exact: true }).waitFor();
      await headerCount(notices.length - 1).waitFor();
      // A notice read elsewhere (another tab, another device): the header catches up when the page regains focus.
      await inst.app.store.db.updateTable('notices').set({ read_at: new Date().toISOString() }).where('id', '=', notices[1]!.id).execute();
      await p.page.evaluate(() => window.dispatchEvent(new Event('focus')));
      if (notices.length > 2) await headerCount(notices.length - 2).waitFor();
      else await p.page.getByRole('banner').locator('.unread-notices').waitFor({ state: 'detached' });

      // From the notice to the case, and its documents downloaded as they were attached.
      await section.getByRole('link', { name: p.t('notices.case', { number: c.number }), exact: true }).first().click();
      await p.visit('case-documents', p.t('case.title', { number: c.number }));
      for (const d of documents) {
        const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('button', { name: p.t('case.downloadNamed', { name: d.name }), exact: true }).click()]);
        assert.equal(download.suggestedFilename(), d.name);
        const file = join(inst.dir, `applicant-${d.requirement}`);
        await download.saveAs(file);
        assert.deepEqual(readFileSync(file), Buffer.from(d.contentBase64, 'base64'), `${d.name}: the bytes attached`);
      }
      assert.deepEqual(unexpected(p), []);
    });

    // The chancellery officer of the provider downloads the same document from the case page.
    await withPerson(t, { person: new Person('provider_chancellery', 'en', inst), browser }, async (s) => {
      await s.signIn('provider_chancellery-auth.p12');
      await s.page.waitForURL('**/inbox');
      await s.goto(`/cases/${c.id}`);
      await s.visit('staff-case-documents', s.t('case.title', { number: c.number }));
      const d = documents[0]!;
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: s.t('case.downloadNamed', { name: d.name }), exact: true }).click()]);
      const file = join(inst.dir, `staff-${d.requirement}`);
      await download.saveAs(file);
      assert.deepEqual(readFileSync(file), Buffer.from(d.contentBase64, 'base64'));
      assert.deepEqual(unexpected(s), []);
    });
  });

  test('a session that ends mid-form: the page says so, signing in again brings the form back as typed, one case (en)', (t) =>
    withPerson(t, { person: new Person('applicant', 'en', inst), browser }, async (p) => {
      const u = inst.users.applicant;
      const field = typedField(licence(), { channel: 'portal', applicantKind: kindOf(u) });
      const value = `Typed before the session ended ${Date.now()}`;
      await fillApplication(p, u, 'applicant-auth.p12', { field, value });
      await attachDocuments(p, u, { gateway: false });
      await toReview(p);
      await p.page.getByText(value, { exact: true }).waitFor();
      // The session ends on the server while the applicant reviews the form.
      await inst.app.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', u.userId).execute();
      const before = (await casesOf(u.userId)).length;
      await signAndSubmit(p, 'applicant-sign.p12');
      await p.page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('next') === `/apply/${SERVICE}/issue`);
      await p.page.getByRole('alert').filter({ hasText: p.t('session.expired') }).waitFor();
      await p.visit('signin-session-ended', p.t('signin.title'));
      assert.equal((await casesOf(u.userId)).length, before, 'nothing was submitted with the ended session');

      await p.signIn('applicant-auth.p12');
      await p.page.waitForURL(`**/apply/${SERVICE}/issue`);
      // Back at the review, with what was typed and the documents.
      await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).waitFor();
      await p.page.getByText(value, { exact: true }).waitFor();
      await p.page.getByRole('status').filter({ hasText: messagePattern(p, 'apply.draftRestored') }).waitFor();
      await p.visit('apply-restored-after-signin');
      await p.page.getByRole('button', { name: p.t('common.back'), exact: true }).click();
      await p.page.getByRole('button', { name: p.t('common.back'), exact: true }).click();
      assert.equal(await p.page.locator(`#f-${field.id}`).inputValue(), value);
      await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
      await p.page.locator('#doc-tax_registration').waitFor();
      await toReview(p);
      await signAndSubmit(p, 'applicant-sign.p12');
      await p.page.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
      assert.equal((await casesOf(u.userId)).length, before + 1);
      assert.deepEqual(unexpected(p), []);
    }));

  test('the server out of reach at submission: the page says what happened, keeps the form, and the retry makes exactly one case (kk)', (t) =>
    withPerson(t, { person: new Person('company_head', 'kk', inst), browser }, async (p) => {
      const u = inst.users.company_head;
      const field = typedField(licence(), { channel: 'portal', applicantKind: kindOf(u) });
      const value = `Серверге жетпеді ${Date.now()}`;
      await fillApplication(p, u, 'company_head-auth.p12', { field, value });
      await attachDocuments(p, u, { gateway: false });
      await toReview(p);
      const before = (await casesOf(u.userId)).length;

      // 1. The request never reaches the server.
      const refuse = (route: Route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback());
      await p.page.route('**/api/cases', refuse);
      await signAndSubmit(p, 'company_head-sign.p12');
      await p.page.locator('dialog[open]').waitFor({ state: 'detached' });
      await p.page.getByRole('alert').filter({ hasText: p.t('problem.network') }).waitFor();
      await p.page.getByText(p.t('apply.keptRetry', { action: p.t('apply.signSubmit') })).waitFor();
      await p.page.getByText(value, { exact: true }).waitFor();
      await p.visit('apply-server-unreachable');
      assert.equal((await casesOf(u.userId)).length, before);
      await p.page.unroute('**/api/cases', refuse);

      // 2. The server takes the application but its answer is lost on the way back.
      let handled = 0;
      const loseAnswer = async (route: Route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        handled += 1;
        const res = await route.fetch();
        assert.equal(res.status(), 201);
        await route.abort('connectionreset');
      };
      await p.page.route('**/api/cases', loseAnswer);
      // The same key store chosen again (its file chooser then reports a "cancel") keeps the dialog open.
      await signAndSubmit(p, 'company_head-sign.p12');
      await until(() => handled === 1, 'the submission reached the route');
      await p.page.locator('dialog[open]').waitFor({ state: 'detached' });
      await p.page.getByRole('alert').filter({ hasText: p.t('problem.network') }).waitFor();
      await p.page.getByText(p.t('apply.keptRetry', { action: p.t('apply.signSubmit') })).waitFor();
      const afterLost = await casesOf(u.userId);
      assert.equal(afterLost.length, before + 1, 'the server created the case whose answer was lost');
      await p.page.unroute('**/api/cases', loseAnswer);

      // 3. The retry carries the form's Idempotency-Key: the server answers with that case, no second one.
      await signAndSubmit(p, 'company_head-sign.p12');
      await p.page.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
      const number = afterLost.at(-1)!.number;
      await p.page.getByText(p.t('apply.alreadySubmitted', { number })).waitFor();
      await p.visit('apply-submitted-after-retry', p.t('apply.submitted'));
      assert.equal((await casesOf(u.userId)).length, before + 1, 'exactly one case');
      assert.deepEqual(unexpected(p), []);
    }));
});
