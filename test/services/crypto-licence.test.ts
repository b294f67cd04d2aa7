// The KNB cryptography licence as encoded from seed 001 (regulation 2 of order No. 305) and
// seed 003 (standard 2 of decree No. 50). The figures below are written from the regulation
// text, not read back from the module, so a change to the module that drifts from the text fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import cryptoLicenceDefault, { cryptoLicence } from '../../src/services/crypto-licence.ts';
import { knb } from '../../src/services/providers/knb.ts';
import {
  ServiceDefinition,
  findStep,
  findSubcase,
  matches,
  resolveNext,
  type ApplicantKind,
  type Channel,
  type SubCase,
} from '../../src/core/regulation.ts';

const svc = cryptoLicence;

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
function walk(sc: SubCase, channel: Channel, choose: Record<string, string>, applicantKind: ApplicantKind = 'legal_entity'): string[] {
  const path: string[] = [];
  let at: string | undefined = sc.firstStep;
  while (at && at !== 'end') {
    assert.ok(path.length < 20, `${sc.id}: no loop`);
    const st = step(sc, at);
    path.push(st.id);
    const outcome = st.outcomes.find((o) => o.id === (choose[st.id] ?? st.outcomes[0]!.id));
    assert.ok(outcome, `${sc.id}: outcome ${choose[st.id]} at ${st.id}`);
    at = resolveNext(outcome, { channel, applicantKind });
    assert.ok(at, `${sc.id}: ${st.id}/${outcome.id} resolves for channel ${channel}`);
  }
  return [...path, 'end'];
}

test('the definition validates and is the default export', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(cryptoLicenceDefault, svc);
  assert.equal(svc.id, 'crypto-licence');
  assert.equal(svc.status, 'active');
  assert.equal(svc.effective.to, undefined);
  assert.deepEqual(svc.subcases.map((s) => s.id), ['issue', 'reissue', 'duplicate']);
  assert.deepEqual([...svc.channels].sort(), ['mail', 'portal', 'provider_office']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.equal(svc.provider.id, 'knb');
  assert.equal(svc.result!.registry, 'licences');
  assert.equal(svc.result!.numberPrefix, 'KNB-CIPM');
});

test('legal sources keep order No. 305 and decree No. 50 with their repeal', () => {
  const order = svc.sources.find((s) => s.number === '305');
  assert.ok(order);
  assert.equal(order.date, '2014-09-15');
  assert.match(order.registered ?? '', /13\.10\.2014.*9790/);
  assert.match(order.repealedBy ?? '', /No\. 43 of 27\.05\.2015/);
  assert.equal(order.ref?.seed, '001');
  const decree = svc.sources.find((s) => s.number === '50');
  assert.ok(decree);
  assert.equal(decree.date, '2013-01-29');
  assert.match(decree.repealedBy ?? '', /No\. 600 of 31\.05\.2014/);
  assert.equal(decree.ref?.seed, '003');
});

// Seed 001 §5 (L350–L377), §8 and §10; seed 003 §7 (L565–L569).
const FIGURES = {
  issue: { overall: 15, review: 12, sign: 2, incompleteRefusal: 2 },
  reissue: { overall: 10, review: 8, sign: 2, incompleteRefusal: 2 },
  duplicate: { overall: 2, review: 1, sign: 1, incompleteRefusal: undefined },
} as const;

