// The KNB conclusion for the import/export of special technical means, encoded from seed 001
// (regulation 4 of order No. 305, L750–L948) and seed 003 (standard 4 of decree No. 50,
// L1391–L1734). Figures are written here from the regulation text, not read from the module.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import stsDefault, { stsImportExport as svc } from '../../src/services/sts-import-export.ts';
import { knb } from '../../src/services/providers/knb.ts';
import { ServiceDefinition, findStep, matches, resolveNext, type ApplicantKind, type Channel, type SubCase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase } from '../support/run-case.ts';
import type { CaseView } from '../../src/app/cases.ts';

const SERVICE = 'sts-import-export';
const sc: SubCase = svc.subcases[0]!;
const step = (id: string) => {
  const st = findStep(sc, id);
  assert.ok(st, `step ${id}`);
  return st;
};
const termOf = (t: { duration: { amount: number; unit: string }; from: string }) => ({ amount: t.duration.amount, unit: t.duration.unit, from: t.from });

test('the definition validates and is the default export', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(stsDefault, svc);
  assert.equal(svc.id, SERVICE);
  assert.equal(svc.version, '2014-10-24');
  assert.deepEqual(svc.effective, { from: '2014-10-24' });
  assert.equal(svc.status, 'active');
  assert.deepEqual(svc.provider, knb);
  assert.deepEqual([...svc.channels].sort(), ['mail', 'portal', 'provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.deepEqual(svc.subcases.map((s) => s.id), ['issue']);
  assert.deepEqual(svc.result && [svc.result.registry, svc.result.numberPrefix], ['import_export_conclusions', 'KNB-STS']);
  assert.match(svc.name.ru, /специальных технических средств, предназначенных для негласного получения информации/);
  assert.equal(svc.name.kk, 'Арнайы техникалық құралдарды әкелуге және әкетуге қорытынды (рұқсат беретін құжат) беру');
  // §8 of the standard (L1463): free.
  assert.equal(sc.fee.kind, 'free');
  assert.deepEqual([sc.fee.ref?.seed, sc.fee.ref?.lines], ['003', 'L1463']);
});

test('legal sources: order No. 305, decree No. 50 and its repeal, decree No. 600, the Customs Union Regulation, the laws', () => {
  const by = (n: string, date: string) => svc.sources.find((s) => s.number === n && s.date === date);
  const order = by('305', '2014-09-15');
  assert.ok(order);
  assert.match(order.registered ?? '', /13\.10\.2014.*9790/);
  assert.match(order.repealedBy ?? '', /No\. 43 of 27\.05\.2015/);
  assert.equal(order.effectiveFrom, '2014-10-24');
  assert.match(order.ref?.lines ?? '', /L750-948/);
  const decree = by('50', '2013-01-29');
  assert.ok(decree);
  assert.match(decree.repealedBy ?? '', /No\. 600 of 31\.05\.2014/);
  assert.ok(by('600', '2014-05-31'));
  const cu = by('19', '2009-11-27');
  assert.ok(cu);
  assert.match(cu.act.ru, /пункт 7/);
  assert.deepEqual(svc.sources.filter((s) => s.number === '—').map((s) => s.date).sort(), ['1995-12-21', '2007-01-11', '2013-04-15']);
});

test('step terms and the overall term follow the regulation and the standard', () => {
  // Standard §7(1), L1453: not later than 15 calendar days from submission.
  assert.deepEqual(termOf(sc.term), { amount: 15, unit: 'calendar_days', from: 'received' });
  assert.deepEqual([sc.term.duration.ref?.seed, sc.term.duration.ref?.lines], ['003', 'L1453']);
  assert.equal(sc.firstStep, 'register');
  assert.deepEqual(sc.steps.map((s) => s.id), ['register', 'assign', 'review', 'sign', 'sign_refusal', 'deliver', 'dispatch']);
  const sameDay = (from: string) => ({ amount: 0, unit: 'same_day', from });
  // §5(1)–(2): registration and assignment on the day of receipt (L805–L807).
  assert.deepEqual(termOf(step('register').term), sameDay('received'));
  assert.deepEqual(termOf(step('assign').term), sameDay('received'));
  // §5(3): the executor within 13 calendar days (L814); §5(4): the head within 2 calendar days (L821).
  assert.deepEqual(termOf(step('review').term), { amount: 13, unit: 'calendar_days', from: 'step_start' });
  assert.deepEqual(termOf(step('sign').term), { amount: 2, unit: 'calendar_days', from: 'step_start' });
  // Standard §7 (L1461): the incompleteness refusal within 2 working days of receipt.
  assert.deepEqual(termOf(step('sign_refusal').term), { amount: 2, unit: 'working_days', from: 'received' });
  const incomplete = step('review').outcomes.find((o) => o.id === 'refuse_incomplete');
  assert.ok(incomplete?.term);
  assert.deepEqual(termOf(incomplete.term), { amount: 2, unit: 'working_days', from: 'received' });
  // §5(5): on the day of signing.
  assert.deepEqual(termOf(step('deliver').term), sameDay('step_start'));
  assert.deepEqual(termOf(step('dispatch').term), sameDay('step_start'));
  assert.ok(13 + 2 <= 15);
  // The sample pause: 5 calendar days, not counted in the service term (L815–L819).
  assert.equal(sc.pauses.length, 1);
  const p = sc.pauses[0]!;
  assert.deepEqual([p.id, p.atSteps, p.role, p.applicantTerm.amount, p.applicantTerm.unit, p.onExpiry], ['samples', ['review'], 'executor', 5, 'calendar_days', undefined]);
  assert.match(p.applicantTerm.ref?.lines ?? '', /L815-819/);
  for (const st of sc.steps) {
    assert.ok(st.term.duration.ref?.seed && st.term.duration.ref.lines, `${st.id}: term has a ref`);
    assert.ok(st.ref?.lines, `${st.id}: step has a ref`);
  }
});

test('roles, outcomes and routing by channel', () => {
  const roleOf = (id: string) => step(id).role;
  assert.deepEqual(['register', 'assign', 'review', 'sign', 'sign_refusal', 'deliver', 'dispatch'].map(roleOf), ['chancellery', 'head_of_licensing', 'executor', 'head_of_provider', 'head_of_provider', 'portal', 'chancellery']);
  assert.equal(svc.roles.find((r) => r.id === 'portal')?.kind, 'system');
  assert.equal(step('deliver').automatic, true);
  assert.deepEqual(step('assign').outcomes.map((o) => [o.id, o.assigns, o.mark]), [['assigned', 'executor', 'in_execution']]);
  assert.deepEqual(
    step('review').outcomes.map((o) => [o.id, o.decision, o.next]),
    [['draft_conclusion', 'approve', 'sign'], ['draft_refusal', 'refuse', 'sign'], ['refuse_incomplete', 'refuse', 'sign_refusal']],
  );
  const ctx = (channel: Channel) => ({ channel, applicantKind: 'legal_entity' as ApplicantKind });
  for (const id of ['sign', 'sign_refusal']) {
    const o = step(id).outcomes[0]!;
    assert.equal(resolveNext(o, ctx('portal')), 'deliver');
    assert.equal(resolveNext(o, ctx('provider_office')), 'dispatch');
    assert.equal(resolveNext(o, ctx('mail')), 'dispatch');
  }
});

test('refusal grounds: §16 of the standard and the §7 erroneous copies, closed list, each citable', () => {
  assert.equal(svc.exhaustiveGrounds, true);
  assert.deepEqual(
    svc.refusalGrounds.map((g) => [g.id, g.ref?.lines]),
    [
      ['incomplete_documents', 'L1549, L1461'],
      ['erroneous_copies', 'L1461'],
      ['third_country_restriction', 'L1551'],
      ['security_harm', 'L1553'],
      ['informatization_art40', 'L1555'],
    ],
  );
  for (const g of svc.refusalGrounds) assert.ok(g.text.kk && g.text.ru && g.text.en, g.id);
  assert.match(svc.refusalGrounds.find((g) => g.id === 'security_harm')!.text.kk, /арнайы техникалық құралдарды және\/немесе олардың құжаттамасын зерттеу/);
  const citable = new Set(sc.steps.flatMap((s) => s.outcomes.flatMap((o) => (o.decision === 'refuse' ? (o.grounds ?? []) : []))));
  assert.deepEqual([...citable].sort(), svc.refusalGrounds.map((g) => g.id).sort());
  assert.deepEqual(step('review').outcomes.find((o) => o.id === 'draft_refusal')?.grounds, ['third_country_restriction', 'security_harm', 'informatization_art40']);
});

function required(channel: Channel, applicantKind: ApplicantKind, fields: Record<string, unknown> = {}): string[] {
  return sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel, applicantKind, fields })).map((d) => d.id);
}

