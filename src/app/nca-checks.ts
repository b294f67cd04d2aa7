// The checks seed 004 gives to information systems, as the checkers of automatic steps that
// declare them (`check.capability`; src/app/checks.ts runs them). Each answers pass or a refusal
// with what it found; what cannot be checked (a state database unavailable) is an error that rolls
// the command back — never a pass and never a refusal. Names no service.
//
// - state_database_identity (p.6 condition 1, p.7 condition 1, p.9 condition 2; Annex 3 Tables 1,
//   2, 4: «ЖТ МДҚ/ЗТ МДҚ алушы деректерінің болмауы»): the state databases must give what a
//   certificate's subject needs — the applicant's record, not of a deceased person, and for a
//   company the legal entity on record and active (the same rules as the CA's issue:
//   holderFromStateDb). Anything else is the regulation's refusal no_state_database_data.
// - operator_signature (p.6 condition 3, p.7 condition 2, p.9 condition 3, p.10 condition 2): the
//   decision that brought the case here (the operator's confirmation) must be signed with an NCA
//   operator certificate on record (p.5(15): the operator is the lawful holder of the operator
//   certificates, issued on the appointment order, p.15(1)), whose appointment is in force at the
//   signing time (appointed, not dismissed) and which is not on hold for an absence. A staff
//   account that merely holds the role, signing with an ordinary certificate, is refused.
// - operator_certified_request (p.6 condition 3, p.7 condition 2, p.9 condition 3: «the NCA IS
//   checks the recipient's electronic request certified with the operator's EDS», L162-163,
//   L189-190, L235-236), at the check before an issue: operator_signature, and the PKCS#10
//   requests the issue will use (csrAuth/csrSign, or those the ID card generated) — each verifies
//   with its own key (proof of possession), has an accepted key (ECDSA P-256, RSA-2048), names no
//   IIN/BIN but the applicant's, and there is one for each purpose (auth and sign). A violation is
//   the regulation's refusal (operator_certified_request_violations), so the CA issues nothing; the
//   issue act's own 422 stays as a last guard.
// - applicant_request (p.8 condition 1): the revocation request signed with the recipient's own
//   EDS must name a certificate of this CA that is the applicant's own, a holder's certificate,
//   and not already revoked.
import type { Transaction } from 'kysely';
import type { CaseState } from '../core/case.ts';
import { normalizeSerialHex, PkiError, verifyCsr, type Purpose } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';
import { holderFromStateDb } from './ca.ts';
import { cardForIssueIn } from './ca-id-cards.ts';
import { startOfLocalDate } from './ca-operator-status.ts';
import type { App, AutomaticChecker } from './context.ts';
import { AppError } from './errors.ts';
import { CSR_FIELDS, SERIAL_FIELD, stateDbIn } from './nca-effects.ts';

type Trx = Transaction<Tables>;
type Answer = { pass: true; detail?: string } | { pass: false; detail: string };

const stateDatabaseIdentity: AutomaticChecker = {
  capability: 'state_database_identity',
  async check({ app, trx, state }) {
    const a = state.applicant;
    try {
      await holderFromStateDb(app, a.iin, a.bin ?? null, undefined, stateDbIn(app, trx));
    } catch (e) {
      // A refusal only for what the databases answered; unavailability (503/504) is not an answer.
      if (e instanceof AppError && e.status === 422) return { pass: false, detail: `the state databases cannot give the certificate subject's data: ${e.message} (${e.rule})` };
      throw e;
    }
    return { pass: true, detail: `IIN ${a.iin}${a.bin ? ` / BIN ${a.bin}` : ''} found in the state databases` };
  },
};

