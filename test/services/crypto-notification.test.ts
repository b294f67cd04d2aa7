// Registration of notifications on goods containing encryption means, as encoded from seed 001
// (regulation 7 of order No. 305) and seed 003 (standard 6 of decree No. 50). The figures are
// written from the regulation text, not read back from the module.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import notificationDefault, { NOTIFICATION_SPREADSHEET_MIME, cryptoNotification } from '../../src/services/crypto-notification.ts';
import { knb } from '../../src/services/providers/knb.ts';
import { ServiceDefinition, findStep, findSubcase, matches, resolveNext, type ApplicantKind, type Channel, type SubCase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase, type PathStep } from '../support/run-case.ts';

const svc = cryptoNotification;
const sc: SubCase = findSubcase(svc, 'registration')!;
const step = (id: string) => {
  const s = findStep(sc, id);
  assert.ok(s, `step ${id}`);
  return s;
};

function walk(channel: Channel, choose: Record<string, string>): string[] {
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    assert.ok(path.length < 20);
    const st = step(at);
    path.push(st.id);
    const o = st.outcomes.find((x) => x.id === (choose[st.id] ?? st.outcomes[0]!.id))!;
    at = resolveNext(o, { channel, applicantKind: 'legal_entity' });
  }
  return [...path, 'end'];
}

test('the definition validates, is the default export, free, on paper and on the portal', () => {
  assert.ok(ServiceDefinition.safeParse(svc).success);
  assert.equal(notificationDefault, svc);
  assert.equal(svc.id, 'crypto-notification');
  assert.equal(svc.status, 'active');
  assert.deepEqual(svc.effective, { from: '2014-10-24' });
  assert.deepEqual(svc.subcases.map((s) => s.id), ['registration']);
  assert.deepEqual(svc.channels, ['provider_office', 'mail', 'portal']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.deepEqual(svc.provider, knb);
  assert.equal(svc.result?.registry, 'notifications');
  assert.equal(svc.result?.numberPrefix, 'KNB-NOTIF');
  assert.equal(svc.name.ru, 'Регистрация нотификаций о характеристиках товаров (продукции), содержащих шифровальные (криптографические) средства');
  assert.equal(svc.name.kk, 'Шифрлау (криптографиялық) құралдары бар тауарлардың сипаттамасы туралы нотификацияларды тіркеу');
  assert.deepEqual({ kind: sc.fee.kind, lines: sc.fee.ref?.lines }, { kind: 'free', lines: 'L2132' });
});

test('legal sources: order No. 305 (appendix 7), decree No. 50 (standard 6), decree No. 600, CUC decision No. 848', () => {
  const by = (n: string) => svc.sources.find((s) => s.number === n);
  assert.match(by('305')?.act.ru ?? '', /приложение 7\)/);
  assert.match(by('305')?.ref?.lines ?? '', /L1348-1521/);
  assert.match(by('305')?.repealedBy ?? '', /No\. 43 of 27\.05\.2015/);
  assert.match(by('50')?.ref?.lines ?? '', /L2064-2296/);
  assert.equal(by('600')?.date, '2014-05-31');
  assert.equal(by('848')?.date, '2011-10-18');
  assert.match(by('848')?.ref?.lines ?? '', /L2104/);
});

// Regulation 7 (seed 001): registration and assignment on the day of receipt (§5(1)–(2));
// executor within 10 working days of receiving the package (§5(3), L1403–L1404); head on the day
// the draft is formed (§5(4), L1405–L1407); sent on the day of signing (§5(5)); portal notice:
// 3 working days from its arrival in the cabinet (§10(3), L1504–L1506). Standard 6 (seed 003):
// 10 working days until publication (§7, L2122), completeness within 2 working days (L2130).
test('terms of every step and the overall term follow the regulation and the standard', () => {
  const t = (x: { duration: { amount: number; unit: string }; from: string }) => ({ amount: x.duration.amount, unit: x.duration.unit, from: x.from });
  assert.deepEqual(t(sc.term), { amount: 10, unit: 'working_days', from: 'received' });
  assert.equal(sc.term.duration.ref?.lines, 'L2122');
  assert.deepEqual(sc.steps.map((s) => s.id), ['register', 'assign', 'review', 'sign', 'notify_commission', 'sign_refusal', 'deliver', 'dispatch']);
  const same = (from: string) => ({ amount: 0, unit: 'same_day', from });
  assert.deepEqual(t(step('register').term), same('received'));
  assert.deepEqual(t(step('assign').term), same('received'));
  assert.deepEqual(t(step('review').term), { amount: 10, unit: 'working_days', from: 'step_start' });
  assert.equal(step('review').term.duration.ref?.lines, 'L1399-1404, L1445-1449, L1499-1503');
  for (const id of ['sign', 'notify_commission', 'sign_refusal', 'deliver', 'dispatch']) assert.deepEqual(t(step(id).term), same('step_start'), id);
  assert.equal(step('sign').term.duration.ref?.lines, 'L1405-1407, L1450-1452, L1507-1509');
  const incomplete = step('review').outcomes.find((o) => o.id === 'draft_refusal_incomplete')!;
  assert.deepEqual(t(incomplete.term!), { amount: 2, unit: 'working_days', from: 'received' });
  assert.equal(incomplete.term!.duration.ref?.lines, 'L2130');
  assert.deepEqual(
    sc.steps.map((s) => s.role),
    ['chancellery', 'head_of_licensing', 'executor', 'head_of_provider', 'chancellery', 'head_of_provider', 'portal', 'chancellery'],
  );
  for (const s of sc.steps) assert.ok(s.term.duration.ref?.seed && s.term.duration.ref.lines, s.id);
});

