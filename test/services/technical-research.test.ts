// The KNB technical research of goods in its two versions: order No. 186 of 2012 (seed 000, one
// regulation per kind of goods: two sub-cases) and regulation 6 of order No. 305 of 2014 (seed 001
// L1145–L1347, one merged sub-case). Figures are written from the regulation texts.
//
// One application instance per engine, started on 15 January 2014: the demo certificates are valid
// for a year, which covers cases under the 2012 version (until 24 October 2014) and under the 2014
// version. Almaty was UTC+6 until 1 March 2024, so these dates carry +06:00.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import versions, { technicalResearch2012 as v2012, technicalResearch2014 as v2014 } from '../../src/services/technical-research.ts';
import { ServiceDefinition, findStep, findSubcase, type SubCase } from '../../src/core/regulation.ts';
import { makeCatalog } from '../../src/services/index.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase, staffFor } from '../support/run-case.ts';
import type { CaseView } from '../../src/app/cases.ts';

const SERVICE = 'technical-research';
const termOf = (t: { duration: { amount: number; unit: string }; from: string }) => ({ amount: t.duration.amount, unit: t.duration.unit, from: t.from });
function subcase(svc: ServiceDefinition, id: string): SubCase {
  const sc = findSubcase(svc, id);
  assert.ok(sc, `${svc.version}: sub-case ${id}`);
  return sc;
}
function step(sc: SubCase, id: string) {
  const st = findStep(sc, id);
  assert.ok(st, `${sc.id}: step ${id}`);
  return st;
}

test('two versions of one service id with effective periods that do not overlap', () => {
  assert.deepEqual(versions, [v2012, v2014]);
  for (const v of versions) {
    const again = ServiceDefinition.safeParse(v);
    assert.ok(again.success, again.success ? '' : again.error.message);
    assert.equal(v.id, SERVICE);
    assert.equal(v.status, 'active');
    assert.equal(v.provider.id, 'knb');
    assert.deepEqual(v.result && [v.result.registry, v.result.numberPrefix], ['technical_research_conclusions', 'KNB-TR']);
  }
  assert.equal(v2012.version, '2012-07-28');
  assert.deepEqual(v2012.effective, { from: '2012-07-28', to: '2014-10-24' });
  assert.equal(v2014.version, '2014-10-24');
  assert.deepEqual(v2014.effective, { from: '2014-10-24' });
  const catalog = makeCatalog(versions);
  assert.equal(catalog.inForce(SERVICE, new Date('2012-07-27T12:00:00+06:00')), undefined);
  assert.equal(catalog.inForce(SERVICE, new Date('2012-07-28T12:00:00+06:00'))?.version, '2012-07-28');
  assert.equal(catalog.inForce(SERVICE, new Date('2014-10-23T12:00:00+06:00'))?.version, '2012-07-28');
  assert.equal(catalog.inForce(SERVICE, new Date('2014-10-24T12:00:00+06:00'))?.version, '2014-10-24');
  // The sub-cases: one per kind of goods in 2012, merged in 2014.
  assert.deepEqual(v2012.subcases.map((s) => s.id), ['special_technical_means', 'cryptographic_means']);
  assert.deepEqual(v2014.subcases.map((s) => s.id), ['research']);
  assert.match(v2014.interpretations.find((i) => i.topic === 'Sub-cases across versions')?.chosen ?? '', /both map to it/);
});

