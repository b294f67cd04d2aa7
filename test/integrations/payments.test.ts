// The payment gateway: a fee ordered for a draft application, paid at the (simulated) gateway,
// confirmed by its signed notice, referenced by the submission instead of a receipt, and checked
// before registration. Forged, tampered, duplicate, late and other-application notices are
// refused with a problem document and never counted twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildServer } from '../../src/http/server.ts';
import { integrationsOf } from '../../src/app/integrations.ts';
import { AppError } from '../../src/app/errors.ts';
import { getCase } from '../../src/app/cases.ts';
import { quoteFee, mciAt, DEFAULT_MCI_TABLE, FeeError } from '../../src/gov/payments/fees.ts';
import { GatewaySimulator } from '../../src/gov/payments/simulator.ts';
import { HttpPaymentGateway } from '../../src/gov/payments/http-gateway.ts';
import { verifyNotice } from '../../src/gov/payments/gateway.ts';
import type { ServiceDefinition } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type TestApp } from '../support/app.ts';
import { runCase } from '../support/run-case.ts';
import { Api, assertProblem, newKey } from '../http/client.ts';
import { count, counts, drive, submitPortal } from './support.ts';

const SERVICE = 'crypto-licence';
const FULL_PATH = [
  { step: 'register', outcome: 'registered' },
  { step: 'assign', outcome: 'assigned', assign: 'executor' },
  { step: 'review', outcome: 'draft_approval' },
  { step: 'sign', outcome: 'signed' },
] as const;

async function order(t: TestApp, api: Api, token: string, subcase = 'issue') {
  const res = await api.post('/api/payments', { serviceId: SERVICE, subcase }, { token, idem: newKey('pay') });
  assert.equal(res.status, 201, res.text);
  return res.body as { id: string; gatewayRef: string; status: string; amount: { tiyn: number; text: string }; fee: { budgetCode: string; paymentPurposeCode: string; mci: number; mciValue: number; basis: string }; expiresAt: string };
}

test('fees: MCI by year with in-year changes; a fee in MCI and a configured one; free and unknown amounts refused', () => {
  assert.deepEqual(mciAt(DEFAULT_MCI_TABLE, new Date('2026-11-23T10:00:00+05:00')), { year: 2026, tenge: 4325 });
  assert.equal(mciAt(DEFAULT_MCI_TABLE, new Date('2022-03-31T12:00:00+06:00')).tenge, 3063);
  assert.equal(mciAt(DEFAULT_MCI_TABLE, new Date('2022-04-01T12:00:00+06:00')).tenge, 3180);
  assert.throws(() => mciAt(DEFAULT_MCI_TABLE, new Date('2031-01-10T12:00:00+05:00')), (e: unknown) => e instanceof FeeError && e.code === 'mci_unknown');
  const sc = { id: 'x', fee: { kind: 'state_duty', mci: 0.5, budgetCode: '108126', paymentPurposeCode: '911' } } as never;
  const svc = { id: 'some-service' } as ServiceDefinition;
  const q = quoteFee(svc, sc, new Date('2026-11-23T10:00:00+05:00'));
  assert.equal(q.amountTiyn, 216250, '0.5 MCI × 4 325 tenge = 2 162.50 tenge');
  assert.equal(q.basis, 'mci');
  const noMci = { id: 'y', fee: { kind: 'licence_fee' } } as never;
  assert.equal(quoteFee(svc, noMci, new Date('2026-11-23T10:00:00+05:00'), { fees: { 'some-service/y': { tenge: 1500.5 } } }).amountTiyn, 150050);
  assert.equal(quoteFee(svc, noMci, new Date('2026-11-23T10:00:00+05:00'), { fees: { 'some-service/*': { mci: 2 } } }).amountTiyn, 865000);
  assert.throws(() => quoteFee(svc, noMci, new Date(), { fees: {} }), (e: unknown) => e instanceof FeeError && e.code === 'fee_amount_unknown');
  assert.throws(() => quoteFee(svc, { id: 'z', fee: { kind: 'free' } } as never, new Date()), (e: unknown) => e instanceof FeeError && e.code === 'fee_free');
});