for (const [id, f] of Object.entries(FIGURES)) {
  test(`${id}: step terms and overall term follow the regulation text`, () => {
    const sc = subcase(id);
    assert.deepEqual(
      sc.steps.map((s) => s.id),
      ['register', 'assign', 'review', 'sign', 'sign_refusal', 'deliver', 'dispatch'],
    );
    assert.equal(sc.firstStep, 'register');
    assert.deepEqual({ amount: sc.term.duration.amount, unit: sc.term.duration.unit, from: sc.term.from }, { amount: f.overall, unit: 'working_days', from: 'received' });
    assert.equal(sc.term.duration.ref?.seed, '003');

    const t = (sid: string) => {
      const st = step(sc, sid);
      return { amount: st.term.duration.amount, unit: st.term.duration.unit, from: st.term.from };
    };
    const sameDay = (from: string) => ({ amount: 0, unit: 'same_day', from });
    assert.deepEqual(t('register'), sameDay('received'));
    assert.deepEqual(t('assign'), sameDay('received'));
    assert.deepEqual(t('review'), { amount: f.review, unit: 'working_days', from: 'step_start' });
    assert.deepEqual(t('sign'), { amount: f.sign, unit: 'working_days', from: 'step_start' });
    assert.deepEqual(t('sign_refusal'), sameDay('step_start'));
    assert.deepEqual(t('deliver'), sameDay('step_start'));
    assert.deepEqual(t('dispatch'), sameDay('step_start'));

    // The incomplete-documents refusal: 2 working days from registration (issue; re-issue per
    // standard §7); the duplicate's own 1-day term is already shorter.
    const incomplete = step(sc, 'review').outcomes.find((o) => o.id === 'draft_refusal_incomplete');
    assert.ok(incomplete);
    if (f.incompleteRefusal === undefined) assert.equal(incomplete.term, undefined);
    else assert.deepEqual({ amount: incomplete.term?.duration.amount, unit: incomplete.term?.duration.unit, from: incomplete.term?.from }, { amount: f.incompleteRefusal, unit: 'working_days', from: 'completed:register' });

    // The sums of the regulation's steps fit inside the standard's overall term.
    assert.ok(f.review + f.sign <= f.overall);

    // Every figure carries its source.
    for (const st of sc.steps) {
      assert.ok(st.term.duration.ref?.seed && st.term.duration.ref.lines, `${id}/${st.id}: term has a ref`);
      for (const o of st.outcomes) if (o.term) assert.ok(o.term.duration.ref?.lines, `${id}/${st.id}/${o.id}: term has a ref`);
    }
  });

  test(`${id}: roles, marks and assignment`, () => {
    const sc = subcase(id);
    const roleOf = (sid: string) => step(sc, sid).role;
    assert.equal(roleOf('register'), 'chancellery');
    assert.equal(roleOf('assign'), 'head_of_licensing');
    assert.equal(roleOf('review'), 'executor');
    assert.equal(roleOf('sign'), 'head_of_provider');
    assert.equal(roleOf('sign_refusal'), 'head_of_provider');
    assert.equal(roleOf('deliver'), 'portal');
    assert.equal(roleOf('dispatch'), 'chancellery');
    assert.equal(svc.roles.find((r) => r.id === 'portal')?.kind, 'system');
    assert.equal(step(sc, 'deliver').automatic, true);
    const registered = step(sc, 'register').outcomes[0]!;
    assert.deepEqual([registered.id, registered.mark, registered.next], ['registered', 'registered', 'assign']);
    const assigned = step(sc, 'assign').outcomes[0]!;
    assert.deepEqual([assigned.id, assigned.mark, assigned.assigns, assigned.next], ['assigned', 'in_execution', 'executor', 'review']);
    const review = step(sc, 'review');
    assert.equal(review.outcomes.find((o) => o.id === 'draft_approval')?.decision, 'approve');
    assert.equal(review.outcomes.find((o) => o.id === 'draft_refusal')?.decision, 'refuse');
    assert.equal(review.outcomes.find((o) => o.id === 'draft_refusal_incomplete')?.decision, 'refuse');
    assert.equal(sc.actsOnPrevious, id !== 'issue');
  });

  test(`${id}: happy path reaches end through the portal and on paper`, () => {
    const sc = subcase(id);
    const approve = { review: 'draft_approval' };
    assert.deepEqual(walk(sc, 'portal', approve), ['register', 'assign', 'review', 'sign', 'deliver', 'end']);
    assert.deepEqual(walk(sc, 'provider_office', approve), ['register', 'assign', 'review', 'sign', 'dispatch', 'end']);
    assert.deepEqual(walk(sc, 'mail', approve, 'individual'), ['register', 'assign', 'review', 'sign', 'dispatch', 'end']);
  });

  test(`${id}: refusal paths reach end`, () => {
    const sc = subcase(id);
    const incomplete = { review: 'draft_refusal_incomplete' };
    assert.deepEqual(walk(sc, 'portal', incomplete), ['register', 'assign', 'review', 'sign_refusal', 'deliver', 'end']);
    assert.deepEqual(walk(sc, 'provider_office', incomplete), ['register', 'assign', 'review', 'sign_refusal', 'dispatch', 'end']);
    // A refusal on §16 grounds is "the result" the head signs within the ordinary term.
    assert.deepEqual(walk(sc, 'portal', { review: 'draft_refusal' }), ['register', 'assign', 'review', 'sign', 'deliver', 'end']);
  });

  test(`${id}: every refusal ground is citable`, () => {
    const sc = subcase(id);
    const citable = new Set(sc.steps.flatMap((s) => s.outcomes.flatMap((o) => (o.decision === 'refuse' ? (o.grounds ?? []) : []))));
    assert.deepEqual([...citable].sort(), svc.refusalGrounds.map((g) => g.id).sort());
  });

  test(`${id}: the licence fee`, () => {
    const sc = subcase(id);
    assert.equal(sc.fee.kind, 'licence_fee');
    assert.equal(sc.fee.budgetCode, '105402');
    assert.equal(sc.fee.paymentPurposeCode, '911');
    assert.equal(sc.fee.mci, undefined, 'the amount is configuration (Tax Code), not in the seed');
    assert.equal(sc.fee.ref?.seed, '003');
  });
}