test('legal sources: order No. 186 repealed by order No. 305; order No. 305 and decree No. 600', () => {
  const o186 = v2012.sources.find((s) => s.number === '186')!;
  assert.deepEqual([o186.date, o186.effectiveFrom, o186.effectiveTo], ['2012-06-13', '2012-07-28', '2014-10-24']);
  assert.match(o186.registered ?? '', /17\.07\.2012.*7795/);
  assert.match(o186.repealedBy ?? '', /No\. 305 of 15\.09\.2014/);
  assert.equal(o186.ref?.seed, '000');
  assert.deepEqual(v2012.sources.map((s) => [s.number, s.date]), [['186', '2012-06-13'], ['116', '2011-07-05'], ['745', '2010-07-20'], ['—', '1995-12-21'], ['—', '2000-11-27']]);
  const o305 = v2014.sources.find((s) => s.number === '305')!;
  assert.deepEqual([o305.date, o305.effectiveFrom], ['2014-09-15', '2014-10-24']);
  assert.match(o305.repealedBy ?? '', /No\. 43 of 27\.05\.2015/);
  assert.match(o305.ref?.lines ?? '', /L1145-1347/);
  assert.ok(v2014.sources.some((s) => s.number === '600' && s.date === '2014-05-31'));
});

// Order No. 186, Annex 1 table (STS, L310–L324) and Annex 2 table (CIPM, L606–L615).
const FIGURES_2012 = {
  special_technical_means: { research: 4, sign: 20, handOver: 10, lines: { accept: 'L310', research: 'L312-322', sign: 'L316', handOver: 'L324' } },
  cryptographic_means: { research: 8, sign: 10, handOver: 20, lines: { accept: 'L606', research: 'L608-613', sign: 'L615', handOver: 'L615' } },
} as const;

for (const [id, f] of Object.entries(FIGURES_2012)) {
  test(`2012 ${id}: the four actions of the table and their terms`, () => {
    const sc = subcase(v2012, id);
    assert.deepEqual(sc.channels, ['provider_office']);
    assert.equal(sc.firstStep, 'accept');
    assert.deepEqual(sc.steps.map((s) => [s.id, s.role]), [
      ['accept', 'reception'],
      ['research', 'researcher'],
      ['sample_research', 'researcher'],
      ['sign', 'head_of_subdivision'],
      ['hand_over', 'reception'],
    ]);
    // Action 1: 15 minutes.
    assert.deepEqual(termOf(step(sc, 'accept').term), { amount: 15, unit: 'minutes', from: 'received' });
    // Action 2: up to 4 (STS) / 8 (CIPM) working days; up to 28 calendar days with research on a sample.
    assert.deepEqual(termOf(step(sc, 'research').term), { amount: f.research, unit: 'working_days', from: 'step_start' });
    assert.deepEqual(termOf(step(sc, 'sample_research').term), { amount: 28, unit: 'calendar_days', from: 'completed:accept' });
    // Actions 3 and 4 in minutes (reading order of the extracted table).
    assert.deepEqual(termOf(step(sc, 'sign').term), { amount: f.sign, unit: 'minutes', from: 'step_start' });
    assert.deepEqual(termOf(step(sc, 'hand_over').term), { amount: f.handOver, unit: 'minutes', from: 'step_start' });
    assert.deepEqual(
      ['accept', 'research', 'sign', 'hand_over'].map((s) => [step(sc, s).term.duration.ref?.seed, step(sc, s).term.duration.ref?.lines]),
      [['000', f.lines.accept], ['000', f.lines.research], ['000', f.lines.sign], ['000', f.lines.handOver]],
    );
    // Overall (derived; point 7 of the Standard is not in the seed): the table along the path taken —
    // action 2's working days from receipt, the minutes of actions 3 and 4 once drafted, 28 calendar
    // days more when a sample is researched.
    assert.deepEqual(termOf(sc.term), { amount: f.research, unit: 'working_days', from: 'received' });
    const ext = (stepId: string, outcomeId: string) => step(sc, stepId).outcomes.find((o) => o.id === outcomeId)?.extendsTerm?.map((d) => [d.amount, d.unit]);
    const minutes34 = [[f.sign, 'minutes'], [f.handOver, 'minutes']];
    assert.deepEqual(ext('research', 'conclusion_drafted'), minutes34);
    assert.deepEqual(ext('research', 'sample_required'), [[28, 'calendar_days']]);
    assert.deepEqual(ext('sample_research', 'conclusion_drafted'), minutes34);
    assert.deepEqual(ext('sample_research', 'refuse_sample_not_provided'), minutes34);
    assert.equal(ext('accept', 'refuse_acceptance'), undefined);
    // The sample: requested by the researcher, 5 calendar days, refused if not provided.
    assert.deepEqual(sc.pauses.map((p) => [p.id, p.atSteps, p.role, p.applicantTerm.amount, p.applicantTerm.unit, p.onExpiry?.refuseWith]), [
      ['sample', ['sample_research'], 'researcher', 5, 'calendar_days', 'sample_not_provided'],
    ]);
    assert.deepEqual(step(sc, 'accept').outcomes.map((o) => [o.id, o.decision, o.next, o.grounds]), [
      ['accepted', undefined, 'research', undefined],
      ['refuse_acceptance', 'refuse', 'end', ['incomplete_documents']],
    ]);
    assert.deepEqual(step(sc, 'research').outcomes.map((o) => [o.id, o.decision, o.next]), [['conclusion_drafted', 'approve', 'sign'], ['sample_required', undefined, 'sample_research']]);
    assert.deepEqual(step(sc, 'sample_research').outcomes.map((o) => [o.id, o.decision, o.next, o.grounds]), [
      ['conclusion_drafted', 'approve', 'sign', undefined],
      ['refuse_sample_not_provided', 'refuse', 'sign', ['sample_not_provided']],
    ]);
    assert.deepEqual([sc.fee.kind, sc.fee.ref?.seed], ['free', '000']);
    assert.deepEqual(sc.documents.map((d) => [d.id, d.required]), [['application', true], ['standard_documents', true]]);
  });
}

