// Attestation of information systems as encoded from seed 002 (order No. 877 of 24.08.2015,
// Annex 5, L766–L1090). Every figure below is written from the regulation text (the quoted
// Kazakh words and their lines), not read back from the module, so a module that drifts from the
// text fails. The engine runs (both engines) check every due date against dates computed by hand
// for the Committee's working hours (Mon–Fri 09:00–18:30, lunch 13:00–14:30; Almaty, +05:00).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import isAttestationDefault, { isAttestation } from '../../src/services/is-attestation.ts';
import { informatization } from '../../src/services/providers/informatization.ts';
import { ServiceDefinition, findStep, resolveNext, type SubCase } from '../../src/core/regulation.ts';
import { planDeadlines } from '../../src/core/clock.ts';
import { formatAlmaty } from '../../src/core/time.ts';
import { CaseRuleError, availableActions, decideOutcome, fold } from '../../src/core/case.ts';
import { loadEvents, type CaseView } from '../../src/app/cases.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase, staffFor, type PathStep } from '../support/run-case.ts';

const svc = isAttestation;
const sc: SubCase = svc.subcases[0]!;
const SERVICE = 'is-attestation';

function step(id: string) {
  const st = findStep(sc, id);
  assert.ok(st, `step ${id} exists`);
  return st;
}

// ---------------------------------------------------------------------------------------------
// The definition

test('the definition validates and is the default export', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(isAttestationDefault, svc);
  assert.equal(svc.id, SERVICE);
  assert.equal(svc.status, 'active');
  // Order No. 877 in force 31.10.2015 (the seed-002 services' common choice; §5 L79-80).
  assert.equal(svc.version, '2015-10-31');
  assert.deepEqual(svc.effective, { from: '2015-10-31' });
  assert.deepEqual(svc.subcases.map((s) => s.id), ['attestation']);
  // §2 (L805) and §8(1)/(31): paper, at the Committee's office.
  assert.deepEqual(svc.channels, ['provider_office']);
  assert.deepEqual(svc.provider, informatization);
  assert.equal(svc.provider.id, 'informatization');
  assert.equal(svc.result!.registry, 'attestation-certificates');
  assert.equal(svc.result!.numberPrefix, 'IS-ATT');
  const order = svc.sources.find((s) => s.number === '877');
  assert.ok(order);
  assert.equal(order.date, '2015-08-24');
  assert.match(order.registered ?? '', /29\.09\.2015.*12119/);
  assert.match(order.repealedBy ?? '', /120\/НҚ of 30\.05\.2023/);
  assert.match(order.act.en, /Annex 5/);
  assert.ok(svc.sources.some((s) => s.number === '476' && s.date === '2015-04-21'));
  // The predecessor: MTC order No. 880 of 13.12.2012 (reg. No. 8240), void under §2(2) (L53-60).
  const predecessor = svc.sources.find((s) => s.number === '880');
  assert.ok(predecessor);
  assert.equal(predecessor.date, '2012-12-13');
  assert.match(predecessor.registered ?? '', /8240/);
});

// §7 (L896–L912): twelve posts; with the Commission (§5(6)–(7)) and the recipient.
const ROLES: Record<string, string> = {
  committee_head: 'staff',
  committee_unit_head: 'staff',
  committee_executor: 'staff',
  committee_office: 'staff',
  enterprise_head: 'staff',
  attestation_dept_head: 'staff',
  attestation_service_head: 'staff',
  attestation_service_executor: 'staff',
  contracts_dept_head: 'staff',
  contracts_section_head: 'staff',
  contracts_section_executor: 'staff',
  enterprise_office: 'staff',
  attestation_commission: 'staff',
  applicant: 'applicant',
};

test('roles: the twelve posts of §7, the Commission and the applicant', () => {
  assert.deepEqual(Object.fromEntries(svc.roles.map((r) => [r.id, r.kind])), ROLES);
  assert.equal(svc.roles.find((r) => r.id === 'committee_office')!.name.kk, 'Комитет кеңсесінің жұмыскері');
  assert.equal(svc.roles.find((r) => r.id === 'enterprise_office')!.name.kk, 'Кәсіпорын кеңсесінің жұмыскері');
});