test('documents of §11 by channel, applicant kind and temporary import', () => {
  // Paper (§11(1), L1491–L1501): application, contract copy, technical documentation; б), в), д) fetched.
  assert.deepEqual(required('provider_office', 'individual'), ['application', 'foreign_trade_contract', 'technical_documentation']);
  assert.deepEqual(required('mail', 'legal_entity'), ['application', 'foreign_trade_contract', 'technical_documentation']);
  // Portal (§11(2), L1511–L1519): the request is the form; scanned contract and documentation.
  assert.deepEqual(required('portal', 'legal_entity'), ['foreign_trade_contract', 'technical_documentation']);
  const fetched = (kind: ApplicantKind, fields: Record<string, unknown> = {}) =>
    sc.documents.filter((d) => d.obtainedByProvider && matches(d.when, { channel: 'portal', applicantKind: kind, fields })).map((d) => d.id);
  assert.deepEqual(fetched('individual'), ['identity_card']);
  assert.deepEqual(fetched('entrepreneur'), ['identity_card']);
  assert.deepEqual(fetched('legal_entity'), ['legal_entity_registration']);
  // The licence only for temporary import (§11(1)д, L1499): fetched, or a copy on paper.
  assert.deepEqual(fetched('legal_entity', { temporaryImport: true }), ['legal_entity_registration', 'sts_licence']);
  const copy = sc.documents.find((d) => d.id === 'sts_licence_copy')!;
  assert.equal(copy.required, false);
  assert.ok(matches(copy.when, { channel: 'provider_office', applicantKind: 'legal_entity', fields: { temporaryImport: true } }));
  assert.ok(!matches(copy.when, { channel: 'portal', applicantKind: 'legal_entity', fields: { temporaryImport: true } }));
  assert.ok(!matches(copy.when, { channel: 'provider_office', applicantKind: 'legal_entity', fields: {} }));
  for (const d of sc.documents) assert.equal(d.ref?.seed, '003', d.id);
});

