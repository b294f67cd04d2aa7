// The acts on NCA operators' certificates that a case performs when it takes an outcome whose
// definition says `performs: 'issue_operator_certificates' | 'record_operator_dismissal' |
// 'revoke_operator_certificates' | 'suspend_operator_certificates'`, inside the case command's transaction, with the rules of
// ca-operators.ts (the same in-transaction functions the administrator's operations use). The
// applicant is the employer (a legal entity: the PSC) and the application names the operator:
//
// - issue: operatorIin, appointmentOrderNumber, appointmentOrderDate, and the operator's PKCS#10
//   requests csrAuth / csrSign (made on the operator's protected carrier). Issued only for an
//   appointment on record for that IIN at the applicant's BIN by that order; the requests must be
//   the operator's at that BIN; the certificates are linked to the appointment.
// - record the dismissal (`record_operator_dismissal`, on the registration of the letter):
//   operatorIin, dismissalDate, revocationCause (dismissal | transfer). The dismissal is recorded on
//   the appointment (a notice that arrived fewer than 2 days before it is flagged late, counted
//   from the case's submission, the notice's arrival), so the rules revoke the certificates at
//   00:00 Almaty of the dismissal date − 2 (the every-minute job) however late the revocation step
//   is taken; a letter that gives no dismissal date (an issue, a suspension) records nothing.
// - revoke: the same fields. The dismissal is found recorded (or recorded, the same date: the act
//   is repeatable; another date is a 422) and the certificates still good are revoked at once
//   (affiliationChanged); those the job already revoked are left as they are.
// - suspend: operatorIin, absenceFrom, absenceTo (optional). The absence must be of more than 15
//   days: by its period, or, with no last day, by the days it has already lasted. It is recorded
//   and the certificates go on hold when the rule's moment has come (at once for an absence already
//   longer than 15 days), lifted when it ends (the job).
//
// Any refusal is an AppError (422 naming the rule and the field) and the whole command rolls back:
// nothing of it is written. The CA's key uses and the personnel events are in the CA audit log,
// by `case:<id>`. Names no service: only the outcome's `performs` and the field ids.
import type { Transaction } from 'kysely';
import type { CaseState } from '../core/case.ts';
import { dayToIso, isoToDay, localDay } from '../core/time.ts';
import type { Purpose } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';
import { ABSENCE_DAYS_LIMIT, issueOperatorCertificateIn, recordAbsenceIn, recordDismissalIn } from './ca-operators.ts';
import { instanceCa } from './ca-material.ts';
import type { CaseEffectContext } from './context.ts';
import { unprocessable } from './errors.ts';
import { CSR_FIELDS, recordCaseCertificates } from './nca-effects.ts';

/** The application's form fields the operator acts read. */
export const OPERATOR_FIELDS = {
  iin: 'operatorIin',
  orderNumber: 'appointmentOrderNumber',
  orderDate: 'appointmentOrderDate',
  dismissalDate: 'dismissalDate',
  cause: 'revocationCause',
  absenceFrom: 'absenceFrom',
  absenceTo: 'absenceTo',
} as const;

type Trx = Transaction<Tables>;

