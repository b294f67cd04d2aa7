// NCA operator certificates of PSC staff (seed 004 p.15(1)): issued on the appointment order,
// revoked 2 days before the dismissal (a late notice flagged and revoked at once), refused after
// the dismissal date even when nobody revoked them, put on hold after more than 15 days of absence
// and released on return; refusals write nothing. On both engines.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp, type TestApp } from '../support/app.ts';
import { staffFor } from '../support/run-case.ts';
import { certificateStatus, holderFromStateDb, revokeCertificate } from '../../src/app/ca.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { currentCrl } from '../../src/app/ca-crl.ts';
import { answerOcsp } from '../../src/app/ca-ocsp.ts';
import { caAuditEntries, verifyCaAudit } from '../../src/app/ca-audit.ts';
import { applyOperatorRules, appointOperator, issueOperatorCertificate, operatorView, recordAbsence, recordDismissal } from '../../src/app/ca-operators.ts';
import { createChallenge, signIn } from '../../src/app/auth.ts';
import { signText } from '../../src/app/session.ts';
import { newId } from '../../src/app/ids.ts';
import { buildServer } from '../../src/http/server.ts';
import { DEMO_ENTITIES } from '../../src/gov/population.ts';
import { makeIin } from '../../src/core/identifiers.ts';
import { buildOcspRequest, parseCrl, parseOcspResponse } from '../../src/pki/index.ts';
import { csrFor, keyMaterial, makeOperator, populationIin, rejects, writesNothing } from './support.ts';

const PSC_BIN = DEMO_ENTITIES.find((e) => e.role === 'provider')!.bin;
const at = (local: string) => `${local}+05:00`;

interface Op {
  id: string;
  iin: string;
  userId: string;
  auth: ReturnType<typeof keyMaterial>;
  sign: ReturnType<typeof keyMaterial>;
  serials: string[];
}

/** Appoints population person n as an operator at the PSC, with a staff account and auth + sign certificates. */
async function appointed(t: TestApp, n: number, order: string): Promise<Op> {
  const local = { kind: 'local', name: 'hr' } as const;
  const iin = await populationIin(t, n);
  const userId = newId();
  await t.app.store.db
    .insertInto('users')
    .values({ id: userId, kind: 'staff', iin, bin: PSC_BIN, display_name: `Operator ${iin}`, roles: JSON.stringify(['nca_operator']), provider_id: 'nca', email: null, lang: 'ru', created_at: t.clock.now.toISOString() })
    .execute();
  const view = await appointOperator(t.app, local, { iin, bin: PSC_BIN, orderNumber: order, orderDate: t.clock.now.toISOString().slice(0, 10), userId });
  const subject = await holderFromStateDb(t.app, iin, PSC_BIN);
  const mk = async (purpose: 'auth' | 'sign') => {
    const { keys, csr } = await csrFor(subject);
    const r = await issueOperatorCertificate(t.app, local, view.id, { csr, purpose });
    return { m: keyMaterial(r, keys), serial: r.serial };
  };
  const a = await mk('auth');
  const s = await mk('sign');
  return { id: view.id, iin, userId, auth: a.m, sign: s.m, serials: [a.serial, s.serial] };
}

async function signInWith(t: TestApp, key: Op['auth']) {
  const ch = await createChallenge(t.app);
  return signIn(t.app, { challengeId: ch.challengeId, signature: await signText(key, ch.nonce) });
}

async function statuses(t: TestApp, serials: string[]) {
  return Promise.all(serials.map(async (s) => {
    const v = await certificateStatus(t.app, s);
    return [v.status, v.reason];
  }));
}

