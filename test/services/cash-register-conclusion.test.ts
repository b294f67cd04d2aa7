// Conclusions on the conformity of a cash-register computer system (Annex 3 of order No. 877,
// seed 002 L449-742): paper and portal, a formal refusal after the 10-day check, an inspection
// act within 15 calendar days, 29 calendar days in all. Figures are written from the regulation
// text (§5 L495-538, §8 L564-590, §9-§10 L597-675), not read back from the module.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import cashRegisterDefault, { cashRegisterConclusion } from '../../src/services/cash-register-conclusion.ts';
import { informatization } from '../../src/services/providers/informatization.ts';
import { ServiceDefinition, findStep, findSubcase, matches, resolveNext, type ApplicantKind, type Channel, type SubCase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase, staffFor } from '../support/run-case.ts';
import type { CaseView } from '../../src/app/cases.ts';

const svc = cashRegisterConclusion;

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

/** Follows the chosen outcome at each step from firstStep to `end`; returns the steps visited. */
function walk(channel: Channel, choose: Record<string, string>, applicantKind: ApplicantKind = 'legal_entity'): string[] {
  const sc = subcase('conclusion');
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    assert.ok(path.length < 30, 'no loop');
    const st = step(sc, at);
    path.push(st.id);
    const outcome = st.outcomes.find((o) => o.id === (choose[st.id] ?? st.outcomes[0]!.id));
    assert.ok(outcome, `outcome ${choose[st.id]} at ${st.id}`);
    at = resolveNext(outcome, { channel, applicantKind });
    assert.ok(at, `${st.id}/${outcome.id} resolves for ${channel}`);
  }
  return [...path, 'end'];
}

test('the definition validates and is the default export', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(cashRegisterDefault, svc);
  assert.equal(svc.id, 'cash-register-conclusion');
  assert.equal(svc.version, '2015-10-31');
  assert.equal(svc.status, 'active');
  assert.deepEqual(svc.subcases.map((s) => s.id), ['conclusion']);
  // §1 (L467-470): through the provider and the portal www.egov.kz.
  assert.deepEqual([...svc.channels].sort(), ['portal', 'provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.deepEqual(svc.provider, informatization);
  assert.equal(svc.result!.registry, 'cash_register_conclusions');
  assert.equal(svc.result!.numberPrefix, 'KSII-CCM');
  assert.match(svc.result!.document.kk, /қорытынды/);
  assert.match(svc.result!.refusal.kk, /дәлелді хат/);
});

test('the provider: the Committee, with the documented working hours', () => {
  assert.equal(informatization.id, 'informatization');
  assert.equal(informatization.name.ru, 'Комитет связи, информатизации и информации Министерства по инвестициям и развитию Республики Казахстан');
  assert.deepEqual(informatization.workingHours, { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } });
  assert.deepEqual(informatization.offices, []);
});

test('legal sources: order No. 877 (Annex 3) and the standard No. 476', () => {
  const order = svc.sources.find((s) => s.number === '877');
  assert.equal(order?.date, '2015-08-24');
  assert.match(order?.registered ?? '', /29\.09\.2015.*12119/);
  assert.match(order?.repealedBy ?? '', /120\/НҚ of 30\.05\.2023/);
  assert.match(order?.act.en ?? '', /Annex 3/);
  assert.equal(svc.sources.find((s) => s.number === '476')?.date, '2015-04-21');
});

// [step, role, amount, unit, from, automatic]
const STEPS: Array<[string, string, number, string, string, boolean]> = [
  ['register', 'office', 15, 'minutes', 'received', false], // §5(1) он бес минут
  ['hand_over', 'office', 2, 'working_hours', 'received', false], // §8(1) екі сағат
  ['assign', 'head_of_provider', 3, 'working_days', 'step_start', false], // §5(2) үш жұмыс күні
  ['digitize', 'executor', 3, 'working_days', 'step_start', false], // §5(3) үш жұмыс күні (paper)
  ['check', 'executor', 10, 'calendar_days', 'received', false], // §8(2) он күнтізбелік күн, §5(4) from arrival
  ['prepare_refusal', 'executor', 3, 'working_hours', 'step_start', false], // §8(3) үш сағат
  ['send_refusal', 'office', 2, 'working_hours', 'step_start', false], // §8(4) екі сағат
  ['notify_refusal', 'portal', 0, 'same_day', 'step_start', true], // §10 Process 4
  ['prepare_notice', 'executor', 3, 'working_hours', 'step_start', false], // §8(3)
  ['send_notice', 'office', 2, 'working_hours', 'step_start', false], // §8(4)
  ['notify_inspection', 'portal', 0, 'same_day', 'step_start', true], // §10 Process 5
  ['inspect', 'executor', 15, 'calendar_days', 'step_start', false], // §8(5) он бес күнтізбелік күн
  ['prepare_result', 'executor', 3, 'working_hours', 'step_start', false], // §8(6) үш сағат
  ['sign_result', 'head_of_provider', 3, 'working_hours', 'completed:inspect', false], // shares §8(6)
  ['deliver', 'portal', 0, 'same_day', 'step_start', true], // §10 Processes 7-8
  ['dispatch', 'office', 2, 'working_hours', 'step_start', false], // §8(7) екі сағат
];