eachEngine('payments: a licence paid through the gateway is registered and runs to its result', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  const server = await buildServer(t.app);
  const api = new Api(server);
  try {
    const integ = integrationsOf(t.app);
    const token = await api.login(t.users.company_head);

    await ctx.test('an order for the draft: amount from the fee, codes from the definition, the gateway\'s reference', async () => {
      const p = await order(t, api, token);
      assert.equal(p.status, 'pending');
      assert.equal(p.fee.budgetCode, '105402');
      assert.equal(p.fee.paymentPurposeCode, '911');
      assert.equal(p.fee.basis, 'configured');
      assert.equal(p.fee.mciValue, 4325);
      assert.equal(p.amount.tiyn, p.fee.mci * 4325 * 100);
      assert.match(p.gatewayRef, /^SIM-/);
      // A retry with the same key returns the same order.
      const key = newKey('same');
      const a = await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { token, idem: key });
      const b = await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { token, idem: key });
      assert.equal(b.headers['idempotent-replayed'], 'true');
      assert.equal(a.body.id, b.body.id);
    });

    await ctx.test('paid at the gateway, submitted with the payment id and no receipt, registered, licence issued', async () => {
      const p = await order(t, api, token);
      const paid = await api.post('/gateway-sim/pay', { gatewayRef: p.gatewayRef });
      assert.equal(paid.status, 200, paid.text);
      assert.equal(paid.body.delivered.status, 'confirmed');
      const c = await submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: p.id, withoutReceipt: true, key: `pay-${p.id}` });
      assert.equal(c.status, 201);
      // The same submission again (an answer lost on the way): the first response, not "payment already used".
      const again = await submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: p.id, withoutReceipt: true, key: `pay-${p.id}` });
      assert.equal(again.replayed, true);
      assert.equal(again.body.id, c.body.id);
      const mine = await api.get(`/api/payments?caseId=${c.body.id}`, token);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body.items.map((x: { id: string; status: string }) => [x.id, x.status]), [[p.id, 'confirmed']]);
      const staffToken = await api.login(t.users.provider_chancellery);
      assert.equal((await api.get(`/api/payments/${p.id}`, staffToken)).body.caseId, c.body.id, 'the provider\'s staff see the payment of their case');
      await drive(t, c.body.id, [...FULL_PATH]);
      const view = await getCase(t.app, await t.login(t.users.company_head), c.body.id);
      assert.equal(view.mark, 'result');
      assert.ok(view.result?.number);
      assert.equal(await t.app.store.db.selectFrom('registry_entries').select('number').where('case_id', '=', c.body.id).executeTakeFirst().then((r) => r?.number), view.result.number);
    });

    await ctx.test('unpaid: registration is refused by the guard and nothing is written; once the notice arrives it passes', async () => {
      const p = await order(t, api, token);
      const c = await submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: p.id, withoutReceipt: true });
      const before = await counts(t, ['case_events', 'notices', 'idempotency']);
      const register = () => drive(t, c.body.id, [FULL_PATH[0]]);
      await assert.rejects(register(), (e: unknown) => e instanceof AppError && e.rule === 'fee_not_confirmed' && e.status === 422 && /still waiting for the gateway/.test(e.message));
      assert.deepEqual(await counts(t, ['case_events', 'notices', 'idempotency']), before);
      await integ.simulator!.pay(p.gatewayRef);
      const ok = await register();
      assert.equal(ok.mark, 'registered');
    });

    await ctx.test('the receipt path still works: a scanned receipt and no gateway payment', async () => {
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'duplicate', path: [FULL_PATH[0]] });
      assert.equal(v.mark, 'registered');
      assert.ok(v.documents.some((d) => d.requirement === 'fee_receipt_scan'));
      // And at the office: the paper receipt copy.
      const office = await runCase(t, { serviceId: SERVICE, subcase: 'issue', channel: 'provider_office', path: [FULL_PATH[0]] });
      assert.equal(office.mark, 'registered');
    });

    await ctx.test('neither a payment nor a receipt: the submission itself is refused (missing document)', async () => {
      await assert.rejects(submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, withoutReceipt: true }), (e: unknown) => e instanceof AppError && e.rule === 'missing_document');
    });

    await ctx.test('a payment pays for one application; another applicant\'s or another sub-case\'s payment is refused; nothing written', async () => {
      const p = await order(t, api, token);
      await integ.simulator!.pay(p.gatewayRef);
      await submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: p.id, withoutReceipt: true });
      const forIssue = await order(t, api, token);
      const before = await counts(t, ['cases', 'case_events', 'idempotency', 'notices']);
      await assert.rejects(submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: p.id, withoutReceipt: true }), (e: unknown) => e instanceof AppError && e.rule === 'payment_used' && e.status === 409);
      await assert.rejects(submitPortal(t, { serviceId: SERVICE, subcase: 'duplicate', applicant: t.users.company_head, payment: forIssue.id, withoutReceipt: true }), (e: unknown) => e instanceof AppError && e.rule === 'payment_other_application');
      await assert.rejects(submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.applicant, payment: p.id, withoutReceipt: true }), (e: unknown) => e instanceof AppError && e.rule === 'unknown_payment');
      await assert.rejects(submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: 'not-a-payment', withoutReceipt: true }), (e: unknown) => e instanceof AppError && e.status === 400 && e.field === 'payment');
      assert.deepEqual(await counts(t, ['cases', 'case_events', 'idempotency', 'notices']), before);
    });

    await ctx.test('an expired unpaid order cannot be referenced', async () => {
      const p = await order(t, api, token);
      const saved = t.clock.now;
      t.clock.set(new Date(Date.parse(p.expiresAt) + 60_000).toISOString());
      try {
        await assert.rejects(submitPortal(t, { serviceId: SERVICE, subcase: 'issue', applicant: t.users.company_head, payment: p.id, withoutReceipt: true }), (e: unknown) => e instanceof AppError && e.rule === 'payment_expired');
      } finally {
        t.clock.now = saved;
      }
    });
  } finally {
    await server.close();
    await t.close();
  }
});

