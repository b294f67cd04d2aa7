// The web application in Debian's Chromium, end to end against a real server: an applicant signs
// in with a key store, applies for the licence (crypto-licence, issue) with the receipt scan, signs
// and submits (double click: one case); the chancellery, the head of licensing, the executor and the
// head each sign in and take their step; the applicant sees the result in the cabinet and verifies
// it — in Kazakh and in Russian. Then a refusal, a request the applicant answers before its
// deadline, an application accepted at the office with its receipt, and the EDS failures a user must
// understand (wrong password, wrong kind of key store, expired and revoked certificates). axe-core checks every page visited; screenshots go to
// test-results/screenshots/.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { requiredDocuments } from '../../src/core/application.ts';
import { sampleDocuments, sampleFields } from '../../src/core/sample.ts';
import { matches, type ApplicantKind, type Channel, type SubCase } from '../../src/core/regulation.ts';
import { ensureCa, issueFor } from '../../src/app/bootstrap.ts';
import { exportPkcs12, parseCertificate } from '../../src/pki/index.ts';
import { signPayload } from '../../src/app/session.ts';
import { decisionBody, payloadOf } from '../http/client.ts';
import { PASSWORD, Person, api, apiLogin, axeViolations, browserSuite, hasChromium, skipWithoutChromium, withPerson, type Instance, type Lang } from './harness.ts';

const SERVICE = 'crypto-licence';
const PDF = (what: string) => Buffer.from(`%PDF-1.4\n% ${what}\n1 0 obj<<>>endobj\n%%EOF\n`);

let inst: Instance;
let browser: Browser;
const started = Date.now();

function licence(subcase = 'issue'): SubCase {
  const svc = inst.app.catalog.inForce(SERVICE, inst.app.now())!;
  return svc.subcases.find((s) => s.id === subcase)!;
}

function outcomeLabel(lang: Lang, stepId: string, outcomeId: string): string {
  return licence().steps.find((s) => s.id === stepId)!.outcomes.find((o) => o.id === outcomeId)!.label[lang];
}

async function casesOf(userId: string) {
  return inst.app.store.db.selectFrom('cases').select(['id', 'number', 'mark']).where('applicant_user_id', '=', userId).orderBy('submitted_at').execute();
}

/** Fills every required field of the form that is still empty, with plausible values. */
async function fillForm(p: Person, sc: SubCase, ctx: { channel: Channel; applicantKind: ApplicantKind }, who: { iin: string; bin?: string }) {
  const values = sampleFields(sc, ctx, { ...who, today: new Date().toISOString().slice(0, 10) });
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
}

