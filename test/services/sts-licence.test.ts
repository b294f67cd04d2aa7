// The KNB licence for special technical means (STS) as encoded from seed 001 (regulation 1 of
// order No. 305) and seed 003 (standard 1 of decree No. 50). Every figure below is written from the
// regulation text, not read back from the module: a change that drifts from the text fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stsDefault, { stsLicence } from '../../src/services/sts-licence.ts';
import { deemedIssuance } from '../../src/services/shared/knb-licence.ts';
import { knb } from '../../src/services/providers/knb.ts';
import { dueAt } from '../../src/core/clock.ts';
import { ServiceDefinition, findStep, findSubcase, matches, resolveNext, type ApplicantKind, type Channel, type SubCase } from '../../src/core/regulation.ts';
import { registerLicenceRuns } from './support/knb-licence-runs.ts';

const svc = stsLicence;
const SUBCASES = ['issue', 'reissue', 'duplicate', 'annex'] as const;

function subcase(id: string): SubCase {
  const sc = findSubcase(svc, id);
  assert.ok(sc, `sub-case ${id} exists`);
  return sc;
}

function walk(sc: SubCase, channel: Channel, choose: Record<string, string>): string[] {
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    assert.ok(path.length < 20, `${sc.id}: no loop`);
    const st = findStep(sc, at)!;
    path.push(st.id);
    const o = st.outcomes.find((x) => x.id === (choose[st.id] ?? st.outcomes[0]!.id))!;
    at = resolveNext(o, { channel, applicantKind: 'legal_entity' });
  }
  return [...path, 'end'];
}