// Every step: [§8 sub-paragraph (or the recipient's action), role, amount, unit, anchor], from the text.
type Fig = [para: string, role: string, amount: number, unit: string, from: string];
const M = 'minutes';
const WH = 'working_hours';
const WD = 'working_days';
const CD = 'calendar_days';
const S = 'step_start';
const FIGURES: Record<string, Fig> = {
  // Phase A (L915–L938)
  register: ['§8(1)', 'committee_office', 15, M, 'received'], // «он бес минут ішінде»
  c_head_route: ['§8(2)', 'committee_head', 15, M, S], // «он бес минут»
  c_unit_assign: ['§8(3)', 'committee_unit_head', 30, M, S], // «отыз минут»
  c_cover_letter: ['§8(4)', 'committee_executor', 2, CD, 'received'], // «өтінім келіп түскен сәттен бастап … күнтізбелік екі күн»
  c_unit_approve: ['§8(5)', 'committee_unit_head', 30, M, S],
  c_head_approve: ['§8(6)', 'committee_head', 30, M, S],
  c_office_send: ['§8(7)', 'committee_office', 15, M, S],
  // Phase B (L939–L986)
  e_office_register: ['§8(8)', 'enterprise_office', 15, M, S],
  e_head_route: ['§8(9)', 'enterprise_head', 15, M, S],
  e_dept_route: ['§8(10)', 'attestation_dept_head', 15, M, S],
  e_service_assign: ['§8(11)', 'attestation_service_head', 30, M, S],
  e_memo: ['§8(12)', 'attestation_service_executor', 30, M, S],
  e_contracts_dept_pass: ['§8(13)', 'contracts_dept_head', 15, M, S],
  e_section_assign: ['§8(14)', 'contracts_section_head', 15, M, S],
  draft_contracts: ['§8(15)', 'contracts_section_executor', 3, WD, S], // «үш жұмыс күні ішінде»
  e_office_send_contracts: ['§8(16)', 'enterprise_office', 15, M, S],
  sign_contracts: ['§5(4)', 'applicant', 3, WD, 'completed:register'], // «өтінімді тіркеген сәттен бастап үш жұмыс күні»
  e_office_register_contracts: ['§8(17)', 'enterprise_office', 15, M, S],
  e_contracts_dept_pass_contracts: ['§8(18)', 'contracts_dept_head', 15, M, S],
  e_section_assign_contracts: ['§8(19)', 'contracts_section_head', 30, M, S],
  register_contracts: ['§8(20)', 'contracts_section_executor', 30, M, S],
  // Phase C–D (L987–L1020)
  inspection: ['§8(21)', 'attestation_service_executor', 30, CD, 'completed:sign_contracts'], // «Шарттарды жасасқан сәттен бастап … күнтізбелік отыз күн»
  act: ['§8(22)', 'attestation_service_executor', 3, WH, S], // «үш сағат ішінде»
  act_letter: ['§8(23)', 'attestation_service_executor', 30, M, S],
  e_office_send_act: ['§8(24)', 'enterprise_office', 15, M, S],
  c_office_register_act: ['§8(25)', 'committee_office', 15, M, S],
  c_unit_assign_act: ['§8(26)', 'committee_unit_head', 30, M, S],
  convene_commission: ['§8(27)', 'committee_executor', 2, CD, S], // «күнтізбелік екі күн»
  commission_protocol: ['§8(28)', 'attestation_commission', 1, CD, S], // «күнтізбелік бір күн»
  decision: ['§8(29)', 'committee_head', 1, CD, S], // circular in the text; §8(43)'s one calendar day
  // Phase E1 (L1021–L1033)
  issue_prepare: ['§8(30)', 'committee_executor', 1, CD, S],
  c_office_issue: ['§8(31)', 'committee_office', 15, M, S],
  // Phase E2 (L1034–L1079)
  send_nonconformities: ['§8(32)', 'committee_executor', 15, M, S],
  c_office_nonconformities: ['§8(33)', 'committee_office', 15, M, S],
  eliminate_nonconformities: ['§5(9)', 'applicant', 365, CD, S], // no term in the text: placeholder
  c_office_register_notice: ['§8(34)', 'committee_office', 15, M, S],
  c_unit_assign_notice: ['§8(35)', 'committee_unit_head', 15, M, S],
  recheck_letter: ['§8(36)', 'committee_executor', 3, WD, S],
  c_office_send_recheck: ['§8(37)', 'committee_office', 15, M, S],
  e_office_register_recheck: ['§8(38)', 'enterprise_office', 15, M, S],
  e_dept_pass_recheck: ['§8(39)', 'attestation_dept_head', 15, M, S],
  e_service_assign_recheck: ['§8(40)', 'attestation_service_head', 15, M, S],
  recheck_inspection: ['§8(41)', 'attestation_service_executor', 10, WD, S], // «он жұмыс күні»
  // §8(42): «22), 23), 24), 25), 26), 27), 28) тармақшаларына сәйкес іс-қимылдар»
  recheck_act: ['§8(42)', 'attestation_service_executor', 3, WH, S],
  recheck_act_letter: ['§8(42)', 'attestation_service_executor', 30, M, S],
  recheck_e_office_send_act: ['§8(42)', 'enterprise_office', 15, M, S],
  recheck_c_office_register_act: ['§8(42)', 'committee_office', 15, M, S],
  recheck_c_unit_assign_act: ['§8(42)', 'committee_unit_head', 30, M, S],
  recheck_convene_commission: ['§8(42)', 'committee_executor', 2, CD, S],
  recheck_commission_protocol: ['§8(42)', 'attestation_commission', 1, CD, S],
  recheck_decision: ['§8(43)', 'committee_head', 1, CD, S], // «күнтізбелік бір күн ішінде аттестат беру туралы шешім»
};