test('refusal grounds: the five of standard §16 and the §7 incompleteness refusal, exhaustive', () => {
  assert.equal(svc.exhaustiveGrounds, true);
  assert.equal(svc.refusalGrounds.length, 6);
  for (const g of svc.refusalGrounds) {
    assert.match(g.id, /^[a-z][a-z0-9_]*$/);
    assert.ok(g.text.kk && g.text.ru && g.text.en);
    assert.equal(g.ref?.seed, '003');
  }
  assert.deepEqual(
    svc.refusalGrounds.filter((g) => g.ref?.paragraph?.startsWith('§16')).map((g) => g.ref?.lines),
    ['L710', 'L712', 'L714', 'L716', 'L718'],
  );
});

function required(sc: SubCase, channel: Channel, applicantKind: ApplicantKind): string[] {
  return sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, { channel, applicantKind })).map((d) => d.id);
}

test('issue on the portal for a legal entity asks for the fee and the qualification documents', () => {
  const sc = subcase('issue');
  const docs = required(sc, 'portal', 'legal_entity');
  for (const id of ['fee_payment', 'qualification_form', 'specialist_diploma', 'premises_title', 'charter', 'tax_registration']) assert.ok(docs.includes(id), `portal issue requires ${id}`);
  assert.ok(!docs.includes('application'), 'the e-request is the form itself');
  assert.ok(!docs.includes('legal_entity_registration'), 'the KNB fetches the registration certificate');
  const fee = sc.documents.find((d) => d.id === 'fee_payment')!;
  assert.deepEqual(fee.satisfiedBy, ['payment_gateway', 'fee_receipt_scan']);
  // The qualification test applies to development only: listed, not demanded of every applicant.
  const testDoc = sc.documents.find((d) => d.id === 'qualification_test');
  assert.ok(testDoc && !testDoc.required);
});

test('paper issue asks for the Annex 2 application and a copy of the fee receipt; kinds differ', () => {
  const sc = subcase('issue');
  const le = required(sc, 'provider_office', 'legal_entity');
  for (const id of ['application', 'fee_receipt_copy', 'specialist_diploma', 'premises_title', 'charter', 'tax_registration']) assert.ok(le.includes(id), `paper issue requires ${id}`);
  assert.ok(!le.includes('fee_payment'));
  const ie = required(sc, 'mail', 'entrepreneur');
  assert.ok(ie.includes('entrepreneur_registration'));
  assert.ok(!ie.includes('charter'));
});