test('conclusion: every step, role and term; 29 calendar days from receipt in all', () => {
  const sc = subcase('conclusion');
  assert.equal(sc.firstStep, 'register');
  assert.deepEqual(sc.steps.map((s) => s.id), STEPS.map((s) => s[0]));
  for (const [id, role, amount, unit, from, automatic] of STEPS) {
    const st = step(sc, id);
    assert.equal(st.role, role, `${id}: role`);
    assert.deepEqual({ amount: st.term.duration.amount, unit: st.term.duration.unit, from: st.term.from }, { amount, unit, from }, `${id}: term`);
    assert.equal(st.automatic, automatic, `${id}: automatic`);
    assert.equal(st.term.duration.ref?.seed, '002', `${id}: term ref`);
    assert.match(st.term.duration.ref?.lines ?? '', /^L\d+/, `${id}: term lines`);
    if (automatic) assert.ok(st.outcomes.every((o) => o.signed === false), `${id}: the portal does not sign`);
  }
  // §5(7) (L531-534): 29 calendar days from the day the documents are received.
  assert.deepEqual({ amount: sc.term.duration.amount, unit: sc.term.duration.unit, from: sc.term.from }, { amount: 29, unit: 'calendar_days', from: 'received' });
  // The §8 path fits: 10 cd (from receipt) + 15 cd + hours ≤ 29 cd.
  assert.ok(10 + 15 < 29);
  assert.equal(sc.pauses.length, 0, 'the regulation suspends nothing');
  assert.equal(svc.roles.find((r) => r.id === 'portal')?.kind, 'system');
  assert.deepEqual(svc.roles.map((r) => r.id), ['office', 'head_of_provider', 'executor', 'portal']);
});

test('paths by channel: the portal notifies and delivers, paper goes by post or courier', () => {
  const approve = { check: 'documents_conform', inspect: 'act_conformity' };
  assert.deepEqual(walk('portal', approve), ['register', 'hand_over', 'assign', 'check', 'prepare_notice', 'notify_inspection', 'inspect', 'prepare_result', 'sign_result', 'deliver', 'end']);
  assert.deepEqual(walk('provider_office', approve, 'individual'), ['register', 'hand_over', 'assign', 'digitize', 'check', 'prepare_notice', 'send_notice', 'inspect', 'prepare_result', 'sign_result', 'dispatch', 'end']);
  const formal = { check: 'documents_defective' };
  assert.deepEqual(walk('portal', formal), ['register', 'hand_over', 'assign', 'check', 'prepare_refusal', 'notify_refusal', 'end']);
  assert.deepEqual(walk('provider_office', formal), ['register', 'hand_over', 'assign', 'digitize', 'check', 'prepare_refusal', 'send_refusal', 'end']);
  const nonconformity = { check: 'documents_conform', inspect: 'act_nonconformity' };
  assert.deepEqual(walk('portal', nonconformity).slice(-4), ['prepare_result', 'sign_result', 'deliver', 'end']);
  assert.deepEqual(walk('provider_office', nonconformity).slice(-4), ['prepare_result', 'sign_result', 'dispatch', 'end']);
  const sc = subcase('conclusion');
  const assigned = step(sc, 'assign').outcomes[0]!;
  assert.deepEqual([assigned.assigns, assigned.mark], ['executor', 'in_execution']);
  assert.equal(step(sc, 'register').outcomes[0]!.mark, 'registered');
});