test('2012 refusal grounds: the two of p.15, other grounds not allowed', () => {
  assert.equal(v2012.exhaustiveGrounds, true);
  assert.deepEqual(v2012.refusalGrounds.map((g) => [g.id, g.ref?.seed, g.ref?.lines]), [
    ['incomplete_documents', '000', 'L188-191, L484-487'],
    ['sample_not_provided', '000', 'L189-191, L485-487'],
  ]);
  assert.deepEqual([...v2012.channels], ['provider_office']);
  assert.deepEqual(v2012.roles.map((r) => r.id), ['applicant', 'reception', 'researcher', 'head_of_subdivision']);
});

test('2014 research: regulation 6 terms (seed 001 L1195–L1219)', () => {
  const sc = subcase(v2014, 'research');
  assert.deepEqual([...v2014.channels], ['portal', 'provider_office']);
  assert.deepEqual(sc.steps.map((s) => [s.id, s.role]), [
    ['register', 'chancellery'],
    ['assign', 'head_of_licensing'],
    ['review', 'executor'],
    ['sample_research', 'executor'],
    ['sign', 'head_of_provider'],
    ['deliver', 'portal'],
    ['dispatch', 'chancellery'],
  ]);
  const sameDay = (from: string) => ({ amount: 0, unit: 'same_day', from });
  assert.deepEqual(termOf(step(sc, 'register').term), sameDay('received'));
  assert.deepEqual(termOf(step(sc, 'assign').term), sameDay('received'));
  // §5(3): 5 working days without a sample (L1207); 30 calendar days from the day the sample is provided (L1209).
  assert.deepEqual(termOf(step(sc, 'review').term), { amount: 5, unit: 'working_days', from: 'step_start' });
  assert.match(step(sc, 'review').term.duration.ref?.lines ?? '', /^L1207-1208/);
  assert.deepEqual(termOf(step(sc, 'sample_research').term), { amount: 30, unit: 'calendar_days', from: 'step_start' });
  assert.match(step(sc, 'sample_research').term.duration.ref?.lines ?? '', /^L1209-1210/);
  // §5(4): the head signs on the day the draft is formed; §5(5): sent on the day of signing.
  assert.deepEqual(termOf(step(sc, 'sign').term), sameDay('step_start'));
  assert.deepEqual(termOf(step(sc, 'deliver').term), sameDay('step_start'));
  assert.deepEqual(termOf(step(sc, 'dispatch').term), sameDay('step_start'));
  // Overall (derived): 5 working days from receipt, extended by 30 calendar days when a sample is needed.
  assert.deepEqual(termOf(sc.term), { amount: 5, unit: 'working_days', from: 'received' });
  assert.deepEqual(step(sc, 'review').outcomes.map((o) => [o.id, o.extendsTerm?.map((d) => [d.amount, d.unit])]), [
    ['draft_conclusion', undefined],
    ['sample_required', [[30, 'calendar_days']]],
  ]);
  // The sample: 5 calendar days (L1211–L1214); the regulation names no consequence.
  assert.deepEqual(sc.pauses.map((p) => [p.id, p.atSteps, p.role, p.applicantTerm.amount, p.applicantTerm.unit, p.onExpiry]), [['sample', ['sample_research'], 'executor', 5, 'calendar_days', undefined]]);
  assert.match(sc.pauses[0]!.applicantTerm.ref?.lines ?? '', /^L1211-1214/);
  // §3: the result is the conclusion; no refusal.
  assert.deepEqual(v2014.refusalGrounds, []);
  assert.ok(sc.steps.every((s) => s.outcomes.every((o) => o.decision !== 'refuse')));
  assert.deepEqual(sc.documents.map((d) => [d.id, d.required]), [['application', true], ['supply_contracts', false], ['technical_documentation', true]]);
  assert.equal(sc.fee.kind, 'free');
  for (const st of sc.steps) assert.equal(st.term.duration.ref?.seed, '001', st.id);
});