test('re-issue and duplicate documents', () => {
  const re = subcase('reissue');
  assert.deepEqual(required(re, 'portal', 'legal_entity').sort(), ['fee_payment']);
  assert.deepEqual(required(re, 'provider_office', 'individual').sort(), ['application', 'fee_receipt_copy']);
  assert.ok(re.documents.find((d) => d.id === 'previous_licence')?.obtainedByProvider);
  const dup = subcase('duplicate');
  assert.deepEqual(required(dup, 'portal', 'individual'), ['fee_payment']);
  assert.deepEqual(required(dup, 'mail', 'legal_entity').sort(), ['application', 'fee_receipt_copy']);
});

test('form fields of annex 2 by applicant kind, with the sub-case fields', () => {
  const issue = subcase('issue');
  const applying = (sc: SubCase, kind: ApplicantKind) => sc.fields.filter((f) => matches(f.when, { channel: 'portal', applicantKind: kind })).map((f) => f.id);
  const le = applying(issue, 'legal_entity');
  for (const id of ['legalEntityName', 'bin', 'activity', 'postalCode', 'city', 'street', 'building', 'phone', 'bankAccount', 'branches', 'headFullName']) assert.ok(le.includes(id), id);
  assert.ok(!le.includes('iin'));
  const ind = applying(issue, 'individual');
  for (const id of ['fullName', 'iin', 'activity', 'residence', 'idDocumentNumber', 'idDocumentIssueDate']) assert.ok(ind.includes(id), id);
  assert.ok(!ind.includes('bin'));
  const activity = issue.fields.find((f) => f.id === 'activity')!;
  assert.equal(activity.type, 'select');
  assert.deepEqual(activity.options?.map((o) => o.value), ['development', 'sale', 'development_and_sale']);
  assert.ok(!issue.fields.some((f) => f.id === 'previousLicence'));
  const re = subcase('reissue');
  assert.equal(re.fields.find((f) => f.id === 'previousLicence')?.type, 'reference');
  assert.ok(re.fields.some((f) => f.id === 'reissueReason'));
  const dup = subcase('duplicate');
  assert.deepEqual(dup.fields.find((f) => f.id === 'duplicateReason')?.options?.map((o) => o.value), ['lost', 'damaged']);
});

test('the KNB: 16 offices with their reception hours, and staff working hours', () => {
  assert.deepEqual(svc.provider, knb);
  assert.equal(knb.offices.length, 16);
  assert.equal(new Set(knb.offices.map((o) => o.id)).size, 16);
  for (const o of knb.offices) {
    assert.ok(o.name.kk && o.name.ru && o.name.en, o.id);
    assert.ok(o.address.kk && o.address.ru && o.address.en, o.id);
    assert.match(o.phone ?? '', /^8 ?\(\d{3,4}\)/, o.id);
    assert.deepEqual(o.reception, { days: [1, 2, 3, 4, 5], open: '10:00', close: '12:00' }, o.id);
  }
  assert.equal(knb.offices[0]!.address.kk, 'Астана қаласы, Т. Бигелдинов көшесі, 76-үй');
  assert.equal(knb.offices[15]!.phone, '8 (7252) 95-11-38');
  assert.deepEqual(knb.workingHours, { days: [1, 2, 3, 4, 5], open: '09:00', close: '19:00', break: { from: '13:00', to: '15:00' } });
});

test('every interpretation names its readings, its choice and its sources', () => {
  assert.ok(svc.interpretations.length >= 10);
  for (const i of svc.interpretations) {
    assert.ok(i.readings.length >= 1 && i.chosen.length > 0, i.topic);
    assert.ok(i.refs.length >= 1, i.topic);
  }
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/SOURCE DEFECT/, /Fee amount/, /Status of a repealed/, /effective\.from/, /working hours/i, /Incomplete-documents/]) assert.match(topics, t);
});