eachEngine('NCA operators: appointment, dismissal, absence and the certificates\' status', async (ctx, engine) => {
  const t = await makeTestApp(engine, at('2026-11-23T09:15:00'));
  const f = await buildServer(t.app);
  try {
    const admin = await makeOperator(t, ['nca_admin']);
    const desk = { user: await t.login(await staffFor(t, 'nca', 'nca_operator')) };
    const holder = t.users.applicant;
    const holderSerial = (await import('../../src/pki/index.ts')).parseCertificate(holder.sign.certificatePem).serialHex;
    let A: Op, B: Op;

    await ctx.test('appointment: recorded by an administrator for a person and employer the state databases know; refusals write nothing', async () => {
      const iin = await populationIin(t, 10);
      const input = { iin, bin: PSC_BIN, orderNumber: '17-к', orderDate: '2026-11-20' };
      await writesNothing(t, () => rejects(() => appointOperator(t.app, { kind: 'user', user: desk.user }, input), 403, 'not_nca_admin'));
      await writesNothing(t, () => rejects(() => appointOperator(t.app, { kind: 'user', user: admin.user }, { ...input, iin: makeIin('1901-01-01', 'male', 9876) }), 422, 'holder_unknown'));
      await writesNothing(t, () => rejects(() => appointOperator(t.app, { kind: 'user', user: admin.user }, { ...input, orderDate: '2026-12-01' }), 422, 'order_in_future'));
      // Over HTTP, as the administrator's page will call it.
      const r = await f.inject({ method: 'POST', url: '/api/nca/operators', payload: input, headers: { authorization: `Bearer ${admin.token}` } });
      assert.equal(r.statusCode, 201, r.body);
      const view = JSON.parse(r.body);
      assert.deepEqual([view.iin, view.bin, view.order, view.appointedOn, view.dismissal], [iin, PSC_BIN, { number: '17-к', date: '2026-11-20' }, '2026-11-20', null]);
      const again = await f.inject({ method: 'POST', url: '/api/nca/operators', payload: { ...input, orderNumber: '18-к' }, headers: { authorization: `Bearer ${admin.token}` } });
      assert.equal(again.statusCode, 409);
      assert.equal(JSON.parse(again.body).rule, 'already_appointed');
      assert.match(String(again.headers['content-type']), /problem\+json/);
      // An operator certificate only for the appointed person (the request names somebody else).
      const stranger = await holderFromStateDb(t.app, await populationIin(t, 11), PSC_BIN);
      const { csr } = await csrFor(stranger);
      await writesNothing(t, () => rejects(() => issueOperatorCertificate(t.app, { kind: 'user', user: admin.user }, view.id, { csr, purpose: 'sign' }), 422, 'csr_subject_mismatch'));
      const audit = (await caAuditEntries(t.app)).filter((e) => e.action === 'operator_appoint');
      assert.equal(audit.at(-1)!.detail.operatorId, view.id);
    });

    await ctx.test('issued on the order: the certificates are the operator\'s at the PSC and sign in', async () => {
      A = await appointed(t, 20, '21-к');
      B = await appointed(t, 21, '22-к');
      const v = await operatorView(t.app, A.id);
      assert.deepEqual(v.certificates.map((c) => [c.serial, c.status]), A.serials.map((s) => [s, 'good']));
      const s = await signInWith(t, A.auth);
      assert.equal(s.user.id, A.userId);
    });

    let bToken = '';
    await ctx.test('dismissal notice on time: nothing happens before 00:00 two days before the date', async () => {
      const rA = await recordDismissal(t.app, { kind: 'user', user: admin.user }, A.id, { date: '2026-11-30' });
      assert.equal(rA.lateNotice, false);
      assert.equal(rA.warning, undefined);
      assert.equal(rA.dismissal!.revokeFrom, new Date(at('2026-11-28T00:00:00')).toISOString());
      assert.deepEqual(rA.rules.revoked, []);
      const rB = await f.inject({ method: 'POST', url: `/api/nca/operators/${B.id}/dismissal`, payload: { date: '2026-11-26', cause: 'transfer' }, headers: { authorization: `Bearer ${admin.token}` } });
      assert.equal(rB.statusCode, 201, rB.body);
      assert.equal(JSON.parse(rB.body).lateNotice, false);
      await rejects(() => recordDismissal(t.app, { kind: 'user', user: admin.user }, B.id, { date: '2026-11-27' }), 409, 'dismissal_recorded');
      assert.deepEqual(await statuses(t, [...A.serials, ...B.serials]), Array(4).fill(['good', null]));
      const audit = (await caAuditEntries(t.app)).filter((e) => e.action === 'operator_dismissal');
      assert.deepEqual(audit.map((e) => [e.detail.operatorId, e.detail.lateNotice, e.detail.daysBefore]), [[A.id, false, 7], [B.id, false, 3]]);
    });

    await ctx.test('after the dismissal date an operator certificate is refused even though nobody revoked it; nothing is written', async () => {
      t.clock.set(at('2026-11-25T22:00:00'));
      bToken = (await signInWith(t, B.auth)).token; // a session opened the evening before
      t.clock.set(at('2026-11-26T06:00:00')); // B's dismissal day; no job has run
      assert.deepEqual(await statuses(t, B.serials), [['good', null], ['good', null]]);
      const e = await writesNothing(t, () => rejects(() => signInWith(t, B.auth), 422, 'operator_dismissed'));
      assert.match(e.message, /dismissed on 2026-11-26/);
      // The session B opened before the dismissal can no longer revoke anything.
      const r = await writesNothing(t, () =>
        f.inject({ method: 'POST', url: `/api/pki/certificates/${holderSerial}/revoke`, payload: { reason: 'keyCompromise' }, headers: { authorization: `Bearer ${bToken}` } }),
      );
      assert.equal(r.statusCode, 403, r.body);
      assert.equal(JSON.parse(r.body).rule, 'operator_dismissed');
      assert.match(String(r.headers['content-type']), /problem\+json/);
      // Nor can B's signature confirm anything (e.g. a signed revocation request).
      const requestedAt = t.clock.now.toISOString();
      const { revocationPayload } = await import('../../src/app/ca.ts');
      const { signPayload } = await import('../../src/app/session.ts');
      const signature = await signPayload(B.sign, revocationPayload({ serial: B.serials[1]!, reason: 'keyCompromise', requestedAt }));
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, { kind: 'anonymous' }, B.serials[1], { reason: 'keyCompromise', signature, requestedAt }), 422, 'operator_dismissed'));
      assert.equal((await certificateStatus(t.app, holderSerial)).status, 'good');
      // A (dismissal on the 30th) still works.
      assert.equal((await signInWith(t, A.auth)).user.id, A.userId);
    });

    await ctx.test('the job revokes at 00:00 two days before the dismissal (affiliationChanged), once', async () => {
      t.clock.set(at('2026-11-27T23:59:00'));
      const first = await applyOperatorRules(t.app);
      assert.deepEqual(first.revoked.sort(), [...B.serials].sort(), 'only B is due');
      assert.deepEqual(await statuses(t, A.serials), [['good', null], ['good', null]]);
      t.clock.set(at('2026-11-28T00:00:00'));
      const second = await applyOperatorRules(t.app);
      assert.deepEqual(second.revoked.sort(), [...A.serials].sort());
      assert.deepEqual(await statuses(t, [...A.serials, ...B.serials]), Array(4).fill(['revoked', 'affiliationChanged']));
      assert.deepEqual((await applyOperatorRules(t.app)).revoked, [], 'nothing left to do');
      const { issuing } = await instanceCa(t.app);
      const crl = parseCrl((await currentCrl(t.app)).der, issuing.certificatePem);
      for (const s of A.serials) assert.equal(crl.entries.find((e) => e.serialHex === s)?.reason, 'affiliationChanged');
      const revokes = (await caAuditEntries(t.app, { serial: A.serials[0] })).map((e) => [e.action, e.actor]);
      assert.deepEqual(revokes.at(-1), ['revoke', 'system:operator-rules']);
      assert.equal((await verifyCaAudit(t.app)).intact, true);
      // No more operator certificates for a dismissed operator.
      const subject = await holderFromStateDb(t.app, A.iin, PSC_BIN);
      await writesNothing(t, async () => rejects(async () => issueOperatorCertificate(t.app, { kind: 'local', name: 'x' }, A.id, { csr: (await csrFor(subject)).csr, purpose: 'sign' }), 422, 'dismissal_recorded'));
    });

    await ctx.test('a late notice (less than 2 days before) is accepted, flagged and revokes at once', async () => {
      t.clock.set(at('2026-12-01T09:00:00'));
      const C = await appointed(t, 22, '30-к');
      const r = await recordDismissal(t.app, { kind: 'local', name: 'hr' }, C.id, { date: '2026-12-02' });
      assert.equal(r.lateNotice, true);
      assert.match(r.warning!, /at least 2 days/);
      assert.deepEqual(r.rules.revoked.sort(), [...C.serials].sort());
      assert.deepEqual(await statuses(t, C.serials), Array(2).fill(['revoked', 'affiliationChanged']));
      const entry = (await caAuditEntries(t.app)).filter((e) => e.action === 'operator_dismissal').at(-1)!;
      assert.deepEqual([entry.detail.operatorId, entry.detail.lateNotice, entry.detail.daysBefore], [C.id, true, 1]);
      assert.equal((await operatorView(t.app, C.id)).dismissal!.lateNotice, true);
    });

    await ctx.test('more than 15 days of absence puts the certificates on hold; the return releases them', async () => {
      t.clock.set(at('2026-12-01T09:00:00'));
      const D = await appointed(t, 23, '31-к');
      const abs = await recordAbsence(t.app, { kind: 'local', name: 'hr' }, D.id, { from: '2026-12-01' });
      assert.equal(abs.holdFrom, new Date(at('2026-12-16T00:00:00')).toISOString(), 'from the 16th day');
      await rejects(() => recordAbsence(t.app, { kind: 'local', name: 'hr' }, D.id, { from: '2026-12-05', to: '2026-12-06' }), 409, 'absence_overlaps');
      t.clock.set(at('2026-12-15T23:59:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).held, []);
      t.clock.set(at('2026-12-16T00:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).held.sort(), [...D.serials].sort());
      assert.deepEqual(await statuses(t, D.serials), Array(2).fill(['on_hold', 'certificateHold']));
      const { issuing } = await instanceCa(t.app);
      const ocsp = parseOcspResponse(await answerOcsp(t.app, buildOcspRequest(issuing.certificatePem, D.serials[0]!)), issuing.certificatePem);
      assert.equal(ocsp.responses[0]!.status, 'revoked');
      assert.equal(ocsp.responses[0]!.reason, 'certificateHold');
      await writesNothing(t, () => rejects(() => signInWith(t, D.auth), 422, 'revoked'));
      const subject = await holderFromStateDb(t.app, D.iin, PSC_BIN);
      const { csr } = await csrFor(subject);
      await writesNothing(t, () => rejects(() => issueOperatorCertificate(t.app, { kind: 'local', name: 'x' }, D.id, { csr, purpose: 'sign' }), 422, 'operator_absent'));

      // Returns: the last day absent is the 20th; released from 00:00 of the 21st.
      const adminToken = (await signInWith(t, admin.auth as Op['auth'])).token;
      const ret = await f.inject({ method: 'POST', url: `/api/nca/operators/${D.id}/absences/${abs.id}/return`, payload: { to: '2026-12-20' }, headers: { authorization: `Bearer ${adminToken}` } });
      assert.equal(ret.statusCode, 200, ret.body);
      assert.deepEqual(JSON.parse(ret.body).rules.released, []);
      t.clock.set(at('2026-12-21T00:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).released.sort(), [...D.serials].sort());
      assert.deepEqual(await statuses(t, D.serials), Array(2).fill(['good', null]));
      const crl = parseCrl((await currentCrl(t.app)).der, issuing.certificatePem);
      assert.equal(crl.entries.some((e) => D.serials.includes(e.serialHex)), false);
      assert.equal((await signInWith(t, D.auth)).user.id, D.userId);
      assert.ok((await operatorView(t.app, D.id)).absences[0]!.settledAt);

      // An absence known to be longer than 15 days holds from its first day; a short one never holds.
      const long = await recordAbsence(t.app, { kind: 'local', name: 'hr' }, D.id, { from: '2027-01-10', to: '2027-01-31' });
      assert.equal(long.holdFrom, new Date(at('2027-01-10T00:00:00')).toISOString());
      t.clock.set(at('2027-01-10T08:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).held.sort(), [...D.serials].sort());
      t.clock.set(at('2027-02-01T00:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).released.sort(), [...D.serials].sort());
      await recordAbsence(t.app, { kind: 'local', name: 'hr' }, D.id, { from: '2027-02-02', to: '2027-02-16' });
      t.clock.set(at('2027-02-16T12:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).held, [], '15 days is not more than 15');
      assert.deepEqual(await statuses(t, D.serials), Array(2).fill(['good', null]));
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('a dismissal during an absence revokes the held certificates for good', async () => {
      t.clock.set(at('2027-03-01T09:00:00'));
      const E = await appointed(t, 24, '40-к');
      await recordAbsence(t.app, { kind: 'local', name: 'hr' }, E.id, { from: '2027-03-01', to: '2027-04-30' });
      assert.deepEqual(await statuses(t, E.serials), Array(2).fill(['on_hold', 'certificateHold']), 'held at once: the absence is known to be long');
      t.clock.set(at('2027-03-10T09:00:00'));
      const r = await recordDismissal(t.app, { kind: 'local', name: 'hr' }, E.id, { date: '2027-03-20' });
      assert.deepEqual(r.rules.revoked, []);
      t.clock.set(at('2027-03-18T00:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).revoked.sort(), [...E.serials].sort());
      assert.deepEqual(await statuses(t, E.serials), Array(2).fill(['revoked', 'affiliationChanged']));
      t.clock.set(at('2027-05-01T09:00:00'));
      assert.deepEqual((await applyOperatorRules(t.app)).released, [], 'never released after a dismissal');
    });
  } finally {
    await f.close();
    await t.close();
  }
});