test('form fields of Annex 4', () => {
  const ids = (kind: ApplicantKind, channel: Channel = 'provider_office', fields: Record<string, unknown> = {}) =>
    sc.fields.filter((f) => f.required && matches(f.when, { channel, applicantKind: kind, fields })).map((f) => f.id);
  const le = ids('legal_entity');
  for (const id of ['direction', 'basis', 'purpose', 'contractNumber', 'contractDate', 'applicantName', 'legalForm', 'applicantAddress', 'headFullName', 'preparerFullName', 'preparerPhone']) {
    assert.ok(le.includes(id), id);
  }
  assert.ok(!ids('individual').includes('legalForm'));
  assert.ok(!ids('individual').includes('headFullName'));
  assert.deepEqual(sc.fields.find((f) => f.id === 'direction')?.options?.map((o) => o.value), ['import', 'export', 'import_and_export']);
  assert.match(sc.fields.find((f) => f.id === 'basis')!.label.ru, /пункту 7 Положения/);
  // The table: five rows of name, model, factory No., serial No., quantity; row 1 required.
  const items = sc.fields.filter((f) => /^item\d/.test(f.id));
  assert.equal(items.length, 25);
  assert.deepEqual(items.filter((f) => f.required).map((f) => f.id), ['item1Name', 'item1Model', 'item1FactoryNo', 'item1SerialNo', 'item1Quantity']);
  assert.equal(sc.fields.find((f) => f.id === 'item3Quantity')?.type, 'number');
  // The licence details only for temporary import.
  assert.ok(!le.includes('licenceNumber'));
  assert.ok(ids('legal_entity', 'portal', { temporaryImport: true }).includes('licenceNumber'));
  assert.ok(ids('legal_entity', 'portal', { temporaryImport: true }).includes('licenceDate'));
  for (const f of sc.fields) assert.equal(f.ref?.seed, '003', f.id);
});