test('every step: its post and its term follow the regulation text', () => {
  assert.deepEqual(sc.steps.map((s) => s.id), Object.keys(FIGURES));
  assert.equal(sc.firstStep, 'register');
  for (const [id, [para, role, amount, unit, from]] of Object.entries(FIGURES)) {
    const st = step(id);
    assert.equal(st.role, role, `${id}: role`);
    assert.deepEqual({ amount: st.term.duration.amount, unit: st.term.duration.unit, from: st.term.from }, { amount, unit, from }, `${id}: term`);
    assert.ok(st.ref?.paragraph?.includes(para), `${id}: ref names ${para} (has ${st.ref?.paragraph})`);
    assert.equal(st.ref?.seed, '002', `${id}: step ref seed`);
    assert.equal(st.term.duration.ref?.seed, '002', `${id}: term ref seed`);
    assert.match(st.term.duration.ref?.lines ?? '', /^L\d/, `${id}: term ref lines`);
    for (const o of st.outcomes) assert.equal(o.term, undefined, `${id}/${o.id}: no outcome term`);
    assert.equal(st.automatic, false);
  }
  // The applicant's two actions are the applicant's steps (role kind applicant).
  assert.deepEqual(sc.steps.filter((s) => svc.roles.find((r) => r.id === s.role)?.kind === 'applicant').map((s) => s.id), ['sign_contracts', 'eliminate_nonconformities']);
  assert.match(step('eliminate_nonconformities').term.duration.ref?.note ?? '', /NOT IN THE SOURCE/);
});

test('all 43 sub-paragraphs of §8 are encoded', () => {
  const covered = new Set<number>();
  for (const st of sc.steps) {
    for (const m of (st.ref?.paragraph ?? '').matchAll(/§8\((\d+)\)(?:-\((\d+)\))?/g)) {
      const a = Number(m[1]);
      const b = m[2] ? Number(m[2]) : a;
      for (let n = a; n <= b; n++) covered.add(n);
    }
  }
  for (let n = 1; n <= 43; n++) assert.ok(covered.has(n), `§8(${n}) is encoded`);
  // §8(42) repeats §8(22)–(28) as seven distinct steps.
  assert.deepEqual(
    sc.steps.filter((s) => s.ref?.paragraph?.includes('§8(42)')).map((s) => s.id),
    ['recheck_act', 'recheck_act_letter', 'recheck_e_office_send_act', 'recheck_c_office_register_act', 'recheck_c_unit_assign_act', 'recheck_convene_commission', 'recheck_commission_protocol'],
  );
});

test('the overall term: 33 calendar days from the conclusion of the contracts (§5(5)–(8))', () => {
  // 30 (§5(5) inspection, L841) + 1 (§5(6) convening, L843-845) + 1 (§5(7) protocol, L846) + 1 (decision).
  assert.deepEqual({ amount: sc.term.duration.amount, unit: sc.term.duration.unit, from: sc.term.from }, { amount: 30 + 1 + 1 + 1, unit: 'calendar_days', from: 'completed:sign_contracts' });
  assert.equal(sc.term.duration.ref?.seed, '002');
  assert.equal(sc.term.duration.ref?.lines, 'L841-851');
});

/** Follows the chosen outcome at each step from firstStep to `end`. */
function walk(choose: Record<string, string>): string[] {
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    assert.ok(path.length < 80, 'no loop');
    const st = step(at);
    path.push(st.id);
    const o = st.outcomes.find((x) => x.id === (choose[st.id] ?? st.outcomes[0]!.id));
    assert.ok(o, `outcome ${choose[st.id]} at ${st.id}`);
    at = resolveNext(o, { channel: 'provider_office', applicantKind: 'legal_entity' });
  }
  return [...path, 'end'];
}

const MAIN = Object.keys(FIGURES).slice(0, 32); // register … c_office_issue
const RECHECK_TAIL = Object.keys(FIGURES).slice(32); // send_nonconformities … recheck_decision

test('branches: issue, or the nonconformity decision and the once-only re-check', () => {
  assert.deepEqual(walk({}), [...MAIN, 'end']);
  assert.deepEqual(walk({ decision: 'eliminate_nonconformities' }), [...MAIN.slice(0, 30), ...RECHECK_TAIL, 'issue_prepare', 'c_office_issue', 'end']);
  // The decision's two outcomes (§8(29), L1019-1020); the re-check decision has only «issue» (§8(43)).
  assert.deepEqual(step('decision').outcomes.map((o) => [o.id, o.decision ?? null, o.next]), [
    ['issue', 'approve', 'issue_prepare'],
    ['eliminate_nonconformities', null, 'send_nonconformities'],
  ]);
  assert.deepEqual(step('recheck_decision').outcomes.map((o) => [o.id, o.decision, o.next]), [['issue', 'approve', 'issue_prepare']]);
  // Contracts: two, or three with the joint classified works (§8(15), L963-969).
  assert.deepEqual(step('draft_contracts').outcomes.map((o) => o.id), ['two_contracts', 'three_contracts']);
  assert.equal(sc.fields.find((f) => f.id === 'cryptoProtection')?.type, 'boolean');
});

