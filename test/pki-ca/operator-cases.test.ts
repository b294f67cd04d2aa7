// The operator_certificates sub-case of nca-certificates (seed 004 p.15(1), L285–L314) acting on
// the CA through its outcomes' `performs`: a PSC's letter of issue issues the operator's
// certificates on the appointment order on record (they verify, belong to the operator and pass
// the operator-signature check); a dismissal notice is recorded as it is registered and revokes
// them (2 days before the dismissal at the latest — by the job if the step is late —, a late
// notice flagged); an absence of more than 15 days puts them on hold (lifted
// when it ends); every refusal is a 422 naming the rule, and the command writes nothing. Both engines.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { eachEngine, makeTestApp, type TestApp } from '../support/app.ts';
import { runCase, staffFor, type PathStep } from '../support/run-case.ts';
import { certificateStatus, holderFromStateDb } from '../../src/app/ca.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { caAuditEntries, verifyCaAudit } from '../../src/app/ca-audit.ts';
import { applyOperatorRules, appointOperator, issueOperatorCertificate, operatorView, revokeFromOf } from '../../src/app/ca-operators.ts';
import { getCase, takeAction } from '../../src/app/cases.ts';
import { caseCertificatesPem } from '../../src/app/nca-effects.ts';
import { operatorCertificateProblem } from '../../src/app/nca-checks.ts';
import { signPayload } from '../../src/app/session.ts';
import { newId } from '../../src/app/ids.ts';
import { decisionPayload } from '../../src/core/application.ts';
import { buildServer } from '../../src/http/server.ts';
import { DEMO_ENTITIES } from '../../src/gov/population.ts';
import { parseCertificate, TrustStore } from '../../src/pki/index.ts';
import { csrFor, populationIin, rejects, rowCounts } from './support.ts';

const SERVICE = 'nca-certificates';
const SUBCASE = 'operator_certificates';
const HR = { kind: 'local', name: 'hr' } as const;
const at = (local: string) => `${local}+05:00`;
const REGISTER: PathStep = { step: 'register_letter', outcome: 'registered' };
const STEP = { issue: ['issue_operator_certificates', 'issued'], revoke: ['revoke_operator_certificates', 'revoked'], suspend: ['suspend_operator', 'suspended'] } as const;

