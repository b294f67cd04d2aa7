// The NCA registration-certificate service as encoded from seed 004 (MTC order No. 839 of
// 29.11.2012). Every figure below is written from the regulation text (the "Орындалу мерзімі"
// cells of Annex 3, the paragraphs of p.6–p.10 and p.15(1)), not read back from the module: a
// change to the module that drifts from the text fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ncaDefault, { ncaCertificates } from '../../src/services/nca-certificates.ts';
import { nca } from '../../src/services/providers/nca.ts';
import { ServiceDefinition, findStep, findSubcase, type DurationUnit, type SubCase } from '../../src/core/regulation.ts';
import type { CaseView } from '../../src/app/cases.ts';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { runCase, staffFor, type PathStep } from '../support/run-case.ts';
import { holderFromStateDb } from '../../src/app/ca.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { issueFor, type DemoUser } from '../../src/app/bootstrap.ts';
import { createCsr, generateKeyPair, parseCertificate } from '../../src/pki/index.ts';
import type { TestApp } from '../support/app.ts';
import { appointOperator, issueOperatorCertificate, operatorView } from '../../src/app/ca-operators.ts';
import { populationIin } from '../pki-ca/support.ts';

const svc = ncaCertificates;
const SERVICE = 'nca-certificates';

function subcase(id: string): SubCase {
  const sc = findSubcase(svc, id);
  assert.ok(sc, `sub-case ${id} exists`);
  return sc;
}

// ---------------------------------------------------------------------------------------------
// Terms as the regulation prints them. Sub-day cells become the whole working minutes that cover
// their upper bound (the schema's smallest unit); «күн» is a calendar day; `same day` marks the
// cells the text does not give.

type Printed = string;
function expectedTerm(printed: Printed): { amount: number; unit: DurationUnit } {
  if (printed === 'same day') return { amount: 0, unit: 'same_day' };
  const days = /^(\d+) күн/.exec(printed);
  if (days) return { amount: Number(days[1]), unit: 'calendar_days' };
  // A range «30 сек – 1 мин», «10-15 сек»: its upper bound.
  const upper = printed.split(/\s*[–-]\s*/).pop()!;
  const m = /^(\d+(?:,\d+)?)\s*(сек|мин|минута)$/.exec(upper.trim());
  assert.ok(m, `a term cell I can read: «${printed}»`);
  const value = Number(m[1]!.replace(',', '.'));
  const seconds = m[2] === 'сек' ? value : value * 60;
  return { amount: Math.ceil(seconds / 60), unit: 'minutes' };
}

test('the reading of the printed cells', () => {
  assert.deepEqual(expectedTerm('15 сек'), { amount: 1, unit: 'minutes' });
  assert.deepEqual(expectedTerm('10-15 сек'), { amount: 1, unit: 'minutes' });
  assert.deepEqual(expectedTerm('30 сек – 1 мин'), { amount: 1, unit: 'minutes' });
  assert.deepEqual(expectedTerm('30 сек – 1 минута'), { amount: 1, unit: 'minutes' });
  assert.deepEqual(expectedTerm('1,5 мин'), { amount: 2, unit: 'minutes' });
  assert.deepEqual(expectedTerm('15 мин'), { amount: 15, unit: 'minutes' });
  assert.deepEqual(expectedTerm('30 күннiң iшiнде'), { amount: 30, unit: 'calendar_days' });
  assert.deepEqual(expectedTerm('2 күн'), { amount: 2, unit: 'calendar_days' });
});

interface StepFigure {
  step: string;
  role: string;
  automatic: boolean;
  /** The Annex 3 cell (or the borrowed cell, or `same day`), and the seed lines where it is printed (null: not printed). */
  printed: Printed;
  lines: string | null;
}
const row = (step: string, role: string, automatic: boolean, printed: Printed, lines: string | null): StepFigure => ({ step, role, automatic, printed, lines });

const FIGURES: Record<string, { overall: Printed; steps: StepFigure[] }> = {
  // p.6, Table 1. Row 6 is missing (its term: Table 5 row 2, L1069); row 11 is missing (Table 2 row 8, L748).
  // Overall: the recipient's 30 күн (row 5) are the recipient's and not counted; the visit may
  // come at closing time, so the operator's 15 + 10 мин and the 15 сек check end on the next
  // working day, from which the issue's 1 күн runs: 2 күн.
  issue: {
    overall: '2 күн',
    steps: [
      row('sdb_check', 'egov_portal', true, '1,5 мин', 'L559'),
      row('sdb_refusal', 'state_database', true, '10-15 сек', 'L559'),
      row('register_request', 'nca_is', true, '30 сек', 'L559'),
      row('submit_documents', 'applicant', false, '30 күннiң iшiнде', 'L560-561'),
      row('accept_documents', 'nca_operator', false, '15 мин', 'L1069'),
      row('operator_refusal', 'nca_operator', false, '15 сек', 'L606'),
      row('confirm_request', 'nca_operator', false, '10 мин', 'L606'),
      row('verify_operator_signature', 'nca_is', true, '15 сек', 'L606'),
      row('is_refusal', 'nca_is', true, '15 сек', 'L606'),
      row('issue_certificates', 'nca_is', true, '1 күн', 'L748'),
    ],
  },
  // p.7, Table 2. Overall: 1 күн (row 8).
  reissue: {
    overall: '1 күн',
    steps: [
      row('sdb_check', 'egov_portal', true, '1,5 мин', 'L707'),
      row('sdb_refusal', 'state_database', true, '10-15 сек', 'L707'),
      row('register_request', 'nca_is', true, '30 сек', 'L707'),
      row('confirm_request', 'nca_operator', false, '10 мин', 'L707'),
      row('verify_operator_signature', 'nca_is', true, '15 сек', 'L748'),
      row('is_refusal', 'nca_is', true, '15 сек', 'L748'),
      row('issue_certificates', 'nca_is', true, '1 күн', 'L748'),
    ],
  },
  // p.8, Table 3. Overall: 1 күн (row 4).
  revoke: {
    overall: '1 күн',
    steps: [
      row('check_request', 'nca_is', true, '15 сек', 'L823'),
      row('is_refusal', 'nca_is', true, '15 сек', 'L823'),
      row('revoke_certificates', 'nca_is', true, '1 күн', 'L823'),
    ],
  },
  // p.9, Table 4. Row 5 is missing (Tables 1/2 row 2, L559); row 12 is missing and has no counterpart.
  issue_id_card: {
    overall: 'same day',
    steps: [
      row('identify', 'nca_operator', false, '15 мин', 'L888'),
      row('operator_refusal', 'nca_operator', false, '15 сек', 'L888'),
      row('form_request', 'nca_operator', false, '30 сек – 1 мин', 'L888'),
      row('sdb_check', 'egov_gateway', true, '1,5 мин', 'L559'),
      row('sdb_refusal', 'state_database', true, '10-15 сек', 'L954'),
      row('enter_pin', 'applicant', false, '10-15 сек', 'L954'),
      row('register_request', 'nca_is', true, '30 сек', 'L954'),
      row('confirm_request', 'nca_operator', false, '15 сек', 'L954'),
      row('verify_operator_signature', 'nca_is', true, '15 сек', 'L954'),
      row('is_refusal', 'nca_is', true, '15 сек', 'L954'),
      row('write_to_card', 'nca_is', true, 'same day', null),
    ],
  },
  // p.10, Table 5. Overall: 2 күн (row 9).
  revoke_at_counter: {
    overall: '2 күн',
    steps: [
      row('accept_documents', 'nca_operator', false, '15 мин', 'L1069'),
      row('operator_refusal', 'nca_operator', false, '15 сек', 'L1069'),
      row('form_request', 'nca_operator', false, '15 сек', 'L1069'),
      row('routing_refusal', 'nca_is', true, '15 сек', 'L1069'),
      row('confirm_request', 'nca_operator', false, '30 сек – 1 мин', 'L1069'),
      row('verify_operator_signature', 'nca_is', true, '15 сек', 'L1111'),
      row('is_refusal', 'nca_is', true, '15 сек', 'L1111'),
      row('revoke_certificates', 'nca_is', true, '2 күн', 'L1111'),
    ],
  },
  // p.15(1): no table. Issue: the 1 күн of Table 2 row 8; revocation: «кемінде 2 күн» before the
  // dismissal (L310-311); suspension: «жедел» (promptly). Overall: the longest branch.
  operator_certificates: {
    overall: '2 күн',
    steps: [
      row('register_letter', 'provider_officer', false, 'same day', null),
      row('issue_operator_certificates', 'provider_officer', false, '1 күн', 'L748'),
      row('revoke_operator_certificates', 'provider_officer', false, '2 күн', 'L308-311'),
      row('suspend_operator', 'provider_officer', false, 'same day', null),
    ],
  },
};