test('the graph has no cycle, so the nonconformity decision can be taken only once (§5(8))', () => {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string) => {
    if (id === 'end') return;
    assert.notEqual(state.get(id), 'visiting', `cycle through ${id}`);
    if (state.get(id) === 'done') return;
    state.set(id, 'visiting');
    for (const o of step(id).outcomes) for (const n of typeof o.next === 'string' ? [o.next] : o.next.map((x) => x.step)) visit(n);
    state.set(id, 'done');
  };
  visit(sc.firstStep);
  assert.equal(state.size, sc.steps.length, 'every step is reachable');
  const withNonconformity = sc.steps.filter((s) => s.outcomes.some((o) => o.id === 'eliminate_nonconformities'));
  assert.deepEqual(withNonconformity.map((s) => s.id), ['decision']);
});

test('no refusal: the regulation defines none', () => {
  assert.deepEqual(svc.refusalGrounds, []);
  for (const st of sc.steps) for (const o of st.outcomes) assert.notEqual(o.decision, 'refuse', `${st.id}/${o.id}`);
  assert.equal(sc.pauses.length, 0);
});

test('assignments follow «айқындайды» (determines) in §8', () => {
  const assigns = sc.steps.flatMap((s) => s.outcomes.filter((o) => o.assigns).map((o) => [s.id, o.assigns]));
  assert.deepEqual(assigns, [
    ['c_head_route', 'committee_unit_head'], // §8(2)
    ['c_unit_assign', 'committee_executor'], // §8(3)
    ['e_head_route', 'attestation_dept_head'], // §8(9)
    ['e_dept_route', 'attestation_service_head'], // §8(10)
    ['e_service_assign', 'attestation_service_executor'], // §8(11)
    ['e_section_assign', 'contracts_section_executor'], // §8(14)
    ['e_section_assign_contracts', 'contracts_section_executor'], // §8(19)
    ['c_unit_assign_act', 'committee_executor'], // §8(26)
    ['c_unit_assign_notice', 'committee_executor'], // §8(35)
    ['e_service_assign_recheck', 'attestation_service_executor'], // §8(40)
    ['recheck_c_unit_assign_act', 'committee_executor'], // §8(42) → §8(26)
  ]);
  assert.equal(step('register').outcomes[0]!.mark, 'registered');
  assert.equal(step('c_head_route').outcomes[0]!.mark, 'in_execution');
});

test('application: fields and documents, free, every kind of applicant', () => {
  assert.deepEqual(sc.fields.map((f) => f.id), ['systemName', 'systemKind', 'cryptoProtection']);
  assert.deepEqual(sc.fields.find((f) => f.id === 'systemKind')?.options?.map((o) => o.value), ['state', 'non_state_integrated']);
  assert.deepEqual(sc.documents.map((d) => d.id), ['application', 'system_documentation']);
  assert.equal(sc.fee.kind, 'free');
  assert.equal(sc.fee.ref?.seed, '002');
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
});

test('every interpretation names its readings, its choice and its sources', () => {
  assert.ok(svc.interpretations.length >= 15);
  for (const i of svc.interpretations) {
    assert.ok(i.readings.length >= 1 && i.chosen.length > 0, i.topic);
    assert.ok(i.refs.length >= 1 && i.refs.every((r) => r.seed === '002'), i.topic);
  }
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Decision term/, /Convening/, /Overall term/, /infeasible/, /no term/, /Once-only/, /third contract/, /inspection/, /memo/, /office registers/, /Two providers/, /repealed/, /effective\.from/, /working hours/i, /^Fee$/m]) assert.match(topics, t);
});

test('the catalog plan: the happy path, and the §5(4) term ending before the contracts reach the applicant', () => {
  const plan = planDeadlines(svc, sc, new Date('2026-11-23T09:30:00+05:00'), { channel: 'provider_office', applicantKind: 'legal_entity' });
  assert.deepEqual(plan.steps.map((s) => s.stepId), MAIN);
  const sign = plan.steps.find((s) => s.stepId === 'sign_contracts')!;
  // Drafting alone (§8(15)) ends on 1.12; the contracts were due by 26.11 (registration 23.11 + 3 working days).
  assert.equal(formatAlmaty(sign.start), '2026-12-02T09:15:00+05:00');
  assert.equal(formatAlmaty(sign.due), '2026-11-26T18:30:00+05:00');
  // 26.11 + 33 calendar days.
  assert.equal(formatAlmaty(plan.due), '2026-12-29T18:30:00+05:00');
});