/** Attaches a small PDF for every required document (the fee with the receipt scan). */
async function attachDocuments(p: Person, sc: SubCase, ctx: { channel: Channel; applicantKind: ApplicantKind; fields?: Record<string, unknown> }) {
  for (const d of requiredDocuments(sc, ctx)) {
    if (d.satisfiedBy?.length) {
      const alt = d.satisfiedBy.includes('fee_receipt_scan') ? 'fee_receipt_scan' : d.satisfiedBy[d.satisfiedBy.length - 1]!;
      await p.page.locator(`#doc-${d.id}-${alt}`).check();
    }
    const name = `${d.id}.pdf`;
    await p.page.locator(`#doc-${d.id}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF(d.name.en) });
    await p.page.locator('.files li', { hasText: name }).first().waitFor();
  }
}

/** A staff member signs in, opens the case from the inbox and takes one signed step. */
async function staffStep(lang: Lang, who: 'provider_chancellery' | 'provider_licensing_head' | 'provider_executor' | 'provider_head', number: string, stepId: string, outcomeId: string, extra: (p: Person) => Promise<void> = async () => {}) {
  await withPerson(undefined, { person: new Person(who, lang, inst), browser }, async (p) => {
    await p.signIn(`${who}-auth.p12`);
    await p.page.waitForURL('**/inbox');
    await p.visit(`inbox-${stepId}`, p.t('inbox.title'));
    await p.page.getByRole('link', { name: number, exact: true }).click();
    await p.visit(`case-${stepId}`, p.t('case.title', { number }));
    const label = outcomeLabel(lang, stepId, outcomeId);
    await extra(p);
    await p.page.getByRole('button', { name: p.t('action.signAnd', { label }), exact: true }).click();
    await p.signWith(`${who}-sign.p12`);
    await p.page.locator('.alert-success', { hasText: p.t('case.done', { label }) }).waitFor();
    await p.visit(`case-${stepId}-done`);
    assert.deepEqual(p.errors, []);
  });
}

/** The applicant's side: sign in, fill the application step by step, sign (double click) and submit. */
async function applyInBrowser(p: Person, opts: { keyStore: string; kind: ApplicantKind; iin: string; bin?: string; checks?: boolean }) {
  const sc = licence();
  const ctx = { channel: 'portal' as const, applicantKind: opts.kind };
  await p.goto(`/services/${SERVICE}`);
  const svc = inst.app.catalog.inForce(SERVICE, inst.app.now())!;
  await p.visit('service', svc.shortName[p.lang]);
  const diagram = p.page.locator('.diagram img');
  await diagram.scrollIntoViewIfNeeded();
  await p.page.waitForFunction(() => ((document.querySelector('.diagram img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
  await p.page.getByRole('link', { name: p.t('service.signInToApply'), exact: true }).click();
  await p.visit('signin', p.t('signin.title'));
  if (opts.checks) {
    await p.signIn(opts.keyStore, 'not-the-password');
    await p.page.getByRole('alert').filter({ hasText: p.t('eds.bad_password') }).waitFor();
    await p.visit('signin-wrong-password');
  }
  await p.signIn(opts.keyStore);
  await p.page.waitForURL(`**/apply/${SERVICE}/issue`);
  await p.visit('apply-applicant', sc.name[p.lang]);
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();

  await p.page.locator('#apply-form').waitFor();
  if (opts.checks && opts.kind === 'individual') {
    // IIN check digit, as it is typed: a wrong last digit is refused at once, with the shared rule.
    const iin = p.page.locator('#f-iin');
    const wrong = opts.iin.slice(0, 11) + String((Number(opts.iin[11]) + 1) % 10);
    await iin.fill(wrong);
    const label = sc.fields.find((f) => f.id === 'iin')!.label[p.lang];
    await p.page.locator('#f-iin-err', { hasText: p.t('val.checksum', { label }) }).waitFor();
    await iin.fill(opts.iin);
    await p.page.locator('#f-iin-err').waitFor({ state: 'detached' });
  }
  await fillForm(p, sc, ctx, { iin: opts.iin, ...(opts.bin ? { bin: opts.bin } : {}) });
  await p.visit('apply-form');
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();

  await p.page.locator('#doc-fee_payment').waitFor();
  if (opts.checks) {
    // Type limits are checked before the file is read.
    await p.page.locator('#doc-tax_registration').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    await p.page.getByText(p.t('file.mime', { name: 'notes.txt', types: 'PDF, JPEG, PNG, XML, ZIP' })).waitFor();
  }
  await attachDocuments(p, sc, { ...ctx, fields: { activity: 'development' } });
  await p.visit('apply-documents');
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();

  await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).waitFor();
  await p.visit('apply-review');
  await p.page.getByRole('button', { name: p.t('apply.signSubmit'), exact: true }).click();
  await p.page.locator('dialog[open]').waitFor();
  assert.deepEqual((await axeViolations(p.page)).map((v) => v.id), [], 'axe-core on the sign dialog');
  if (opts.checks) {
    // The authentication key store cannot sign an application: the browser says which one to use.
    await p.signWith(opts.keyStore);
    await p.page.locator('dialog[open] [role=alert]', { hasText: p.t('eds.need_sign') }).waitFor();
  }
  const before = (await casesOf(p.name === 'company_head' ? inst.users.company_head.userId : inst.users.applicant.userId)).length;
  await p.signWith(opts.keyStore.replace('-auth', '-sign'), { double: true });
  await p.page.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
  await p.visit('apply-submitted', p.t('apply.submitted'));
  const after = await casesOf(p.name === 'company_head' ? inst.users.company_head.userId : inst.users.applicant.userId);
  assert.equal(after.length, before + 1, 'a double click on Sign must submit exactly one application');
  // The same form in a second tab is the submitted one, not a fresh form that could be sent again.
  const tab = await p.ctx.newPage();
  await tab.goto(`${inst.base}/apply/${SERVICE}/issue`);
  await tab.locator('main h1', { hasText: p.t('apply.submitted') }).waitFor();
  await tab.locator('main', { hasText: after.at(-1)!.number }).waitFor();
  await tab.close();
  return after[after.length - 1]!;
}

/** The applicant sees the result in the cabinet, opens it and verifies it on the public page. */
async function seeAndVerify(p: Person, number: string, expect: 'result' | 'refused', viaFile: boolean) {
  await p.nav('nav.cabinet').click();
  await p.visit('cabinet', p.t('cabinet.title'));
  const row = p.page.locator('tr', { has: p.page.getByRole('link', { name: number, exact: true }) });
  await row.getByText(p.t(expect === 'result' ? 'mark.result' : 'mark.refused'), { exact: true }).waitFor();
  await row.getByRole('link', { name: number, exact: true }).click();
  await p.visit('case-result', p.t('case.title', { number }));
  await p.page.getByRole('link', { name: p.t('case.viewResult'), exact: true }).click();
  await p.visit('result');
  await p.page.getByText(p.t(expect === 'result' ? 'result.approved' : 'result.refused')).waitFor();
  if (viaFile) {
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('button', { name: p.t('result.download'), exact: true }).click()]);
    const file = join(inst.dir, download.suggestedFilename());
    await download.saveAs(file);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(bundle.format, 'qyzmet-result/1');
    await p.nav('nav.verify').click();
    await p.page.locator('#verify-file').setInputFiles(file);
  } else {
    await p.page.getByRole('button', { name: p.t('result.verify'), exact: true }).click();
  }
  await p.page.getByText(p.t('verify.valid')).waitFor();
  await p.visit('verify', p.t('verify.title'));
  assert.equal(await p.page.locator('.checks li.bad').count(), 0);
  // Where the server keeps public registries of results, the licence is there, in force.
  if (expect === 'result' && (await fetch(`${inst.base}/api/public/registries`)).ok) {
    const status = p.t('registry.status.valid');
    const caseId = (await inst.app.store.db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
    const result = (await inst.app.store.db.selectFrom('results').select('number').where('case_id', '=', caseId).executeTakeFirstOrThrow()).number;
    await p.page.getByText(p.t('registry.matches', { number: result, status })).waitFor();
    await p.page.locator('#reg-number').fill(result);
    await p.page.getByRole('button', { name: p.t('registry.check'), exact: true }).click();
    await p.page.getByText(p.t('registry.issued', { number: result, status })).waitFor();
    await p.visit('verify-by-number');
  }
}

describe('web application in Chromium', { timeout: 240_000 }, () => {
  browserSuite(
    (i, b) => {
      inst = i;
      browser = b;
    },
    { screenshots: true },
  );
  after(() => {
    if (hasChromium) console.log(`# browser suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  for (const lang of ['kk', 'ru'] as const) {
    // Kazakh: a desktop whose browser speaks English, switched to Kazakh; Russian: a phone.
    test(`licence issued end to end (${lang})`, (t) =>
      withPerson(t, { person: new Person('applicant', lang, inst), browser, ...(lang === 'kk' ? { presetLang: false } : { viewport: { width: 390, height: 844 } }) }, async (p) => {
        const u = inst.users.applicant;
        await p.goto('/');
        if (lang === 'kk') {
          await p.page.getByRole('button', { name: 'Қазақша', exact: true }).click();
          await p.page.reload();
        }
        await p.visit('catalog', p.t('catalog.title'));
        await p.page.locator('#catalog-search').fill(lang === 'kk' ? 'АКҚҚ' : 'СКЗИ');
        await p.page.getByText(p.t('catalog.found', { n: 1 })).waitFor();
        const c = await applyInBrowser(p, { keyStore: 'applicant-auth.p12', kind: 'individual', iin: u.iin, checks: true });
        await staffStep(lang, 'provider_chancellery', c.number, 'register', 'registered');
        await staffStep(lang, 'provider_licensing_head', c.number, 'assign', 'assigned', async (s) => {
          await s.page.locator('#act-outcome-assigned-assignee').selectOption({ label: inst.users.provider_executor.displayName });
        });
        await staffStep(lang, 'provider_executor', c.number, 'review', 'draft_approval');
        await staffStep(lang, 'provider_head', c.number, 'sign', 'signed');
        await seeAndVerify(p, c.number, 'result', lang === 'ru');
        assert.deepEqual(p.errors, []);
      }));
  }

  test('a motivated refusal on the regulation\'s grounds (company, en)', (t) =>
    withPerson(t, { person: new Person('company_head', 'en', inst), browser }, async (p) => {
      const u = inst.users.company_head;
      const c = await applyInBrowser(p, { keyStore: 'company_head-auth.p12', kind: 'legal_entity', iin: u.iin, bin: u.bin! });
      await staffStep('en', 'provider_chancellery', c.number, 'register', 'registered');
      await staffStep('en', 'provider_licensing_head', c.number, 'assign', 'assigned', async (s) => {
        await s.page.locator('#act-outcome-assigned-assignee').selectOption({ label: inst.users.provider_executor.displayName });
      });
      await staffStep('en', 'provider_executor', c.number, 'review', 'draft_refusal', async (s) => {
        // A refusal without a ground is stopped in the browser.
        await s.page.getByRole('button', { name: s.t('action.signAnd', { label: outcomeLabel('en', 'review', 'draft_refusal') }), exact: true }).click();
        await s.page.getByRole('alert').filter({ hasText: s.t('action.needGrounds') }).waitFor();
        await s.page.locator('#act-outcome-draft_refusal-g-qualification_requirements_not_met').check();
        await s.page.locator('#act-outcome-draft_refusal-text').fill('The declared specialist holds no diploma of higher technical education.');
      });
      await staffStep('en', 'provider_head', c.number, 'sign', 'signed');
      await seeAndVerify(p, c.number, 'refused', false);
      const ground = inst.app.catalog.inForce(SERVICE, inst.app.now())!.refusalGrounds.find((g) => g.id === 'qualification_requirements_not_met')!;
      assert.equal((await casesOf(u.userId)).at(-1)!.mark, 'refused');
      await p.page.goBack();
      await p.page.getByText(ground.text.en).waitFor();
      assert.deepEqual(p.errors, []);
    }));

  test('a paper application accepted at the office, with its receipt (ru)', (t) =>
    withPerson(t, { person: new Person('provider_chancellery', 'ru', inst), browser }, async (p) => {
      const sc = licence();
      const u = inst.users.applicant;
      await p.signIn('provider_chancellery-auth.p12');
      await p.page.waitForURL('**/inbox');
      await p.nav('nav.office').click();
      await p.visit('office', p.t('office.title'));
      const svc = inst.app.catalog.inForce(SERVICE, inst.app.now())!;
      await p.page.locator('#office-service').selectOption({ label: `${svc.shortName.ru} — ${sc.name.ru}` });
      await p.page.locator('#kind-individual').check();
      await p.page.locator('#office-iin').fill(u.iin.slice(0, 11) + String((Number(u.iin[11]) + 1) % 10));
      await p.page.locator('#office-iin').blur();
      await p.page.locator('#office-iin-err').waitFor();
      await p.page.locator('#office-iin').fill(u.iin);
      const ctx = { channel: 'provider_office' as const, applicantKind: 'individual' as const };
      await fillForm(p, sc, ctx, { iin: u.iin });
      await attachDocuments(p, sc, { ...ctx, fields: { activity: 'development' } });
      await p.visit('office-filled');
      const before = (await casesOf(u.userId)).length;
      await p.page.getByRole('button', { name: p.t('office.accept'), exact: true }).click();
      await p.signWith('provider_chancellery-sign.p12');
      await p.visit('receipt', p.t('receipt.title'));
      const cases = await casesOf(u.userId);
      assert.equal(cases.length, before + 1);
      const c = cases.at(-1)!;
      await p.page.getByText(c.number, { exact: true }).waitFor();
      const view = await inst.app.store.db.selectFrom('cases').select(['overall_due', 'channel']).where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(view.channel, 'provider_office');
      const due = new Intl.DateTimeFormat('ru', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(new Date(view.overall_due));
      await p.page.locator('.receipt-facts dd', { hasText: due }).waitFor();
      await p.page.getByRole('button', { name: p.t('receipt.print'), exact: true }).waitFor();
      assert.deepEqual(p.errors, []);
    }));

  test('the applicant answers a request before its deadline (en)', async (t) => {
    if (skipWithoutChromium(t)) return;
    // Set up over the API: a portal application for an import conclusion, registered and assigned.
    const svcId = 'crypto-import-export';
    const svc = inst.app.catalog.inForce(svcId, inst.app.now())!;
    const sc = svc.subcases[0]!;
    const u = inst.users.applicant;
    const ctx = { channel: 'portal' as const, applicantKind: 'individual' as const };
    const body = { serviceId: svcId, subcase: sc.id, fields: sampleFields(sc, ctx, { iin: u.iin, today: new Date().toISOString().slice(0, 10) }), documents: sampleDocuments(sc, ctx) };
    const c = await api(inst, 'POST', '/api/cases', { token: await apiLogin(inst, u.auth), idem: `t-${Date.now()}`, body: { ...body, signature: await signPayload(u.sign, payloadOf(body, u)) } });
    const executor = inst.users.provider_executor.userId;
    for (const [who, stepId, outcomeId, extra] of [['provider_chancellery', 'register', 'registered', {}], ['provider_licensing_head', 'assign', 'assigned', { assignee: executor }]] as const) {
      const staff = inst.users[who];
      const decision = await decisionBody(staff.sign, { caseId: c.id, stepId, outcomeId, ...extra });
      await api(inst, 'POST', `/api/cases/${c.id}/steps/${stepId}/${outcomeId}`, { token: await apiLogin(inst, staff.auth), idem: `t-${stepId}-${Date.now()}`, body: decision });
    }
    const pause = sc.pauses[0]!;
    const label = pause.name.en;

    // The executor asks for samples: the legal clock stops.
    await withPerson(t, { person: new Person('provider_executor', 'en', inst), browser }, async (ex) => {
      await ex.signIn('provider_executor-auth.p12');
      await ex.page.waitForURL('**/inbox');
      await ex.page.getByRole('link', { name: c.number, exact: true }).click();
      await ex.visit('case-request', ex.t('case.title', { number: c.number }));
      await ex.page.locator(`#act-pause-${pause.id}-text`).fill('Provide two samples of the encryption device, with their serial numbers.');
      await ex.page.getByRole('button', { name: ex.t('action.signAnd', { label }), exact: true }).click();
      await ex.signWith('provider_executor-sign.p12');
      await ex.page.locator('.alert-success', { hasText: ex.t('case.done', { label }) }).waitFor();
      await ex.visit('case-requested');
    });

    // The applicant sees the case waiting for them and answers, with a document, before the deadline.
    await withPerson(t, { person: new Person('applicant', 'en', inst), browser }, async (p) => {
      await p.signIn('applicant-auth.p12');
      await p.page.waitForURL('**/cabinet');
      const row = p.page.locator('tr', { has: p.page.getByRole('link', { name: c.number, exact: true }) });
      await row.getByText(p.t('mark.paused'), { exact: true }).waitFor();
      await p.visit('cabinet-paused', p.t('cabinet.title'));
      await row.getByRole('link', { name: c.number, exact: true }).click();
      await p.visit('case-paused', p.t('case.title', { number: c.number }));
      const due = (await inst.app.store.db.selectFrom('cases').select('state').where('id', '=', c.id).executeTakeFirstOrThrow()).state;
      const applicantDue = (JSON.parse(due) as { pauses: Array<{ applicantDue: string }> }).pauses.at(-1)!.applicantDue;
      const dueText = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(new Date(applicantDue));
      await p.page.locator('form', { hasText: p.t('case.answerBy', { date: dueText }) }).first().waitFor();
      await p.page.locator(`#act-resume-${pause.id}-text`).fill('Two samples were delivered to the Astana office today.');
      await p.page.locator(`#act-resume-${pause.id}-file`).setInputFiles({ name: 'handover.pdf', mimeType: 'application/pdf', buffer: PDF('handover act') });
      await p.page.locator('.files li', { hasText: 'handover.pdf' }).waitFor();
      await p.page.getByRole('button', { name: p.t('action.signAnd', { label }), exact: true }).click();
      await p.signWith('applicant-sign.p12');
      await p.page.locator('.alert-success', { hasText: p.t('case.done', { label }) }).waitFor();
      await p.visit('case-answered');
      const after = await inst.app.store.db.selectFrom('cases').select(['paused', 'mark']).where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.equal(Number(after.paused), 0);
      const attached = await inst.app.store.db.selectFrom('attachments').select('name').where('case_id', '=', c.id).where('name', '=', 'handover.pdf').execute();
      assert.equal(attached.length, 1);
      assert.deepEqual(p.errors, []);
    });
  });

  test('EDS failures are explained: wrong kind, expired and revoked certificates', (t) =>
    withPerson(t, { person: new Person('company_employee', 'ru', inst), browser }, async (p) => {
      await p.goto('/signin');
      // The signing key store at sign-in.
      await p.signIn('company_employee-sign.p12');
      await p.page.getByRole('alert').filter({ hasText: p.t('eds.need_auth') }).waitFor();
      await p.visit('signin-wrong-kind', p.t('signin.title'));

      // An expired certificate is recognised before anything is sent.
      const u = inst.users.company_employee;
      const { root, issuing } = await ensureCa(inst.app);
      const old = await issueFor(inst.app, issuing, root, { kind: 'legal_entity', iin: u.iin, surname: 'Жумабаева', givenName: 'Айгерим', bin: u.bin!, organization: 'demo', roles: ['employee'] }, 'auth', u.userId, 'ECDSA-P256', { notBefore: new Date(Date.now() - 400 * 86_400_000), validityDays: 30 });
      writeFileSync(join(inst.keys, 'expired-auth.p12'), exportPkcs12({ ...old, password: PASSWORD }));
      await p.signIn('expired-auth.p12');
      const expiredOn = new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(parseCertificate(old.certificatePem).notAfter);
      await p.page.getByRole('alert').filter({ hasText: p.t('eds.expired', { date: expiredOn }) }).waitFor();

      // A revoked certificate: the server's verdict, in words.
      await inst.app.store.db.updateTable('certificates').set({ status: 'revoked', revoked_at: new Date(Date.now() - 60_000).toISOString(), revocation_reason: 'keyCompromise' }).where('user_id', '=', u.userId).where('purpose', '=', 'auth').where('status', '=', 'good').execute();
      await p.signIn('company_employee-auth.p12');
      await p.page.getByRole('alert').filter({ hasText: p.t('problem.revoked') }).waitFor();
      await p.visit('signin-revoked');
      assert.equal(new URL(p.page.url()).pathname, '/signin');
      assert.deepEqual(p.errors, []);
    }));
});
