// The deposit of information systems and software (Annex 1 of order No. 877, seed 002 L90-236),
// provided by the RSE "State Technical Service". Figures below are written from the regulation
// text (§5 L136-152, §8 L183-210), not read back from the module.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import isDepositDefault, { isDeposit } from '../../src/services/is-deposit.ts';
import { informatization, stateTechnicalService } from '../../src/services/providers/informatization.ts';
import { ServiceDefinition, findStep, findSubcase, matches, resolveNext, type SubCase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase, staffFor } from '../support/run-case.ts';
import type { CaseView } from '../../src/app/cases.ts';

const svc = isDeposit;

function subcase(id: string): SubCase {
  const sc = findSubcase(svc, id);
  assert.ok(sc, `sub-case ${id} exists`);
  return sc;
}

function step(sc: SubCase, id: string) {
  const st = findStep(sc, id);
  assert.ok(st, `${sc.id}: step ${id} exists`);
  return st;
}

test('the definition validates and is the default export', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(isDepositDefault, svc);
  assert.equal(svc.id, 'is-deposit');
  assert.equal(svc.version, '2015-10-31');
  assert.equal(svc.status, 'active');
  assert.deepEqual(svc.effective, { from: '2015-10-31' });
  assert.deepEqual(svc.subcases.map((s) => s.id), ['deposit']);
  // §1 (L115-116): the provider's office accepts applications and issues results; §2: paper.
  assert.deepEqual(svc.channels, ['provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.equal(svc.result!.registry, 'software_products_register');
  assert.equal(svc.result!.numberPrefix, 'STS-DEP');
  assert.match(svc.result!.document.kk, /сақтауға беру объектісін депозитарийде тіркеу туралы анықтама/i);
});

test('the provider is the Enterprise (RSE "State Technical Service"), §1 L108-114', () => {
  assert.deepEqual(svc.provider, stateTechnicalService);
  assert.equal(svc.provider.id, 'state-technical-service');
  assert.match(svc.provider.name.kk, /«Мемлекеттік техникалық қызмет»/);
  assert.notEqual(svc.provider.id, informatization.id);
  // Not in the seed: a documented choice (providers/informatization.ts).
  assert.deepEqual(svc.provider.workingHours, { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } });
});

test('legal sources: order No. 877 (Annex 1) with its registration and repeal, the standard No. 476', () => {
  const order = svc.sources.find((s) => s.number === '877');
  assert.ok(order);
  assert.equal(order.date, '2015-08-24');
  assert.match(order.registered ?? '', /29\.09\.2015.*12119/);
  assert.equal(order.effectiveFrom, '2015-10-31');
  assert.match(order.repealedBy ?? '', /120\/НҚ of 30\.05\.2023/);
  assert.equal(order.ref?.seed, '002');
  assert.match(order.act.en, /Annex 1/);
  const standard = svc.sources.find((s) => s.number === '476');
  assert.equal(standard?.date, '2015-04-21');
  assert.match(standard?.registered ?? '', /11350/);
  const law = svc.sources.find((s) => s.date === '2013-04-15');
  assert.ok(law, 'the Law "On state services" of 15.04.2013');
  const old = svc.sources.find((s) => s.number === '209');
  assert.equal(old?.date, '2014-03-26');
  assert.match(old?.repealedBy ?? '', /877/);
});

// §8 (L185-210): register 1 h; head 1 h; unit head 1 h; deputy 1 h; section head 15 min; the
// executor: review 2 h, completeness 7 wd, Register 3 wd, deposit numbers 5 wd, reference-note and
// cover letter agreed with management 3 wd, hand-over 1 h; office dispatch 1 h. 19 wd in all.
const STEPS: Array<[string, string, number, string, string]> = [
  ['register', 'office', 1, 'working_hours', 'received'],
  ['assign_unit', 'head_of_provider', 1, 'working_hours', 'step_start'],
  ['pass_to_deputy', 'unit_head', 1, 'working_hours', 'step_start'],
  ['assign_section', 'unit_deputy', 1, 'working_hours', 'step_start'],
  ['assign_executor', 'section_head', 15, 'minutes', 'step_start'],
  ['review_application', 'executor', 2, 'working_hours', 'step_start'],
  ['check_completeness', 'executor', 7, 'working_days', 'step_start'],
  ['enter_register', 'executor', 3, 'working_days', 'step_start'],
  ['assign_numbers', 'executor', 5, 'working_days', 'step_start'],
  ['prepare_reference', 'executor', 3, 'working_days', 'completed:assign_numbers'],
  ['agree_reference', 'head_of_provider', 3, 'working_days', 'completed:assign_numbers'],
  ['hand_to_office', 'executor', 1, 'working_hours', 'step_start'],
  ['dispatch', 'office', 1, 'working_hours', 'step_start'],
];