// ---------------------------------------------------------------------------------------------
// The engine: one app per engine; staff of every post employed at the start, so that each
// certificate is valid for every case whatever the order of the cases' dates.

const apps = new Map<EngineName, TestApp>();
async function appFor(engine: EngineName): Promise<TestApp> {
  let t = apps.get(engine);
  if (!t) {
    t = await makeTestApp(engine, '2026-11-23T09:00:00+05:00');
    for (const r of svc.roles) if (r.kind === 'staff') await staffFor(t, svc.provider.id, r.id);
    apps.set(engine, t);
  }
  return t;
}
after(async () => {
  for (const t of apps.values()) await t.close();
});

/** A path entry: step, outcome, the time it is taken and, where the outcome assigns, the role assigned. */
type Row = [stepId: string, outcome: string, at: string, assign?: string];
const toPath = (rows: Row[]): PathStep[] => rows.map(([s, outcome, at, assign]) => ({ step: s, outcome, at: `${at}:00+05:00`, ...(assign ? { assign } : {}) }));

function assertDues(v: CaseView, expected: Array<[string, string]>) {
  assert.deepEqual(
    v.deadlines.steps.map((s) => [s.stepId, s.due]),
    expected.map(([id, due]) => [id, `${due}:00+05:00`]),
  );
}

// Happy path, three contracts. Received Monday 23.11.2026 09:30 at the Committee office.
const HAPPY: Row[] = [
  ['register', 'registered', '2026-11-23T09:40'],
  ['c_head_route', 'unit_determined', '2026-11-23T09:50', 'committee_unit_head'],
  ['c_unit_assign', 'executor_assigned', '2026-11-23T10:10', 'committee_executor'],
  ['c_cover_letter', 'letter_drafted', '2026-11-24T11:00'],
  ['c_unit_approve', 'approved', '2026-11-24T11:20'],
  ['c_head_approve', 'approved', '2026-11-24T11:45'],
  ['c_office_send', 'sent_to_enterprise', '2026-11-24T11:55'],
  ['e_office_register', 'registered', '2026-11-24T12:05'],
  ['e_head_route', 'department_determined', '2026-11-24T12:15', 'attestation_dept_head'],
  ['e_dept_route', 'service_determined', '2026-11-24T12:25', 'attestation_service_head'],
  ['e_service_assign', 'executor_assigned', '2026-11-24T12:50', 'attestation_service_executor'],
  ['e_memo', 'memo_sent', '2026-11-24T14:40'],
  ['e_contracts_dept_pass', 'passed', '2026-11-24T14:50'],
  ['e_section_assign', 'executor_assigned', '2026-11-24T15:00', 'contracts_section_executor'],
  ['draft_contracts', 'three_contracts', '2026-11-26T10:00'],
  ['e_office_send_contracts', 'sent_to_applicant', '2026-11-26T10:10'],
  ['sign_contracts', 'contracts_signed', '2026-11-26T16:00'],
  ['e_office_register_contracts', 'registered', '2026-11-26T16:10'],
  ['e_contracts_dept_pass_contracts', 'passed', '2026-11-26T16:20'],
  ['e_section_assign_contracts', 'executor_assigned', '2026-11-26T16:45', 'contracts_section_executor'],
  ['register_contracts', 'service_notified', '2026-11-26T17:00'],
  ['inspection', 'inspected', '2026-12-21T10:00'],
  ['act', 'act_agreed', '2026-12-21T12:00'],
  ['act_letter', 'sent_to_office', '2026-12-21T12:20'],
  ['e_office_send_act', 'sent_to_committee', '2026-12-21T12:30'],
  ['c_office_register_act', 'registered', '2026-12-21T12:40'],
  ['c_unit_assign_act', 'executor_assigned', '2026-12-21T14:35', 'committee_executor'],
  ['convene_commission', 'convened', '2026-12-22T10:00'],
  ['commission_protocol', 'protocol_adopted', '2026-12-23T11:00'],
  ['decision', 'issue', '2026-12-23T15:00'],
  ['issue_prepare', 'sent_to_office', '2026-12-24T10:00'],
  ['c_office_issue', 'issued', '2026-12-24T10:10'],
];

