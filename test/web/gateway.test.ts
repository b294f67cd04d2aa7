// The fee paid the way a real payment gateway is paid, in Chromium: the form orders the payment,
// the applicant opens the gateway's page (the simulator's, at the order's payUrl) in a new tab,
// cancels once and comes back unpaid, opens it again and pays; the gateway sends them back to the
// application, and the form's own tab sees the payment confirmed by itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { DemoUser } from '../../src/app/bootstrap.ts';
import { requiredDocuments } from '../../src/core/application.ts';
import { sampleFields } from '../../src/core/sample.ts';
import { matches, type ApplicantKind, type SubCase } from '../../src/core/regulation.ts';
import { formatTenge } from '../../src/gov/payments/fees.ts';
import { Person, axeViolations, browserSuite, withPerson, type Instance } from './harness.ts';

const SERVICE = 'crypto-licence';
const PDF = (what: string) => Buffer.from(`%PDF-1.4\n% ${what}\n1 0 obj<<>>endobj\n%%EOF\n`);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let inst: Instance;
let browser: Browser;

const licence = (): SubCase => inst.app.catalog.inForce(SERVICE, inst.app.now())!.subcases.find((s) => s.id === 'issue')!;
const kindOf = (u: DemoUser): ApplicantKind => (u.bin ? 'legal_entity' : 'individual');
const paymentsOf = (userId: string) => inst.app.store.db.selectFrom('payments').selectAll().where('created_by', '=', userId).orderBy('created_at').execute();

/** Signs in, fills the form's required fields and attaches the documents other than the fee. */
async function toDocuments(p: Person, u: DemoUser, keyStore: string) {
  const sc = licence();
  const ctx = { channel: 'portal' as const, applicantKind: kindOf(u) };
  await p.goto(`/apply/${SERVICE}/issue`);
  await p.page.waitForURL((url) => url.pathname === '/signin');
  await p.signIn(keyStore);
  await p.page.waitForURL(`**/apply/${SERVICE}/issue`);
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
  await p.page.locator('#apply-form').waitFor();
  const values = sampleFields(sc, ctx, { iin: u.iin, ...(u.bin ? { bin: u.bin } : {}), today: new Date().toISOString().slice(0, 10) });
  for (const f of sc.fields) {
    if (!f.required || !matches(f.when, { ...ctx, fields: values })) continue;
    const el = p.page.locator(`#f-${f.id}`);
    if (f.type === 'select') {
      if (!(await el.inputValue())) await el.selectOption(String(values[f.id]));
    } else if (f.type === 'boolean') await el.check();
    else if (!(await el.inputValue())) await el.fill(f.type === 'text' || f.type === 'textarea' ? `${f.label.ru} (тест)`.slice(0, f.maxLength ?? 200) : String(values[f.id]));
  }
  await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
  await p.page.locator('#doc-fee_payment').waitFor();
  for (const d of requiredDocuments(sc, { ...ctx, fields: { activity: 'development' } })) {
    if (d.satisfiedBy?.includes('payment_gateway')) continue;
    await p.page.locator(`#doc-${d.id}`).setInputFiles({ name: `${d.id}.pdf`, mimeType: 'application/pdf', buffer: PDF(d.name.en) });
    await p.page.locator('.files li', { hasText: `${d.id}.pdf` }).first().waitFor();
  }
}

/** axe-core on the gateway's page (its CSP admits no injected script tag; evaluate is not subject to it). */
async function gatewayAxe(page: Page, label: string) {
  await page.evaluate(AXE);
  const v = await axeViolations(page);
  assert.deepEqual(v.map((x) => ({ id: x.id, help: x.help, nodes: x.nodes.slice(0, 3).map((n) => n.target) })), [], `axe-core on ${label}`);
}