test('every interpretation names its readings, its choice and its sources', () => {
  assert.ok(svc.interpretations.length >= 12);
  for (const i of svc.interpretations) {
    assert.ok(i.readings.length >= 1 && i.chosen.length > 0, i.topic);
    assert.ok(i.refs.length >= 1, i.topic);
  }
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Which acts/, /effective\.from/, /Status of a repealed/, /Samples/, /paper counts from/, /Incomplete documents/, /temporary import/, /Annex 4 items/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine on SQLite and PostgreSQL. The KNB closes at 19:00; dates in Almaty (+05:00).

const apps = new Map<EngineName, Promise<TestApp>>();
const appFor = (engine: EngineName) => {
  let t = apps.get(engine);
  if (!t) apps.set(engine, (t = makeTestApp(engine)));
  return t;
};
after(async () => {
  for (const t of apps.values()) await (await t).close();
});

const dueOf = (v: CaseView, stepId: string) => v.deadlines.steps.find((s) => s.stepId === stepId)?.due;
const overdueOf = (v: CaseView, stepId: string) => v.deadlines.steps.find((s) => s.stepId === stepId)?.overdue;

eachEngine('portal: the conclusion is issued within the regulation\'s calendar-day terms', async (_t, engine) => {
  const t = await appFor(engine);
  // Received Tuesday 24 November 2026, 09:15.
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'portal',
    at: '2026-11-24T09:15:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2026-11-24T09:40:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2026-11-24T11:10:00+05:00' },
      { step: 'review', outcome: 'draft_conclusion', at: '2026-11-26T12:00:00+05:00' },
      { step: 'sign', outcome: 'signed', at: '2026-11-27T10:00:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.match(v.result!.number, /^KNB-STS-2026-\d{6}$/);
  assert.equal(v.deadlines.received, '2026-11-24T09:15:00+05:00');
  // 24 November + 15 calendar days = 9 December.
  assert.equal(v.deadlines.overall.due, '2026-12-09T19:00:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
  assert.equal(dueOf(v, 'register'), '2026-11-24T19:00:00+05:00');
  assert.equal(dueOf(v, 'assign'), '2026-11-24T19:00:00+05:00');
  // 24 November + 13 calendar days = 7 December (Monday).
  assert.equal(dueOf(v, 'review'), '2026-12-07T19:00:00+05:00');
  // Drafted 26 November: + 2 calendar days = Saturday 28 November, so Monday 30 November.
  assert.equal(dueOf(v, 'sign'), '2026-11-30T19:00:00+05:00');
  assert.equal(dueOf(v, 'deliver'), '2026-11-27T19:00:00+05:00');
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), ['register', 'assign', 'review', 'sign', 'deliver']);
});

eachEngine('samples on paper: the 2 calendar days the applicant takes move the review and the overall term by 2 days', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'provider_office',
    applicant: t.users.applicant,
    fields: { temporaryImport: true, licenceNumber: 'KZ-0012', licenceDate: '2026-02-10' },
    at: '2026-11-24T10:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2026-11-24T10:05:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2026-11-24T10:30:00+05:00' },
      { pause: 'samples', at: '2026-11-25T11:00:00+05:00' },
      { answer: 'Samples delivered to the KNB', at: '2026-11-27T15:00:00+05:00' },
      { step: 'review', outcome: 'draft_conclusion', at: '2026-12-01T10:00:00+05:00' },
      { step: 'sign', outcome: 'signed', at: '2026-12-02T10:00:00+05:00' },
      { step: 'dispatch', outcome: 'dispatched', at: '2026-12-02T12:00:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.equal(v.pauses.length, 1);
  // 5 calendar days from the notice (25 November) = 30 November, 19:00.
  assert.equal(new Date(v.pauses[0]!.applicantDue).getTime(), new Date('2026-11-30T19:00:00+05:00').getTime());
  // Paused 25 → 27 November: 2 calendar days not counted. Review: 7 December + 2 = 9 December;
  // overall: 9 December + 2 = 11 December.
  assert.equal(dueOf(v, 'review'), '2026-12-09T19:00:00+05:00');
  assert.equal(v.deadlines.overall.due, '2026-12-11T19:00:00+05:00');
  // The head's 2 calendar days start after the pause: 1 December + 2 = 3 December.
  assert.equal(dueOf(v, 'sign'), '2026-12-03T19:00:00+05:00');
  assert.equal(dueOf(v, 'dispatch'), '2026-12-02T19:00:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
  assert.equal(v.channel, 'provider_office');
});

eachEngine('incomplete documents: refusal of further consideration within 2 working days of receipt', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'portal',
    at: '2026-11-24T09:15:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2026-11-24T09:40:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2026-11-24T11:10:00+05:00' },
      { step: 'review', outcome: 'refuse_incomplete', grounds: ['incomplete_documents', 'erroneous_copies'], at: '2026-11-25T16:00:00+05:00' },
      { step: 'sign_refusal', outcome: 'signed', at: '2026-11-26T10:00:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['incomplete_documents', 'erroneous_copies']);
  // Tuesday 24 November + 2 working days = Thursday 26 November.
  const review = v.deadlines.steps.find((s) => s.stepId === 'review')!;
  assert.equal(review.outcomeDue?.find((o) => o.outcomeId === 'refuse_incomplete')?.due, '2026-11-26T19:00:00+05:00');
  assert.equal(review.due, '2026-11-26T19:00:00+05:00');
  assert.equal(dueOf(v, 'sign_refusal'), '2026-11-26T19:00:00+05:00');
  assert.equal(overdueOf(v, 'sign_refusal'), false);
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), ['register', 'assign', 'review', 'sign_refusal', 'deliver']);
});