// Due dates by hand: minutes inside 09:00–18:30 less lunch 13:00–14:30; day terms end at 18:30.
const HAPPY_DUES: Array<[string, string]> = [
  ['register', '2026-11-23T09:45'], // received 09:30 + 15 min
  ['c_head_route', '2026-11-23T09:55'], // 09:40 + 15
  ['c_unit_assign', '2026-11-23T10:20'], // 09:50 + 30
  ['c_cover_letter', '2026-11-25T18:30'], // received 23.11 + 2 calendar days
  ['c_unit_approve', '2026-11-24T11:30'],
  ['c_head_approve', '2026-11-24T11:50'],
  ['c_office_send', '2026-11-24T12:00'],
  ['e_office_register', '2026-11-24T12:10'],
  ['e_head_route', '2026-11-24T12:20'],
  ['e_dept_route', '2026-11-24T12:30'],
  ['e_service_assign', '2026-11-24T12:55'],
  ['e_memo', '2026-11-24T14:50'], // 12:50 + 10 min to lunch, + 20 min after 14:30
  ['e_contracts_dept_pass', '2026-11-24T14:55'],
  ['e_section_assign', '2026-11-24T15:05'],
  ['draft_contracts', '2026-11-27T18:30'], // 24.11 + 3 working days: 25, 26, 27
  ['e_office_send_contracts', '2026-11-26T10:15'],
  ['sign_contracts', '2026-11-26T18:30'], // registered 23.11 + 3 working days: 24, 25, 26
  ['e_office_register_contracts', '2026-11-26T16:15'],
  ['e_contracts_dept_pass_contracts', '2026-11-26T16:25'],
  ['e_section_assign_contracts', '2026-11-26T16:50'],
  ['register_contracts', '2026-11-26T17:15'],
  ['inspection', '2026-12-28T18:30'], // signed 26.11 + 30 = Sat 26.12 → Mon 28.12
  ['act', '2026-12-21T13:00'], // 10:00 + 3 working hours, ends at the lunch break
  ['act_letter', '2026-12-21T12:30'],
  ['e_office_send_act', '2026-12-21T12:35'],
  ['c_office_register_act', '2026-12-21T12:45'],
  ['c_unit_assign_act', '2026-12-21T14:40'], // 12:40 + 20 min to lunch + 10 min after
  ['convene_commission', '2026-12-23T18:30'], // 21.12 + 2 calendar days
  ['commission_protocol', '2026-12-23T18:30'], // 22.12 + 1
  ['decision', '2026-12-24T18:30'], // 23.12 + 1
  ['issue_prepare', '2026-12-24T18:30'], // 23.12 + 1
  ['c_office_issue', '2026-12-24T10:15'],
];

test('the hand-computed dates below assume the Committee\'s hours', () => {
  assert.deepEqual(informatization.workingHours, { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } });
});

eachEngine('is-attestation: issue on the first decision, three contracts, every due date', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, { serviceId: SERVICE, subcase: 'attestation', channel: 'provider_office', at: '2026-11-23T09:30:00+05:00', path: toPath(HAPPY) });
  assert.equal(v.mark, 'result');
  assert.equal(v.decision, 'approve');
  assert.match(v.result?.number ?? '', /^IS-ATT-2026-\d{6}$/);
  assert.equal(v.currentStep, null);
  assert.equal(v.deadlines.received, '2026-11-23T09:30:00+05:00');
  assertDues(v, HAPPY_DUES);
  assert.deepEqual(v.deadlines.steps.filter((s) => s.overdue).map((s) => s.stepId), []);
  // 33 calendar days from the contracts (26.11): 29.12.2026.
  assert.deepEqual(v.deadlines.overall, { due: '2026-12-29T18:30:00+05:00', completedAt: '2026-12-24T10:10:00+05:00', overdue: false });
  assert.deepEqual(
    v.timeline.filter((e) => e.type === 'step_completed').map((e) => [e.stepId, e.outcomeId]),
    HAPPY.map(([s, o]) => [s, o]),
  );
  assert.ok(v.timeline.filter((e) => e.type === 'step_completed').every((e) => e.signed), 'every decision carries a signature');
});

