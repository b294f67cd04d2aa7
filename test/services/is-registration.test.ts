// Registration of EIR and IS in the State Register (Annex 2 of order No. 877, seed 002 L238-448).
// The Committee is the provider, the Enterprise enters the State Register. Figures are written
// from the regulation text (§5 L285-334, §8 L372-441), not read back from the module.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import isRegistrationDefault, { isRegistration, SECTION_5_VS_8 } from '../../src/services/is-registration.ts';
import { informatization } from '../../src/services/providers/informatization.ts';
import { ServiceDefinition, findStep, findSubcase, resolveNext, type SubCase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase, staffFor, type PathStep } from '../support/run-case.ts';
import type { CaseView } from '../../src/app/cases.ts';

const svc = isRegistration;

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
  assert.equal(isRegistrationDefault, svc);
  assert.equal(svc.id, 'is-registration');
  assert.equal(svc.version, '2015-10-31');
  assert.equal(svc.status, 'active');
  assert.deepEqual(svc.subcases.map((s) => s.id), ['registration']);
  assert.deepEqual(svc.channels, ['provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.deepEqual(svc.provider, informatization);
  assert.equal(svc.provider.id, 'informatization');
  assert.match(svc.provider.name.kk, /Байланыс, ақпараттандыру және ақпарат комитеті/);
  assert.equal(svc.result!.registry, 'state_register_eir_is');
  assert.equal(svc.result!.numberPrefix, 'KSII-EIR');
  assert.match(svc.result!.document.kk, /куәлік/);
});

test('legal sources: order No. 877 (Annex 2), the standard No. 476', () => {
  const order = svc.sources.find((s) => s.number === '877');
  assert.equal(order?.date, '2015-08-24');
  assert.match(order?.registered ?? '', /12119/);
  assert.match(order?.repealedBy ?? '', /120\/НҚ of 30\.05\.2023/);
  assert.match(order?.act.en ?? '', /Annex 2/);
  assert.equal(svc.sources.find((s) => s.number === '476')?.date, '2015-04-21');
});

// §8 (L375-441), hop by hop: [step, role, amount, unit, from].
const STEPS: Array<[string, string, number, string, string]> = [
  ['register', 'office', 1, 'working_hours', 'received'], // 8.1 бір сағат
  ['assign_unit', 'head_of_provider', 4, 'working_hours', 'step_start'], // 8.2 төрт сағат
  ['assign_executor', 'unit_head', 4, 'working_hours', 'step_start'], // 8.3 төрт сағат
  ['check_application', 'executor', 14, 'working_days', 'step_start'], // 8.4 он төрт жұмыс күні
  ['agree_decision', 'unit_head', 4, 'working_hours', 'step_start'], // 8.4 no term: 4 h as in 8.14
  ['register_resource', 'executor', 5, 'working_days', 'step_start'], // 8.4 бес жұмыс күні
  ['prepare_letter', 'executor', 4, 'working_hours', 'step_start'], // 8.4 төрт сағат
  ['agree_letter', 'head_of_provider', 4, 'working_hours', 'step_start'],
  ['sign_letter', 'head_of_provider', 4, 'working_hours', 'step_start'],
  ['send_to_enterprise', 'office', 1, 'working_hours', 'step_start'], // 8.5
  ['enterprise_register', 'enterprise_office', 1, 'working_hours', 'step_start'], // 8.6
  ['enterprise_assign_unit', 'enterprise_head', 4, 'working_hours', 'step_start'], // 8.7
  ['enterprise_unit_review', 'enterprise_unit_head', 2, 'working_hours', 'step_start'], // 8.8
  ['enterprise_assign_section', 'enterprise_unit_deputy', 2, 'working_hours', 'step_start'], // 8.9
  ['enterprise_assign_executor', 'enterprise_section_head', 15, 'minutes', 'step_start'], // 8.10
  ['enter_state_register', 'enterprise_executor', 3, 'working_days', 'step_start'], // 8.11 үш жұмыс күні
  ['draft_certificate', 'enterprise_executor', 4, 'working_hours', 'step_start'],
  ['agree_certificate', 'enterprise_head', 4, 'working_hours', 'step_start'],
  ['sign_enterprise_letter', 'enterprise_head', 4, 'working_hours', 'step_start'],
  ['enterprise_dispatch', 'enterprise_office', 1, 'working_hours', 'step_start'], // 8.12
  ['receive_certificate', 'office', 1, 'working_hours', 'step_start'], // 8.13
  ['check_certificate', 'executor', 4, 'working_hours', 'step_start'], // 8.14
  ['sign_certificate', 'head_of_provider', 4, 'working_hours', 'completed:receive_certificate'],
  ['prepare_cover_letter', 'executor', 4, 'working_hours', 'step_start'],
  ['agree_cover_letter', 'unit_head', 4, 'working_hours', 'step_start'],
  ['sign_cover_letter', 'head_of_provider', 4, 'working_hours', 'step_start'],
  ['dispatch', 'office', 1, 'working_hours', 'step_start'], // 8.15
];