eachEngine('payment notices: forged, tampered, duplicate, late and other-application notices are refused and never counted twice', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  const server = await buildServer(t.app);
  const api = new Api(server);
  try {
    const sim = integrationsOf(t.app).simulator!;
    const token = await api.login(t.users.company_head);
    const evidence = async () => counts(t, ['payment_notices', 'payments']);
    const confirmed = async () => Number((await t.app.store.db.selectFrom('payments').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'confirmed').executeTakeFirstOrThrow()).n);

    await ctx.test('a notice signed by someone else (another gateway\'s key) is refused', async () => {
      const p = await order(t, api, token);
      const impostor = await GatewaySimulator.create({ now: () => t.clock.now });
      await impostor.createPayment({ paymentId: p.id, amountTiyn: p.amount.tiyn, currency: 'KZT', budgetCode: '105402', paymentPurposeCode: '911', payer: { iin: t.users.company_head.iin, bin: t.users.company_head.bin! }, description: 'x', expiresAt: p.expiresAt });
      const ref = [...impostor.orders.keys()][0]!;
      const forged = await impostor.pay(ref, { edit: (n) => void (n.gatewayRef = p.gatewayRef) });
      const before = await evidence();
      assertProblem(await api.post('/api/payments/notices', { notice: forged.notice }), 422, 'notice_signature', 'notice');
      assert.deepEqual(await evidence(), before);
      assert.equal((await api.get(`/api/payments/${p.id}`, token)).body.status, 'pending');
    });

    await ctx.test('a notice altered after signing is refused; garbage is a 400', async () => {
      const p = await order(t, api, token);
      const { notice } = await sim.pay(p.gatewayRef, { deliver: false });
      const der = Buffer.from(notice, 'base64');
      const text = der.toString('latin1');
      const at = text.indexOf(String(p.amount.tiyn));
      assert.ok(at > 0);
      const tampered = Buffer.from(der);
      tampered[at] = tampered[at] === 0x31 ? 0x32 : 0x31; // another amount digit
      const r = await api.post('/api/payments/notices', { notice: tampered.toString('base64') });
      assert.equal(r.status, 422, r.text);
      assert.equal(r.body.rule, 'notice_signature');
      assertProblem(await api.post('/api/payments/notices', { notice: 'not base64 at all!' }), 400, 'notice_malformed', 'notice');
      assertProblem(await api.post('/api/payments/notices', {}), 400, 'notice_malformed', 'notice');
      assertProblem(await api.post('/api/payments/notices', { notice: Buffer.from('hello').toString('base64') }), 400, 'notice_malformed', 'notice');
      assert.equal((await api.get(`/api/payments/${p.id}`, token)).body.status, 'pending');
    });

    await ctx.test('the first notice confirms; its duplicate and a second notice for the same order are refused; counted once', async () => {
      const p = await order(t, api, token);
      const { notice } = await sim.pay(p.gatewayRef, { deliver: false });
      const first = await api.post('/api/payments/notices', { notice });
      assert.equal(first.status, 200, first.text);
      assert.equal(first.body.status, 'confirmed');
      const before = await evidence();
      const c0 = await confirmed();
      assertProblem(await api.post('/api/payments/notices', { notice }), 409, 'notice_duplicate', 'notice');
      assertProblem(await api.post(`/api/payments/${p.id}/notice`, { notice }), 409, 'notice_duplicate', 'notice');
      const second = await sim.pay(p.gatewayRef, { deliver: false });
      assertProblem(await api.post('/api/payments/notices', { notice: second.notice }), 409, 'payment_already_confirmed', 'notice');
      assert.deepEqual(await evidence(), before);
      assert.equal(await confirmed(), c0);
      const rows = await t.app.store.db.selectFrom('payment_notices').select('notice_id').where('payment_id', '=', p.id).execute();
      assert.equal(rows.length, 1);
    });

    await ctx.test('concurrent deliveries of one notice confirm once', async () => {
      const p = await order(t, api, token);
      const { notice } = await sim.pay(p.gatewayRef, { deliver: false });
      const results = await Promise.all(Array.from({ length: 4 }, () => api.post('/api/payments/notices', { notice })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409, 409]);
      assert.equal((await t.app.store.db.selectFrom('payment_notices').select('notice_id').where('payment_id', '=', p.id).execute()).length, 1);
    });

    await ctx.test('a notice paid after the order expired is refused', async () => {
      const p = await order(t, api, token);
      const { notice } = await sim.pay(p.gatewayRef, { deliver: false, paidAt: new Date(Date.parse(p.expiresAt) + 1000) });
      const before = await evidence();
      assertProblem(await api.post('/api/payments/notices', { notice }), 422, 'notice_late', 'notice');
      assert.deepEqual(await evidence(), before);
    });

    await ctx.test('another application\'s notice: relayed for the wrong payment, or naming another order\'s reference, amount or payer', async () => {
      const a = await order(t, api, token);
      const b = await order(t, api, token);
      const { notice } = await sim.pay(a.gatewayRef, { deliver: false });
      const before = await evidence();
      assertProblem(await api.post(`/api/payments/${b.id}/notice`, { notice }), 422, 'notice_wrong_payment', 'notice');
      const crossed = await sim.pay(a.gatewayRef, { deliver: false, edit: (n) => void (n.paymentId = b.id) });
      assertProblem(await api.post('/api/payments/notices', { notice: crossed.notice }), 422, 'notice_mismatch', 'notice');
      const cheaper = await sim.pay(a.gatewayRef, { deliver: false, edit: (n) => void (n.amountTiyn -= 100) });
      assertProblem(await api.post('/api/payments/notices', { notice: cheaper.notice }), 422, 'notice_mismatch', 'notice');
      const otherPayer = await sim.pay(a.gatewayRef, { deliver: false, edit: (n) => void (n.payer = { iin: t.users.applicant.iin }) });
      assertProblem(await api.post('/api/payments/notices', { notice: otherPayer.notice }), 422, 'notice_mismatch', 'notice');
      const unknown = await sim.pay(a.gatewayRef, { deliver: false, edit: (n) => void (n.paymentId = '00000000-0000-4000-8000-000000000000') });
      assertProblem(await api.post('/api/payments/notices', { notice: unknown.notice }), 422, 'notice_unknown_payment', 'notice');
      assert.deepEqual(await evidence(), before);
      assert.equal((await api.get(`/api/payments/${a.id}`, token)).body.status, 'pending');
      assert.equal((await api.get(`/api/payments/${b.id}`, token)).body.status, 'pending');
      // The right notice for the right payment still confirms it.
      assert.equal((await api.post(`/api/payments/${a.id}/notice`, { notice })).status, 200);
    });

    await ctx.test('bad orders: problem+json, nothing written', async () => {
      const before = await counts(t, ['payments', 'idempotency']);
      assertProblem(await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { token }), 400, 'idempotency_key_required', 'Idempotency-Key');
      assertProblem(await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { idem: newKey() }), 401, 'not_signed_in');
      assertProblem(await api.post('/api/payments', { subcase: 'issue' }, { token, idem: newKey() }), 400, 'required', 'serviceId');
      assertProblem(await api.post('/api/payments', { serviceId: 'no-such-service', subcase: 'issue' }, { token, idem: newKey() }), 404, 'unknown_service', 'serviceId');
      assertProblem(await api.post('/api/payments', { serviceId: SERVICE, subcase: 'nope' }, { token, idem: newKey() }), 422, 'unknown_subcase', 'subcase');
      const free = t.app.catalog.all().flatMap((svc) => (t.app.catalog.inForce(svc.id, t.clock.now) === svc ? svc.subcases.filter((sc) => sc.fee.kind === 'free').map((sc) => ({ svc, sc })) : []))[0];
      if (free) assertProblem(await api.post('/api/payments', { serviceId: free.svc.id, subcase: free.sc.id }, { token, idem: newKey() }), 422, 'fee_free', 'subcase');
      const staff = await api.login(t.users.provider_chancellery);
      assertProblem(await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { token: staff, idem: newKey() }), 403, 'wrong_role');
      assertProblem(await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { token, raw: '{"serviceId":' , idem: newKey() }), 400, 'malformed_json');
      const cfg = integrationsOf(t.app).payments.cfg;
      const saved = cfg.fees;
      cfg.fees = {};
      try {
        assertProblem(await api.post('/api/payments', { serviceId: SERVICE, subcase: 'issue' }, { token, idem: newKey() }), 422, 'fee_amount_unknown');
      } finally {
        cfg.fees = saved;
      }
      assert.deepEqual(await counts(t, ['payments', 'idempotency']), before);
      assertProblem(await api.get('/api/payments/00000000-0000-4000-8000-000000000000', token), 404, 'payment_not_found', 'id');
      assertProblem(await api.get('/api/payments/nonsense', token), 404, 'payment_not_found', 'id');
      assertProblem(await api.get('/api/payments', token), 400, 'required', 'caseId');
      assertProblem(await api.post('/gateway-sim/pay', { gatewayRef: 'SIM-NOPE' }), 404, 'unknown_ref', 'gatewayRef');
    });
    void count;
  } finally {
    await server.close();
    await t.close();
  }
});