/** Everything a refused act could have written: the CA's rows, the operators' records, the cases' events. */
async function counts(t: TestApp) {
  const n = async (table: 'nca_operators' | 'nca_operator_absences' | 'nca_operator_certificates' | 'case_events' | 'results') =>
    Number((await t.app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const dismissals = await t.app.store.db.selectFrom('nca_operators').select('id').where('dismissal_date', 'is not', null).execute();
  return { ...(await rowCounts(t)), operators: await n('nca_operators'), absences: await n('nca_operator_absences'), operatorCertificates: await n('nca_operator_certificates'), events: await n('case_events'), results: await n('results'), dismissals: dismissals.length };
}

eachEngine('operator_certificates: the PSC\'s letters issue, revoke and suspend NCA operator certificates', async (ctx, engine) => {
  const t = await makeTestApp(engine, at('2026-12-01T10:00:00'));
  const f = await buildServer(t.app);
  try {
    const psc = t.users.company_head; // the applicant: the PSC (a legal entity) that appoints its operators
    const pscBin = psc.bin!;
    const otherBin = DEMO_ENTITIES.find((e) => e.role === 'provider')!.bin;
    assert.notEqual(otherBin, pscBin);
    const officer = await staffFor(t, 'nca', 'provider_officer');
    const { root, issuing } = await instanceCa(t.app);
    const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
    let n = 0;

    /** A person appointed as an NCA operator at `bin` by `order` (dated today). */
    const appoint = async (bin = pscBin, order = `op-${n}`) => {
      const iin = await populationIin(t, 30 + n++);
      const view = await appointOperator(t.app, HR, { iin, bin, orderNumber: order, orderDate: t.clock.now.toISOString().slice(0, 10) });
      return { iin, id: view.id, order, orderDate: view.order.date, subject: await holderFromStateDb(t.app, iin, bin) };
    };
    /** An appointed operator holding auth and sign certificates already. */
    const withCertificates = async () => {
      const op = await appoint();
      const serials: string[] = [];
      for (const purpose of ['auth', 'sign'] as const) serials.push((await issueOperatorCertificate(t.app, HR, op.id, { csr: (await csrFor(op.subject)).csr, purpose })).serial);
      return { ...op, serials };
    };
    /** A letter registered at the provider, waiting at the act's step. */
    const letter = async (action: keyof typeof STEP, fields: Record<string, unknown>) =>
      (await runCase(t, { serviceId: SERVICE, subcase: SUBCASE, channel: 'provider_office', applicant: psc, fields: { operatorAction: action, operatorFullName: 'Operator', ...(action === 'issue' ? { letterExecutor: 'HR officer' } : {}), ...fields }, path: [REGISTER] })).id;
    const act = async (caseId: string, action: keyof typeof STEP) => {
      const [stepId, outcomeId] = STEP[action];
      const me = await t.login(officer);
      const signature = await signPayload(officer.sign, decisionPayload({ caseId, stepId, outcomeId }));
      return takeAction(t.app, me, caseId, { stepId, outcomeId, signature }, newId());
    };
    /** The act is refused with 422 `rule` and nothing of the command is written: the case stays at the step. */
    const refused = async (caseId: string, action: keyof typeof STEP, rule: string, field?: string) => {
      const before = await counts(t);
      const e = await rejects(() => act(caseId, action), 422, rule);
      if (field) assert.equal((e as unknown as { field: string }).field, field);
      assert.deepEqual(await counts(t), before, 'a refused act writes nothing');
      assert.equal((await getCase(t.app, await t.login(psc), caseId)).currentStep, STEP[action][0]);
      return e;
    };
    const issueFields = async (op: Awaited<ReturnType<typeof appoint>>, over: Record<string, unknown> = {}) => ({
      operatorIin: op.iin,
      appointmentOrderNumber: op.order,
      appointmentOrderDate: op.orderDate,
      csrAuth: (await csrFor(op.subject)).csr,
      csrSign: (await csrFor(op.subject)).csr,
      ...over,
    });

    await ctx.test('issue: on the appointment order on record, the operator\'s certificates are issued from the operator\'s requests, verify and are the operator\'s', async () => {
      const op = await appoint(pscBin, '41-ж');
      const auth = await csrFor(op.subject);
      const sign = await csrFor(op.subject);
      const auditBefore = (await caAuditEntries(t.app)).length;
      const v = await runCase(t, {
        serviceId: SERVICE,
        subcase: SUBCASE,
        channel: 'provider_office',
        applicant: psc,
        fields: { operatorAction: 'issue', operatorFullName: 'Operator', letterExecutor: 'HR officer', operatorIin: op.iin, appointmentOrderNumber: '41-ж', appointmentOrderDate: op.orderDate, csrAuth: auth.csr, csrSign: sign.csr },
        path: [REGISTER, { step: 'issue_operator_certificates', outcome: 'issued' }],
      });
      assert.equal(v.mark, 'result');
      assert.equal(v.currentStep, null);
      const view = await operatorView(t.app, op.id);
      assert.deepEqual(view.certificates.map((c) => [c.purpose, c.status]).sort(), [['auth', 'good'], ['sign', 'good']]);
      const pems = (await caseCertificatesPem(t.app, await t.login(psc), v.id)).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!;
      assert.equal(pems.length, 4, 'auth, sign, issuing CA, root');
      for (const [pem, keys] of [[pems[0]!, auth.keys], [pems[1]!, sign.keys]] as const) {
        const info = parseCertificate(pem);
        assert.equal(info.iin, op.iin);
        assert.equal(info.bin, pscBin);
        assert.equal((await trust.verifyChain(pem, t.clock.now)).ok, true);
        assert.equal(createPublicKey(pem).export({ type: 'spki', format: 'pem' }), keys.publicKeyPem, 'for the operator\'s own key');
        // Recorded as this operator's, on this appointment: the operator-signature check accepts it.
        const link = await t.app.store.db.selectFrom('nca_operator_certificates').selectAll().where('serial', '=', info.serialHex).executeTakeFirstOrThrow();
        assert.equal(link.operator_id, op.id);
        assert.equal(await operatorCertificateProblem(t.app.store.db as never, info.serialHex, t.clock.now), null);
      }
      // The CA key's uses are audited, by the case.
      const audit = (await caAuditEntries(t.app)).slice(auditBefore).filter((e) => e.actor === `case:${v.id}`);
      assert.deepEqual(audit.map((e) => e.action), ['issue', 'issue']);
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('issue: refused with 422 no_appointment (or the rule that applies) unless an appointment by that order is on record for the operator at the applicant PSC; nothing written', async () => {
      const op = await appoint(pscBin, '42-ж');
      const elsewhere = await appoint(otherBin, '43-ж');
      const stranger = await populationIin(t, 29);
      const cases: Array<[string, Record<string, unknown>, string, string]> = [
        ['nobody appointed', await issueFields(op, { operatorIin: stranger }), 'no_appointment', 'appointmentOrderNumber'],
        ['appointed at another BIN', await issueFields(elsewhere), 'no_appointment', 'appointmentOrderNumber'],
        ['another order number', await issueFields(op, { appointmentOrderNumber: '99-ж' }), 'no_appointment', 'appointmentOrderNumber'],
        ['another order date', await issueFields(op, { appointmentOrderDate: '2026-11-30' }), 'no_appointment', 'appointmentOrderDate'],
        ['a request naming somebody else', await issueFields(op, { csrSign: (await csrFor(elsewhere.subject)).csr }), 'csr_subject_mismatch', 'csrSign'],
      ];
      for (const [what, fields, rule, field] of cases) {
        const id = await letter('issue', fields);
        await refused(id, 'issue', rule, field).catch((e: Error) => {
          throw new Error(`${what}: ${e.message}`);
        });
      }
      // Over HTTP: problem+json naming the rule.
      const id = await letter('issue', await issueFields(op, { appointmentOrderNumber: '99-ж' }));
      const me = await t.login(officer);
      const signature = await signPayload(officer.sign, decisionPayload({ caseId: id, stepId: 'issue_operator_certificates', outcomeId: 'issued' }));
      const before = await counts(t);
      const r = await f.inject({ method: 'POST', url: `/api/cases/${id}/steps/issue_operator_certificates/issued`, headers: { authorization: `Bearer ${me.token}`, 'idempotency-key': newId() }, payload: { signature } });
      assert.equal(r.statusCode, 422, r.body);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/);
      assert.equal(r.json().rule, 'no_appointment');
      assert.deepEqual(await counts(t), before);
      // Nothing is issued to a dismissed operator either.
      const gone = await appoint(pscBin, '44-ж');
      const dismissId = await letter('revoke', { operatorIin: gone.iin, revocationCause: 'transfer', dismissalDate: '2026-12-20' });
      await act(dismissId, 'revoke');
      await refused(await letter('issue', await issueFields(gone)), 'issue', 'dismissal_recorded', 'operatorIin');
      assert.equal((await operatorView(t.app, op.id)).certificates.length, 0);
    });

    await ctx.test('dismissal: the certificates are revoked on the notice, before the 2 days ahead of the dismissal; a late notice is flagged and still revokes', async () => {
      const op = await withCertificates();
      // Notice on 1 Dec for a dismissal on 4 Dec: 3 days ahead, on time.
      const id = await letter('revoke', { operatorIin: op.iin, revocationCause: 'dismissal', dismissalDate: '2026-12-04' });
      t.clock.set(at('2026-12-01T15:00:00'));
      await act(id, 'revoke');
      const view = await operatorView(t.app, op.id);
      assert.equal(view.dismissal?.date, '2026-12-04');
      assert.equal(view.dismissal?.lateNotice, false);
      const revokeBy = revokeFromOf('2026-12-04');
      assert.equal(revokeBy.toISOString(), new Date(at('2026-12-02T00:00:00')).toISOString());
      for (const serial of op.serials) {
        const s = await certificateStatus(t.app, serial);
        assert.deepEqual([s.status, s.reason], ['revoked', 'affiliationChanged']);
        const row = await t.app.store.db.selectFrom('certificates').select('revoked_at').where('serial', '=', serial).executeTakeFirstOrThrow();
        assert.ok(new Date(row.revoked_at!).getTime() <= revokeBy.getTime(), 'revoked at least 2 days before the dismissal');
        assert.match((await operatorCertificateProblem(t.app.store.db as never, serial, t.clock.now))!, /dismissed|revoked/);
      }
      // The notice and the revocations are in the CA audit log, by the case (with the CRLs re-signed in the same transaction).
      const audit = (await caAuditEntries(t.app)).filter((e) => e.actor === `case:${id}` && e.action !== 'crl_sign');
      assert.deepEqual(audit.map((e) => [e.action, e.serial ?? null]).sort(), [['operator_dismissal', null], ...op.serials.map((s) => ['revoke', s])].sort());
      assert.equal((await verifyCaAudit(t.app)).intact, true);

      // Notice on 1 Dec for a dismissal on 2 Dec: late, flagged, revoked at once.
      const late = await withCertificates();
      const lateId = await letter('revoke', { operatorIin: late.iin, revocationCause: 'transfer', dismissalDate: '2026-12-02' });
      await act(lateId, 'revoke');
      const lv = await operatorView(t.app, late.id);
      assert.equal(lv.dismissal?.lateNotice, true);
      assert.equal(lv.dismissal?.cause, 'transfer');
      assert.deepEqual(lv.certificates.map((c) => c.status), ['revoked', 'revoked']);
    });

    await ctx.test('dismissal: the registration of the notice is refused (422) for a date before the appointment or an operator not appointed at the PSC; nothing written', async () => {
      const op = await withCertificates();
      for (const [fields, rule, field] of [
        [{ operatorIin: op.iin, revocationCause: 'dismissal', dismissalDate: '2026-11-01' }, 'dismissal_before_appointment', 'dismissalDate'],
        [{ operatorIin: await populationIin(t, 28), revocationCause: 'dismissal', dismissalDate: '2026-12-20' }, 'no_appointment', 'operatorIin'],
      ] as const) {
        const id = (await runCase(t, { serviceId: SERVICE, subcase: SUBCASE, channel: 'provider_office', applicant: psc, fields: { operatorAction: 'revoke', operatorFullName: 'Operator', ...fields }, path: [] })).id;
        const before = await counts(t);
        const me = await t.login(officer);
        const signature = await signPayload(officer.sign, decisionPayload({ caseId: id, stepId: 'register_letter', outcomeId: 'registered' }));
        const e = await rejects(() => takeAction(t.app, me, id, { stepId: 'register_letter', outcomeId: 'registered', signature }, newId()), 422, rule);
        assert.equal((e as unknown as { field: string }).field, field);
        assert.deepEqual(await counts(t), before, 'a refused registration writes nothing');
        assert.equal((await getCase(t.app, await t.login(psc), id)).currentStep, 'register_letter');
      }
      assert.deepEqual((await operatorView(t.app, op.id)).certificates.map((c) => c.status), ['good', 'good']);
      assert.equal((await operatorView(t.app, op.id)).dismissal, null);
    });

    await ctx.test('dismissal: recorded when the letter is registered, so the job revokes at 00:00 two days before it although nobody took the revocation step; the step taken later completes cleanly', async () => {
      t.clock.set(at('2026-12-05T09:00:00'));
      const op = await withCertificates();
      // Registered on 5 Dec for a dismissal on 10 Dec: 5 days ahead. Nothing is revoked yet.
      const id = await letter('revoke', { operatorIin: op.iin, revocationCause: 'dismissal', dismissalDate: '2026-12-10' });
      assert.equal((await getCase(t.app, await t.login(psc), id)).currentStep, 'revoke_operator_certificates');
      const view = await operatorView(t.app, op.id);
      assert.equal(view.dismissal?.date, '2026-12-10');
      assert.equal(view.dismissal?.lateNotice, false);
      assert.equal(view.dismissal?.revokeFrom, new Date(at('2026-12-08T00:00:00')).toISOString());
      assert.deepEqual(view.certificates.map((c) => c.status), ['good', 'good']);
      const recorded = (await caAuditEntries(t.app)).filter((e) => e.actor === `case:${id}`);
      assert.deepEqual(recorded.map((e) => e.action), ['operator_dismissal']);

      // The job one minute before the moment leaves them; at 00:00 Almaty of 8 Dec it revokes them.
      t.clock.set(at('2026-12-07T23:59:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).revoked.filter((s) => op.serials.includes(s)), []);
      assert.deepEqual((await operatorView(t.app, op.id)).certificates.map((c) => c.status), ['good', 'good']);
      t.clock.set(at('2026-12-08T00:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).revoked.filter((s) => op.serials.includes(s)).sort(), [...op.serials].sort());
      const revokedAt: string[] = [];
      for (const serial of op.serials) {
        const s = await certificateStatus(t.app, serial);
        assert.deepEqual([s.status, s.reason], ['revoked', 'affiliationChanged']);
        const row = await t.app.store.db.selectFrom('certificates').select('revoked_at').where('serial', '=', serial).executeTakeFirstOrThrow();
        assert.equal(new Date(row.revoked_at!).toISOString(), new Date(at('2026-12-08T00:00:00')).toISOString());
        revokedAt.push(row.revoked_at!);
        assert.deepEqual((await caAuditEntries(t.app, { serial })).filter((e) => e.action === 'revoke').map((e) => e.actor), ['system:operator-rules']);
      }
      // The case still waits at the revocation step (the provider is late), and its term is past.
      assert.equal((await getCase(t.app, await t.login(psc), id)).currentStep, 'revoke_operator_certificates');

      // On 9 Dec the provider takes the step: it completes, revokes nothing twice, records nothing twice.
      t.clock.set(at('2026-12-09T10:00:00'));
      const auditBefore = (await caAuditEntries(t.app)).length;
      await act(id, 'revoke');
      const done = await getCase(t.app, await t.login(psc), id);
      assert.equal(done.currentStep, null);
      assert.equal(done.mark, 'result');
      assert.deepEqual((await caAuditEntries(t.app)).slice(auditBefore).filter((e) => e.action !== 'crl_sign').map((e) => e.action), []);
      for (const [i, serial] of op.serials.entries()) {
        const row = await t.app.store.db.selectFrom('certificates').select(['status', 'revocation_reason', 'revoked_at']).where('serial', '=', serial).executeTakeFirstOrThrow();
        assert.deepEqual([row.status, row.revocation_reason, row.revoked_at], ['revoked', 'affiliationChanged', revokedAt[i]]);
      }
      assert.equal((await operatorView(t.app, op.id)).dismissal?.date, '2026-12-10');
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('absence: more than 15 days puts the certificates on hold; lifted after the last day', async () => {
      t.clock.set(at('2026-12-20T10:00:00'));
      const op = await withCertificates();
      // 20 Dec – 10 Jan: 22 days, more than 15: on hold from its first day, i.e. at once.
      const id = await letter('suspend', { operatorIin: op.iin, absenceFrom: '2026-12-20', absenceTo: '2027-01-10' });
      await act(id, 'suspend');
      const view = await operatorView(t.app, op.id);
      assert.equal(view.absences.length, 1);
      assert.deepEqual(view.certificates.map((c) => c.status), ['on_hold', 'on_hold']);
      for (const serial of op.serials) {
        const s = await certificateStatus(t.app, serial);
        assert.equal(s.reason, 'certificateHold');
        assert.match((await operatorCertificateProblem(t.app.store.db as never, serial, t.clock.now))!, /on hold/);
      }
      // Back on 11 Jan: the job lifts the holds this absence made.
      t.clock.set(at('2027-01-11T00:05:00'));
      const r = await applyOperatorRules(t.app, { operatorId: op.id });
      assert.deepEqual(r.released.sort(), [...op.serials].sort());
      assert.deepEqual((await operatorView(t.app, op.id)).certificates.map((c) => c.status), ['good', 'good']);

      // An open absence (no last day) that has lasted more than 15 days: on hold at once.
      const open = await withCertificates();
      t.clock.set(at('2027-01-27T09:00:00'));
      await act(await letter('suspend', { operatorIin: open.iin, absenceFrom: '2027-01-11' }), 'suspend');
      assert.deepEqual((await operatorView(t.app, open.id)).certificates.map((c) => c.status), ['on_hold', 'on_hold']);
    });

    await ctx.test('absence: 15 days or fewer, or a period that ends before it starts, is refused (422); nothing written', async () => {
      const op = await withCertificates();
      const today = t.clock.now.toISOString().slice(0, 10);
      await refused(await letter('suspend', { operatorIin: op.iin, absenceFrom: today, absenceTo: '2027-02-10' }), 'suspend', 'absence_not_over_15_days', 'absenceTo');
      await refused(await letter('suspend', { operatorIin: op.iin, absenceFrom: today }), 'suspend', 'absence_not_over_15_days', 'absenceFrom');
      await refused(await letter('suspend', { operatorIin: op.iin, absenceFrom: today, absenceTo: '2027-01-01' }), 'suspend', 'absence_ends_before_start', 'absenceTo');
      assert.deepEqual((await operatorView(t.app, op.id)).certificates.map((c) => c.status), ['good', 'good']);
    });
  } finally {
    await f.close();
    await t.close();
  }
});