test('registration: every step follows §8; the overall term is §5\'s 40 working days', () => {
  const sc = subcase('registration');
  assert.equal(sc.firstStep, 'register');
  assert.deepEqual(sc.steps.map((s) => s.id), STEPS.map((s) => s[0]));
  for (const [id, role, amount, unit, from] of STEPS) {
    const st = step(sc, id);
    assert.equal(st.role, role, `${id}: role`);
    assert.deepEqual({ amount: st.term.duration.amount, unit: st.term.duration.unit, from: st.term.from }, { amount, unit, from }, `${id}: term`);
    assert.equal(st.term.duration.ref?.seed, '002', `${id}: term ref`);
    assert.match(st.term.duration.ref?.lines ?? '', /^L\d+/, `${id}: term lines`);
  }
  assert.deepEqual({ amount: sc.term.duration.amount, unit: sc.term.duration.unit, from: sc.term.from }, { amount: 40, unit: 'working_days', from: 'received' });
  assert.match(sc.term.duration.ref?.note ?? '', /CONTRADICTION/);
  // §7 (L357-371): ten posts, four of the Committee and six of the Enterprise.
  assert.deepEqual(svc.roles.map((r) => r.id), [
    'office', 'head_of_provider', 'unit_head', 'executor',
    'enterprise_office', 'enterprise_head', 'enterprise_unit_head', 'enterprise_unit_deputy', 'enterprise_section_head', 'enterprise_executor',
  ]);
});

test('the §5 / §8 contradiction is kept as data and as the first interpretation', () => {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  // §5 (L285-334): 2 + 15 + 5 + 5 + 3 + 5 + 3 + 2 working days and 8 hours.
  assert.equal(sum(SECTION_5_VS_8.section5.workingDays), 40);
  assert.equal(sum(SECTION_5_VS_8.section5.hours), 8);
  // §8 (L372-441): 14 + 5 + 3 working days, 62 hours and 15 minutes.
  assert.equal(sum(SECTION_5_VS_8.section8.workingDays), 22);
  assert.equal(sum(SECTION_5_VS_8.section8.hours), 62);
  assert.deepEqual(SECTION_5_VS_8.section8.minutes, [15]);
  // The §8 step terms of the module are exactly §8's figures.
  const sc = subcase('registration');
  const byUnit = (u: string) => sc.steps.filter((s) => s.term.duration.unit === u && s.id !== 'agree_decision' && s.id !== 'sign_certificate').map((s) => s.term.duration.amount);
  assert.equal(sum(byUnit('working_days')), 22);
  assert.equal(sum(byUnit('working_hours')), 62);
  const first = svc.interpretations[0]!;
  assert.match(first.topic, /CONTRADICTION.*40 working days.*22 working days/);
  assert.equal(first.readings.length, 3);
  assert.match(first.readings[0]!, /40 working days \+ 8 hours/);
  assert.match(first.readings[1]!, /22 working days \+ 62 hours 15 minutes/);
  assert.match(first.chosen, /40 working days/);
  assert.deepEqual(first.refs.slice(0, 2).map((r) => r.lines), ['L285-334', 'L372-441']);
});

test('registration: one path, a pause for additional information, no refusal', () => {
  const sc = subcase('registration');
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    const st = step(sc, at);
    path.push(st.id);
    assert.equal(st.outcomes.length, 1, st.id);
    at = resolveNext(st.outcomes[0]!, { channel: 'provider_office', applicantKind: 'legal_entity' });
  }
  assert.deepEqual(path, STEPS.map((s) => s[0]));
  assert.deepEqual(svc.refusalGrounds, []);
  assert.equal(svc.exhaustiveGrounds, true);
  assert.equal(step(sc, 'register').outcomes[0]!.mark, 'registered');
  assert.deepEqual([step(sc, 'assign_executor').outcomes[0]!.assigns, step(sc, 'assign_executor').outcomes[0]!.mark], ['executor', 'in_execution']);
  assert.equal(step(sc, 'enterprise_assign_executor').outcomes[0]!.assigns, 'enterprise_executor');
  assert.equal(step(sc, 'agree_decision').outcomes[0]!.decision, 'approve');
  // §5(3), §8(4) (L295-296, L385-386): "when necessary, requests additional information".
  assert.equal(sc.pauses.length, 1);
  const p = sc.pauses[0]!;
  assert.deepEqual([p.id, p.atSteps, p.role], ['additional_information', ['check_application'], 'executor']);
  assert.deepEqual({ amount: p.applicantTerm.amount, unit: p.applicantTerm.unit }, { amount: 14, unit: 'working_days' });
  assert.equal(p.onExpiry, undefined, 'no refusal to apply when the applicant is silent');
});

