// The KNB conclusion for the import/export of encryption (cryptographic) means, encoded from seed
// 001 (regulation 5 of order No. 305, L949–L1144) and seed 003 (standard 5 of decree No. 50,
// L1736–L2062). It shares its builder with the STS conclusion; the figures below are written from
// this regulation's and this standard's own lines.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import cryptoDefault, { cryptoImportExport as svc } from '../../src/services/crypto-import-export.ts';
import { ServiceDefinition, findStep, matches, type ApplicantKind, type Channel, type SubCase } from '../../src/core/regulation.ts';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../support/app.ts';
import { runCase } from '../support/run-case.ts';
import type { CaseView } from '../../src/app/cases.ts';

const SERVICE = 'crypto-import-export';
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
  assert.equal(cryptoDefault, svc);
  assert.equal(svc.id, SERVICE);
  assert.equal(svc.version, '2014-10-24');
  assert.deepEqual(svc.effective, { from: '2014-10-24' });
  assert.equal(svc.status, 'active');
  assert.equal(svc.provider.id, 'knb');
  assert.deepEqual([...svc.channels].sort(), ['mail', 'portal', 'provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.deepEqual(svc.subcases.map((s) => s.id), ['issue']);
  assert.deepEqual(svc.result && [svc.result.registry, svc.result.numberPrefix], ['import_export_conclusions', 'KNB-CRYPTO']);
  assert.match(svc.name.ru, /шифровальных \(криптографических\) средств/);
  assert.equal(svc.name.kk, 'Шифрлау (криптографиялық) құралдары бар тауарларды әкелуге немесе әкетуге қорытынды (рұқсат беретін құжат) беру');
  // §8 (L1808): free.
  assert.deepEqual([sc.fee.kind, sc.fee.ref?.lines], ['free', 'L1808']);
  const order = svc.sources.find((s) => s.number === '305');
  assert.match(order?.ref?.lines ?? '', /L949-1144/);
  assert.match(order?.act.ru ?? '', /приложение 5/);
  assert.match(svc.sources.find((s) => s.number === '50')?.repealedBy ?? '', /No\. 600/);
  assert.match(svc.sources.find((s) => s.number === '19')?.act.ru ?? '', /пункт 8/);
});

test('step terms and the overall term follow regulation 5 and standard 5', () => {
  // Standard §7(1), L1800: not later than 15 calendar days.
  assert.deepEqual(termOf(sc.term), { amount: 15, unit: 'calendar_days', from: 'received' });
  assert.equal(sc.term.duration.ref?.lines, 'L1800');
  const sameDay = (from: string) => ({ amount: 0, unit: 'same_day', from });
  // §5(1)–(2), L1002–L1004.
  assert.deepEqual(termOf(step('register').term), sameDay('received'));
  assert.deepEqual(termOf(step('assign').term), sameDay('received'));
  // §5(3), L1011: 13 calendar days; §5(4), L1018: 2 calendar days.
  assert.deepEqual(termOf(step('review').term), { amount: 13, unit: 'calendar_days', from: 'step_start' });
  assert.match(step('review').term.duration.ref?.lines ?? '', /^L1005-1011/);
  assert.deepEqual(termOf(step('sign').term), { amount: 2, unit: 'calendar_days', from: 'step_start' });
  assert.match(step('sign').term.duration.ref?.lines ?? '', /^L1017-1018/);
  // Standard §7, L1806: 2 working days for the completeness check and its written refusal.
  assert.deepEqual(termOf(step('sign_refusal').term), { amount: 2, unit: 'working_days', from: 'received' });
  assert.deepEqual(termOf(step('review').outcomes.find((o) => o.id === 'refuse_incomplete')!.term!), { amount: 2, unit: 'working_days', from: 'received' });
  assert.deepEqual(termOf(step('deliver').term), sameDay('step_start'));
  assert.deepEqual(termOf(step('dispatch').term), sameDay('step_start'));
  // Samples of the encryption means: 5 calendar days, not counted (L1012–L1016).
  const p = sc.pauses[0]!;
  assert.deepEqual([p.id, p.atSteps, p.role, p.applicantTerm.amount, p.applicantTerm.unit, p.onExpiry], ['samples', ['review'], 'executor', 5, 'calendar_days', undefined]);
  assert.match(p.applicantTerm.ref?.lines ?? '', /^L1012-1016/);
  assert.equal(p.name.ru, 'Предоставление образцов шифровального средства');
  for (const st of sc.steps) assert.ok(st.term.duration.ref?.lines, `${st.id}: term has a ref`);
});