test('refusal grounds: the three formal grounds at the check, non-conformity at the inspection, exhaustive', () => {
  assert.equal(svc.exhaustiveGrounds, true);
  assert.deepEqual(svc.refusalGrounds.map((g) => g.id), ['document_errors', 'incomplete_package', 'improper_execution', 'system_nonconforming']);
  for (const g of svc.refusalGrounds) {
    assert.ok(g.text.kk && g.text.ru && g.text.en, g.id);
    assert.equal(g.ref?.seed, '002', g.id);
  }
  const sc = subcase('conclusion');
  const check = step(sc, 'check').outcomes.find((o) => o.decision === 'refuse');
  assert.deepEqual(check?.grounds, ['document_errors', 'incomplete_package', 'improper_execution']);
  const inspect = step(sc, 'inspect').outcomes.find((o) => o.decision === 'refuse');
  assert.deepEqual(inspect?.grounds, ['system_nonconforming']);
  assert.equal(step(sc, 'inspect').outcomes.find((o) => o.id === 'act_conformity')?.decision, 'approve');
});

test('documents of §9(5): the banking exemption and the questionnaire on paper', () => {
  const sc = subcase('conclusion');
  const required = (channel: Channel, bankingUse: string) =>
    sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel, applicantKind: 'legal_entity', fields: { bankingUse } })).map((d) => d.id);
  assert.deepEqual(required('portal', 'no'), ['functional_description', 'tax_inspector_manual', 'installation_manual', 'security_certificate', 'functional_copy_medium']);
  assert.deepEqual(required('portal', 'yes'), ['functional_description', 'tax_inspector_manual', 'security_certificate']);
  assert.deepEqual(required('provider_office', 'no'), ['questionnaire_application', 'functional_description', 'tax_inspector_manual', 'installation_manual', 'security_certificate', 'functional_copy_medium']);
  assert.match(sc.documents.find((d) => d.id === 'security_certificate')!.name.ru, /15408-2006/);
  assert.deepEqual(sc.fields.find((f) => f.id === 'bankingUse')?.options?.map((o) => o.value), ['no', 'yes']);
  assert.equal(sc.fee.kind, 'free');
});

test('interpretations name their readings, choice and sources', () => {
  for (const i of svc.interpretations) assert.ok(i.readings.length >= 1 && i.chosen && i.refs.length >= 1, i.topic);
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/29 calendar days/, /15 minutes/, /Routing and digitisation/, /by channel/, /Signature/, /Refusal grounds/, /Inspection/, /Source defects/, /working hours/i, /Status of a repealed/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine. Working hours 09:00-18:30, lunch 13:00-14:30; 16 December 2026 is a
// Wednesday off; a calendar-day term ending on a day off moves to the next working day.

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

function assertDues(v: CaseView, expected: Record<string, string>) {
  for (const [id, due] of Object.entries(expected)) assert.equal(dueOf(v, id), `${due}:00+05:00`, id);
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), Object.keys(expected), 'steps visited');
  assert.ok(v.deadlines.steps.every((s) => !s.overdue), 'every step in time');
}

const z = (local: string) => `${local}:00+05:00`;

eachEngine('cash-register-conclusion: portal application, act of conformity, conclusion in the personal cabinet', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'cash-register-conclusion',
    subcase: 'conclusion',
    channel: 'portal',
    at: z('2026-11-23T10:00'),
    path: [
      { step: 'register', outcome: 'registered', at: z('2026-11-23T10:10') },
      { step: 'hand_over', outcome: 'handed_over', at: z('2026-11-23T11:00') },
      { step: 'assign', outcome: 'executor_assigned', assign: 'executor', at: z('2026-11-24T10:00') },
      { step: 'check', outcome: 'documents_conform', at: z('2026-12-02T11:00') },
      { step: 'prepare_notice', outcome: 'prepared', at: z('2026-12-02T15:00') },
      { step: 'inspect', outcome: 'act_conformity', at: z('2026-12-15T12:00') },
      { step: 'prepare_result', outcome: 'prepared', at: z('2026-12-15T16:00') },
      { step: 'sign_result', outcome: 'signed', at: z('2026-12-15T16:20') },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.decision, 'approve');
  assert.match(v.result!.number, /^KSII-CCM-2026-\d{6}$/);
  assert.equal(v.deadlines.received, z('2026-11-23T10:00'));
  // 29 calendar days from Monday 23 November: Tuesday 22 December.
  assert.equal(v.deadlines.overall.due, z('2026-12-22T18:30'));
  assert.equal(v.deadlines.overall.overdue, false);
  assertDues(v, {
    register: '2026-11-23T10:15', // 15 min from receipt
    hand_over: '2026-11-23T12:00', // 2 h from receipt
    assign: '2026-11-26T18:30', // 3 wd after 23 November
    check: '2026-12-03T18:30', // 10 cd from receipt (23 November)
    prepare_notice: '2026-12-02T15:30', // 3 h from 11:00: 2 h before lunch, 1 h after
    notify_inspection: '2026-12-02T18:30', // the portal, the same day
    inspect: '2026-12-17T18:30', // 15 cd from 2 December
    prepare_result: '2026-12-15T16:30', // 3 h from 12:00
    sign_result: '2026-12-15T16:30', // the same 3 h from the act
    deliver: '2026-12-15T18:30',
  });
});