test('documents, fields, fee and interpretations', () => {
  const sc = subcase('registration');
  assert.deepEqual(sc.documents.map((d) => d.id), ['registration_application']);
  assert.deepEqual(sc.fields.find((f) => f.id === 'resourceKind')?.options?.map((o) => o.value), ['information_resource', 'information_system', 'both']);
  assert.equal(sc.fee.kind, 'free');
  for (const i of svc.interpretations) assert.ok(i.readings.length >= 1 && i.chosen && i.refs.length >= 1, i.topic);
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/CONTRADICTION/, /additional information/, /Enterprise inside/, /No refusal/, /working hours/i, /Status of a repealed/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine. Working hours 09:00-18:30, lunch 13:00-14:30; 16 December 2026, 1, 4 and
// 7 January 2027 are days off.

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

/** Each step taken at the given time (Almaty), with its single outcome. */
function path(times: Record<string, string>): PathStep[] {
  const sc = subcase('registration');
  return STEPS.map(([id]) => {
    const o = step(sc, id).outcomes[0]!;
    const at = times[id];
    assert.ok(at, `a time for ${id}`);
    return { step: id, outcome: o.id, ...(o.assigns ? { assign: o.assigns } : {}), at: `${at}+05:00` };
  });
}

eachEngine('is-registration: the application runs through the Committee and the Enterprise to the certificate', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'is-registration',
    subcase: 'registration',
    channel: 'provider_office',
    at: '2026-11-23T09:30:00+05:00',
    path: path({
      register: '2026-11-23T10:00:00',
      assign_unit: '2026-11-23T11:00:00',
      assign_executor: '2026-11-23T12:00:00',
      check_application: '2026-12-10T10:00:00',
      agree_decision: '2026-12-10T15:00:00',
      register_resource: '2026-12-17T10:00:00',
      prepare_letter: '2026-12-17T11:00:00',
      agree_letter: '2026-12-17T16:00:00',
      sign_letter: '2026-12-18T09:30:00',
      send_to_enterprise: '2026-12-18T10:00:00',
      enterprise_register: '2026-12-18T10:30:00',
      enterprise_assign_unit: '2026-12-18T15:00:00',
      enterprise_unit_review: '2026-12-18T16:00:00',
      enterprise_assign_section: '2026-12-18T17:00:00',
      enterprise_assign_executor: '2026-12-18T17:10:00',
      enter_state_register: '2026-12-22T12:00:00',
      draft_certificate: '2026-12-22T17:00:00',
      agree_certificate: '2026-12-23T11:00:00',
      sign_enterprise_letter: '2026-12-23T12:00:00',
      enterprise_dispatch: '2026-12-23T12:30:00',
      receive_certificate: '2026-12-23T14:45:00',
      check_certificate: '2026-12-23T16:00:00',
      sign_certificate: '2026-12-24T09:10:00',
      prepare_cover_letter: '2026-12-24T11:00:00',
      agree_cover_letter: '2026-12-24T15:00:00',
      sign_cover_letter: '2026-12-24T18:00:00',
      dispatch: '2026-12-25T09:15:00',
    }),
  });
  assert.equal(v.mark, 'result');
  assert.match(v.result!.number, /^KSII-EIR-2026-\d{6}$/);
  assert.equal(v.deadlines.received, '2026-11-23T09:30:00+05:00');
  // 40 working days after 23 November 2026 (16 December, 1, 4 and 7 January off): 22 January 2027.
  assert.equal(v.deadlines.overall.due, '2027-01-22T18:30:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
  const expected: Record<string, string> = {
    register: '2026-11-23T10:30', // 1 h from receipt at 09:30
    assign_unit: '2026-11-23T15:30', // 4 h from 10:00: 3 h before lunch, 1 h after
    assign_executor: '2026-11-23T16:30', // 4 h from 11:00: 2 h before lunch, 2 h after
    check_application: '2026-12-11T18:30', // 14 wd after 23 November
    agree_decision: '2026-12-10T15:30', // 4 h from 10:00
    register_resource: '2026-12-18T18:30', // 5 wd after 10 December, 16 December off
    prepare_letter: '2026-12-17T15:30', // 4 h from 10:00
    agree_letter: '2026-12-17T16:30', // 4 h from 11:00
    sign_letter: '2026-12-18T10:30', // 4 h from 16:00: 2.5 h, then 1.5 h next morning
    send_to_enterprise: '2026-12-18T10:30', // 1 h from 09:30
    enterprise_register: '2026-12-18T11:00', // 1 h from 10:00
    enterprise_assign_unit: '2026-12-18T16:00', // 4 h from 10:30
    enterprise_unit_review: '2026-12-18T17:00', // 2 h from 15:00
    enterprise_assign_section: '2026-12-18T18:00', // 2 h from 16:00
    enterprise_assign_executor: '2026-12-18T17:15', // 15 min from 17:00
    enter_state_register: '2026-12-23T18:30', // 3 wd after Friday 18 December
    draft_certificate: '2026-12-22T17:30', // 4 h from 12:00
    agree_certificate: '2026-12-23T11:30', // 4 h from 17:00: 1.5 h, then 2.5 h next morning
    sign_enterprise_letter: '2026-12-23T16:30', // 4 h from 11:00
    enterprise_dispatch: '2026-12-23T13:00', // 1 h from 12:00, ending at the lunch break
    receive_certificate: '2026-12-23T15:00', // 1 h from 12:30: 30 min, lunch, 30 min
    check_certificate: '2026-12-24T09:15', // 4 h from 14:45
    sign_certificate: '2026-12-24T09:15', // 4 h from the registration at 14:45
    prepare_cover_letter: '2026-12-24T14:40', // 4 h from 09:10
    agree_cover_letter: '2026-12-24T16:30', // 4 h from 11:00
    sign_cover_letter: '2026-12-25T09:30', // 4 h from 15:00: 3.5 h, then 30 min
    dispatch: '2026-12-25T09:30', // 1 h from 18:00
  };
  for (const [id, due] of Object.entries(expected)) assert.equal(dueOf(v, id), `${due}:00+05:00`, id);
  assert.ok(v.deadlines.steps.every((s) => !s.overdue), 'every step in time');
});