test('the HTTP gateway adapter talks to the simulator over HTTP and verifies its notices against the anchor it was given', async () => {
  const t = await makeTestApp('sqlite');
  const server = await buildServer(t.app);
  try {
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const anchor = await (await fetch(`${url}/gateway-sim/certificate`)).text();
    const gw = new HttpPaymentGateway({ baseUrl: `${url}/gateway-sim`, trustAnchorsPem: [anchor] });
    const created = await gw.createPayment({ paymentId: 'p-1', amountTiyn: 4325_00, currency: 'KZT', budgetCode: '105402', paymentPurposeCode: '911', payer: { iin: t.users.applicant.iin }, description: 'test', expiresAt: '2030-01-01T00:00:00Z' });
    assert.match(created.gatewayRef, /^SIM-/);
    const paid = await (await fetch(`${url}/gateway-sim/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gatewayRef: created.gatewayRef }) })).json() as { notice: string };
    const v = await verifyNotice(paid.notice, gw, t.clock.now);
    assert.equal(v.notice.paymentId, 'p-1');
    assert.equal(v.notice.amountTiyn, 432500);
    const other = new HttpPaymentGateway({ baseUrl: `${url}/gateway-sim`, trustAnchorsPem: [(await GatewaySimulator.create({ now: () => t.clock.now })).anchorPem] });
    await assert.rejects(verifyNotice(paid.notice, other, t.clock.now), (e: unknown) => (e as { code?: string }).code === 'notice_signature');
    const down = new HttpPaymentGateway({ baseUrl: 'http://127.0.0.1:9/nothing', trustAnchorsPem: [anchor], timeoutMs: 500 });
    await assert.rejects(down.createPayment({ paymentId: 'p-2', amountTiyn: 1, currency: 'KZT', budgetCode: null, paymentPurposeCode: null, payer: { iin: t.users.applicant.iin }, description: 'x', expiresAt: '2030-01-01T00:00:00Z' }), /did not answer/);
  } finally {
    await server.close();
    await t.close();
  }
});