test('every interpretation of both versions names its readings, its choice and its sources', () => {
  for (const v of versions) {
    for (const i of v.interpretations) {
      assert.ok(i.readings.length >= 1 && i.chosen.length > 0, `${v.version}: ${i.topic}`);
      assert.ok(i.refs.length >= 1, `${v.version}: ${i.topic}`);
    }
  }
  const t12 = v2012.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Standard of the 2012/, /Overall term \(2012\)/, /Sample of the goods \(2012\)/, /Minutes of actions 3 and 4/, /Sub-cases across versions/, /Version dates/]) assert.match(t12, t);
  const t14 = v2014.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Executor terms with and without a sample/, /Sample of the goods \(2014\)/, /Overall term \(2014\)/, /No refusal/, /Sub-cases across versions/]) assert.match(t14, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine on SQLite and PostgreSQL.

const apps = new Map<EngineName, Promise<TestApp>>();
const appFor = (engine: EngineName) => {
  let t = apps.get(engine);
  if (!t) apps.set(engine, (t = start(engine)));
  return t;
};
/** The 2012 roles no demo user holds are employed on the first day, so their certificates cover every later case. */
async function start(engine: EngineName): Promise<TestApp> {
  const t = await makeTestApp(engine, '2014-01-15T09:00:00+06:00');
  for (const role of ['reception', 'researcher', 'head_of_subdivision']) await staffFor(t, 'knb', role);
  return t;
}
after(async () => {
  for (const t of apps.values()) await (await t).close();
});

const dueOf = (v: CaseView, stepId: string) => v.deadlines.steps.find((s) => s.stepId === stepId)?.due;
const overdueOf = (v: CaseView, stepId: string) => v.deadlines.steps.find((s) => s.stepId === stepId)?.overdue;
async function versionOf(t: TestApp, caseId: string) {
  return (await t.app.store.db.selectFrom('cases').select(['version']).where('id', '=', caseId).executeTakeFirstOrThrow()).version;
}

// Applications accepted at the office on Monday 3 February 2014 at 10:00.
const DUE_2012 = {
  special_technical_means: {
    research: '2014-02-07T19:00:00+06:00', // + 4 working days
    // Overall: 7 February 19:00 + 20 + 10 minutes of working time = Monday 10 February 09:30.
    overall: '2014-02-10T09:30:00+06:00',
    // With the sample: 7 February + 2 working days paused (6, 7 February) = 11 February;
    // + 28 calendar days = 11 March; + 30 minutes = 12 March 09:30.
    sampleOverall: '2014-03-12T09:30:00+06:00',
    // Drafted 12:50: 20 minutes = 10 before the 13:00–15:00 lunch + 10 after it.
    sign: '2014-02-06T15:10:00+06:00',
    // Signed 12:55: 10 minutes = 5 + 5.
    handOver: '2014-02-06T15:05:00+06:00',
    sampleSign: '2014-03-04T10:20:00+06:00',
    sampleHandOver: '2014-03-04T10:15:00+06:00',
  },
  cryptographic_means: {
    research: '2014-02-13T19:00:00+06:00', // + 8 working days
    overall: '2014-02-14T09:30:00+06:00', // 13 February 19:00 + 10 + 20 minutes
    // 13 February + 2 working days paused = 17 February; + 28 calendar days = 17 March; + 30 minutes.
    sampleOverall: '2014-03-18T09:30:00+06:00',
    sign: '2014-02-06T13:00:00+06:00', // 10 minutes end exactly at the lunch break
    handOver: '2014-02-06T15:15:00+06:00', // 20 minutes = 5 + 15
    sampleSign: '2014-03-04T10:10:00+06:00',
    sampleHandOver: '2014-03-04T10:25:00+06:00',
  },
} as const;

for (const [id, d] of Object.entries(DUE_2012)) {
  const applicant = (t: TestApp) => (id === 'special_technical_means' ? t.users.company_head : t.users.applicant);

  eachEngine(`2012 ${id}: accepted, researched, signed and handed over within the minutes and days of the table`, async (_t, engine) => {
    const t = await appFor(engine);
    const v = await runCase(t, {
      serviceId: SERVICE,
      subcase: id,
      channel: 'provider_office',
      applicant: applicant(t),
      at: '2014-02-03T10:00:00+06:00',
      path: [
        { step: 'accept', outcome: 'accepted', at: '2014-02-03T10:10:00+06:00' },
        { step: 'research', outcome: 'conclusion_drafted', at: '2014-02-06T12:50:00+06:00' },
        { step: 'sign', outcome: 'signed', at: '2014-02-06T12:55:00+06:00' },
        { step: 'hand_over', outcome: 'handed_over', at: '2014-02-06T15:02:00+06:00' },
      ],
    });
    assert.equal(v.mark, 'result');
    assert.match(v.result!.number, /^KNB-TR-2014-\d{6}$/);
    assert.equal(await versionOf(t, v.id), '2012-07-28');
    assert.equal(dueOf(v, 'accept'), '2014-02-03T10:15:00+06:00');
    assert.equal(dueOf(v, 'research'), d.research);
    assert.equal(dueOf(v, 'sign'), d.sign);
    assert.equal(dueOf(v, 'hand_over'), d.handOver);
    assert.equal(v.deadlines.overall.due, d.overall);
    assert.ok(v.deadlines.steps.every((s) => !s.overdue));
  });

  eachEngine(`2012 ${id}: a sample requested; the 3 calendar days it takes move the 28-day research by 3 days`, async (_t, engine) => {
    const t = await appFor(engine);
    const v = await runCase(t, {
      serviceId: SERVICE,
      subcase: id,
      channel: 'provider_office',
      applicant: applicant(t),
      at: '2014-02-03T10:00:00+06:00',
      path: [
        { step: 'accept', outcome: 'accepted', at: '2014-02-03T10:10:00+06:00' },
        { step: 'research', outcome: 'sample_required', at: '2014-02-05T10:00:00+06:00' },
        { pause: 'sample', at: '2014-02-05T10:05:00+06:00' },
        { answer: 'Sample handed to the licensing body', at: '2014-02-08T12:00:00+06:00' },
        { step: 'sample_research', outcome: 'conclusion_drafted', at: '2014-03-04T10:00:00+06:00' },
        { step: 'sign', outcome: 'signed', at: '2014-03-04T10:05:00+06:00' },
        { step: 'hand_over', outcome: 'handed_over', at: '2014-03-04T10:10:00+06:00' },
      ],
    });
    assert.equal(v.mark, 'result');
    // The applicant's 5 calendar days from 5 February: 10 February (Monday), 19:00.
    assert.equal(new Date(v.pauses[0]!.applicantDue).getTime(), new Date('2014-02-10T19:00:00+06:00').getTime());
    // 28 calendar days from acceptance (3 February) = 3 March; paused 5 → 8 February (3 days): 6 March.
    assert.equal(dueOf(v, 'sample_research'), '2014-03-06T19:00:00+06:00');
    assert.equal(v.deadlines.overall.due, d.sampleOverall);
    assert.equal(dueOf(v, 'research'), d.research);
    assert.equal(overdueOf(v, 'research'), false);
    assert.equal(dueOf(v, 'sign'), d.sampleSign);
    assert.equal(dueOf(v, 'hand_over'), d.sampleHandOver);
    assert.equal(v.deadlines.overall.overdue, false);
  });

  eachEngine(`2012 ${id}: the requested sample is not provided: motivated refusal`, async (_t, engine) => {
    const t = await appFor(engine);
    const v = await runCase(t, {
      serviceId: SERVICE,
      subcase: id,
      channel: 'provider_office',
      applicant: applicant(t),
      at: '2014-02-03T10:00:00+06:00',
      path: [
        { step: 'accept', outcome: 'accepted', at: '2014-02-03T10:10:00+06:00' },
        { step: 'research', outcome: 'sample_required', at: '2014-02-05T10:00:00+06:00' },
        { pause: 'sample', at: '2014-02-05T10:05:00+06:00' },
        { answer: 'The sample cannot be provided', at: '2014-02-07T11:00:00+06:00' },
        { step: 'sample_research', outcome: 'refuse_sample_not_provided', grounds: ['sample_not_provided'], at: '2014-02-10T10:00:00+06:00' },
        { step: 'sign', outcome: 'signed', at: '2014-02-10T10:05:00+06:00' },
        { step: 'hand_over', outcome: 'handed_over', at: '2014-02-10T10:10:00+06:00' },
      ],
    });
    assert.equal(v.mark, 'refused');
    assert.deepEqual(v.grounds?.map((g) => g.id), ['sample_not_provided']);
    // Paused 5 → 7 February (2 days): 3 March + 2 = 5 March.
    assert.equal(dueOf(v, 'sample_research'), '2014-03-05T19:00:00+06:00');
    assert.equal(await versionOf(t, v.id), '2012-07-28');
  });

  eachEngine(`2012 ${id}: documents not submitted in full: refusal to accept within the 15 minutes`, async (_t, engine) => {
    const t = await appFor(engine);
    const v = await runCase(t, {
      serviceId: SERVICE,
      subcase: id,
      channel: 'provider_office',
      applicant: applicant(t),
      at: '2014-02-03T10:00:00+06:00',
      path: [{ step: 'accept', outcome: 'refuse_acceptance', grounds: ['incomplete_documents'], at: '2014-02-03T10:05:00+06:00' }],
    });
    assert.equal(v.mark, 'refused');
    assert.deepEqual(v.grounds?.map((g) => g.id), ['incomplete_documents']);
    assert.deepEqual(v.deadlines.steps.map((s) => [s.stepId, s.due, s.overdue]), [['accept', '2014-02-03T10:15:00+06:00', false]]);
    const result = await t.app.store.db.selectFrom('results').selectAll().where('case_id', '=', v.id).executeTakeFirstOrThrow();
    assert.equal(result.decision, 'refuse');
  });
}

eachEngine('a case started on the 2012 version stays on it after the 2014 version takes effect', async (_t, engine) => {
  const t = await appFor(engine);
  // Friday 17 October 2014, a week before order No. 305 applies.
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'special_technical_means',
    channel: 'provider_office',
    at: '2014-10-17T10:00:00+06:00',
    path: [
      { step: 'accept', outcome: 'accepted', at: '2014-10-17T10:10:00+06:00' },
      { step: 'research', outcome: 'conclusion_drafted', at: '2014-10-23T12:00:00+06:00' },
      // Signed on Monday 27 October, under the new order's period: still the 2012 steps.
      { step: 'sign', outcome: 'signed', at: '2014-10-27T10:00:00+06:00' },
      { step: 'hand_over', outcome: 'handed_over', at: '2014-10-27T10:05:00+06:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(await versionOf(t, v.id), '2012-07-28');
  assert.equal(v.subcase, 'special_technical_means');
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), ['accept', 'research', 'sign', 'hand_over']);
  // 17 October + 4 working days = 23 October; the head's 20 minutes from 12:00 ended at 12:20.
  assert.equal(dueOf(v, 'research'), '2014-10-23T19:00:00+06:00');
  assert.equal(dueOf(v, 'sign'), '2014-10-23T12:20:00+06:00');
  assert.equal(overdueOf(v, 'sign'), true);
  // 17 October + 4 working days = 23 October 19:00, + 20 + 10 minutes = Friday 24 October 09:30.
  assert.equal(v.deadlines.overall.due, '2014-10-24T09:30:00+06:00');
  assert.equal(v.deadlines.overall.overdue, true);
  // On 27 October a new application goes to the 2014 version, which has no 2012 sub-cases.
  assert.equal(t.app.catalog.inForce(SERVICE, t.clock.now)?.version, '2014-10-24');
  await assert.rejects(
    runCase(t, { serviceId: SERVICE, subcase: 'special_technical_means', channel: 'provider_office', at: '2014-10-27T11:00:00+06:00', path: [] }),
    /has no sub-case special_technical_means/,
  );
  const fresh = await runCase(t, { serviceId: SERVICE, subcase: 'research', channel: 'portal', at: '2014-10-27T11:00:00+06:00', path: [] });
  assert.equal(await versionOf(t, fresh.id), '2014-10-24');
  assert.equal(fresh.currentStep, 'register');
});

eachEngine('2014 portal without a sample: 5 working days, signed and delivered on the day of the draft', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'research',
    channel: 'portal',
    at: '2014-11-04T09:15:00+06:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2014-11-04T09:40:00+06:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2014-11-04T11:10:00+06:00' },
      { step: 'review', outcome: 'draft_conclusion', at: '2014-11-05T10:00:00+06:00' },
      { step: 'sign', outcome: 'signed', at: '2014-11-05T16:00:00+06:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.match(v.result!.number, /^KNB-TR-2014-\d{6}$/);
  assert.equal(await versionOf(t, v.id), '2014-10-24');
  assert.equal(dueOf(v, 'register'), '2014-11-04T19:00:00+06:00');
  assert.equal(dueOf(v, 'assign'), '2014-11-04T19:00:00+06:00');
  // Tuesday 4 November + 5 working days = Tuesday 11 November.
  assert.equal(dueOf(v, 'review'), '2014-11-11T19:00:00+06:00');
  assert.equal(dueOf(v, 'sign'), '2014-11-05T19:00:00+06:00');
  assert.equal(dueOf(v, 'deliver'), '2014-11-05T19:00:00+06:00');
  // Without a sample the overall term is the review's: 11 November.
  assert.equal(v.deadlines.overall.due, '2014-11-11T19:00:00+06:00');
  assert.equal(v.deadlines.overall.overdue, false);
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), ['register', 'assign', 'review', 'sign', 'deliver']);
});