eachEngine('cash-register-conclusion: paper application, digitised, printed and sealed conclusion sent by post', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'cash-register-conclusion',
    subcase: 'conclusion',
    channel: 'provider_office',
    applicant: t.users.applicant,
    at: z('2026-11-25T17:00'),
    path: [
      { step: 'register', outcome: 'registered', at: z('2026-11-25T17:10') },
      { step: 'hand_over', outcome: 'handed_over', at: z('2026-11-26T09:00') },
      { step: 'assign', outcome: 'executor_assigned', assign: 'executor', at: z('2026-11-27T10:00') },
      { step: 'digitize', outcome: 'sent_to_portal', at: z('2026-12-01T10:00') },
      { step: 'check', outcome: 'documents_conform', at: z('2026-12-04T10:00') },
      { step: 'prepare_notice', outcome: 'prepared', at: z('2026-12-04T11:00') },
      { step: 'send_notice', outcome: 'sent', at: z('2026-12-04T12:00') },
      { step: 'inspect', outcome: 'act_conformity', at: z('2026-12-18T10:00') },
      { step: 'prepare_result', outcome: 'prepared', at: z('2026-12-18T11:00') },
      { step: 'sign_result', outcome: 'signed', at: z('2026-12-18T12:00') },
      { step: 'dispatch', outcome: 'dispatched', at: z('2026-12-18T15:00') },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.channel, 'provider_office');
  // 29 calendar days from Wednesday 25 November: Thursday 24 December.
  assert.equal(v.deadlines.overall.due, z('2026-12-24T18:30'));
  assertDues(v, {
    register: '2026-11-25T17:15',
    hand_over: '2026-11-26T09:30', // 2 h from 17:00: 1.5 h that day, 30 min the next morning
    assign: '2026-12-01T18:30', // 3 wd after 26 November
    digitize: '2026-12-02T18:30', // 3 wd after 27 November
    check: '2026-12-07T18:30', // 10 cd from 25 November is Saturday 5 December: Monday 7 December
    prepare_notice: '2026-12-04T13:00', // 3 h from 10:00
    send_notice: '2026-12-04T13:00', // 2 h from 11:00
    inspect: '2026-12-21T18:30', // 15 cd from 4 December is Saturday 19 December: Monday 21 December
    prepare_result: '2026-12-18T13:00',
    sign_result: '2026-12-18T13:00',
    dispatch: '2026-12-18T15:30', // 2 h from 12:00: 1 h, lunch, 1 h
  });
});

eachEngine('cash-register-conclusion: portal refusal to consider an incomplete package, notified by the portal', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'cash-register-conclusion',
    subcase: 'conclusion',
    channel: 'portal',
    at: z('2026-11-23T10:00'),
    path: [
      { step: 'register', outcome: 'registered', at: z('2026-11-23T10:10') },
      { step: 'hand_over', outcome: 'handed_over', at: z('2026-11-23T11:00') },
      { step: 'assign', outcome: 'executor_assigned', assign: 'executor', at: z('2026-11-24T10:00') },
      { step: 'check', outcome: 'documents_defective', grounds: ['incomplete_package', 'document_errors'], at: z('2026-11-26T10:00') },
      { step: 'prepare_refusal', outcome: 'prepared', at: z('2026-11-26T12:30') },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.equal(v.decision, 'refuse');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['incomplete_package', 'document_errors']);
  assert.match(v.result!.number, /^KSII-CCM-2026-\d{6}$/);
  assert.equal(v.deadlines.overall.due, z('2026-12-22T18:30'));
  assertDues(v, {
    register: '2026-11-23T10:15',
    hand_over: '2026-11-23T12:00',
    assign: '2026-11-26T18:30',
    check: '2026-12-03T18:30',
    prepare_refusal: '2026-11-26T13:00', // 3 h from 10:00
    notify_refusal: '2026-11-26T18:30',
  });
});

