// The case engine through its application commands, on SQLite and PostgreSQL: every sub-case of
// the first service run to its end, deadlines checked against the regulation's figures (written
// here from seed 001 regulation 2 and seed 003 standard 2, not read back from the definition),
// the projection equal to the fold of the log, idempotent retries, overdue detection and a
// tampered log detected.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { getCase, inbox, cabinet, loadEvents, submitApplication, takeAction } from '../../src/app/cases.ts';
import { auditCase } from '../../src/app/audit.ts';
import { signPayload } from '../../src/app/session.ts';
import { applicationPayload, decisionPayload } from '../../src/core/application.ts';
import { sha256Hex } from '../../src/core/canonical.ts';
import { fold, verifyChain } from '../../src/core/case.ts';
import { findSubcase } from '../../src/core/regulation.ts';
import { sampleDocuments, sampleFields } from '../../src/core/sample.ts';
import type { DemoUser } from '../../src/app/bootstrap.ts';
import type { SessionUser } from '../../src/app/auth.ts';

const SERVICE = 'crypto-licence';
const apps = new Map<EngineName, TestApp>();
async function appFor(engine: EngineName) {
  let t = apps.get(engine);
  if (!t) {
    t = await makeTestApp(engine);
    apps.set(engine, t);
  }
  return t;
}
after(async () => {
  for (const t of apps.values()) await t.close();
});
before(() => undefined);

let keySeq = 0;
const key = (p: string) => `${p}-${++keySeq}`;

async function submit(t: TestApp, who: DemoUser, subcase: string, opts: { key?: string } = {}) {
  const svc = t.app.catalog.inForce(SERVICE, t.clock.now)!;
  const sc = findSubcase(svc, subcase)!;
  const kind = who.bin ? 'legal_entity' : 'individual';
  const ctx = { channel: 'portal' as const, applicantKind: kind as 'legal_entity' | 'individual' };
  const fields = sampleFields(sc, ctx, { iin: who.iin, ...(who.bin ? { bin: who.bin } : {}), today: '2026-11-20' });
  const documents = sampleDocuments(sc, ctx);
  const payload = applicationPayload({
    serviceId: SERVICE,
    subcase,
    channel: 'portal',
    applicant: { iin: who.iin, ...(who.bin ? { bin: who.bin } : {}) },
    fields,
    documents: documents.map((d) => {
      const b = Buffer.from(d.contentBase64, 'base64');
      return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) };
    }),
  });
  const me = await t.login(who);
  const res = await submitApplication(t.app, me, { serviceId: SERVICE, subcase, fields, documents, signature: await signPayload(who.sign, payload) }, opts.key ?? key('submit'));
  return { me, res };
}

async function act(t: TestApp, who: DemoUser, caseId: string, stepId: string, outcomeId: string, extra: { assignee?: string; grounds?: string[] } = {}) {
  const u = await t.login(who);
  const signature = await signPayload(who.sign, decisionPayload({ caseId, stepId, outcomeId, ...extra }));
  return takeAction(t.app, u, caseId, { stepId, outcomeId, ...extra, signature }, key(stepId));
}

async function assertProjectionIsFold(t: TestApp, caseId: string) {
  const row = await t.app.store.db.selectFrom('cases').select('state').where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await loadEvents(t.app.store.db, caseId);
  const svc = t.app.catalog.all().find((d) => d.id === SERVICE)!;
  const sc = findSubcase(svc, events[0]!.data.type === 'submitted' ? events[0]!.data.subcase : '')!;
  assert.deepEqual(JSON.parse(row.state), JSON.parse(JSON.stringify(fold(events, sc))));
  assert.equal(verifyChain(events), null);
}

// Figures from the regulation (working days, seed 001 reg. 2 §5; seed 003 S2 §7), for an
// application received on the portal on Monday 23 November 2026 at 09:15 Almaty time. The KNB
// works until 19:00, so a term counted in days ends at 19:00 of its last working day.
const EXPECT = {
  issue: { overall: '2026-12-14T19:00:00+05:00', review: '2026-12-09T19:00:00+05:00', sign: '2026-11-30T19:00:00+05:00' },
  reissue: { overall: '2026-12-07T19:00:00+05:00', review: '2026-12-03T19:00:00+05:00', sign: '2026-11-30T19:00:00+05:00' },
  duplicate: { overall: '2026-11-25T19:00:00+05:00', review: '2026-11-24T19:00:00+05:00', sign: '2026-11-27T19:00:00+05:00' },
} as const;