eachEngine('2014 with a sample: 30 calendar days from the day it is provided (3 days of waiting not counted); the overall term extended', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'research',
    channel: 'portal',
    at: '2014-11-04T09:15:00+06:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2014-11-04T09:40:00+06:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2014-11-04T11:10:00+06:00' },
      { step: 'review', outcome: 'sample_required', at: '2014-11-05T10:00:00+06:00' },
      { pause: 'sample', at: '2014-11-05T10:05:00+06:00' },
      { answer: 'Sample delivered', at: '2014-11-08T12:00:00+06:00' },
      { step: 'sample_research', outcome: 'draft_conclusion', at: '2014-11-24T10:00:00+06:00' },
      { step: 'sign', outcome: 'signed', at: '2014-11-24T11:00:00+06:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  // Notice in the cabinet on 5 November: 5 calendar days = 10 November, 19:00.
  assert.equal(new Date(v.pauses[0]!.applicantDue).getTime(), new Date('2014-11-10T19:00:00+06:00').getTime());
  // 5 November + 30 = 5 December; paused 5 → 8 November: + 3 = 8 December = 8 November + 30.
  assert.equal(dueOf(v, 'sample_research'), '2014-12-08T19:00:00+06:00');
  // Overall: 11 November + 2 working days paused (6, 7 November) = 13 November; + 30 calendar days
  // = Saturday 13 December, so Monday 15 December.
  assert.equal(v.deadlines.overall.due, '2014-12-15T19:00:00+06:00');
  assert.equal(dueOf(v, 'review'), '2014-11-11T19:00:00+06:00');
  assert.equal(dueOf(v, 'sign'), '2014-11-24T19:00:00+06:00');
  assert.ok(v.deadlines.steps.every((s) => !s.overdue));
});