describe('the fee paid on the payment gateway\'s page, in Chromium', { timeout: 240_000 }, () => {
  // The harness's instance names its port in its public URL, so the gateway's page and the way back reach it.
  browserSuite((i, b) => {
    inst = i;
    browser = b;
  });

  test('kk: ordered from the form, the gateway\'s page opened in a new tab, cancelled, then paid; back to the application, confirmed in both tabs', (t) =>
    withPerson(t, { person: new Person('applicant', 'kk', inst), browser }, async (p) => {
      const u = inst.users.applicant;
      await p.ctx.setExtraHTTPHeaders({ 'accept-language': 'kk-KZ,kk;q=0.9,ru;q=0.8' });
      await toDocuments(p, u, 'applicant-auth.p12');
      const panel = p.page.locator('#doc-fee_payment');
      await panel.getByRole('button', { name: p.t('pay.order'), exact: true }).click();
      await panel.getByText(p.t('pay.status.pending'), { exact: true }).waitFor();
      const [order] = await paymentsOf(u.userId);
      assert.ok(order!.pay_url!.startsWith(`${inst.base}/gateway-sim/pay?`), order!.pay_url!);
      // One way to pay, the same as with a real gateway: a link to its page, no simulator button.
      const link = panel.getByRole('link', { name: p.t('pay.goToGateway'), exact: true });
      assert.equal(await link.getAttribute('href'), order!.pay_url);
      assert.equal(await panel.getByRole('button', { name: /симулятор|simulator/i }).count(), 0);
      await p.visit('gateway-form-waiting');

      // The gateway's page in a new tab: the order in Kazakhstan's state language; Cancel brings the payer back unpaid.
      const [first] = await Promise.all([p.ctx.waitForEvent('page'), link.click()]);
      await first.locator('h1').waitFor();
      assert.equal(await first.locator('html').getAttribute('lang'), 'kk');
      await first.getByText(order!.gateway_ref, { exact: true }).waitFor();
      await first.getByText(formatTenge(Number(order!.amount_tiyn)), { exact: true }).waitFor();
      await gatewayAxe(first, 'the gateway page (kk)');
      await first.getByRole('button', { name: 'Бас тарту', exact: true }).click();
      await first.waitForURL(`${inst.base}/apply/${SERVICE}/issue`);
      assert.equal((await paymentsOf(u.userId))[0]!.status, 'pending');
      await first.close();
      await panel.getByText(p.t('pay.status.pending'), { exact: true }).waitFor();

      // Again, and Pay: the signed notice confirms the order; the payer lands back on the application.
      const [second] = await Promise.all([p.ctx.waitForEvent('page'), link.click()]);
      await second.getByRole('button', { name: 'Төлеу', exact: true }).click();
      await second.waitForURL(`${inst.base}/apply/${SERVICE}/issue`);
      await second.locator('#doc-fee_payment').getByText(p.t('pay.status.confirmed'), { exact: true }).waitFor();
      // The form's own tab sees it by itself (it polls), the attachments still in place.
      await panel.getByText(p.t('pay.status.confirmed'), { exact: true }).waitFor();
      const paid = (await paymentsOf(u.userId))[0]!;
      assert.equal(paid.status, 'confirmed');
      assert.equal((await inst.app.store.db.selectFrom('payment_notices').select('notice_id').where('payment_id', '=', paid.id).execute()).length, 1);
      // Back on the gateway's page (the browser's back button): it says the order is paid, and paying twice is not offered.
      await second.goto(order!.pay_url!);
      await second.getByText('Бұл шот төленді.').waitFor();
      assert.equal(await second.getByRole('button', { name: 'Төлеу', exact: true }).count(), 0);
      await second.close();
      await p.visit('gateway-form-paid');
      await p.page.getByRole('button', { name: p.t('common.next'), exact: true }).click();
      await p.page.getByText(p.t('pay.reviewGateway', { amount: formatTenge(Number(paid.amount_tiyn)), id: paid.gateway_ref })).waitFor();
      assert.deepEqual(p.errors, []);
    }));
});