eachEngine('cash-register-conclusion: paper refusal to consider, documents returned by post', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'cash-register-conclusion',
    subcase: 'conclusion',
    channel: 'provider_office',
    applicant: t.users.applicant,
    at: z('2026-12-11T16:00'),
    path: [
      { step: 'register', outcome: 'registered', at: z('2026-12-11T16:10') },
      { step: 'hand_over', outcome: 'handed_over', at: z('2026-12-11T17:00') },
      { step: 'assign', outcome: 'executor_assigned', assign: 'executor', at: z('2026-12-14T10:00') },
      { step: 'digitize', outcome: 'sent_to_portal', at: z('2026-12-15T10:00') },
      { step: 'check', outcome: 'documents_defective', grounds: ['improper_execution'], at: z('2026-12-17T10:00') },
      { step: 'prepare_refusal', outcome: 'prepared', at: z('2026-12-17T11:00') },
      { step: 'send_refusal', outcome: 'sent', at: z('2026-12-17T12:00') },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['improper_execution']);
  // 29 calendar days from Friday 11 December is Saturday 9 January 2027: Monday 11 January.
  assert.equal(v.deadlines.overall.due, z('2027-01-11T18:30'));
  assertDues(v, {
    register: '2026-12-11T16:15',
    hand_over: '2026-12-11T18:00', // 2 h from 16:00
    assign: '2026-12-17T18:30', // 3 wd after 11 December: 14, 15, (16 off) 17
    digitize: '2026-12-18T18:30', // 3 wd after 14 December: 15, 17, 18
    check: '2026-12-21T18:30', // 10 cd from 11 December
    prepare_refusal: '2026-12-17T13:00',
    send_refusal: '2026-12-17T13:00', // 2 h from 11:00
  });
});

eachEngine('cash-register-conclusion: act of non-conformity, reasoned refusal letter through the portal', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'cash-register-conclusion',
    subcase: 'conclusion',
    channel: 'portal',
    // During the lunch break: received at 14:30.
    at: z('2026-11-23T14:00'),
    path: [
      { step: 'register', outcome: 'registered', at: z('2026-11-23T14:40') },
      { step: 'hand_over', outcome: 'handed_over', at: z('2026-11-23T15:00') },
      { step: 'assign', outcome: 'executor_assigned', assign: 'executor', at: z('2026-11-23T16:00') },
      { step: 'check', outcome: 'documents_conform', at: z('2026-11-30T10:00') },
      { step: 'prepare_notice', outcome: 'prepared', at: z('2026-11-30T11:00') },
      { step: 'inspect', outcome: 'act_nonconformity', grounds: ['system_nonconforming'], at: z('2026-12-15T18:00') },
      { step: 'prepare_result', outcome: 'prepared', at: z('2026-12-17T10:00') },
      { step: 'sign_result', outcome: 'signed', at: z('2026-12-17T11:00') },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['system_nonconforming']);
  assert.equal(v.deadlines.received, z('2026-11-23T14:30'));
  assert.equal(v.deadlines.overall.due, z('2026-12-22T18:30'));
  assertDues(v, {
    register: '2026-11-23T14:45', // 15 min from 14:30
    hand_over: '2026-11-23T16:30', // 2 h from 14:30
    assign: '2026-11-26T18:30',
    check: '2026-12-03T18:30',
    prepare_notice: '2026-11-30T13:00', // 3 h from 10:00
    notify_inspection: '2026-11-30T18:30',
    inspect: '2026-12-15T18:30', // 15 cd from 30 November
    prepare_result: '2026-12-17T11:30', // 3 h from 18:00: 30 min, 16 December off, 2.5 h on the 17th
    sign_result: '2026-12-17T11:30', // the same 3 h from the act
    deliver: '2026-12-17T18:30',
  });
});

eachEngine('cash-register-conclusion: a ground outside the step\'s list is rejected (exhaustive grounds)', async (_t, engine) => {
  const t = await appFor(engine);
  await assert.rejects(
    runCase(t, {
      serviceId: 'cash-register-conclusion',
      subcase: 'conclusion',
      channel: 'portal',
      at: z('2026-11-23T10:00'),
      path: [
        { step: 'register', outcome: 'registered' },
        { step: 'hand_over', outcome: 'handed_over' },
        { step: 'assign', outcome: 'executor_assigned', assign: 'executor' },
        // Non-conformity is a ground of the inspection act, not of the documents check.
        { step: 'check', outcome: 'documents_defective', grounds: ['system_nonconforming'] },
      ],
    }),
    /cannot be cited at step "check"/,
  );
});