for (const subcase of ['issue', 'reissue', 'duplicate'] as const) {
  eachEngine(`${subcase}: portal application runs to a delivered licence with every deadline as the regulation sets it`, async (_t, engine) => {
    const t = await appFor(engine);
    t.clock.set('2026-11-23T09:15:00+05:00');
    const { me, res } = await submit(t, t.users.company_head, subcase);
    assert.equal(res.status, 201);
    assert.equal(res.body.mark, 'delivered');
    assert.equal(res.body.overallDue, EXPECT[subcase].overall);
    const id = res.body.id;

    t.clock.set('2026-11-23T09:40:00+05:00');
    let v = (await act(t, t.users.provider_chancellery, id, 'register', 'registered')).body;
    assert.equal(v.mark, 'registered');
    t.clock.set('2026-11-23T11:10:00+05:00');
    v = (await act(t, t.users.provider_licensing_head, id, 'assign', 'assigned', { assignee: t.users.provider_executor.userId })).body;
    assert.equal(v.mark, 'in_execution');
    const review = v.deadlines.steps.find((s) => s.stepId === 'review')!;
    assert.equal(review.due, EXPECT[subcase].review);
    assert.equal(v.deadlines.steps.find((s) => s.stepId === 'register')!.due, '2026-11-23T19:00:00+05:00');
    assert.equal(v.deadlines.steps.find((s) => s.stepId === 'assign')!.due, '2026-11-23T19:00:00+05:00');

    // The executor drafts on Thursday; the head has 2 working days (1 for a duplicate) from then.
    t.clock.set('2026-11-26T12:00:00+05:00');
    v = (await act(t, t.users.provider_executor, id, 'review', 'draft_approval')).body;
    const sign = v.deadlines.steps.find((s) => s.stepId === 'sign')!;
    assert.equal(sign.due, subcase === 'duplicate' ? '2026-11-27T19:00:00+05:00' : EXPECT[subcase].sign);

    t.clock.set('2026-11-27T10:00:00+05:00');
    v = (await act(t, t.users.provider_head, id, 'sign', 'signed')).body;
    assert.equal(v.mark, 'result');
    assert.equal(v.currentStep, null);
    assert.match(v.result!.number, /^KNB-CIPM-2026-\d{6}$/);
    // The duplicate's 1-working-day review ended on 24 November: done on the 26th, it is late.
    assert.equal(v.deadlines.steps.find((s) => s.stepId === 'review')!.overdue, subcase === 'duplicate');
    assert.equal(v.deadlines.overall.overdue, subcase === 'duplicate');

    const mine = await cabinet(t.app, me);
    assert.equal(mine.find((c) => c.id === id)?.mark, 'result');
    await assertProjectionIsFold(t, id);
    const audit = await auditCase(t.app, id);
    assert.equal(audit.chainIntact, true);
    assert.equal(audit.signatures.length, 5);
    assert.ok(audit.allSignaturesValid);
    const result = await t.app.store.db.selectFrom('results').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(result.decision, 'approve');
    assert.equal(sha256Hex(result.document), result.sha256);
  });
}

eachEngine('incomplete documents: a motivated refusal within 2 working days of registration, signed the same day', async (_t, engine) => {
  const t = await appFor(engine);
  t.clock.set('2026-11-23T09:15:00+05:00');
  const { res } = await submit(t, t.users.company_head, 'issue');
  const id = res.body.id;
  t.clock.set('2026-11-23T09:40:00+05:00');
  await act(t, t.users.provider_chancellery, id, 'register', 'registered');
  let v = (await act(t, t.users.provider_licensing_head, id, 'assign', 'assigned', { assignee: t.users.provider_executor.userId })).body;
  const refuseBy = v.deadlines.steps.find((s) => s.stepId === 'review')!.outcomeDue?.find((o) => o.outcomeId === 'draft_refusal_incomplete');
  assert.equal(refuseBy?.due, '2026-11-25T19:00:00+05:00');
  t.clock.set('2026-11-25T16:00:00+05:00');
  v = (await act(t, t.users.provider_executor, id, 'review', 'draft_refusal_incomplete', { grounds: ['incomplete_documents'] })).body;
  assert.equal(v.currentStep, 'sign_refusal');
  assert.equal(v.deadlines.steps.find((s) => s.stepId === 'sign_refusal')!.due, '2026-11-25T19:00:00+05:00');
  v = (await act(t, t.users.provider_head, id, 'sign_refusal', 'signed')).body;
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['incomplete_documents']);
  const result = await t.app.store.db.selectFrom('results').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(result.decision, 'refuse');
  await assertProjectionIsFold(t, id);
});