eachEngine('is-registration: a request for additional information stops the clock until the applicant answers', async (_t, engine) => {
  const t = await appFor(engine);
  const head: PathStep[] = [
    { step: 'register', outcome: 'registered', at: '2026-11-23T10:00:00+05:00' },
    { step: 'assign_unit', outcome: 'unit_assigned', at: '2026-11-23T11:00:00+05:00' },
    { step: 'assign_executor', outcome: 'executor_assigned', assign: 'executor', at: '2026-11-23T12:00:00+05:00' },
    { pause: 'additional_information', request: 'Specify the owner of the information system', at: '2026-11-24T10:00:00+05:00' },
  ];
  const paused = await runCase(t, { serviceId: 'is-registration', subcase: 'registration', channel: 'provider_office', applicant: t.users.applicant, at: '2026-11-23T09:30:00+05:00', path: head });
  assert.equal(paused.mark, 'paused');
  assert.equal(paused.paused, true);
  // The applicant has 14 working days from Tuesday 24 November: Monday 14 December, 18:30.
  assert.equal(new Date(paused.pauses[0]!.applicantDue).toISOString(), new Date('2026-12-14T18:30:00+05:00').toISOString());

  // The same path again on a new case, answered on Friday 27 November and run to the end.
  const rest = STEPS.slice(3).map(([id]) => {
    const o = step(subcase('registration'), id).outcomes[0]!;
    return { step: id, outcome: o.id, ...(o.assigns ? { assign: o.assigns } : {}) } as PathStep;
  });
  const v = await runCase(t, {
    serviceId: 'is-registration',
    subcase: 'registration',
    channel: 'provider_office',
    applicant: t.users.applicant,
    at: '2026-11-23T09:30:00+05:00',
    path: [
      ...head,
      { answer: 'The owner is the applicant itself', at: '2026-11-27T16:00:00+05:00' },
      { ...rest[0]!, at: '2026-12-15T10:00:00+05:00' },
      ...rest.slice(1).map((p) => ({ ...p, at: '2026-12-15T11:00:00+05:00' })),
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.pauses.length, 1);
  assert.equal(v.pauses[0]!.to !== undefined, true);
  // Paused from Tuesday 24 to Friday 27 November: 25, 26 and 27 November are not counted, so the
  // check's 14 working days (11 December) move by 3 working days, over 16 December, to 17 December.
  assert.equal(dueOf(v, 'check_application'), '2026-12-17T18:30:00+05:00');
  assert.equal(v.deadlines.steps.find((s) => s.stepId === 'check_application')!.overdue, false);
  // The overall 40 working days (22 January 2027) move by the same 3 working days.
  assert.equal(v.deadlines.overall.due, '2027-01-27T18:30:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
});
