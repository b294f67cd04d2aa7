// The gateway simulator's payer page at payUrl, as a real gateway has one: it shows the order,
// Pay confirms it once with the signed notice (as POST /gateway-sim/pay does) and sends the payer
// back to the returnUrl the portal gave — which can only be on the instance's own origin.
import assert from 'node:assert/strict';
import { buildServer } from '../../src/http/server.ts';
import { integrationsOf } from '../../src/app/integrations.ts';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { Api, assertProblem, newKey } from '../http/client.ts';

const SERVICE = 'crypto-licence';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

eachEngine('gateway simulator page: shows the order, pays once, cancels, returns only to the portal', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  const server = await buildServer(t.app);
  const api = new Api(server);
  try {
    const token = await api.login(t.users.company_head);
    const origin = new URL(t.app.config.publicUrl).origin;
    const order = async (returnUrl?: unknown) => {
      const res = await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue', ...(returnUrl !== undefined ? { returnUrl } : {}) }, { token, idem: newKey('page') });
      return res;
    };
    const pageOf = (payUrl: string, headers: Record<string, string> = {}) => api.request('GET', new URL(payUrl).pathname + new URL(payUrl).search, undefined, { headers });
    const checkout = (gatewayRef: string, decision: string, headers: Record<string, string> = {}) =>
      api.request('POST', '/gateway-sim/checkout', undefined, { raw: new URLSearchParams({ gatewayRef, decision, lang: 'en' }).toString(), headers: { ...FORM, ...headers } });
    const status = async (id: string) => (await api.get(`/api/payments/${id}`, token)).body.status as string;

    await ctx.test('the page at payUrl shows the amount, payee, purpose and Pay / Cancel, in the asked language, under a strict CSP', async () => {
      const res = await order('/apply/crypto-licence/issue');
      assert.equal(res.status, 201, res.text);
      const p = res.body;
      assert.ok(p.payUrl.startsWith(`${origin}/gateway-sim/pay?gatewayRef=`), p.payUrl);
      const en = await pageOf(`${p.payUrl}&lang=en`);
      assert.equal(en.status, 200, en.text);
      assert.match(String(en.headers['content-type']), /^text\/html/);
      const csp = String(en.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /form-action 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|script-src/);
      assert.match(en.text, /<html lang="en">/);
      assert.ok(en.text.includes(p.amount.text), 'the amount');
      assert.match(en.text, /State budget of the Republic of Kazakhstan/);
      assert.ok(en.text.includes(p.gatewayRef));
      assert.match(en.text, /105402 \/ 911/);
      assert.match(en.text, />Pay</);
      assert.match(en.text, />Cancel</);
      assert.doesNotMatch(en.text, /<script|https?:\/\/(?!127)/, 'no script and no external asset');
      const kk = await pageOf(p.payUrl, { 'accept-language': 'de-DE,kk;q=0.8,ru;q=0.5' });
      assert.match(kk.text, /<html lang="kk">/);
      assert.match(kk.text, />Төлеу</);
      const ru = await pageOf(p.payUrl, { 'accept-language': 'ru-RU' });
      assert.match(ru.text, />Оплатить</);
    });

    await ctx.test('Cancel pays nothing and sends the payer back; Pay confirms with the signed notice once; a second Pay pays nothing more', async () => {
      const p = (await order('/apply/crypto-licence/issue?step=2')).body;
      const sim = integrationsOf(t.app).simulator!;
      const cancelled = await checkout(p.gatewayRef, 'cancel');
      assert.equal(cancelled.status, 303, cancelled.text);
      assert.equal(cancelled.headers.location, `${origin}/apply/crypto-licence/issue?step=2`);
      assert.equal(await status(p.id), 'pending');
      assert.equal(sim.orders.get(p.gatewayRef)!.notices.length, 0);

      const [a, b] = await Promise.all([checkout(p.gatewayRef, 'pay'), checkout(p.gatewayRef, 'pay')]);
      for (const r of [a, b]) {
        assert.equal(r.status, 303, r.text);
        assert.equal(r.headers.location, `${origin}/apply/crypto-licence/issue?step=2`);
      }
      assert.equal(await status(p.id), 'confirmed');
      assert.equal(sim.orders.get(p.gatewayRef)!.notices.length, 1, 'one notice for two presses of Pay');
      const again = await checkout(p.gatewayRef, 'pay');
      assert.equal(again.status, 303);
      assert.equal(sim.orders.get(p.gatewayRef)!.notices.length, 1);
      const notices = await t.app.store.db.selectFrom('payment_notices').select('notice_id').where('payment_id', '=', p.id).execute();
      assert.equal(notices.length, 1);
      // The page now says it is paid, with no Pay button.
      const after = await pageOf(p.payUrl + '&lang=en');
      assert.match(after.text, /This order is paid/);
      assert.doesNotMatch(after.text, />Pay</);
    });

    await ctx.test('without a returnUrl the page says the order is paid instead of sending the payer anywhere', async () => {
      const p = (await order()).body;
      const r = await checkout(p.gatewayRef, 'pay');
      assert.equal(r.status, 200, r.text);
      assert.match(r.text, /This order is paid/);
      assert.equal(await status(p.id), 'confirmed');
    });

    await ctx.test('a foreign returnUrl is refused by the platform and by the gateway; nothing is ordered', async () => {
      const before = await t.app.store.db.selectFrom('payments').select('id').execute();
      for (const bad of ['https://evil.example/phish', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', `${origin.replace('127.0.0.1', 'localhost')}/apply`, `http://user@${new URL(origin).host}/apply`, 42]) {
        assertProblem(await order(bad), 422, 'return_url_foreign', 'returnUrl');
      }
      assert.equal((await t.app.store.db.selectFrom('payments').select('id').execute()).length, before.length);
      const direct = await api.post('/gateway-sim/payments', { paymentId: 'x-1', amountTiyn: 100, currency: 'KZT', budgetCode: null, paymentPurposeCode: null, payer: { iin: t.users.company_head.iin }, description: 'x', expiresAt: new Date(Date.now() + 3600_000).toISOString(), returnUrl: 'https://evil.example/' });
      assertProblem(direct, 422, 'return_url_foreign', 'returnUrl');
      // An absolute URL on the instance's own origin is fine.
      assert.equal((await order(`${origin}/cabinet`)).status, 201);
    });

    await ctx.test('an unknown order is a 404 page; a cross-site form post is refused', async () => {
      const r = await api.request('GET', '/gateway-sim/pay?gatewayRef=SIM-NOPE&lang=ru');
      assert.equal(r.status, 404);
      assert.match(r.text, /Счёт не найден/);
      assert.equal((await checkout('SIM-NOPE', 'pay')).status, 404);
      const p = (await order('/apply/crypto-licence/issue')).body;
      const forged = await checkout(p.gatewayRef, 'pay', { 'sec-fetch-site': 'cross-site' });
      assert.equal(forged.status, 403);
      assert.equal(await status(p.id), 'pending');
    });
  } finally {
    await server.close();
    await t.close();
  }
});