function text(state: CaseState, id: string): string | null {
  const v = state.fields[id];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function date(state: CaseState, id: string, label: string, required: true): string;
function date(state: CaseState, id: string, label: string, required: false): string | null;
function date(state: CaseState, id: string, label: string, required: boolean): string | null {
  const v = text(state, id);
  if (!v) {
    if (required) throw unprocessable('field_required', `${label} (${id}) is required for this act`, id);
    return null;
  }
  try {
    isoToDay(v);
  } catch (e) {
    throw unprocessable('date', `${label}: ${(e as Error).message}`, id);
  }
  return v;
}

/** The operator's IIN and the employer's BIN: the applicant (the PSC) is the employer. */
function operatorAndEmployer(state: CaseState): { iin: string; bin: string } {
  const iin = text(state, OPERATOR_FIELDS.iin);
  if (!iin || !/^\d{12}$/.test(iin)) throw unprocessable('field_required', `the NCA operator's IIN (${OPERATOR_FIELDS.iin}) is required`, OPERATOR_FIELDS.iin);
  const bin = state.applicant.bin;
  if (!bin || state.applicant.kind !== 'legal_entity') {
    throw unprocessable('applicant_not_employer', 'the letter is the employer\'s: the applicant must be the PSC (a legal entity) that appointed the NCA operator (seed 004 p.15(1), L289–L301)', OPERATOR_FIELDS.iin);
  }
  return { iin, bin };
}

async function appointments(trx: Trx, iin: string, bin: string) {
  return trx.selectFrom('nca_operators').selectAll().where('iin', '=', iin).where('bin', '=', bin).orderBy('created_at', 'desc').execute();
}

const who = (state: CaseState) => ({ actor: `case:${state.caseId}`, actorIin: state.applicant.iin });

async function issueOperatorCertificates(ctx: CaseEffectContext, stepId: string): Promise<void> {
  const { app, trx, state } = ctx;
  const { iin, bin } = operatorAndEmployer(state);
  const orderNumber = text(state, OPERATOR_FIELDS.orderNumber);
  if (!orderNumber) throw unprocessable('field_required', `the number of the appointment order (${OPERATOR_FIELDS.orderNumber}) is required`, OPERATOR_FIELDS.orderNumber);
  const orderDate = date(state, OPERATOR_FIELDS.orderDate, 'the date of the appointment order', true);
  const all = await appointments(trx, iin, bin);
  const byOrder = all.find((a) => a.order_number === orderNumber);
  if (!byOrder || byOrder.order_date !== orderDate) {
    const onRecord = all.map((a) => `order ${a.order_number} of ${a.order_date}`).join(', ');
    throw unprocessable(
      'no_appointment',
      `no appointment of IIN ${iin} as an NCA operator at BIN ${bin} by order ${orderNumber} of ${orderDate} is on record${onRecord ? ` (on record: ${onRecord})` : ''}: operator certificates are issued only on the appointment order (seed 004 p.15(1), L289–L304)`,
      byOrder ? OPERATOR_FIELDS.orderDate : OPERATOR_FIELDS.orderNumber,
    );
  }
  const wanted = CSR_FIELDS.map((f) => ({ ...f, csr: text(state, f.field) })).filter((f) => f.csr !== null);
  if (wanted.length === 0) throw unprocessable('csr_required', `step ${stepId} issues the operator's certificates from the operator's PKCS#10 requests, and the application has none (${CSR_FIELDS.map((f) => f.field).join(', ')})`, CSR_FIELDS[0]!.field);
  const ca = await instanceCa(app);
  const serials: Array<{ serial: string; purpose: Purpose }> = [];
  for (const w of wanted) {
    const issued = await issueOperatorCertificateIn(app, trx, ca, byOrder.id, { csr: w.csr, field: w.field, purpose: w.purpose, who: who(state), detail: { caseId: state.caseId, stepId }, operatorField: OPERATOR_FIELDS.iin });
    serials.push({ serial: issued.serial, purpose: w.purpose });
  }
  await recordCaseCertificates(trx, state.caseId, serials);
}

/**
 * The dismissal (transfer) the letter gives, recorded on the appointment in force (or found there,
 * the same date: the act is repeatable). `revokeAtOnce`: the revocation step, which revokes every
 * operator certificate now; without it (the registration of the letter) the rules revoke them at
 * 00:00 Almaty of the dismissal date − 2 (the job), or at once when that moment has passed.
 */
async function dismissal(ctx: CaseEffectContext, stepId: string, dismissal: string, revokeAtOnce: boolean): Promise<void> {
  const { app, trx, state } = ctx;
  const { iin, bin } = operatorAndEmployer(state);
  const given = text(state, OPERATOR_FIELDS.cause);
  if (given !== null && given !== 'dismissal' && given !== 'transfer') throw unprocessable('field_value', `the cause is dismissal or transfer (${OPERATOR_FIELDS.cause})`, OPERATOR_FIELDS.cause);
  const cause = given ?? 'dismissal';
  // The appointment in force, or the one whose dismissal on that date is already on record (the act is repeatable).
  const op = (await appointments(trx, iin, bin)).find((a) => a.dismissal_date === null || a.dismissal_date === dismissal);
  if (!op) throw unprocessable('no_appointment', `no appointment of IIN ${iin} as an NCA operator at BIN ${bin} is in force: there are no operator certificates to revoke`, OPERATOR_FIELDS.iin);
  const ca = await instanceCa(app);
  await recordDismissalIn(app, trx, ca, op.id, {
    date: dismissal,
    cause,
    who: who(state),
    noticeDay: dayToIso(localDay(new Date(state.submittedAt))),
    revokeAtOnce,
    caseAct: true,
    field: OPERATOR_FIELDS.dismissalDate,
    detail: { caseId: state.caseId, stepId },
  });
}

async function recordOperatorDismissal(ctx: CaseEffectContext, stepId: string): Promise<void> {
  // Only a letter that gives a dismissal date is a dismissal notice (the field applies to those alone).
  if (text(ctx.state, OPERATOR_FIELDS.dismissalDate) === null) return;
  await dismissal(ctx, stepId, date(ctx.state, OPERATOR_FIELDS.dismissalDate, 'the date of the dismissal (transfer)', true), false);
}

async function revokeOperatorCertificates(ctx: CaseEffectContext, stepId: string): Promise<void> {
  await dismissal(ctx, stepId, date(ctx.state, OPERATOR_FIELDS.dismissalDate, 'the date of the dismissal (transfer)', true), true);
}

async function suspendOperatorCertificates(ctx: CaseEffectContext, stepId: string): Promise<void> {
  const { app, trx, state } = ctx;
  const { iin, bin } = operatorAndEmployer(state);
  const from = date(state, OPERATOR_FIELDS.absenceFrom, 'the first day of the absence', true);
  const to = date(state, OPERATOR_FIELDS.absenceTo, 'the last day of the absence', false);
  if (to !== null && to < from) throw unprocessable('absence_ends_before_start', `the absence cannot end (${to}) before it starts (${from})`, OPERATOR_FIELDS.absenceTo);
  // «ұзақ уақыт болмаған кезде (15 күннен аса)» (L312): only an absence of more than 15 days stops the work.
  const today = localDay(app.now());
  const days = to !== null ? isoToDay(to) - isoToDay(from) + 1 : today - isoToDay(from) + 1;
  if (days <= ABSENCE_DAYS_LIMIT) {
    throw unprocessable(
      'absence_not_over_15_days',
      to !== null
        ? `the absence from ${from} to ${to} is ${days} day(s): the operator's work is stopped only for an absence of more than ${ABSENCE_DAYS_LIMIT} days (seed 004 p.15(1), L312–L314)`
        : `the absence from ${from} with no last day has lasted ${Math.max(days, 0)} day(s) by ${dayToIso(today)}: the operator's work is stopped only once it is more than ${ABSENCE_DAYS_LIMIT} days, or when its period is (seed 004 p.15(1), L312–L314)`,
      to !== null ? OPERATOR_FIELDS.absenceTo : OPERATOR_FIELDS.absenceFrom,
    );
  }
  const op = (await appointments(trx, iin, bin)).find((a) => a.dismissal_date === null);
  if (!op) throw unprocessable('no_appointment', `no appointment of IIN ${iin} as an NCA operator at BIN ${bin} is in force: there is no operator's work to stop`, OPERATOR_FIELDS.iin);
  const ca = await instanceCa(app);
  await recordAbsenceIn(app, trx, ca, op.id, {
    from,
    to,
    who: who(state),
    fields: { from: OPERATOR_FIELDS.absenceFrom, to: OPERATOR_FIELDS.absenceTo },
    unprocessableConflicts: true,
    holdsByCaller: true,
    detail: { caseId: state.caseId, stepId },
  });
}

export const OPERATOR_ACTS = {
  issue_operator_certificates: issueOperatorCertificates,
  record_operator_dismissal: recordOperatorDismissal,
  revoke_operator_certificates: revokeOperatorCertificates,
  suspend_operator_certificates: suspendOperatorCertificates,
} as const;