eachEngine('a retry with the same idempotency key returns the first result and writes nothing', async (_t, engine) => {
  const t = await appFor(engine);
  t.clock.set('2026-11-23T10:00:00+05:00');
  const k = key('retry');
  const first = await submit(t, t.users.applicant, 'issue', { key: k });
  const count = async () => Number((await t.app.store.db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  const again = await submit(t, t.users.applicant, 'issue', { key: k });
  assert.equal(again.res.replayed, true);
  assert.equal(again.res.body.id, first.res.body.id);
  assert.equal(await count(), before);
  // Concurrent retries of one command still make one case.
  const k2 = key('race');
  const results = await Promise.all([1, 2, 3, 4].map(() => submit(t, t.users.applicant, 'duplicate', { key: k2 })));
  assert.equal(new Set(results.map((r) => r.res.body.id)).size, 1);
  assert.equal(results.filter((r) => !r.res.replayed).length, 1);
});

eachEngine('portal submission after hours counts from the next working day; the inbox shows overdue cases first', async (_t, engine) => {
  const t = await appFor(engine);
  // Friday 27 November 2026, 20:30: received Monday 30 November at opening (09:00).
  t.clock.set('2026-11-27T20:30:00+05:00');
  const { res } = await submit(t, t.users.applicant, 'duplicate');
  const id = res.body.id;
  const chancellery = await t.login(t.users.provider_chancellery);
  const v = await getCase(t.app, chancellery, id);
  assert.equal(v.deadlines.received, '2026-11-30T09:00:00+05:00');
  assert.equal(v.deadlines.overall.due, '2026-12-02T19:00:00+05:00');
  assert.equal(v.deadlines.steps[0]!.due, '2026-11-30T19:00:00+05:00');
  // Nobody registers it on Monday: on Tuesday it is overdue in the chancellery's inbox.
  t.clock.set('2026-12-01T09:30:00+05:00');
  const box = await inbox(t.app, chancellery);
  const item = box.items.find((i) => i.id === id);
  assert.ok(item, 'the case waits in the chancellery inbox');
  assert.equal(item.overdue, true);
  assert.ok(box.counts.overdue >= 1);
  const executor = await t.login(t.users.provider_executor);
  assert.equal((await inbox(t.app, executor)).items.some((i) => i.id === id), false, 'the executor does not see a case waiting for the chancellery');
});

eachEngine('a paper application accepted at the office appears in the applicant\'s cabinet', async (_t, engine) => {
  const t = await appFor(engine);
  t.clock.set('2026-11-24T11:00:00+05:00');
  const officer = t.users.provider_chancellery;
  const svc = t.app.catalog.inForce(SERVICE, t.clock.now)!;
  const sc = findSubcase(svc, 'issue')!;
  const ctx = { channel: 'provider_office' as const, applicantKind: 'individual' as const };
  const fields = sampleFields(sc, ctx, { iin: t.users.applicant.iin, today: '2026-11-24' });
  const documents = sampleDocuments(sc, ctx);
  const payload = applicationPayload({
    serviceId: SERVICE, subcase: 'issue', channel: 'provider_office', applicant: { iin: t.users.applicant.iin }, fields,
    documents: documents.map((d) => { const b = Buffer.from(d.contentBase64, 'base64'); return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) }; }),
  });
  const u = await t.login(officer);
  const res = await submitApplication(t.app, u, { serviceId: SERVICE, subcase: 'issue', channel: 'provider_office', applicant: { iin: t.users.applicant.iin }, fields, documents, signature: await signPayload(officer.sign, payload) }, key('office'));
  assert.equal(res.body.channel, 'provider_office');
  const citizen: SessionUser = await t.login(t.users.applicant);
  assert.ok((await cabinet(t.app, citizen)).some((c) => c.id === res.body.id));
  const other = await t.login(t.users.company_head);
  assert.equal((await cabinet(t.app, other)).some((c) => c.id === res.body.id), false);
});

eachEngine('a tampered event in the log is detected by the hash chain and the signature audit', async (_t, engine) => {
  const t = await appFor(engine);
  t.clock.set('2026-11-24T12:00:00+05:00');
  const { res } = await submit(t, t.users.company_head, 'issue');
  const id = res.body.id;
  await act(t, t.users.provider_chancellery, id, 'register', 'registered');
  assert.equal((await auditCase(t.app, id)).chainIntact, true);
  const row = await t.app.store.db.selectFrom('case_events').select('data').where('case_id', '=', id).where('seq', '=', 1).executeTakeFirstOrThrow();
  const data = JSON.parse(row.data);
  data.fields = { ...data.fields, forged: 'yes' };
  await t.app.store.db.updateTable('case_events').set({ data: JSON.stringify(data) }).where('case_id', '=', id).where('seq', '=', 1).execute();
  const audit = await auditCase(t.app, id);
  assert.equal(audit.chainIntact, false);
  assert.equal(audit.brokenAt, 1);
  assert.equal(audit.signatures.find((s) => s.seq === 1)?.ok, false, 'the applicant\'s signature no longer covers the altered application');
});