test('the legalized-document notice is a pause of 3 working days at review, refusing on expiry', () => {
  assert.equal(sc.pauses.length, 1);
  const p = sc.pauses[0]!;
  assert.equal(p.id, 'legalized_document');
  assert.deepEqual(p.atSteps, ['review']);
  assert.equal(p.role, 'executor');
  assert.deepEqual({ amount: p.applicantTerm.amount, unit: p.applicantTerm.unit }, { amount: 3, unit: 'working_days' });
  assert.equal(p.applicantTerm.ref?.lines, 'L1504-1506');
  assert.deepEqual(p.onExpiry, { refuseWith: 'documents_not_submitted' });
});

test('paths: registration goes to the CU Commission before the applicant; refusals do not', () => {
  assert.deepEqual(walk('portal', { review: 'draft_registration' }), ['register', 'assign', 'review', 'sign', 'notify_commission', 'deliver', 'end']);
  assert.deepEqual(walk('mail', { review: 'draft_registration' }), ['register', 'assign', 'review', 'sign', 'notify_commission', 'dispatch', 'end']);
  assert.deepEqual(walk('provider_office', { review: 'draft_refusal' }), ['register', 'assign', 'review', 'sign_refusal', 'dispatch', 'end']);
  assert.deepEqual(walk('portal', { review: 'draft_refusal_incomplete' }), ['register', 'assign', 'review', 'sign_refusal', 'deliver', 'end']);
  const review = step('review');
  assert.deepEqual(review.outcomes.map((o) => [o.id, o.decision]), [['draft_registration', 'approve'], ['draft_refusal', 'refuse'], ['draft_refusal_incomplete', 'refuse']]);
});

test('refusal grounds: the closed list of §16 (L2178–L2180)', () => {
  assert.equal(svc.exhaustiveGrounds, true);
  assert.deepEqual(svc.refusalGrounds.map((g) => [g.id, g.ref?.lines?.split(',')[0]]), [['documents_not_submitted', 'L2178'], ['form_not_compliant', 'L2178']]);
  const review = step('review');
  assert.deepEqual(review.outcomes.find((o) => o.id === 'draft_refusal')?.grounds, ['documents_not_submitted', 'form_not_compliant']);
  assert.deepEqual(review.outcomes.find((o) => o.id === 'draft_refusal_incomplete')?.grounds, ['documents_not_submitted']);
});

function required(channel: Channel, applicantKind: ApplicantKind, fields: Record<string, unknown> = {}): string[] {
  return sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel, applicantKind, fields })).map((d) => d.id);
}

test('documents of §11 on paper and of the regulation\'s portal windows, by form values', () => {
  assert.deepEqual(required('provider_office', 'legal_entity'), ['cover_letter', 'notification_form', 'notification_carrier', 'authority_document']);
  assert.deepEqual(required('mail', 'individual', { authorityDocumentForeignLanguage: true, thirdCountryManufacturer: true }), [
    'cover_letter',
    'notification_form',
    'notification_carrier',
    'authority_document',
    'authority_translation',
    'notification_legalization',
  ]);
  assert.deepEqual(required('portal', 'legal_entity'), ['notification_form', 'notification_xls']);
  assert.deepEqual(required('portal', 'entrepreneur', { thirdCountryManufacturer: true, authorityDocumentForeignLanguage: true }), ['notification_form', 'notification_xls', 'notification_legalization']);
  const carrier = sc.documents.find((d) => d.id === 'notification_carrier')!;
  assert.deepEqual(carrier.satisfiedBy, ['notification_xls'], 'the data file read from the carrier answers the carrier requirement');
  assert.equal(sc.documents.find((d) => d.id === 'notification_xls')?.ref?.lines, 'L1480');
  assert.ok(NOTIFICATION_SPREADSHEET_MIME.includes('application/vnd.ms-excel'));
  assert.equal(sc.documents.find((d) => d.id === 'power_of_attorney')?.required, false);
  assert.equal(sc.documents.find((d) => d.id === 'notification_form')?.ref?.lines, 'L2154, L2162');
});