// Nonconformities, then the re-check; two contracts (no cryptographic tools). Received Monday
// 14.12.2026 17:00; 16.12 (Independence Day), 1, 4 and 7.01, 8.03.2027 are days off.
const RECHECK: Row[] = [
  ['register', 'registered', '2026-12-14T17:10'],
  ['c_head_route', 'unit_determined', '2026-12-14T17:20', 'committee_unit_head'],
  ['c_unit_assign', 'executor_assigned', '2026-12-14T17:45', 'committee_executor'],
  ['c_cover_letter', 'letter_drafted', '2026-12-15T18:20'],
  ['c_unit_approve', 'approved', '2026-12-17T09:10'],
  ['c_head_approve', 'approved', '2026-12-17T09:30'],
  ['c_office_send', 'sent_to_enterprise', '2026-12-17T09:40'],
  ['e_office_register', 'registered', '2026-12-17T09:50'],
  ['e_head_route', 'department_determined', '2026-12-17T10:00', 'attestation_dept_head'],
  ['e_dept_route', 'service_determined', '2026-12-17T10:10', 'attestation_service_head'],
  ['e_service_assign', 'executor_assigned', '2026-12-17T10:30', 'attestation_service_executor'],
  ['e_memo', 'memo_sent', '2026-12-17T10:50'],
  ['e_contracts_dept_pass', 'passed', '2026-12-17T11:00'],
  ['e_section_assign', 'executor_assigned', '2026-12-17T11:10', 'contracts_section_executor'],
  ['draft_contracts', 'two_contracts', '2026-12-21T15:00'],
  ['e_office_send_contracts', 'sent_to_applicant', '2026-12-21T15:10'],
  ['sign_contracts', 'contracts_signed', '2026-12-23T11:00'],
  ['e_office_register_contracts', 'registered', '2026-12-23T11:10'],
  ['e_contracts_dept_pass_contracts', 'passed', '2026-12-23T11:20'],
  ['e_section_assign_contracts', 'executor_assigned', '2026-12-23T11:40', 'contracts_section_executor'],
  ['register_contracts', 'service_notified', '2026-12-23T12:00'],
  ['inspection', 'inspected', '2027-01-20T16:00'],
  ['act', 'act_agreed', '2027-01-21T09:20'],
  ['act_letter', 'sent_to_office', '2027-01-21T09:40'],
  ['e_office_send_act', 'sent_to_committee', '2027-01-21T09:50'],
  ['c_office_register_act', 'registered', '2027-01-21T10:00'],
  ['c_unit_assign_act', 'executor_assigned', '2027-01-21T10:20', 'committee_executor'],
  ['convene_commission', 'convened', '2027-01-22T10:00'],
  ['commission_protocol', 'protocol_adopted', '2027-01-22T16:00'],
  ['decision', 'eliminate_nonconformities', '2027-01-25T10:00'],
  ['send_nonconformities', 'sent_to_office', '2027-01-25T10:10'],
  ['c_office_nonconformities', 'handed_to_applicant', '2027-01-25T10:20'],
  ['eliminate_nonconformities', 'notified', '2027-02-15T11:00'],
  ['c_office_register_notice', 'registered', '2027-02-15T11:10'],
  ['c_unit_assign_notice', 'executor_assigned', '2027-02-15T11:20', 'committee_executor'],
  ['recheck_letter', 'letter_drafted', '2027-02-17T12:00'],
  ['c_office_send_recheck', 'sent_to_enterprise', '2027-02-17T12:10'],
  ['e_office_register_recheck', 'registered', '2027-02-17T12:20'],
  ['e_dept_pass_recheck', 'passed', '2027-02-17T12:30'],
  ['e_service_assign_recheck', 'executor_assigned', '2027-02-17T12:40', 'attestation_service_executor'],
  ['recheck_inspection', 'inspected', '2027-03-02T15:00'],
  ['recheck_act', 'act_agreed', '2027-03-02T17:00'],
  ['recheck_act_letter', 'sent_to_office', '2027-03-02T17:20'],
  ['recheck_e_office_send_act', 'sent_to_committee', '2027-03-02T17:30'],
  ['recheck_c_office_register_act', 'registered', '2027-03-02T17:40'],
  ['recheck_c_unit_assign_act', 'executor_assigned', '2027-03-02T18:00', 'committee_executor'],
  ['recheck_convene_commission', 'convened', '2027-03-03T10:00'],
  ['recheck_commission_protocol', 'protocol_adopted', '2027-03-04T11:00'],
  ['recheck_decision', 'issue', '2027-03-05T10:00'],
  ['issue_prepare', 'sent_to_office', '2027-03-05T15:00'],
  ['c_office_issue', 'issued', '2027-03-05T15:10'],
];