test('refusal grounds of standard 5 (§16, L1890–L1896) and §7, closed list', () => {
  assert.equal(svc.exhaustiveGrounds, true);
  assert.deepEqual(
    svc.refusalGrounds.map((g) => [g.id, g.ref?.lines]),
    [
      ['incomplete_documents', 'L1890, L1806'],
      ['erroneous_copies', 'L1806'],
      ['third_country_restriction', 'L1892'],
      ['security_harm', 'L1894'],
      ['informatization_art40', 'L1896'],
    ],
  );
  assert.match(svc.refusalGrounds.find((g) => g.id === 'third_country_restriction')!.text.kk, /тауарларды әкелуге шектеу/);
  assert.match(svc.refusalGrounds.find((g) => g.id === 'security_harm')!.text.kk, /шифрлау \(криптографиялық\) құралдарды қамтитын тауарларды/);
  const citable = new Set(sc.steps.flatMap((s) => s.outcomes.flatMap((o) => (o.decision === 'refuse' ? (o.grounds ?? []) : []))));
  assert.deepEqual([...citable].sort(), svc.refusalGrounds.map((g) => g.id).sort());
});

function required(channel: Channel, applicantKind: ApplicantKind, fields: Record<string, unknown> = {}): string[] {
  return sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel, applicantKind, fields })).map((d) => d.id);
}

test('documents of §11: no licence; the technical-research conclusion for import for own needs', () => {
  assert.deepEqual(required('provider_office', 'legal_entity'), ['application', 'foreign_trade_contract', 'technical_documentation']);
  assert.deepEqual(required('portal', 'individual'), ['foreign_trade_contract', 'technical_documentation']);
  assert.deepEqual(required('portal', 'legal_entity', { importForOwnNeeds: true }), ['foreign_trade_contract', 'technical_documentation', 'research_conclusion_copy']);
  assert.deepEqual(required('mail', 'legal_entity', { importForOwnNeeds: true }), ['application', 'foreign_trade_contract', 'technical_documentation', 'research_conclusion_copy']);
  assert.ok(!sc.documents.some((d) => /licence/.test(d.id)), 'standard 5 asks for no licence');
  assert.deepEqual(sc.documents.filter((d) => d.obtainedByProvider).map((d) => d.id), ['identity_card', 'legal_entity_registration']);
  assert.match(sc.documents.find((d) => d.id === 'technical_documentation')!.name.ru, /средства криптографической защиты информации/);
  assert.match(sc.documents.find((d) => d.id === 'research_conclusion_copy')!.ref?.note ?? '', /300 dpi/);
});

test('form fields of Annex 4 (L2023–L2062)', () => {
  const ids = (fields: Record<string, unknown> = {}) => sc.fields.filter((f) => f.required && matches(f.when, { channel: 'portal', applicantKind: 'legal_entity', fields })).map((f) => f.id);
  assert.ok(!ids().includes('researchConclusionDetails'));
  assert.ok(ids({ importForOwnNeeds: true }).includes('researchConclusionDetails'));
  assert.ok(!sc.fields.some((f) => f.id === 'temporaryImport' || f.id === 'licenceNumber'));
  assert.match(sc.fields.find((f) => f.id === 'basis')!.label.ru, /пункту 8 Положения/);
  assert.equal(sc.fields.filter((f) => /^item\d/.test(f.id)).length, 25);
  assert.match(sc.fields.find((f) => f.id === 'item1Name')!.label.kk, /Шифрлау \(криптографиялық\) құралдары бар тауарлар туралы мәліметтер/);
  assert.equal(sc.fields.find((f) => f.id === 'item1Name')!.ref?.lines, 'L2043-2050');
});