test('deposit: every step, its role and term follow §8; the overall term is 19 working days', () => {
  const sc = subcase('deposit');
  assert.equal(sc.firstStep, 'register');
  assert.deepEqual(sc.steps.map((s) => s.id), STEPS.map((s) => s[0]));
  for (const [id, role, amount, unit, from] of STEPS) {
    const st = step(sc, id);
    assert.equal(st.role, role, `${id}: role`);
    assert.deepEqual({ amount: st.term.duration.amount, unit: st.term.duration.unit, from: st.term.from }, { amount, unit, from }, `${id}: term`);
    assert.equal(st.term.duration.ref?.seed, '002', `${id}: term ref`);
    assert.match(st.term.duration.ref?.lines ?? '', /^L\d+/, `${id}: term lines`);
    assert.equal(st.automatic, false);
  }
  assert.deepEqual({ amount: sc.term.duration.amount, unit: sc.term.duration.unit, from: sc.term.from }, { amount: 19, unit: 'working_days', from: 'received' });
  // The executor's sub-steps (2 h + 7 + 3 + 5 + 3 wd + 1 h) fit the 19 working days of §8(6).
  assert.ok(7 + 3 + 5 + 3 < 19);
  // §7 (L171-182): the six posts of the procedure, and nothing else.
  assert.deepEqual(svc.roles.map((r) => r.id), ['office', 'head_of_provider', 'unit_head', 'unit_deputy', 'section_head', 'executor']);
  assert.ok(svc.roles.every((r) => r.kind === 'staff'));
});

test('deposit: one path to the reference-note, marks and assignment', () => {
  const sc = subcase('deposit');
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    const st = step(sc, at);
    path.push(st.id);
    assert.equal(st.outcomes.length, 1, `${st.id}: a single outcome (the regulation has no other branch)`);
    at = resolveNext(st.outcomes[0]!, { channel: 'provider_office', applicantKind: 'individual' });
  }
  assert.deepEqual(path, STEPS.map((s) => s[0]));
  assert.equal(step(sc, 'register').outcomes[0]!.mark, 'registered');
  const assigned = step(sc, 'assign_executor').outcomes[0]!;
  assert.deepEqual([assigned.assigns, assigned.mark], ['executor', 'in_execution']);
  assert.equal(step(sc, 'agree_reference').outcomes[0]!.decision, 'approve');
  assert.equal(sc.pauses.length, 0, 'no suspension in the regulation');
});

test('no refusal: the regulation names none, and none can be cited', () => {
  assert.deepEqual(svc.refusalGrounds, []);
  assert.equal(svc.exhaustiveGrounds, true);
  for (const st of subcase('deposit').steps) for (const o of st.outcomes) assert.notEqual(o.decision, 'refuse', `${st.id}/${o.id}`);
});

test('documents, fields and fee', () => {
  const sc = subcase('deposit');
  const required = sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel: 'provider_office', applicantKind: 'legal_entity' })).map((d) => d.id);
  assert.deepEqual(required, ['deposit_application', 'deposit_object_materials']);
  const type = sc.fields.find((f) => f.id === 'objectType');
  assert.deepEqual(type?.options?.map((o) => o.value), ['information_system', 'software_product', 'program_code', 'technical_documentation']);
  assert.ok(sc.fields.some((f) => f.id === 'materials'));
  assert.equal(sc.fee.kind, 'free');
  for (const d of sc.documents) assert.equal(d.ref?.seed, '002', d.id);
  for (const f of sc.fields) assert.equal(f.ref?.seed, '002', f.id);
});