const RECHECK_DUES: Array<[string, string]> = [
  ['register', '2026-12-14T17:15'],
  ['c_head_route', '2026-12-14T17:25'],
  ['c_unit_assign', '2026-12-14T17:50'],
  ['c_cover_letter', '2026-12-17T18:30'], // 14.12 + 2 = 16.12, a holiday → Thu 17.12
  ['c_unit_approve', '2026-12-17T09:20'], // 15.12 18:20: 10 min to close, 20 min on the next working day (17.12)
  ['c_head_approve', '2026-12-17T09:40'],
  ['c_office_send', '2026-12-17T09:45'],
  ['e_office_register', '2026-12-17T09:55'],
  ['e_head_route', '2026-12-17T10:05'],
  ['e_dept_route', '2026-12-17T10:15'],
  ['e_service_assign', '2026-12-17T10:40'],
  ['e_memo', '2026-12-17T11:00'],
  ['e_contracts_dept_pass', '2026-12-17T11:05'],
  ['e_section_assign', '2026-12-17T11:15'],
  ['draft_contracts', '2026-12-22T18:30'], // 17.12 + 3 working days: 18, 21, 22
  ['e_office_send_contracts', '2026-12-21T15:15'],
  ['sign_contracts', '2026-12-18T18:30'], // registered 14.12 + 3 working days: 15, 17, 18 (16 off) — before the step even starts
  ['e_office_register_contracts', '2026-12-23T11:15'],
  ['e_contracts_dept_pass_contracts', '2026-12-23T11:25'],
  ['e_section_assign_contracts', '2026-12-23T11:50'],
  ['register_contracts', '2026-12-23T12:10'],
  ['inspection', '2027-01-22T18:30'], // signed 23.12 + 30 calendar days
  ['act', '2027-01-21T09:30'], // 20.01 16:00: 2 h 30 to close, 30 min on 21.01
  ['act_letter', '2027-01-21T09:50'],
  ['e_office_send_act', '2027-01-21T09:55'],
  ['c_office_register_act', '2027-01-21T10:05'],
  ['c_unit_assign_act', '2027-01-21T10:30'],
  ['convene_commission', '2027-01-25T18:30'], // 21.01 + 2 = Sat 23.01 → Mon 25.01
  ['commission_protocol', '2027-01-25T18:30'], // 22.01 + 1 = Sat → Mon
  ['decision', '2027-01-25T18:30'], // 22.01 + 1 = Sat → Mon
  ['send_nonconformities', '2027-01-25T10:15'],
  ['c_office_nonconformities', '2027-01-25T10:25'],
  ['eliminate_nonconformities', '2028-01-25T18:30'], // placeholder: 25.01.2027 + 365 days
  ['c_office_register_notice', '2027-02-15T11:15'],
  ['c_unit_assign_notice', '2027-02-15T11:25'],
  ['recheck_letter', '2027-02-18T18:30'], // 15.02 + 3 working days
  ['c_office_send_recheck', '2027-02-17T12:15'],
  ['e_office_register_recheck', '2027-02-17T12:25'],
  ['e_dept_pass_recheck', '2027-02-17T12:35'],
  ['e_service_assign_recheck', '2027-02-17T12:45'],
  ['recheck_inspection', '2027-03-03T18:30'], // 17.02 + 10 working days: 18, 19, 22–26, 1, 2, 3.03
  ['recheck_act', '2027-03-02T18:00'], // 15:00 + 3 working hours
  ['recheck_act_letter', '2027-03-02T17:30'],
  ['recheck_e_office_send_act', '2027-03-02T17:35'],
  ['recheck_c_office_register_act', '2027-03-02T17:45'],
  ['recheck_c_unit_assign_act', '2027-03-02T18:10'], // 17:40 + 30 min
  ['recheck_convene_commission', '2027-03-04T18:30'], // 2.03 + 2
  ['recheck_commission_protocol', '2027-03-04T18:30'], // 3.03 + 1
  ['recheck_decision', '2027-03-05T18:30'], // 4.03 + 1
  ['issue_prepare', '2027-03-09T18:30'], // 5.03 + 1 = Sat 6.03; Mon 8.03 is a holiday → Tue 9.03
  ['c_office_issue', '2027-03-05T15:15'],
];

eachEngine('is-attestation: nonconformities, the once-only re-check, then issue; every due date', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'attestation',
    channel: 'provider_office',
    at: '2026-12-14T17:00:00+05:00',
    fields: { cryptoProtection: false, systemKind: 'non_state_integrated' },
    path: toPath(RECHECK),
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.decision, 'approve');
  assert.deepEqual(v.fields.cryptoProtection, false);
  assertDues(v, RECHECK_DUES);
  // §5(4)'s three days were already gone when the contracts reached the applicant (§7.9 issue 7).
  assert.deepEqual(v.deadlines.steps.filter((s) => s.overdue).map((s) => s.stepId), ['sign_contracts']);
  // 33 calendar days from the contracts (23.12.2026) end on Mon 25.01.2027. The applicant's own time does not
  // count (25.01 → 15.02: 21 calendar days) → 15.02; the re-check brings §5(9)'s terms: 13 working
  // days (16.02 … 04.03) and 4 calendar days → Mon 08.03, International Women's Day → Tue 09.03.
  assert.deepEqual(v.deadlines.overall, { due: '2027-03-09T18:30:00+05:00', completedAt: '2027-03-05T15:10:00+05:00', overdue: false });
  const decisions = v.timeline.filter((e) => e.type === 'step_completed' && (e.stepId === 'decision' || e.stepId === 'recheck_decision')).map((e) => [e.stepId, e.outcomeId]);
  assert.deepEqual(decisions, [
    ['decision', 'eliminate_nonconformities'],
    ['recheck_decision', 'issue'],
  ]);

  // At the re-check decision the nonconformity decision is not on offer and is rejected (§5(8)).
  const events = await loadEvents(t.app.store.db, v.id);
  const upTo = events.findIndex((e) => e.data.type === 'step_completed' && e.data.stepId === 'recheck_commission_protocol');
  const atDecision = fold(events.slice(0, upTo + 1), sc);
  assert.equal(atDecision.currentStep, 'recheck_decision');
  const head = await staffFor(t, svc.provider.id, 'committee_head');
  const user = { userId: head.userId, roles: head.roles };
  assert.deepEqual(availableActions(svc, sc, atDecision, user).map((a) => a.outcomeId), ['issue']);
  assert.throws(
    () => decideOutcome(svc, sc, atDecision, user, { stepId: 'recheck_decision', outcomeId: 'eliminate_nonconformities' }),
    (e: unknown) => e instanceof CaseRuleError && e.code === 'unknown_outcome',
  );
});