eachEngine('2014 while the sample is awaited the case is paused and the applicant may answer', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'research',
    channel: 'portal',
    at: '2014-11-04T09:15:00+06:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2014-11-04T09:40:00+06:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2014-11-04T11:10:00+06:00' },
      { step: 'review', outcome: 'sample_required', at: '2014-11-05T10:00:00+06:00' },
      { pause: 'sample', at: '2014-11-05T10:05:00+06:00' },
    ],
  });
  assert.equal(v.paused, true);
  assert.equal(v.mark, 'paused');
  assert.equal(v.currentStep, 'sample_research');
  assert.ok(v.actions.some((a) => a.kind === 'resume' && a.pauseId === 'sample'));
  assert.equal(dueOf(v, 'sample_research'), '2014-12-05T19:00:00+06:00');
  // 11 November + 30 calendar days (nothing paused yet) = 11 December.
  assert.equal(v.deadlines.overall.due, '2014-12-11T19:00:00+06:00');
});

eachEngine('2014 at the office: the conclusion is dispatched on the day of signing', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'research',
    channel: 'provider_office',
    applicant: t.users.applicant,
    at: '2014-11-12T10:00:00+06:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2014-11-12T10:05:00+06:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2014-11-12T10:30:00+06:00' },
      { step: 'review', outcome: 'draft_conclusion', at: '2014-11-18T17:00:00+06:00' },
      { step: 'sign', outcome: 'signed', at: '2014-11-18T18:00:00+06:00' },
      { step: 'dispatch', outcome: 'dispatched', at: '2014-11-18T18:30:00+06:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  // Wednesday 12 November + 5 working days = Wednesday 19 November.
  assert.equal(dueOf(v, 'review'), '2014-11-19T19:00:00+06:00');
  assert.equal(dueOf(v, 'sign'), '2014-11-18T19:00:00+06:00');
  assert.equal(dueOf(v, 'dispatch'), '2014-11-18T19:00:00+06:00');
  assert.equal(v.deadlines.overall.due, '2014-11-19T19:00:00+06:00');
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), ['register', 'assign', 'review', 'sign', 'dispatch']);
});