test('fields: what the cover letter and the third portal window state', () => {
  const ids = (channel: Channel) => sc.fields.filter((f) => matches(f.when, { channel, applicantKind: 'legal_entity' })).map((f) => f.id);
  const common = ['manufacturerName', 'thirdCountryManufacturer', 'authorityDocumentKind', 'authorityDocumentDetails', 'authorityDocumentForeignLanguage'];
  assert.deepEqual(ids('portal'), common);
  assert.deepEqual(ids('mail'), [...common, 'carrierKind', 'carrierRecordCount', 'carrierFiles']);
  assert.deepEqual(sc.fields.find((f) => f.id === 'authorityDocumentKind')?.options?.map((o) => o.value), ['apostille', 'consular_legalization']);
  assert.deepEqual(sc.fields.find((f) => f.id === 'carrierKind')?.options?.map((o) => o.value), ['compact_disc', 'flash_memory']);
});

test('every interpretation names its readings, its choice and its sources', () => {
  for (const i of svc.interpretations) assert.ok(i.readings.length >= 1 && i.chosen && i.refs.length >= 1, i.topic);
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Channels/, /legalized-document notice/, /until publication/, /closed list/, /\*\.xls/, /effective\.from/, /Status of a repealed/, /working hours/i]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine on both databases: every branch with its deadlines, counted by hand.

const apps = new Map<EngineName, TestApp>();
async function appFor(engine: EngineName) {
  let t = apps.get(engine);
  // The demo certificates are issued at the app's start: start before the first case.
  if (!t) apps.set(engine, (t = await makeTestApp(engine, '2026-10-01T09:00:00+05:00')));
  return t;
}
after(async () => {
  for (const t of apps.values()) await t.close();
});

const at = (x: string) => `${x}+05:00`;
const D = (day: string) => at(`2026-${day}T19:00:00`);
const dues = (v: Awaited<ReturnType<typeof runCase>>) => Object.fromEntries(v.deadlines.steps.map((x) => [x.stepId, x.due]));

// Received Tuesday 13 October 2026 at 10:00. Working days after it: 14, 15, 16, 19, 20, 21, 22, 23,
// (24–26 off: weekend and the Republic Day substitute), 27, 28 October → 10 working days end on
// Wednesday 28 October; the completeness refusal is due 2 working days after receipt, 15 October.
const front: PathStep[] = [
  { step: 'register', outcome: 'registered', at: at('2026-10-13T10:30:00') },
  { step: 'assign', outcome: 'assigned', assign: 'executor', at: at('2026-10-13T11:00:00') },
];
// The portal notice opened Wednesday 14 October 10:00: the applicant has 3 working days (15, 16,
// 19 October) and answers Monday 19 October 11:00. The clock stops for the working days 15, 16 and
// 19 October, so the executor's 10 days and the overall 10 days end 3 working days later:
// 29, 30 October, 2 November.
const pausePath: PathStep[] = [
  ...front,
  { pause: 'legalized_document', request: 'Provide the legalized (apostilled) authority of the manufacturer', at: at('2026-10-14T10:00:00') },
  { answer: 'The apostilled authority is attached', at: at('2026-10-19T11:00:00') },
];

eachEngine('registration on paper: signed the day it is drafted, sent to the CU Commission and to the applicant the same day', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'crypto-notification',
    subcase: 'registration',
    channel: 'provider_office',
    at: at('2026-10-13T10:00:00'),
    path: [
      ...front,
      { step: 'review', outcome: 'draft_registration', at: at('2026-10-14T16:00:00') },
      { step: 'sign', outcome: 'signed', at: at('2026-10-14T17:00:00') },
      { step: 'notify_commission', outcome: 'commission_notified', at: at('2026-10-14T17:30:00') },
      { step: 'dispatch', outcome: 'dispatched', at: at('2026-10-14T18:00:00') },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.match(v.result!.number, /^KNB-NOTIF-2026-\d{6}$/);
  assert.equal(v.deadlines.received, at('2026-10-13T10:00:00'));
  assert.deepEqual(v.deadlines.overall, { due: D('10-28'), completedAt: v.deadlines.overall.completedAt, overdue: false });
  assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: D('10-28'), sign: D('10-14'), notify_commission: D('10-14'), dispatch: D('10-14') });
  assert.deepEqual(v.deadlines.steps.find((x) => x.stepId === 'review')?.outcomeDue, [{ outcomeId: 'draft_refusal_incomplete', due: D('10-15') }]);
  assert.ok(v.deadlines.steps.every((x) => !x.overdue));
});