test('every interpretation names its readings, its choice and its sources', () => {
  for (const i of svc.interpretations) {
    assert.ok(i.readings.length >= 1 && i.chosen.length > 0, i.topic);
    assert.ok(i.refs.length >= 1, i.topic);
  }
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Samples/, /own needs/, /Incomplete documents/, /Object: encryption means/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Through the engine. Received Tuesday 12 January 2027 (no holiday until 8 March); +05:00.

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

eachEngine('portal, import for own needs: the conclusion within 13 + 2 of the 15 calendar days', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'portal',
    fields: { importForOwnNeeds: true, researchConclusionDetails: 'No. 17 of 05.01.2027' },
    at: '2027-01-12T09:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2027-01-12T09:30:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2027-01-12T10:00:00+05:00' },
      { step: 'review', outcome: 'draft_conclusion', at: '2027-01-18T12:00:00+05:00' },
      { step: 'sign', outcome: 'signed', at: '2027-01-19T10:00:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  assert.match(v.result!.number, /^KNB-CRYPTO-2027-\d{6}$/);
  assert.ok(v.documents.some((d) => d.requirement === 'research_conclusion_copy'));
  // 12 January + 15 = 27 January; + 13 = 25 January; drafted 18 January + 2 = 20 January.
  assert.equal(v.deadlines.overall.due, '2027-01-27T19:00:00+05:00');
  assert.equal(dueOf(v, 'register'), '2027-01-12T19:00:00+05:00');
  assert.equal(dueOf(v, 'review'), '2027-01-25T19:00:00+05:00');
  assert.equal(dueOf(v, 'sign'), '2027-01-20T19:00:00+05:00');
  assert.equal(dueOf(v, 'deliver'), '2027-01-19T19:00:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
});

eachEngine('samples of the encryption means: 2 calendar days not counted move the review and the overall term by 2 days', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'portal',
    at: '2027-01-12T09:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2027-01-12T09:30:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2027-01-12T10:00:00+05:00' },
      { pause: 'samples', at: '2027-01-13T10:00:00+05:00' },
      { answer: 'Two samples handed over', at: '2027-01-15T16:00:00+05:00' },
      { step: 'review', outcome: 'draft_conclusion', at: '2027-01-19T10:00:00+05:00' },
      { step: 'sign', outcome: 'signed', at: '2027-01-20T10:00:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'result');
  // The notice arrived in the cabinet on 13 January: 5 calendar days = 18 January.
  assert.equal(new Date(v.pauses[0]!.applicantDue).getTime(), new Date('2027-01-18T19:00:00+05:00').getTime());
  // Paused 13 → 15 January (2 calendar days): review 25 → 27 January, overall 27 → 29 January.
  assert.equal(dueOf(v, 'review'), '2027-01-27T19:00:00+05:00');
  assert.equal(v.deadlines.overall.due, '2027-01-29T19:00:00+05:00');
  assert.equal(dueOf(v, 'sign'), '2027-01-21T19:00:00+05:00');
});

eachEngine('at the office: incomplete documents refused within 2 working days of receipt and dispatched', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'provider_office',
    applicant: t.users.applicant,
    at: '2027-01-12T10:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2027-01-12T10:05:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2027-01-12T10:30:00+05:00' },
      { step: 'review', outcome: 'refuse_incomplete', grounds: ['incomplete_documents'], at: '2027-01-13T15:00:00+05:00' },
      { step: 'sign_refusal', outcome: 'signed', at: '2027-01-14T10:00:00+05:00' },
      { step: 'dispatch', outcome: 'dispatched', at: '2027-01-14T11:00:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['incomplete_documents']);
  // Tuesday 12 January + 2 working days = Thursday 14 January.
  assert.equal(dueOf(v, 'review'), '2027-01-14T19:00:00+05:00');
  assert.equal(dueOf(v, 'sign_refusal'), '2027-01-14T19:00:00+05:00');
  assert.equal(dueOf(v, 'dispatch'), '2027-01-14T19:00:00+05:00');
  assert.deepEqual(v.deadlines.steps.map((s) => s.stepId), ['register', 'assign', 'review', 'sign_refusal', 'dispatch']);
});

eachEngine('by mail: refusal on a §16 ground (third countries restrict import), signed within 2 calendar days', async (_t, engine) => {
  const t = await appFor(engine);
  const v = await runCase(t, {
    serviceId: SERVICE,
    subcase: 'issue',
    channel: 'mail',
    at: '2027-01-12T11:00:00+05:00',
    path: [
      { step: 'register', outcome: 'registered', at: '2027-01-12T11:30:00+05:00' },
      { step: 'assign', outcome: 'assigned', assign: 'executor', at: '2027-01-12T12:00:00+05:00' },
      { step: 'review', outcome: 'draft_refusal', grounds: ['third_country_restriction'], at: '2027-01-22T10:00:00+05:00' },
      { step: 'sign', outcome: 'signed', at: '2027-01-25T18:00:00+05:00' },
      { step: 'dispatch', outcome: 'dispatched', at: '2027-01-25T18:30:00+05:00' },
    ],
  });
  assert.equal(v.mark, 'refused');
  assert.deepEqual(v.grounds?.map((g) => g.id), ['third_country_restriction']);
  // Drafted Friday 22 January + 2 = Sunday 24 January, so Monday 25 January.
  assert.equal(dueOf(v, 'sign'), '2027-01-25T19:00:00+05:00');
  assert.equal(v.deadlines.steps.find((s) => s.stepId === 'sign')?.overdue, false);
  assert.equal(v.deadlines.overall.due, '2027-01-27T19:00:00+05:00');
  assert.equal(v.deadlines.overall.overdue, false);
});