test('the definition validates, is the default export and offers the four sub-cases', () => {
  assert.ok(ServiceDefinition.safeParse(svc).success);
  assert.equal(stsDefault, svc);
  assert.equal(svc.id, 'sts-licence');
  assert.equal(svc.status, 'active');
  assert.equal(svc.version, '2014-10-24');
  assert.deepEqual(svc.effective, { from: '2014-10-24' });
  assert.deepEqual(svc.subcases.map((s) => s.id), [...SUBCASES]);
  assert.deepEqual([...svc.channels].sort(), ['mail', 'portal', 'provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.deepEqual(svc.provider, knb);
  assert.deepEqual(svc.result, {
    document: svc.result!.document,
    refusal: svc.result!.refusal,
    registry: 'licences',
    numberPrefix: 'KNB-STS',
  });
  assert.match(svc.name.ru, /^Выдача лицензии, переоформление, выдача дубликатов лицензии для занятия деятельностью по разработке, производству, ремонту и реализации специальных технических средств/);
  assert.match(svc.name.kk, /әзірлеу, өндіру, жөндеу және өткізу/);
});

test('legal sources: order No. 305 (appendix 1), decree No. 50 (standard 1), decree No. 412 and the laws of §3', () => {
  const by = (n: string) => svc.sources.find((s) => s.number === n);
  assert.equal(by('305')?.date, '2014-09-15');
  assert.match(by('305')?.act.ru ?? '', /приложение 1\)/);
  assert.match(by('305')?.repealedBy ?? '', /No\. 43 of 27\.05\.2015/);
  assert.match(by('305')?.ref?.lines ?? '', /L75-301/);
  assert.equal(by('50')?.date, '2013-01-29');
  assert.match(by('50')?.repealedBy ?? '', /No\. 600 of 31\.05\.2014/);
  assert.match(by('50')?.ref?.lines ?? '', /L29-497/);
  assert.equal(by('600')?.date, '2014-05-31');
  assert.equal(by('412')?.date, '2012-03-31');
  assert.equal(by('412')?.ref?.lines, 'L53-55');
  const dates = svc.sources.map((s) => s.date);
  for (const d of ['1995-12-21', '2007-01-11', '2013-04-15', '2011-12-21', '2004-04-17', '2007-01-12']) assert.ok(dates.includes(d), d);
  for (const s of svc.sources) assert.ok(s.ref?.seed && s.ref.lines, `${s.number}: ref`);
});

// Regulation 1 §5 (seed 001 L128–L152, repeated in §8 L183–L215 and §10 L250–L277): executor
// 12 / 8 / 1 working days, head 2 / 2 / 1, incompleteness refusal within 2 working days of
// registration signed the same day. Standard 1 §7 (seed 003 L73–L77): 15 / 10 / 2 working days.
// The annex borrows the issue figures (no term of its own in §7).
const FIGURES = {
  issue: { overall: 15, review: 12, sign: 2, incomplete: 2, fee: 'licence_fee' },
  reissue: { overall: 10, review: 8, sign: 2, incomplete: 2, fee: 'licence_fee' },
  duplicate: { overall: 2, review: 1, sign: 1, incomplete: undefined, fee: 'licence_fee' },
  annex: { overall: 15, review: 12, sign: 2, incomplete: 2, fee: 'free' },
} as const;

for (const id of SUBCASES) {
  const f = FIGURES[id];
  test(`${id}: step terms, overall term, roles and paths follow the regulation`, () => {
    const sc = subcase(id);
    assert.deepEqual(sc.steps.map((s) => s.id), ['register', 'assign', 'review', 'sign', 'sign_refusal', 'deliver', 'dispatch']);
    const term = (t: { duration: { amount: number; unit: string }; from: string }) => ({ amount: t.duration.amount, unit: t.duration.unit, from: t.from });
    assert.deepEqual(term(sc.term), { amount: f.overall, unit: 'working_days', from: 'received' });
    const st = (sid: string) => findStep(sc, sid)!;
    const same = (from: string) => ({ amount: 0, unit: 'same_day', from });
    assert.deepEqual(term(st('register').term), same('received'));
    assert.deepEqual(term(st('assign').term), same('received'));
    assert.deepEqual(term(st('review').term), { amount: f.review, unit: 'working_days', from: 'step_start' });
    assert.deepEqual(term(st('sign').term), { amount: f.sign, unit: 'working_days', from: 'step_start' });
    for (const s of ['sign_refusal', 'deliver', 'dispatch']) assert.deepEqual(term(st(s).term), same('step_start'));
    const inc = st('review').outcomes.find((o) => o.id === 'draft_refusal_incomplete')!;
    if (f.incomplete === undefined) assert.equal(inc.term, undefined);
    else assert.deepEqual(term(inc.term!), { amount: f.incomplete, unit: 'working_days', from: 'completed:register' });
    assert.ok(f.review + f.sign <= f.overall);
    assert.deepEqual(
      sc.steps.map((s) => s.role),
      ['chancellery', 'head_of_licensing', 'executor', 'head_of_provider', 'head_of_provider', 'portal', 'chancellery'],
    );
    assert.equal(sc.actsOnPrevious, id !== 'issue');
    assert.equal(sc.fee.kind, f.fee);
    if (f.fee === 'licence_fee') assert.deepEqual([sc.fee.budgetCode, sc.fee.paymentPurposeCode, sc.fee.mci], ['105402', '911', undefined]);
    for (const s of sc.steps) {
      assert.equal(s.term.duration.ref?.seed, '001', `${id}/${s.id}: the procedure's terms come from the regulation`);
      assert.ok(s.term.duration.ref?.lines);
    }
    assert.equal(sc.term.duration.ref?.seed, '003');
    assert.deepEqual(walk(sc, 'portal', { review: 'draft_approval' }), ['register', 'assign', 'review', 'sign', 'deliver', 'end']);
    assert.deepEqual(walk(sc, 'mail', { review: 'draft_refusal' }), ['register', 'assign', 'review', 'sign', 'dispatch', 'end']);
    assert.deepEqual(walk(sc, 'provider_office', { review: 'draft_refusal_incomplete' }), ['register', 'assign', 'review', 'sign_refusal', 'dispatch', 'end']);
  });
}

test('regulation 1 lines: the review and sign terms cite §5, §8 and §10 of appendix 1', () => {
  const issue = subcase('issue');
  assert.equal(findStep(issue, 'review')!.term.duration.ref?.lines, 'L137, L196, L262');
  assert.equal(findStep(issue, 'sign')!.term.duration.ref?.lines, 'L146, L208, L271');
  assert.equal(findStep(subcase('reissue'), 'review')!.term.duration.ref?.lines, 'L142, L201, L267');
  assert.equal(findStep(subcase('duplicate'), 'sign')!.term.duration.ref?.lines, 'L150, L212, L275');
  assert.equal(issue.term.duration.ref?.lines, 'L73');
});

test('refusal grounds: the five of §16 and the §7 incompleteness refusal; the fee ground is not citable for an annex', () => {
  assert.equal(svc.exhaustiveGrounds, true);
  assert.deepEqual(
    svc.refusalGrounds.map((g) => [g.id, g.ref?.lines]),
    [
      ['activity_prohibited_for_category', 'L290'],
      ['licence_fee_not_paid', 'L292'],
      ['qualification_requirements_not_met', 'L294'],
      ['court_ban_on_activity', 'L295'],
      ['informatization_law_art40', 'L297'],
      ['incomplete_documents', 'L85'],
    ],
  );
  for (const id of SUBCASES) {
    const citable = new Set(subcase(id).steps.flatMap((s) => s.outcomes.flatMap((o) => o.grounds ?? [])));
    const expected = svc.refusalGrounds.map((g) => g.id).filter((g) => id !== 'annex' || g !== 'licence_fee_not_paid');
    assert.deepEqual([...citable].sort(), expected.sort(), id);
  }
});

function required(sc: SubCase, channel: Channel, applicantKind: ApplicantKind): string[] {
  return sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel, applicantKind })).map((d) => d.id);
}