eachEngine('by mail: a motivated refusal on the §16 grounds, signed within 2 calendar days and dispatched', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'mail',
    at: '2026-11-30T11:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2026-11-30T11:30:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2026-11-30T12:00:00+05:00' },
      { step: 'review', outcome: 'draft_refusal', grounds: ['third_country_restriction', 'security_harm', 'informatization_art40'], at: '2026-12-11T10:00:00+05:00' },
      { step: 'sign', outcome: 'signed', at: '2026-12-14T18:00:00+05:00' },
      { step: 'dispatch', outcome: 'dispatched', at: '2026-12-14T18:30:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['third_country_restriction', 'security_harm', 'informatization_art40']);
  // 30 November + 15 = 15 December; + 13 = Sunday 13 December, so Monday 14 December.
  assert.equal(v.deadlines.overall.due, '2026-12-15T19:00:00+05:00');
  assert.equal(dueOf(v, 'review'), '2026-12-14T19:00:00+05:00');
  // Drafted Friday 11 December + 2 = Sunday 13 December, so Monday 14 December.
  assert.equal(dueOf(v, 'sign'), '2026-12-14T19:00:00+05:00');
  assert.equal(overdueOf(v, 'sign'), false);
  assert.equal(v.deadlines.overall.overdue, false);
});

eachEngine('a refusal citing a ground outside the outcome\'s closed list is rejected', async (_t, engine) => {
  const t = await appFor(engine);
  await assert.rejects(
    runCase(t, {
      serviceId: SERVICE,
      subcase: 'issue',
      channel: 'portal',
      at: '2026-11-24T09:15:00+05:00',
      path: [
        { step: 'register', outcome: 'registered' },
        { step: 'assign', outcome: 'assigned', assign: 'executor' },
        { step: 'review', outcome: 'draft_refusal', grounds: ['incomplete_documents'] },
      ],
    }),
    (e: { rule?: string }) => e.rule === 'ground_not_allowed',
  );
});