const SEED = fileURLToPath(new URL('../../../shared/seeds/004_bf47ea7b2f069c57.txt', import.meta.url));
const seedLines = existsSync(SEED) ? readFileSync(SEED, 'utf8').split('\n') : null;
/** The text of `L12` or `L12-14` (or several, comma-separated), whitespace folded. */
function seedText(lines: string): string {
  const out: string[] = [];
  for (const part of lines.split(',')) {
    const m = /^L(\d+)(?:-(\d+))?$/.exec(part.trim());
    assert.ok(m, `line reference "${part}"`);
    const a = Number(m[1]);
    const b = Number(m[2] ?? m[1]);
    out.push(...seedLines!.slice(a - 1, b));
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

test('the definition validates and is the default export', () => {
  const again = ServiceDefinition.safeParse(svc);
  assert.ok(again.success, again.success ? '' : again.error.message);
  assert.equal(ncaDefault, svc);
  assert.equal(svc.id, SERVICE);
  assert.equal(svc.status, 'active');
  assert.equal(svc.version, '2012-12-26');
  assert.deepEqual(svc.effective, { from: '2012-12-26' });
  assert.deepEqual(svc.subcases.map((s) => s.id), ['issue', 'reissue', 'revoke', 'issue_id_card', 'revoke_at_counter', 'operator_certificates']);
  assert.deepEqual([...svc.channels].sort(), ['portal', 'provider_office', 'psc']);
  assert.deepEqual([...svc.applicantKinds].sort(), ['entrepreneur', 'individual', 'legal_entity']);
  assert.equal(svc.result!.registry, 'nca_certificates');
  assert.equal(svc.result!.numberPrefix, 'NCA-RC');
  assert.equal(svc.exhaustiveGrounds, true);
});

test('legal sources: order No. 839 with its registration and repeal, and Standard No. 1241', () => {
  const order = svc.sources.find((s) => s.number === '839');
  assert.ok(order);
  assert.equal(order.date, '2012-11-29');
  assert.match(order.registered ?? '', /26\.12\.2012.*8235/);
  assert.match(order.repealedBy ?? '', /No\. 209 of 26\.03\.2014/);
  assert.equal(order.ref?.seed, '004');
  const standard = svc.sources.find((s) => s.number === '1241');
  assert.ok(standard);
  assert.equal(standard.date, '2012-09-25');
});

test('channels by flow: online for I–III, PSC or provider for IV–V, the PSC letter for VI', () => {
  const ch = (id: string) => [...(subcase(id).channels ?? [])].sort();
  assert.deepEqual(ch('issue'), ['portal']);
  assert.deepEqual(ch('reissue'), ['portal']);
  assert.deepEqual(ch('revoke'), ['portal']);
  assert.deepEqual(ch('issue_id_card'), ['provider_office', 'psc']);
  assert.deepEqual(ch('revoke_at_counter'), ['provider_office', 'psc']);
  assert.deepEqual(ch('operator_certificates'), ['provider_office']);
});

for (const [id, f] of Object.entries(FIGURES)) {
  test(`${id}: steps, roles and terms follow Annex 3 / the text`, () => {
    const sc = subcase(id);
    assert.deepEqual(sc.steps.map((s) => s.id), f.steps.map((s) => s.step));
    assert.equal(sc.firstStep, f.steps[0]!.step);
    const overall = expectedTerm(f.overall);
    assert.deepEqual({ amount: sc.term.duration.amount, unit: sc.term.duration.unit, from: sc.term.from }, { ...overall, from: 'received' });
    for (const fig of f.steps) {
      const st = findStep(sc, fig.step)!;
      const want = expectedTerm(fig.printed);
      // p.15(1): the provider acts on the PSC's letter, so its terms run from the letter's receipt.
      const from = id === 'operator_certificates' ? 'received' : 'step_start';
      assert.deepEqual({ amount: st.term.duration.amount, unit: st.term.duration.unit, from: st.term.from }, { ...want, from }, `${id}/${fig.step}`);
      assert.equal(st.role, fig.role, `${id}/${fig.step} role`);
      assert.equal(st.automatic, fig.automatic, `${id}/${fig.step} automatic`);
      // The recipient's own steps (Table 1 row 5, Table 4 row 7) do not count against the overall term.
      assert.equal(st.counted, fig.role !== 'applicant', `${id}/${fig.step} counted`);
      const ref = st.term.duration.ref;
      assert.equal(ref?.seed, '004', `${id}/${fig.step} term ref`);
      assert.ok(ref?.lines && ref.paragraph, `${id}/${fig.step} term ref has lines and paragraph`);
      if (fig.lines) assert.ok(ref.lines.split(/,\s*/).includes(fig.lines), `${id}/${fig.step}: term cites ${fig.lines}, got ${ref.lines}`);
      assert.equal(st.ref?.seed, '004', `${id}/${fig.step} step ref`);
      for (const o of st.outcomes) if (o.term) assert.equal(o.term.duration.ref?.seed, '004');
    }
    assert.equal(sc.term.duration.ref?.seed, '004');
  });
}

test('every printed term cell is where its ref says (when shared/seeds is beside the repository)', (t) => {
  if (!seedLines) {
    t.skip(`seed 004 not found at ${SEED}`);
    return;
  }
  assert.equal(seedLines.length, 1143); // 1142 lines and the final newline
  for (const [id, f] of Object.entries(FIGURES)) {
    for (const fig of f.steps) {
      if (!fig.lines) continue;
      // Compared without spaces: the extraction letter-spaces some words («к е м і н д е  2  к ү н»).
      assert.ok(seedText(fig.lines).replace(/\s/g, '').includes(fig.printed.replace(/\s/g, '')), `${id}/${fig.step}: «${fig.printed}» at ${fig.lines}`);
      const st = findStep(subcase(id), fig.step)!;
      const quoted = fig.step === 'revoke_operator_certificates' ? 'кемінде 2 күн' : `«${fig.printed}»`;
      assert.ok(st.term.duration.ref?.note?.includes(quoted), `${id}/${fig.step}: the ref quotes the cell`);
    }
  }
  // A few anchors of the text the definition relies on.
  assert.match(seedText('L8-9'), /2012 жылы 26 желтоқсанда № 8235 тіркелді/);
  assert.match(seedText('L36-37'), /алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі/);
  assert.match(seedText('L310-311'), /к е м і н д е 2 к ү н/);
  assert.match(seedText('L312'), /15 күннен аса/);
  assert.match(seedText('L735-737'), /өтініште көрсетілген электрондық поштаның мекенжайына/);
});

test('every step, ground, field and document carries its seed reference', () => {
  for (const sc of svc.subcases) {
    for (const st of sc.steps) assert.ok(st.ref?.seed === '004' && st.ref.lines && st.ref.paragraph, `${sc.id}/${st.id}`);
    for (const fld of sc.fields) assert.ok(fld.ref?.seed === '004' && fld.ref.lines, `${sc.id}/field ${fld.id}`);
    for (const d of sc.documents) assert.ok(d.ref?.seed === '004' && d.ref.lines, `${sc.id}/document ${d.id}`);
    assert.equal(sc.fee.kind, 'free');
    assert.equal(sc.fee.ref?.seed, '004');
  }
  for (const g of svc.refusalGrounds) {
    assert.ok(g.ref?.seed === '004' && g.ref.lines, g.id);
    assert.ok(g.text.kk && g.text.ru && g.text.en, g.id);
  }
});

test('roles: the structural-functional units of p.14 and the recipient', () => {
  const kind = (id: string) => svc.roles.find((r) => r.id === id)?.kind;
  assert.equal(kind('applicant'), 'applicant');
  assert.equal(kind('nca_operator'), 'psc_operator');
  for (const id of ['egov_portal', 'egov_gateway', 'state_database', 'nca_is']) assert.equal(kind(id), 'system', id);
  assert.equal(kind('provider_officer'), 'staff');
  // An automatic step either records (one outcome, deciding nothing) or declares the check that
  // decides between passing and the refusal: the state databases, the operator's signature, the
  // applicant's own request.
  // Before an issue the NCA IS's check also reads the PKCS#10 requests the operator certified
  // (p.6 condition 3, p.7 condition 2, p.9 condition 3); before a revocation there are none.
  const CHECKS: Record<string, string> = { sdb_check: 'state_database_identity', verify_operator_signature: 'operator_signature', check_request: 'applicant_request' };
  const BEFORE_ISSUE = new Set(['issue', 'reissue', 'issue_id_card']);
  for (const sc of svc.subcases) {
    for (const st of sc.steps) {
      const expected = st.id === 'verify_operator_signature' && BEFORE_ISSUE.has(sc.id) ? 'operator_certified_request' : CHECKS[st.id];
      assert.equal(st.check?.capability, expected, `${sc.id}/${st.id}: its check`);
      if (st.check) {
        assert.equal(st.automatic, true);
        assert.deepEqual(st.outcomes.map((o) => [o.id, o.decision ?? 'pass']), [[st.check.pass, 'pass'], [st.check.refuse, 'refuse']]);
      } else if (st.automatic) {
        assert.equal(st.outcomes.length, 1, `${sc.id}/${st.id}: automatic with one outcome`);
        assert.ok(!st.outcomes[0]!.decision, `${sc.id}/${st.id}: automatic steps decide nothing`);
      }
      if (st.automatic) for (const o of st.outcomes) assert.equal(o.signed, false);
      if (kind(st.role) === 'system') for (const o of st.outcomes) assert.equal(o.signed, false, `${sc.id}/${st.id}/${o.id}: an information system does not sign`);
    }
  }
  // The operator certifies the request with the operator's own EDS.
  for (const id of ['issue', 'reissue', 'issue_id_card', 'revoke_at_counter']) {
    const confirm = findStep(subcase(id), 'confirm_request')!;
    assert.equal(confirm.role, 'nca_operator');
    assert.equal(confirm.outcomes[0]!.signed, true);
  }
});

// ---------------------------------------------------------------------------------------------
// Branches: which refusal outcome, citing which ground, each check has (p.6–p.10).

const REFUSALS: Record<string, Array<{ step: string; outcome: string; ground: string; then: string }>> = {
  issue: [
    { step: 'sdb_check', outcome: 'data_absent', ground: 'no_state_database_data', then: 'sdb_refusal' },
    { step: 'accept_documents', outcome: 'violations', ground: 'documents_or_identification_violations', then: 'operator_refusal' },
    { step: 'verify_operator_signature', outcome: 'request_violations', ground: 'operator_certified_request_violations', then: 'is_refusal' },
  ],
  reissue: [
    { step: 'sdb_check', outcome: 'data_absent', ground: 'no_state_database_data', then: 'sdb_refusal' },
    { step: 'verify_operator_signature', outcome: 'request_violations', ground: 'operator_certified_request_violations', then: 'is_refusal' },
  ],
  revoke: [{ step: 'check_request', outcome: 'request_violations', ground: 'applicant_signed_request_violations', then: 'is_refusal' }],
  issue_id_card: [
    { step: 'identify', outcome: 'violations', ground: 'identification_violations', then: 'operator_refusal' },
    { step: 'sdb_check', outcome: 'data_absent', ground: 'no_state_database_data', then: 'sdb_refusal' },
    { step: 'verify_operator_signature', outcome: 'request_violations', ground: 'operator_certified_request_violations', then: 'is_refusal' },
  ],
  revoke_at_counter: [
    { step: 'accept_documents', outcome: 'violations', ground: 'documents_or_identification_violations', then: 'operator_refusal' },
    { step: 'form_request', outcome: 'request_violations', ground: 'routed_request_violations', then: 'routing_refusal' },
    { step: 'verify_operator_signature', outcome: 'request_violations', ground: 'operator_certified_request_violations', then: 'is_refusal' },
  ],
  operator_certificates: [],
};

test('refusal branches: one per check, each citing its own ground, together every ground', () => {
  const cited = new Set<string>();
  for (const sc of svc.subcases) {
    const found = sc.steps.flatMap((st) => st.outcomes.filter((o) => o.decision === 'refuse').map((o) => ({ step: st.id, outcome: o.id, ground: o.grounds!.join(','), then: o.next as string })));
    assert.deepEqual(found, REFUSALS[sc.id], sc.id);
    for (const r of found) cited.add(r.ground);
    assert.ok(!sc.steps.some((st) => st.outcomes.some((o) => o.decision === 'approve')), `${sc.id}: an approval is the path to the result, not a marked decision`);
  }
  assert.deepEqual([...cited].sort(), svc.refusalGrounds.map((g) => g.id).sort());
});

test('documents and fields the text names', () => {
  const req = (id: string) => subcase(id).documents.filter((d) => d.required).map((d) => d.id);
  assert.deepEqual(req('issue'), [], 'brought at the visit, not uploaded with the e-request');
  assert.deepEqual(req('issue_id_card'), ['id_card_with_chip']);
  assert.deepEqual(req('revoke_at_counter'), ['standard_p11_documents']);
  assert.deepEqual(req('operator_certificates'), ['psc_letter', 'operator_application', 'appointment_order_copy']);
  assert.deepEqual(subcase('operator_certificates').documents.filter((d) => d.when).map((d) => [d.id, d.when?.fields?.operatorAction]), [
    ['operator_application', ['issue']],
    ['appointment_order_copy', ['issue']],
  ]);
  assert.equal(subcase('issue').fields.find((f) => f.id === 'email')?.type, 'email');
  assert.equal(subcase('reissue').fields.find((f) => f.id === 'email')?.type, 'email');
  assert.ok(subcase('revoke').fields.some((f) => f.id === 'revocationReason'));
  assert.ok(subcase('revoke_at_counter').fields.some((f) => f.id === 'revocationReason'));
  const action = subcase('operator_certificates').fields.find((f) => f.id === 'operatorAction')!;
  assert.deepEqual(action.options?.map((o) => o.value), ['issue', 'revoke', 'suspend']);
  // What each letter's act needs (p.15(1)): the order and the operator's requests; the dismissal date; the absence.
  const byLetter = (v: string) => subcase('operator_certificates').fields.filter((f) => f.when?.fields?.operatorAction?.includes(v)).map((f) => [f.id, f.type, f.required]);
  assert.deepEqual(byLetter('issue'), [['appointmentOrderNumber', 'text', true], ['appointmentOrderDate', 'date', true], ['csrAuth', 'textarea', true], ['csrSign', 'textarea', true], ['letterExecutor', 'text', true]]);
  assert.deepEqual(byLetter('revoke'), [['revocationCause', 'select', true], ['dismissalDate', 'date', true]]);
  assert.deepEqual(byLetter('suspend'), [['absenceFrom', 'date', true], ['absenceTo', 'date', false]]);
  const performs = Object.fromEntries(subcase('operator_certificates').steps.flatMap((st) => st.outcomes.filter((o) => o.performs).map((o) => [`${st.id}/${o.id}`, o.performs])));
  assert.deepEqual(performs, {
    // A dismissal notice is recorded as it is registered, so the rules revoke at dismissal − 2 (L310-311).
    'register_letter/registered': 'record_operator_dismissal',
    'issue_operator_certificates/issued': 'issue_operator_certificates',
    'revoke_operator_certificates/revoked': 'revoke_operator_certificates',
    'suspend_operator/suspended': 'suspend_operator_certificates',
  });
  assert.equal(subcase('reissue').actsOnPrevious, true);
  assert.equal(subcase('revoke').actsOnPrevious, true);
  assert.equal(subcase('revoke_at_counter').actsOnPrevious, true);
  assert.equal(subcase('issue').actsOnPrevious, false);
});

test('the provider: names, the documented working hours, no offices', () => {
  assert.deepEqual(svc.provider, nca);
  assert.equal(nca.id, 'nca');
  assert.match(nca.name.kk, /Телекоммуникация саласындағы техникалық сүйемелдеу және талдау/);
  assert.ok(nca.name.ru && nca.name.en);
  assert.deepEqual(nca.workingHours, { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } });
  assert.deepEqual(nca.offices, []);
});

test('every interpretation names its readings, its choice and its sources', () => {
  assert.ok(svc.interpretations.length >= 15);
  for (const i of svc.interpretations) {
    assert.ok(i.readings.length >= 1 && i.chosen.length > 0, i.topic);
    assert.ok(i.refs.length >= 1 && i.refs.every((r) => r.seed === '004'), i.topic);
  }
  const topics = svc.interpretations.map((i) => i.topic).join('\n');
  for (const t of [/seconds/, /«күн»/, /30 days/, /missing/, /wrong row/, /two NCA IS refusals/, /Re-issue/, /Information-system checks/, /Overall terms/, /operator certificates/i, /Working hours/, /repealed/]) assert.match(topics, t);
});

// ---------------------------------------------------------------------------------------------
// End to end on both engines: every sub-case along its happy path and each refusal branch, with
// the due dates worked out by hand. Working hours Mon–Fri 09:00–18:30, lunch 13:00–14:30 (Almaty,
// +05:00); minute terms count inside them; day terms end at 18:30 of the last day, moved to the
// next working day off weekends and holidays (16 December 2026 is Independence Day).

interface Run {
  name: string;
  subcase: string;
  channel?: 'portal' | 'psc' | 'provider_office';
  applicant?: 'applicant' | 'company_head';
  fields?: Record<string, unknown>;
  at: string;
  path: PathStep[];
  mark: 'result' | 'refused';
  grounds?: string[];
  received: string;
  overall: string;
  /** Every step of the case, in order, with its due. */
  dues: Array<[string, string]>;
  /** The state database records the applicant as deceased when the case is submitted (restored after the run). */
  deceased?: true;
  /** The confirmation is signed by a staff member holding the operator role with an ordinary certificate, not an NCA operator certificate. */
  plainOperator?: true;
  /** The revocation request names a certificate of somebody else. */
  foreignSerial?: true;
}

const d = (s: string) => `${s}+05:00`;

const RUNS: Run[] = [
  // I. Issue via the portal. Submitted Tue 24 Nov 10:00; the recipient comes on 10 Dec at 12:50:
  // the operator's 15 minutes run 12:50–13:00 and 14:30–14:35 (lunch). The visit falls due on
  // 24 Nov + 30 = 24 Dec. Issue: 10 Dec + 1 = 11 Dec. Overall: 2 days, plus the 16 calendar days
  // (25 Nov – 10 Dec) the recipient took, which are not counted: 24 Nov + 18 = 12 Dec (Saturday)
  // → Monday 14 Dec.
  {
    name: 'issue: certificates issued',
    subcase: 'issue',
    applicant: 'applicant',
    at: d('2026-11-24T10:00:00'),
    path: [
      { step: 'submit_documents', outcome: 'documents_submitted', at: d('2026-12-10T12:50:00') },
      { step: 'accept_documents', outcome: 'accepted', at: d('2026-12-10T14:35:00') },
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-10T14:40:00') },
    ],
    mark: 'result',
    received: d('2026-11-24T10:00:00'),
    overall: d('2026-12-14T18:30:00'),
    dues: [
      ['sdb_check', d('2026-11-24T10:02:00')],
      ['register_request', d('2026-11-24T10:01:00')],
      ['submit_documents', d('2026-12-24T18:30:00')],
      ['accept_documents', d('2026-12-10T14:35:00')],
      ['confirm_request', d('2026-12-10T14:45:00')],
      ['verify_operator_signature', d('2026-12-10T14:41:00')],
      ['issue_certificates', d('2026-12-11T18:30:00')],
    ],
  },
  // Submitted at 18:29: one working minute that day, the second at 09:00–09:01 the next morning.
  // Overall: 24 Nov + 2 = 26 Nov.
  {
    name: 'issue: no data in the state databases',
    subcase: 'issue',
    at: d('2026-11-24T18:29:00'),
    path: [],
    deceased: true,
    mark: 'refused',
    grounds: ['no_state_database_data'],
    received: d('2026-11-24T18:29:00'),
    overall: d('2026-11-26T18:30:00'),
    dues: [
      ['sdb_check', d('2026-11-25T09:01:00')],
      ['sdb_refusal', d('2026-11-24T18:30:00')],
    ],
  },
  // The visit falls due on 25 Nov + 30 = 25 Dec (Friday). Overall: 2 days + the recipient's 2 days
  // (26–27 Nov) = 29 Nov (Sunday) → Monday 30 Nov.
  {
    name: 'issue: violations in the documents or the identification',
    subcase: 'issue',
    applicant: 'applicant',
    at: d('2026-11-25T09:00:00'),
    path: [
      { step: 'submit_documents', outcome: 'documents_submitted', at: d('2026-11-27T11:00:00') },
      { step: 'accept_documents', outcome: 'violations', grounds: ['documents_or_identification_violations'], at: d('2026-11-27T11:10:00') },
      { step: 'operator_refusal', outcome: 'refusal_formed', at: d('2026-11-27T11:11:00') },
    ],
    mark: 'refused',
    grounds: ['documents_or_identification_violations'],
    received: d('2026-11-25T09:00:00'),
    overall: d('2026-11-30T18:30:00'),
    dues: [
      ['sdb_check', d('2026-11-25T09:02:00')],
      ['register_request', d('2026-11-25T09:01:00')],
      ['submit_documents', d('2026-12-25T18:30:00')],
      ['accept_documents', d('2026-11-27T11:15:00')],
      ['operator_refusal', d('2026-11-27T11:11:00')],
    ],
  },
  // The recipient comes on Monday 30 Nov at 18:20: 10 minutes that day, 5 the next morning. The
  // operator confirms from 18:28: 2 minutes that day, 8 the next. The visit falls due on 26 Nov +
  // 30 = 26 Dec (Saturday) → Monday 28 Dec. Overall: 2 days + the recipient's 4 days (27–30 Nov) =
  // 2 Dec.
  {
    name: 'issue: violations in the operator-certified request',
    subcase: 'issue',
    applicant: 'applicant',
    at: d('2026-11-26T16:00:00'),
    path: [
      { step: 'submit_documents', outcome: 'documents_submitted', at: d('2026-11-30T18:20:00') },
      { step: 'accept_documents', outcome: 'accepted', at: d('2026-11-30T18:28:00') },
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-01T09:05:00') },
    ],
    plainOperator: true,
    mark: 'refused',
    grounds: ['operator_certified_request_violations'],
    received: d('2026-11-26T16:00:00'),
    overall: d('2026-12-02T18:30:00'),
    dues: [
      ['sdb_check', d('2026-11-26T16:02:00')],
      ['register_request', d('2026-11-26T16:01:00')],
      ['submit_documents', d('2026-12-28T18:30:00')],
      ['accept_documents', d('2026-12-01T09:05:00')],
      ['confirm_request', d('2026-12-01T09:08:00')],
      ['verify_operator_signature', d('2026-12-01T09:06:00')],
      ['is_refusal', d('2026-12-01T09:06:00')],
    ],
  },

  // II. Re-issue. The operator's 10 minutes from 12:56: 4 before lunch, 6 after (14:36).
  {
    name: 'reissue: certificates issued',
    subcase: 'reissue',
    at: d('2026-12-01T12:55:00'),
    path: [
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-01T14:35:00') },
    ],
    mark: 'result',
    received: d('2026-12-01T12:55:00'),
    overall: d('2026-12-02T18:30:00'),
    dues: [
      ['sdb_check', d('2026-12-01T12:57:00')],
      ['register_request', d('2026-12-01T12:56:00')],
      ['confirm_request', d('2026-12-01T14:35:00')],
      ['verify_operator_signature', d('2026-12-01T14:36:00')],
      ['issue_certificates', d('2026-12-02T18:30:00')],
    ],
  },
  {
    name: 'reissue: no data in the state databases',
    subcase: 'reissue',
    at: d('2026-12-02T10:00:00'),
    path: [],
    deceased: true,
    mark: 'refused',
    grounds: ['no_state_database_data'],
    received: d('2026-12-02T10:00:00'),
    overall: d('2026-12-03T18:30:00'),
    dues: [
      ['sdb_check', d('2026-12-02T10:02:00')],
      ['sdb_refusal', d('2026-12-02T10:01:00')],
    ],
  },
  // 15 Dec + 1 = 16 Dec, Independence Day → Thursday 17 Dec.
  {
    name: 'reissue: violations in the operator-certified request',
    subcase: 'reissue',
    at: d('2026-12-15T10:00:00'),
    path: [
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-15T10:05:00') },
    ],
    plainOperator: true,
    mark: 'refused',
    grounds: ['operator_certified_request_violations'],
    received: d('2026-12-15T10:00:00'),
    overall: d('2026-12-17T18:30:00'),
    dues: [
      ['sdb_check', d('2026-12-15T10:02:00')],
      ['register_request', d('2026-12-15T10:01:00')],
      ['confirm_request', d('2026-12-15T10:10:00')],
      ['verify_operator_signature', d('2026-12-15T10:06:00')],
      ['is_refusal', d('2026-12-15T10:06:00')],
    ],
  },

  // III. Portal revocation. Filed on Friday 4 Dec at 18:45, after hours: received on Monday 7 Dec
  // at 09:00 (overall 7 Dec + 1 = 8 Dec). The NCA IS checks the request at once, on Friday 18:45, so
  // the revocation's 1 day runs from then: Saturday 5 Dec, a day off → Monday 7 Dec, 18:30.
  {
    name: 'revoke: certificates revoked and published in the CRL',
    subcase: 'revoke',
    at: d('2026-12-04T18:45:00'),
    fields: { revocationReason: 'Key compromised' },
    path: [],
    mark: 'result',
    received: d('2026-12-07T09:00:00'),
    overall: d('2026-12-08T18:30:00'),
    dues: [
      ['check_request', d('2026-12-07T09:01:00')],
      ['revoke_certificates', d('2026-12-07T18:30:00')],
    ],
  },
  {
    name: "revoke: violations in the recipient's signed request",
    subcase: 'revoke',
    applicant: 'applicant',
    at: d('2026-12-08T11:00:00'),
    path: [],
    foreignSerial: true,
    mark: 'refused',
    grounds: ['applicant_signed_request_violations'],
    received: d('2026-12-08T11:00:00'),
    overall: d('2026-12-09T18:30:00'),
    dues: [
      ['check_request', d('2026-12-08T11:01:00')],
      ['is_refusal', d('2026-12-08T11:01:00')],
    ],
  },

  // IV. ID card at a PSC. Identification from 12:50: 10 minutes before lunch, 5 after (14:35).
  {
    name: 'issue_id_card: certificates written onto the card',
    subcase: 'issue_id_card',
    channel: 'psc',
    applicant: 'applicant',
    at: d('2026-12-09T12:50:00'),
    path: [
      { step: 'identify', outcome: 'identified', at: d('2026-12-09T14:30:00') },
      { step: 'form_request', outcome: 'request_formed', at: d('2026-12-09T14:31:00') },
      { step: 'enter_pin', outcome: 'pin_entered', at: d('2026-12-09T14:32:00') },
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-09T14:33:00') },
    ],
    mark: 'result',
    received: d('2026-12-09T12:50:00'),
    overall: d('2026-12-09T18:30:00'),
    dues: [
      ['identify', d('2026-12-09T14:35:00')],
      ['form_request', d('2026-12-09T14:31:00')],
      ['sdb_check', d('2026-12-09T14:33:00')],
      ['enter_pin', d('2026-12-09T14:32:00')],
      ['register_request', d('2026-12-09T14:33:00')],
      ['confirm_request', d('2026-12-09T14:33:00')],
      ['verify_operator_signature', d('2026-12-09T14:34:00')],
      ['write_to_card', d('2026-12-09T18:30:00')],
    ],
  },
  {
    name: 'issue_id_card: identification fails (at the provider)',
    subcase: 'issue_id_card',
    channel: 'provider_office',
    applicant: 'applicant',
    at: d('2026-12-10T09:00:00'),
    path: [
      { step: 'identify', outcome: 'violations', grounds: ['identification_violations'], at: d('2026-12-10T09:10:00') },
      { step: 'operator_refusal', outcome: 'refusal_formed', at: d('2026-12-10T09:11:00') },
    ],
    mark: 'refused',
    grounds: ['identification_violations'],
    received: d('2026-12-10T09:00:00'),
    overall: d('2026-12-10T18:30:00'),
    dues: [
      ['identify', d('2026-12-10T09:15:00')],
      ['operator_refusal', d('2026-12-10T09:11:00')],
    ],
  },
  // At 18:20 the 15 minutes of identification end at 09:05 the next day.
  {
    name: 'issue_id_card: no data in the state databases',
    subcase: 'issue_id_card',
    channel: 'psc',
    applicant: 'applicant',
    at: d('2026-12-10T18:20:00'),
    path: [
      { step: 'identify', outcome: 'identified', at: d('2026-12-10T18:25:00') },
      { step: 'form_request', outcome: 'request_formed', at: d('2026-12-10T18:26:00') },
    ],
    deceased: true,
    mark: 'refused',
    grounds: ['no_state_database_data'],
    received: d('2026-12-10T18:20:00'),
    overall: d('2026-12-10T18:30:00'),
    dues: [
      ['identify', d('2026-12-11T09:05:00')],
      ['form_request', d('2026-12-10T18:26:00')],
      ['sdb_check', d('2026-12-10T18:28:00')],
      ['sdb_refusal', d('2026-12-10T18:27:00')],
    ],
  },
  {
    name: 'issue_id_card: violations in the operator-certified request',
    subcase: 'issue_id_card',
    channel: 'psc',
    applicant: 'applicant',
    at: d('2026-12-11T10:00:00'),
    path: [
      { step: 'identify', outcome: 'identified', at: d('2026-12-11T10:05:00') },
      { step: 'form_request', outcome: 'request_formed', at: d('2026-12-11T10:06:00') },
      { step: 'enter_pin', outcome: 'pin_entered', at: d('2026-12-11T10:07:00') },
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-11T10:08:00') },
    ],
    plainOperator: true,
    mark: 'refused',
    grounds: ['operator_certified_request_violations'],
    received: d('2026-12-11T10:00:00'),
    overall: d('2026-12-11T18:30:00'),
    dues: [
      ['identify', d('2026-12-11T10:15:00')],
      ['form_request', d('2026-12-11T10:06:00')],
      ['sdb_check', d('2026-12-11T10:08:00')],
      ['enter_pin', d('2026-12-11T10:07:00')],
      ['register_request', d('2026-12-11T10:08:00')],
      ['confirm_request', d('2026-12-11T10:08:00')],
      ['verify_operator_signature', d('2026-12-11T10:09:00')],
      ['is_refusal', d('2026-12-11T10:09:00')],
    ],
  },

  // V. Revocation at a PSC. 14 Dec + 2 = 16 Dec, Independence Day → 17 Dec.
  {
    name: 'revoke_at_counter: certificates revoked and published in the CRL',
    subcase: 'revoke_at_counter',
    channel: 'psc',
    at: d('2026-12-14T17:00:00'),
    path: [
      { step: 'accept_documents', outcome: 'accepted', at: d('2026-12-14T17:15:00') },
      { step: 'form_request', outcome: 'request_formed', at: d('2026-12-14T17:16:00') },
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-14T17:17:00') },
    ],
    mark: 'result',
    received: d('2026-12-14T17:00:00'),
    overall: d('2026-12-17T18:30:00'),
    dues: [
      ['accept_documents', d('2026-12-14T17:15:00')],
      ['form_request', d('2026-12-14T17:16:00')],
      ['confirm_request', d('2026-12-14T17:17:00')],
      ['verify_operator_signature', d('2026-12-14T17:18:00')],
      ['revoke_certificates', d('2026-12-17T18:30:00')],
    ],
  },
  {
    name: 'revoke_at_counter: violations in the documents or the identification (at the provider)',
    subcase: 'revoke_at_counter',
    channel: 'provider_office',
    applicant: 'applicant',
    at: d('2026-12-15T09:30:00'),
    path: [
      { step: 'accept_documents', outcome: 'violations', grounds: ['documents_or_identification_violations'], at: d('2026-12-15T09:40:00') },
      { step: 'operator_refusal', outcome: 'refusal_formed', at: d('2026-12-15T09:41:00') },
    ],
    mark: 'refused',
    grounds: ['documents_or_identification_violations'],
    received: d('2026-12-15T09:30:00'),
    overall: d('2026-12-17T18:30:00'),
    dues: [
      ['accept_documents', d('2026-12-15T09:45:00')],
      ['operator_refusal', d('2026-12-15T09:41:00')],
    ],
  },
  // 17 Dec + 2 = 19 Dec (Saturday) → Monday 21 Dec.
  {
    name: 'revoke_at_counter: the NCA IS rejects the routed request',
    subcase: 'revoke_at_counter',
    channel: 'psc',
    at: d('2026-12-17T10:00:00'),
    path: [
      { step: 'accept_documents', outcome: 'accepted', at: d('2026-12-17T10:10:00') },
      { step: 'form_request', outcome: 'request_violations', grounds: ['routed_request_violations'], at: d('2026-12-17T10:11:00') },
    ],
    mark: 'refused',
    grounds: ['routed_request_violations'],
    received: d('2026-12-17T10:00:00'),
    overall: d('2026-12-21T18:30:00'),
    dues: [
      ['accept_documents', d('2026-12-17T10:15:00')],
      ['form_request', d('2026-12-17T10:11:00')],
      ['routing_refusal', d('2026-12-17T10:12:00')],
    ],
  },
  // 18 Dec (Friday) + 2 = 20 Dec (Sunday) → Monday 21 Dec.
  {
    name: 'revoke_at_counter: violations in the operator-certified request',
    subcase: 'revoke_at_counter',
    channel: 'psc',
    at: d('2026-12-18T10:00:00'),
    path: [
      { step: 'accept_documents', outcome: 'accepted', at: d('2026-12-18T10:05:00') },
      { step: 'form_request', outcome: 'request_formed', at: d('2026-12-18T10:06:00') },
      { step: 'confirm_request', outcome: 'confirmed', at: d('2026-12-18T10:07:00') },
    ],
    plainOperator: true,
    mark: 'refused',
    grounds: ['operator_certified_request_violations'],
    received: d('2026-12-18T10:00:00'),
    overall: d('2026-12-21T18:30:00'),
    dues: [
      ['accept_documents', d('2026-12-18T10:15:00')],
      ['form_request', d('2026-12-18T10:06:00')],
      ['confirm_request', d('2026-12-18T10:07:00')],
      ['verify_operator_signature', d('2026-12-18T10:08:00')],
      ['is_refusal', d('2026-12-18T10:08:00')],
    ],
  },

  // VI. Operator certificates, on the PSC's letter received at the provider.
  {
    name: 'operator_certificates: issued on the appointment order',
    subcase: 'operator_certificates',
    channel: 'provider_office',
    fields: { operatorAction: 'issue', operatorFullName: 'Operator One', letterExecutor: 'PSC HR officer' },
    at: d('2026-12-21T11:00:00'),
    path: [
      { step: 'register_letter', outcome: 'registered', at: d('2026-12-21T11:30:00') },
      { step: 'issue_operator_certificates', outcome: 'issued', at: d('2026-12-22T10:00:00') },
    ],
    mark: 'result',
    received: d('2026-12-21T11:00:00'),
    overall: d('2026-12-23T18:30:00'),
    dues: [
      ['register_letter', d('2026-12-21T18:30:00')],
      ['issue_operator_certificates', d('2026-12-22T18:30:00')],
    ],
  },
  {
    name: 'operator_certificates: revoked before dismissal',
    subcase: 'operator_certificates',
    channel: 'provider_office',
    fields: { operatorAction: 'revoke', operatorFullName: 'Operator Two', revocationCause: 'dismissal', dismissalDate: '2026-12-25' },
    at: d('2026-12-22T15:00:00'),
    path: [
      { step: 'register_letter', outcome: 'registered', at: d('2026-12-22T15:10:00') },
      { step: 'revoke_operator_certificates', outcome: 'revoked', at: d('2026-12-23T09:30:00') },
    ],
    mark: 'result',
    received: d('2026-12-22T15:00:00'),
    overall: d('2026-12-24T18:30:00'),
    dues: [
      ['register_letter', d('2026-12-22T18:30:00')],
      ['revoke_operator_certificates', d('2026-12-24T18:30:00')],
    ],
  },
  // A notice that arrives after hours counts from 09:00 the next working day; 24 Dec + 2 = 26 Dec
  // (Saturday) → Monday 28 Dec.
  {
    name: 'operator_certificates: work stopped during a long absence',
    subcase: 'operator_certificates',
    channel: 'provider_office',
    fields: { operatorAction: 'suspend', operatorFullName: 'Operator Three', absenceFrom: '2026-12-01', absenceTo: '2026-12-31' },
    at: d('2026-12-23T18:40:00'),
    path: [
      { step: 'register_letter', outcome: 'registered', at: d('2026-12-24T09:10:00') },
      { step: 'suspend_operator', outcome: 'suspended', at: d('2026-12-24T12:00:00') },
    ],
    mark: 'result',
    received: d('2026-12-24T09:00:00'),
    overall: d('2026-12-28T18:30:00'),
    dues: [
      ['register_letter', d('2026-12-24T18:30:00')],
      ['suspend_operator', d('2026-12-24T18:30:00')],
    ],
  },
];

/** What makes each automatic check refuse in a run. */
const AUTOMATIC_REFUSALS: Record<string, 'deceased' | 'plainOperator' | 'foreignSerial'> = {
  sdb_check: 'deceased',
  verify_operator_signature: 'plainOperator',
  check_request: 'foreignSerial',
};

/** A staff member of the NCA holding the operator role, with ordinary certificates: no NCA operator certificate, no appointment on record. */
async function plainOperator(t: TestApp): Promise<DemoUser> {
  const person = await t.app.store.db.selectFrom('gov_individuals' as never).select(['iin'] as never[]).where('deceased' as never, '=', 0 as never).orderBy('iin' as never).offset(45).limit(1).executeTakeFirstOrThrow() as unknown as { iin: string };
  const bin = t.users.provider_head.bin!;
  const userId = `plain-operator-${person.iin}`;
  await t.app.store.db.insertInto('users').values({ id: userId, kind: 'staff', iin: person.iin, bin, display_name: 'Plain operator', roles: JSON.stringify(['nca_operator']), provider_id: 'nca', email: null, lang: 'ru', created_at: t.app.now().toISOString() }).execute();
  const subject = await holderFromStateDb(t.app, person.iin, bin, ['employee']);
  const { root, issuing } = await instanceCa(t.app);
  return { role: 'nca_operator', providerId: 'nca', userId, iin: person.iin, bin, displayName: 'Plain operator', roles: ['nca_operator'], auth: await issueFor(t.app, issuing, root, subject, 'auth', userId), sign: await issueFor(t.app, issuing, root, subject, 'sign', userId) };
}

test('the runs cover the happy path and every refusal branch of every sub-case', () => {
  for (const sc of svc.subcases) {
    const runs = RUNS.filter((r) => r.subcase === sc.id);
    assert.ok(runs.some((r) => r.mark === 'result'), `${sc.id}: a happy path`);
    for (const b of REFUSALS[sc.id]!) {
      // The checks of the information systems run by themselves: their refusals are brought about by what they check.
      const trigger = AUTOMATIC_REFUSALS[b.step];
      assert.ok(runs.some((r) => (trigger ? r[trigger] === true : r.path.some((p) => 'step' in p && p.step === b.step && p.outcome === b.outcome))), `${sc.id}: the ${b.step}/${b.outcome} branch`);
    }
  }
  const action = subcase('operator_certificates').fields.find((f) => f.id === 'operatorAction')!;
  for (const v of action.options!.map((o) => o.value)) assert.ok(RUNS.some((r) => r.fields?.operatorAction === v), `operator_certificates: ${v}`);
});

const ROLES_AT_PROVIDER = ['nca_operator', 'egov_portal', 'egov_gateway', 'state_database', 'nca_is', 'provider_officer'];

/**
 * What a sub-case whose path ends in an act of the CA needs in the application: the recipient's
 * PKCS#10 requests (an issue), or the serial of a certificate of theirs (a revocation).
 */
async function actFields(t: TestApp, subcaseId: string, applicant: DemoUser, run: Run): Promise<Record<string, unknown>> {
  const acts = new Set(subcase(subcaseId).steps.flatMap((st) => st.outcomes.map((o) => o.performs)));
  if (acts.has('issue_operator_certificates')) return operatorActFields(t, applicant, run);
  const subject = await holderFromStateDb(t.app, applicant.iin, applicant.bin || null);
  if (acts.has('issue_certificates')) {
    const csr = async () => createCsr(await generateKeyPair('ECDSA-P256'), subject, 'ECDSA-P256');
    return { csrAuth: await csr(), csrSign: await csr() };
  }
  if (acts.has('revoke_certificates')) {
    const { root, issuing } = await instanceCa(t.app);
    const held = await issueFor(t.app, issuing, root, subject, 'sign', applicant.userId);
    return { certificateSerial: parseCertificate(held.certificatePem).serialHex };
  }
  return {};
}

/**
 * The operator-certificate letters name an NCA operator appointed at the applicant (the PSC): for
 * an issue, the appointment order on record and the operator's requests; for a revocation or a
 * suspension, an operator holding certificates already.
 */
let operatorN = 70;
async function operatorActFields(t: TestApp, applicant: DemoUser, run: Run): Promise<Record<string, unknown>> {
  const hr = { kind: 'local', name: 'hr' } as const;
  const iin = await populationIin(t, operatorN++);
  const bin = applicant.bin!;
  const today = t.clock.now.toISOString().slice(0, 10);
  const order = { number: `${operatorN}-ж`, date: run.fields?.operatorAction === 'suspend' ? '2026-11-23' : today };
  const op = await appointOperator(t.app, hr, { iin, bin, orderNumber: order.number, orderDate: order.date });
  const subject = await holderFromStateDb(t.app, iin, bin);
  const csr = async () => createCsr(await generateKeyPair('ECDSA-P256'), subject, 'ECDSA-P256');
  if (run.fields?.operatorAction === 'issue') return { operatorIin: iin, appointmentOrderNumber: order.number, appointmentOrderDate: order.date, csrAuth: await csr(), csrSign: await csr() };
  for (const purpose of ['auth', 'sign'] as const) await issueOperatorCertificate(t.app, hr, op.id, { csr: await csr(), purpose });
  return { operatorIin: iin };
}

eachEngine('nca-certificates: every sub-case runs end to end with the regulation\'s deadlines', async (t, engine) => {
  const app = await makeTestApp(engine);
  try {
    // Staff are employed before any case, so their certificates are valid at every later moment.
    for (const role of ROLES_AT_PROVIDER) await staffFor(app, 'nca', role);
    // The operator of the runs is the demo NCA operator, appointed with operator certificates.
    assert.equal((await staffFor(app, 'nca', 'nca_operator')).userId, app.users.nca_operator.userId);
    const plain = await plainOperator(app);
    for (const r of RUNS) {
      await t.test(r.name, async () => {
        const applicant = app.users[r.applicant ?? 'company_head'];
        const foreign = r.foreignSerial ? { certificateSerial: parseCertificate(app.users.company_employee.sign.certificatePem).serialHex } : {};
        // The appointment orders of the operator letters are dated the day of the letter.
        app.clock.set(r.at);
        const fields: Record<string, unknown> = { ...(r.mark === 'result' ? await actFields(app, r.subcase, applicant, r) : {}), ...foreign, ...(r.fields ?? {}) };
        const path = r.plainOperator ? r.path.map((p) => ('step' in p && p.step === 'confirm_request' ? { ...p, actor: plain } : p)) : r.path;
        const setDeceased = (v: 0 | 1) => app.app.store.db.updateTable('gov_individuals' as never).set({ deceased: v } as never).where('iin' as never, '=', applicant.iin as never).execute();
        if (r.deceased) await setDeceased(1);
        let v: CaseView;
        try {
          v = await runCase(app, {
            serviceId: SERVICE,
            subcase: r.subcase,
            ...(r.channel ? { channel: r.channel } : {}),
            applicant,
            fields,
            at: r.at,
            path,
          });
        } finally {
          if (r.deceased) await setDeceased(0);
        }
        // The checks that refused, and those that passed, are the information systems' own events.
        for (const [step, trigger] of Object.entries(AUTOMATIC_REFUSALS)) {
          const e = v.timeline.find((x) => x.stepId === step);
          if (!e) continue;
          assert.equal(e.actor.userId, `system:${findStep(subcase(r.subcase), step)!.role}`);
          assert.equal(e.signed, false);
          assert.equal(e.outcomeId, findStep(subcase(r.subcase), step)!.check![r[trigger] ? 'refuse' : 'pass'], `${step} decided`);
        }
        assert.equal(v.mark, r.mark);
        assert.equal(v.currentStep, null);
        assert.equal(v.decision ?? 'approve', r.mark === 'result' ? 'approve' : 'refuse');
        assert.deepEqual(v.grounds?.map((g) => g.id), r.grounds);
        assert.match(v.result?.number ?? '', /^NCA-RC-2026-\d{6}$/);
        assert.equal(v.channel, r.channel ?? 'portal');
        assert.equal(v.deadlines.received, r.received);
        assert.equal(v.deadlines.overall.due, r.overall);
        assert.deepEqual(
          v.deadlines.steps.map((s) => [s.stepId, s.due]),
          r.dues,
        );
        // The operator letters acted on the operator's certificates.
        if (r.subcase === 'operator_certificates') {
          const op = await app.app.store.db.selectFrom('nca_operators').select('id').where('iin', '=', String(fields.operatorIin)).executeTakeFirstOrThrow();
          const certs = (await operatorView(app.app, op.id)).certificates;
          const want = { issue: 'good', revoke: 'revoked', suspend: 'on_hold' }[String(r.fields?.operatorAction) as 'issue'];
          assert.deepEqual(certs.map((c) => [c.purpose, c.status]).sort(), [['auth', want], ['sign', want]]);
        }
        // Every step was taken in time, and so was the case.
        for (const s of v.deadlines.steps) assert.equal(s.overdue, false, `${s.stepId} in time`);
        assert.equal(v.deadlines.overall.overdue, false);
        // Automatic steps are done by the information systems, not by a person.
        const sc = subcase(r.subcase);
        for (const e of v.timeline.filter((x) => x.type === 'step_completed')) {
          const st = findStep(sc, e.stepId!)!;
          if (st.automatic) assert.equal(e.actor.userId, `system:${st.role}`);
          if (st.role === 'applicant') assert.equal(e.actor.role, 'applicant');
        }
      });
    }
  } finally {
    await app.close();
  }
});