test('documents of §11 by sub-case, channel and applicant kind', () => {
  const issue = subcase('issue');
  const qualification = ['specialist_diploma', 'secrets_clearance', 'equipment_list', 'premises_title'];
  assert.deepEqual(required(issue, 'provider_office', 'legal_entity'), ['application', 'charter', 'tax_registration', 'fee_receipt_copy', ...qualification]);
  assert.deepEqual(required(issue, 'mail', 'entrepreneur'), ['application', 'entrepreneur_registration', 'tax_registration', 'fee_receipt_copy', ...qualification]);
  assert.deepEqual(required(issue, 'portal', 'legal_entity'), ['charter', 'tax_registration', 'fee_payment', 'qualification_form', ...qualification]);
  assert.deepEqual(issue.documents.find((d) => d.id === 'fee_payment')?.satisfiedBy, ['payment_gateway', 'fee_receipt_scan']);
  const fetched = issue.documents.filter((d) => d.obtainedByProvider).map((d) => d.id);
  assert.deepEqual(fetched, ['legal_entity_registration', 'identity_card', 'qualification_test', 'power_of_attorney']);
  assert.equal(issue.documents.find((d) => d.id === 'qualification_test')?.when, undefined, 'the test applies to every STS licence');
  assert.equal(issue.documents.find((d) => d.id === 'secrets_clearance')?.ref?.lines, 'L132');

  const annex = subcase('annex');
  assert.deepEqual(required(annex, 'provider_office', 'legal_entity'), ['application', ...qualification]);
  assert.deepEqual(required(annex, 'portal', 'individual'), ['qualification_form', ...qualification]);
  assert.ok(!annex.documents.some((d) => d.id.startsWith('fee_')), 'no fee for an annex (§8, L93)');
  assert.ok(!annex.documents.some((d) => d.id === 'qualification_test'), 'the annex lists do not name the test');
  assert.equal(annex.documents.find((d) => d.id === 'secrets_clearance')?.ref?.lines, 'L154');

  assert.deepEqual(required(subcase('reissue'), 'portal', 'legal_entity'), ['fee_payment']);
  assert.deepEqual(required(subcase('reissue'), 'mail', 'individual'), ['application', 'fee_receipt_copy']);
  assert.deepEqual(required(subcase('duplicate'), 'provider_office', 'legal_entity'), ['application', 'fee_receipt_copy']);
  assert.equal(subcase('duplicate').documents.find((d) => d.id === 'fee_receipt_copy')?.ref?.lines, 'L176');
});

test('Annex 2 form fields, by applicant kind, with the sub-case fields', () => {
  const issue = subcase('issue');
  const applying = (sc: SubCase, kind: ApplicantKind) => sc.fields.filter((f) => matches(f.when, { channel: 'portal', applicantKind: kind })).map((f) => f.id);
  for (const id of ['legalEntityName', 'bin', 'activity', 'postalCode', 'city', 'street', 'building', 'phone', 'fax', 'email', 'bankAccount', 'branches', 'headFullName']) assert.ok(applying(issue, 'legal_entity').includes(id), id);
  for (const id of ['fullName', 'iin', 'activity', 'residence', 'idDocumentType', 'idDocumentSeries', 'idDocumentNumber', 'idDocumentIssuer', 'idDocumentIssueDate', 'bankAccount']) assert.ok(applying(issue, 'individual').includes(id), id);
  const activity = issue.fields.find((f) => f.id === 'activity')!;
  assert.equal(activity.type, 'textarea');
  assert.equal(activity.ref?.lines, 'L398, L434');
  assert.deepEqual(subcase('reissue').fields.find((f) => f.id === 'reissueReason')?.options?.map((o) => o.value), ['activity_name_changed']);
  assert.deepEqual(subcase('duplicate').fields.find((f) => f.id === 'duplicateReason')?.options?.map((o) => o.value), ['lost', 'damaged']);
  assert.deepEqual(subcase('duplicate').fields.find((f) => f.id === 'duplicateOf')?.options?.map((o) => o.value), ['licence', 'annex', 'licence_and_annex']);
  assert.equal(subcase('annex').fields.find((f) => f.id === 'previousLicence')?.type, 'reference');
});

test('deemed issuance (§16, L299): 5 working days after the term of issue', () => {
  assert.deepEqual(deemedIssuance.after, { amount: 5, unit: 'working_days' });
  assert.deepEqual([...deemedIssuance.subcases], ['issue', 'annex']);
  // Received Tuesday 13 October 2026: the 15 working days end on Wednesday 4 November (Monday
  // 26 October is the substitute day off for Republic Day); 5 more: 5, 6, 9, 10, 11 November.
  const due = dueAt(new Date('2026-11-04T19:00:00+05:00'), deemedIssuance.after, knb.workingHours);
  assert.equal(due.getTime(), new Date('2026-11-11T19:00:00+05:00').getTime());
  assert.ok(svc.interpretations.some((i) => /deemed issuance/i.test(i.topic)));
});

test('every interpretation names its readings, its choice and its sources', () => {
  for (const i of svc.interpretations) assert.ok(i.readings.length >= 1 && i.chosen && i.refs.length >= 1, i.topic);
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/Licence annex/, /Type and\/or subtype/, /Fee amount/, /Status of a repealed/, /effective\.from/, /working hours/i, /Incomplete-documents/, /Desk times/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// Every sub-case through the engine on both databases, each branch with its deadlines.

registerLicenceRuns('sts-licence', /^KNB-STS-2026-\d{6}$/, SUBCASES);