/** The last signed decision of the case (the one that brought it to the current step). */
async function lastSignedDecision(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_events')
    .select(['seq', 'at', 'actor_role', 'cert_serial', 'type'])
    .where('case_id', '=', caseId)
    .where('type', '=', 'step_completed')
    .where('signature', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function operatorCertificateProblem(trx: Trx, serial: string, at: Date): Promise<string | null> {
  const row = await trx
    .selectFrom('nca_operator_certificates as c')
    .innerJoin('nca_operators as o', 'o.id', 'c.operator_id')
    .innerJoin('certificates as k', 'k.serial', 'c.serial')
    .select(['o.id', 'o.order_number', 'o.appointed_on', 'o.dismissal_date', 'k.status', 'k.revocation_reason', 'k.not_before', 'k.not_after'])
    .where('c.serial', '=', serial)
    .executeTakeFirst();
  if (!row) return `certificate ${serial} is not an NCA operator certificate: the request must be certified by an NCA operator holding the operator certificates issued on the appointment order (seed 004 p.5(15), p.15(1))`;
  const when = at.getTime();
  if (startOfLocalDate(row.appointed_on).getTime() > when) return `operator ${row.id} is appointed from ${row.appointed_on} (order ${row.order_number}): not yet an operator at ${at.toISOString()}`;
  if (row.dismissal_date && startOfLocalDate(row.dismissal_date, -2).getTime() <= when) {
    return `operator ${row.id} is dismissed on ${row.dismissal_date}: the operator certificates are revoked from 2 days before (seed 004 p.15(1))`;
  }
  if (row.status !== 'good') return `operator certificate ${serial} is ${row.revocation_reason === 'certificateHold' ? 'on hold (the operator\'s work is stopped during an absence)' : `revoked (${row.revocation_reason ?? 'unspecified'})`}`;
  if (new Date(row.not_after).getTime() <= when || new Date(row.not_before).getTime() > when) return `operator certificate ${serial} is not valid at ${at.toISOString()}`;
  return null;
}

const operatorSignature: AutomaticChecker = {
  capability: 'operator_signature',
  async check({ trx, state }): Promise<Answer> {
    const d = await lastSignedDecision(trx, state.caseId);
    if (!d || !d.cert_serial) return { pass: false, detail: 'the request is not certified with an operator\'s EDS' };
    const problem = await operatorCertificateProblem(trx, d.cert_serial, new Date(d.at));
    if (problem) return { pass: false, detail: `the request certified at event ${d.seq} (${d.actor_role}): ${problem}` };
    return { pass: true, detail: `certified with NCA operator certificate ${d.cert_serial}` };
  },
};

/**
 * What is wrong with the PKCS#10 requests an issue would use, one line per violation (empty: none).
 * The same rules as the issue act (issueFromCsrIn), plus a complete purpose set.
 */
export async function certificateRequestProblems(app: App, trx: Trx, state: CaseState, stepId: string): Promise<string[]> {
  const a = state.applicant;
  // A card that holds no requests for the case yet (the PIN not entered at the desk) is a 422 to
  // the operator, as at the issue (card_pin_not_entered): a step of the desk not done, not a
  // violation in the request; the command rolls back and the operator confirms once it is done.
  const card = await cardForIssueIn(app, trx, state, stepId);
  const requests: Array<{ purpose: Purpose; where: string; csr: string | null }> = card
    ? card.requests.map((r) => ({ purpose: r.slot, where: `the ID card's ${r.slot} request`, csr: r.csrPem }))
    : CSR_FIELDS.map((f) => ({ purpose: f.purpose, where: `the ${f.purpose} request (${f.field})`, csr: fieldText(state, f.field) }));
  const problems: string[] = [];
  for (const purpose of ['auth', 'sign'] as const) {
    const given = requests.filter((r) => r.purpose === purpose && r.csr !== null);
    if (given.length === 0) problems.push(`there is no ${purpose === 'auth' ? 'authentication' : 'signing'} request (${requests.find((r) => r.purpose === purpose)?.where ?? purpose}): the recipient is issued both certificates`);
  }
  for (const r of requests) {
    if (r.csr === null) continue;
    if (!r.csr.includes('CERTIFICATE REQUEST')) {
      problems.push(`${r.where} is not a PEM PKCS#10 request`);
      continue;
    }
    try {
      const csr = await verifyCsr(r.csr);
      if (csr.subject.iin && csr.subject.iin !== a.iin) problems.push(`${r.where} is for IIN ${csr.subject.iin}, not the applicant's IIN ${a.iin}`);
      if (csr.subject.bin && csr.subject.bin !== (a.bin ?? undefined)) problems.push(`${r.where} is for BIN ${csr.subject.bin}, not ${a.bin ? `the applicant's BIN ${a.bin}` : 'an individual applicant'}`);
    } catch (e) {
      if (!(e instanceof PkiError)) throw e;
      problems.push(e.code === 'bad_csr_signature' ? `${r.where}: its signature does not verify with its own public key (no proof of possession of the key)` : `${r.where}: ${e.message}`);
    }
  }
  return problems;
}

const operatorCertifiedRequest: AutomaticChecker = {
  capability: 'operator_certified_request',
  async check(ctx): Promise<Answer> {
    const signed = await operatorSignature.check(ctx);
    if (!signed.pass) return signed;
    const problems = await certificateRequestProblems(ctx.app, ctx.trx, ctx.state, ctx.step.id);
    if (problems.length) return { pass: false, detail: `violations in the certified request: ${problems.join('; ')}` };
    return { pass: true, detail: `${signed.detail ?? ''}; the authentication and signing requests verify and are the applicant's` };
  },
};

function fieldText(state: CaseState, id: string): string | null {
  const v = state.fields[id];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

const applicantRequest: AutomaticChecker = {
  capability: 'applicant_request',
  async check({ trx, state }): Promise<Answer> {
    const raw = fieldText(state, SERIAL_FIELD);
    if (!raw) return { pass: false, detail: `the request names no certificate (${SERIAL_FIELD})` };
    let serial: string;
    try {
      serial = normalizeSerialHex(raw);
    } catch (e) {
      return { pass: false, detail: `the serial number "${raw.slice(0, 80)}" is not one: ${(e as Error).message}` };
    }
    const row = await trx.selectFrom('certificates').select(['serial', 'subject_iin', 'subject_bin', 'purpose', 'status', 'revocation_reason']).where('serial', '=', serial).executeTakeFirst();
    if (!row) return { pass: false, detail: `this CA has no certificate with serial ${serial}` };
    const a = state.applicant;
    const own = row.subject_iin === a.iin && (row.subject_bin ?? null) === (a.bin ?? null);
    const company = !!a.bin && row.subject_bin === a.bin && a.kind === 'legal_entity';
    if (!own && !company) return { pass: false, detail: `certificate ${serial} is not the applicant's` };
    if (row.purpose !== 'auth' && row.purpose !== 'sign') return { pass: false, detail: `certificate ${serial} is not a holder's certificate` };
    if (row.status !== 'good' && row.revocation_reason !== 'certificateHold') return { pass: false, detail: `certificate ${serial} is already revoked (${row.revocation_reason ?? 'unspecified'})` };
    return { pass: true, detail: `certificate ${serial} is the applicant's and in force` };
  },
};

export const NCA_CHECKERS: readonly AutomaticChecker[] = [stateDatabaseIdentity, operatorSignature, operatorCertifiedRequest, applicantRequest];