eachEngine('registration on the portal with the legalized-document notice: the clock stops while the applicant owes it', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'crypto-notification',
    subcase: 'registration',
    channel: 'portal',
    at: at('2026-10-13T10:00:00'),
    path: [
      ...pausePath,
      { step: 'review', outcome: 'draft_registration', at: at('2026-10-19T16:00:00') },
      { step: 'sign', outcome: 'signed', at: at('2026-10-19T17:00:00') },
      { step: 'notify_commission', outcome: 'commission_notified', at: at('2026-10-19T17:30:00') },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.pauses.length, 1);
  assert.equal(v.pauses[0]!.pauseId, 'legalized_document');
  assert.equal(v.pauses[0]!.applicantDue, new Date(D('10-19')).toISOString());
  assert.equal(v.pauses[0]!.to, new Date(at('2026-10-19T11:00:00')).toISOString());
  assert.equal(v.deadlines.overall.due, D('11-02'));
  assert.equal(v.deadlines.overall.overdue, false);
  assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: D('11-02'), sign: D('10-19'), notify_commission: D('10-19'), deliver: D('10-19') });
  // The completeness refusal (2 working days from receipt, 15 October) moves by the same 3 days.
  assert.deepEqual(v.deadlines.steps.find((x) => x.stepId === 'review')?.outcomeDue, [{ outcomeId: 'draft_refusal_incomplete', due: D('10-20') }]);
  assert.ok(v.deadlines.steps.every((x) => !x.overdue));
});

eachEngine('non-registration by post on a §16 ground: signed and sent the day it is drafted, no letter to the Commission', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'crypto-notification',
    subcase: 'registration',
    channel: 'mail',
    applicant: t.users.applicant,
    at: at('2026-10-13T10:00:00'),
    path: [
      ...front,
      { step: 'review', outcome: 'draft_refusal', grounds: ['form_not_compliant'], at: at('2026-10-14T16:00:00') },
      { step: 'sign_refusal', outcome: 'signed', at: at('2026-10-14T17:00:00') },
      { step: 'dispatch', outcome: 'dispatched', at: at('2026-10-14T18:00:00') },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.equal(v.applicant.kind, 'individual');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['form_not_compliant']);
  assert.equal(v.deadlines.overall.due, D('10-28'));
  assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: D('10-28'), sign_refusal: D('10-14'), dispatch: D('10-14') });
  assert.ok(v.deadlines.steps.every((x) => !x.overdue));
});

eachEngine('incomplete documents at the office: refusal of further consideration within 2 working days of receipt', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: 'crypto-notification',
    subcase: 'registration',
    channel: 'provider_office',
    at: at('2026-10-13T10:00:00'),
    path: [
      ...front,
      { step: 'review', outcome: 'draft_refusal_incomplete', grounds: ['documents_not_submitted'], at: at('2026-10-15T12:00:00') },
      { step: 'sign_refusal', outcome: 'signed', at: at('2026-10-15T15:30:00') },
      { step: 'dispatch', outcome: 'dispatched', at: at('2026-10-15T16:00:00') },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['documents_not_submitted']);
  // Completed with the incompleteness outcome, the review is held to that outcome's term.
  assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: D('10-15'), sign_refusal: D('10-15'), dispatch: D('10-15') });
  assert.ok(v.deadlines.steps.every((x) => !x.overdue));
});

eachEngine('portal notice answered without the document: refused on documents_not_submitted; other grounds are rejected', async (_t, engine) => {
  const t = await appFor(engine);
  await assert.rejects(
    runCase(t, {
      serviceId: 'crypto-notification',
      subcase: 'registration',
      channel: 'portal',
      at: at('2026-10-13T10:00:00'),
      path: [...front, { step: 'review', outcome: 'draft_refusal', grounds: ['incomplete_documents'], at: at('2026-10-14T16:00:00') }],
    }),
    /not a refusal ground of this regulation/,
  );
  const v = await runCase(t, {
    serviceId: 'crypto-notification',
    subcase: 'registration',
    channel: 'portal',
    at: at('2026-10-13T10:00:00'),
    path: [
      ...pausePath,
      { step: 'review', outcome: 'draft_refusal', grounds: ['documents_not_submitted'], at: at('2026-10-19T16:00:00') },
      { step: 'sign_refusal', outcome: 'signed', at: at('2026-10-19T17:00:00') },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['documents_not_submitted']);
  assert.equal(v.deadlines.overall.due, D('11-02'));
  assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: D('11-02'), sign_refusal: D('10-19'), deliver: D('10-19') });
});