test('interpretations name their readings, choice and sources', () => {
  assert.ok(svc.interpretations.length >= 10);
  for (const i of svc.interpretations) {
    assert.ok(i.readings.length >= 1 && i.chosen.length > 0, i.topic);
    assert.ok(i.refs.length >= 1, i.topic);
  }
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/19 days/, /Overall term/, /Routing/, /No refusal/, /working hours/i, /Status of a repealed/, /effective\.from/, /Fee/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine. Working hours 09:00-18:30, lunch 13:00-14:30; 16 December 2026 is
// Independence Day (a Wednesday off).

const apps = new Map<EngineName, TestApp>();
/** One app per engine; its staff (and their certificates) exist from the app's start, so the cases may go back in time. */
async function appFor(engine: EngineName) {
  let t = apps.get(engine);
  if (!t) {
    apps.set(engine, (t = await makeTestApp(engine, '2026-11-20T09:00:00+05:00')));
    for (const r of svc.roles) if (r.kind === 'staff') await staffFor(t, svc.provider.id, r.id);
  }
  return t;
}
after(async () => {
  for (const t of apps.values()) await t.close();
});

function dueOf(v: CaseView, stepId: string): string {
  const s = v.deadlines.steps.filter((x) => x.stepId === stepId).at(-1);
  assert.ok(s, `step ${stepId} was reached`);
  return s.due;
}

eachEngine('is-deposit: a paper application runs to the reference-note with every §8 deadline', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'is-deposit',
    subcase: 'deposit',
    channel: 'provider_office',
    at: '2026-11-23T10:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2026-11-23T10:30:00+05:00' },
      { step: 'assign_unit', outcome: 'unit_assigned', at: '2026-11-23T11:00:00+05:00' },
      { step: 'pass_to_deputy', outcome: 'passed', at: '2026-11-23T11:45:00+05:00' },
      { step: 'assign_section', outcome: 'section_assigned', at: '2026-11-23T12:30:00+05:00' },
      { step: 'assign_executor', outcome: 'executor_assigned', assign: 'executor', at: '2026-11-23T12:40:00+05:00' },
      { step: 'review_application', outcome: 'reviewed', at: '2026-11-23T16:00:00+05:00' },
      { step: 'check_completeness', outcome: 'complete', at: '2026-12-01T11:00:00+05:00' },
      { step: 'enter_register', outcome: 'entered', at: '2026-12-03T10:00:00+05:00' },
      { step: 'assign_numbers', outcome: 'numbers_assigned', at: '2026-12-09T15:00:00+05:00' },
      { step: 'prepare_reference', outcome: 'prepared', at: '2026-12-11T10:00:00+05:00' },
      { step: 'agree_reference', outcome: 'agreed', at: '2026-12-14T17:00:00+05:00' },
      { step: 'hand_to_office', outcome: 'handed_over', at: '2026-12-14T18:00:00+05:00' },
      { step: 'dispatch', outcome: 'dispatched', at: '2026-12-15T09:20:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.decision, 'approve');
  assert.match(v.result!.number, /^STS-DEP-2026-\d{6}$/);
  assert.equal(v.deadlines.received, '2026-11-23T10:00:00+05:00');
  // 19 working days after Monday 23 November, skipping Wednesday 16 December: Monday 21 December.
  assert.equal(v.deadlines.overall.due, '2026-12-21T18:30:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
  const expected: Record<string, string> = {
    register: '2026-11-23T11:00:00+05:00', // 1 h from receipt at 10:00
    assign_unit: '2026-11-23T11:30:00+05:00', // 1 h from 10:30
    pass_to_deputy: '2026-11-23T12:00:00+05:00', // 1 h from 11:00
    assign_section: '2026-11-23T12:45:00+05:00', // 1 h from 11:45
    assign_executor: '2026-11-23T12:45:00+05:00', // 15 min from 12:30
    review_application: '2026-11-23T16:10:00+05:00', // 2 h from 12:40: 20 min before lunch, 100 min from 14:30
    check_completeness: '2026-12-02T18:30:00+05:00', // 7 wd after 23 Nov
    enter_register: '2026-12-04T18:30:00+05:00', // 3 wd after 1 Dec
    assign_numbers: '2026-12-10T18:30:00+05:00', // 5 wd after 3 Dec
    prepare_reference: '2026-12-14T18:30:00+05:00', // 3 wd after the numbers (9 Dec)
    agree_reference: '2026-12-14T18:30:00+05:00', // the same window
    hand_to_office: '2026-12-14T18:00:00+05:00', // 1 h from 17:00
    dispatch: '2026-12-15T09:30:00+05:00', // 1 h from 18:00: 30 min that day, 30 min the next morning
  };
  for (const [id, due] of Object.entries(expected)) assert.equal(dueOf(v, id), due, id);
  assert.ok(v.deadlines.steps.every((s) => !s.overdue), 'every step in time');
});

eachEngine('is-deposit: an application accepted after hours before a holiday counts from the next working day', async (_t, engine) => {
  const t = await appFor(engine);
  // Tuesday 15 December 2026, 19:00 (after 18:30); 16 December is a holiday: received Thursday 17 December 09:00.
  const v = await runCase(t, { serviceId: 'is-deposit', subcase: 'deposit', channel: 'provider_office', applicant: t.users.applicant, at: '2026-12-15T19:00:00+05:00', path: [] });
  assert.equal(v.mark, 'delivered');
  assert.equal(v.deadlines.received, '2026-12-17T09:00:00+05:00');
  assert.equal(dueOf(v, 'register'), '2026-12-17T10:00:00+05:00');
  // 19 working days after 17 December: 1 January, 4 January (substitute for 2 January) and 7 January are off.
  assert.equal(v.deadlines.overall.due, '2027-01-18T18:30:00+05:00');
});
