// NCA operator certificates for the staff of public service centres (seed 004 p.15(1), lines
// L285–L314 of /work/shared/seeds/004_*.txt): the personnel events the CA administrator records
// (the appointment order, the dismissal or transfer and its date, absences) and the rules the
// regulation attaches to them, which this module enforces:
//
// - Issue on the appointment order (L289–L307): an operator certificate is issued only for an
//   appointment on record, in effect, with no dismissal recorded and not suspended for absence;
//   its subject is the operator at the employer (IIN + BIN) from the state databases.
// - Revocation at least 2 days before the dismissal (L308–L311, «босатылуға дейін кемінде 2 күн
//   қалғанда»): every operator certificate is revoked (affiliationChanged) at 00:00 Almaty of the
//   dismissal date minus 2 days, by `applyOperatorRules` (the job) or at once when the notice
//   itself comes later than that.
//   CHOICE — a late notice is FLAGGED, NOT REFUSED. L308–L311 is an obligation of the PSC («ХҚКО
//   … жедел түрде хабарлайды», the PSC promptly informs), not a condition of the provider's act:
//   refusing a late notice would leave a leaving operator's certificates alive, the opposite of
//   what the rule is for. So a notice with fewer than 2 calendar days left (dismissal date minus
//   today, Almaty) is recorded with `dismissal_late = 1`, answered with `lateNotice: true` and a
//   warning, written to the CA audit log as such, and the certificates are revoked in the same
//   transaction.
// - Use after the dismissal (the issue's bad-input list): from 00:00 Almaty of the dismissal date
//   a signature with an operator certificate is refused (`operator_dismissed`) even if nobody
//   revoked it (ca-operator-status.ts, checked in signing.ts and for CA operations on a session).
// - Suspension after more than 15 days of absence (L312–L314, «ұзақ уақыт болмаған кезде (15
//   күннен аса) … жұмысының тоқтату қажеттілігі туралы жедел хабардар етеді»): the certificates are
//   put on hold (RFC 5280 certificateHold) when an absence has lasted more than 15 calendar days
//   (from 00:00 of its 16th day), or from its first day when the recorded absence is already
//   longer than 15 days (the PSC notifies «жедел», promptly: it need not wait).
//   CHOICE — released on return. The text says to «stop» (тоқтату) the operator's work during the
//   absence, not to revoke the certificates, and contrasts it with revocation on dismissal; it
//   does not say what happens on return. Stopping is by nature temporary and certificateHold is
//   the reversible status RFC 5280 has for it, so when the absence ends (00:00 of the day after
//   its last day) the holds this absence made are lifted (removeFromCRL) — unless a dismissal
//   has become due meanwhile, which revokes them for good.
// «күн» is read as calendar days, as everywhere in the service (see its interpretations).
// Each operation has an in-transaction version (`issueOperatorCertificateIn`, `recordDismissalIn`,
// `recordAbsenceIn`) that the `operator_certificates` sub-case's acts run inside the case command's
// transaction (nca-operator-acts.ts): the registration of a dismissal notice records the dismissal
// (so the job revokes at dismissal − 2 however late the revocation step is), and the revocation
// step revokes at once (`revokeAtOnce`: taking the step is the provider's revocation).
import type { Kysely, Transaction } from 'kysely';
import { dayToIso, isoToDay, localDay } from '../core/time.ts';
import type { Tables } from '../store/tables.ts';
import { appendCaAudit } from './ca-audit.ts';
import { actorLabel, holderFromStateDb, isNcaAdmin, isNcaOperator, issueFromCsrIn, refuseDismissedSession, revokeIn, type CaActor, type IssuedCertificate } from './ca.ts';
import { instanceCa, type InstanceCa } from './ca-material.ts';
import { startOfLocalDate } from './ca-operator-status.ts';
import type { App } from './context.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from './errors.ts';
import { newId } from './ids.ts';
import { stateDbIn } from './nca-effects.ts';
import type { Purpose } from '../pki/index.ts';

/** Days before the dismissal by which the certificates are revoked (seed 004 L310–L311). */
export const REVOKE_DAYS_BEFORE_DISMISSAL = 2;
/** An absence longer than this many days stops the operator's work (seed 004 L312). */
export const ABSENCE_DAYS_LIMIT = 15;
/** The reason an operator's certificates are revoked with on dismissal or transfer. */
export const DISMISSAL_REASON = 'affiliationChanged' as const;
const RULES_ACTOR = 'system:operator-rules';

export interface OperatorAbsenceView {
  id: string;
  from: string;
  to: string | null;
  /** When the certificates are (or were) put on hold for this absence. */
  holdFrom: string;
  heldAt: string | null;
  settledAt: string | null;
}

export interface OperatorView {
  id: string;
  iin: string;
  bin: string;
  userId: string | null;
  order: { number: string; date: string };
  appointedOn: string;
  dismissal: { date: string; cause: string; recordedAt: string; lateNotice: boolean; revokeFrom: string } | null;
  absences: OperatorAbsenceView[];
  certificates: Array<{ serial: string; purpose: string; status: 'good' | 'revoked' | 'on_hold'; reason: string | null; notAfter: string }>;
}

export interface RulesResult {
  revoked: string[];
  held: string[];
  released: string[];
}

type Db = Kysely<Tables>;
const isIin = (v: unknown): v is string => typeof v === 'string' && /^\d{12}$/.test(v);
const isBin = isIin;
type OperatorRow = Tables['nca_operators'];
type AbsenceRow = Tables['nca_operator_absences'];

function requireAdmin(actor: CaActor, what: string): void {
  if (!isNcaAdmin(actor)) throw forbidden('not_nca_admin', `only an NCA administrator may ${what}`);
}

function parseDate(v: unknown, field: string, label: string): string {
  if (typeof v !== 'string') throw badRequest(field, `${label} (YYYY-MM-DD) is required`, field);
  try {
    isoToDay(v);
  } catch (e) {
    throw badRequest(field, `${label}: ${(e as Error).message}`, field);
  }
  return v;
}

function parseText(v: unknown, field: string, label: string, max = 200): string {
  if (typeof v !== 'string' || v.trim() === '') throw badRequest(field, `${label} is required`, field);
  if (v.length > max) throw badRequest(field, `${label} is longer than ${max} characters`, field);
  return v.trim();
}

const today = (app: App) => dayToIso(localDay(app.now()));
const daysBetween = (from: string, to: string) => isoToDay(to) - isoToDay(from);

/** When the certificates go on hold for an absence (see the header). */
export function holdFromOf(a: { from_date: string; to_date: string | null }): Date {
  const length = a.to_date ? daysBetween(a.from_date, a.to_date) + 1 : null;
  return length !== null && length > ABSENCE_DAYS_LIMIT ? startOfLocalDate(a.from_date) : startOfLocalDate(a.from_date, ABSENCE_DAYS_LIMIT);
}

/** The moment an operator's certificates must be revoked by: 00:00 Almaty, 2 days before the dismissal date. */
export function revokeFromOf(dismissalDate: string): Date {
  return startOfLocalDate(dismissalDate, -REVOKE_DAYS_BEFORE_DISMISSAL);
}

async function operatorRow(db: Db, id: unknown): Promise<OperatorRow> {
  if (typeof id !== 'string' || id === '') throw badRequest('operator', 'the operator id is required', 'operatorId');
  const row = await db.selectFrom('nca_operators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('unknown_operator', `no NCA operator ${id} is on record`, 'operatorId');
  return row;
}

async function lockOperator(app: App, trx: Transaction<Tables>, id: string): Promise<OperatorRow | undefined> {
  let q = trx.selectFrom('nca_operators').selectAll().where('id', '=', id);
  if (app.store.engine === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function operatorView(app: App, id: unknown): Promise<OperatorView> {
  const db = app.store.db;
  const o = await operatorRow(db, id);
  const absences = await db.selectFrom('nca_operator_absences').selectAll().where('operator_id', '=', o.id).orderBy('from_date').execute();
  const certs = await db
    .selectFrom('nca_operator_certificates as c')
    .innerJoin('certificates as k', 'k.serial', 'c.serial')
    .select(['k.serial', 'k.purpose', 'k.status', 'k.revocation_reason', 'k.not_after', 'k.created_at'])
    .where('c.operator_id', '=', o.id)
    .orderBy('k.created_at')
    .execute();
  return {
    id: o.id,
    iin: o.iin,
    bin: o.bin,
    userId: o.user_id,
    order: { number: o.order_number, date: o.order_date },
    appointedOn: o.appointed_on,
    dismissal: o.dismissal_date
      ? { date: o.dismissal_date, cause: o.dismissal_cause ?? 'dismissal', recordedAt: o.dismissal_recorded_at!, lateNotice: o.dismissal_late === 1, revokeFrom: revokeFromOf(o.dismissal_date).toISOString() }
      : null,
    absences: absences.map((a) => ({ id: a.id, from: a.from_date, to: a.to_date, holdFrom: holdFromOf(a).toISOString(), heldAt: a.held_at, settledAt: a.settled_at })),
    certificates: certs.map((c) => ({
      serial: c.serial,
      purpose: c.purpose,
      status: c.status === 'revoked' ? (c.revocation_reason === 'certificateHold' ? 'on_hold' : 'revoked') : 'good',
      reason: c.revocation_reason,
      notAfter: c.not_after,
    })),
  };
}

/** One operator's record, for NCA operators and administrators. */
export async function operatorFor(app: App, actor: CaActor, id: unknown): Promise<OperatorView> {
  if (!isNcaOperator(actor)) throw forbidden('not_nca_operator', 'only NCA operators and administrators may see NCA operators');
  return operatorView(app, id);
}

export async function listOperators(app: App, actor: CaActor, filter: { iin?: unknown; bin?: unknown } = {}): Promise<OperatorView[]> {
  if (!isNcaOperator(actor)) throw forbidden('not_nca_operator', 'only NCA operators and administrators may list NCA operators');
  let q = app.store.db.selectFrom('nca_operators').select('id').orderBy('created_at');
  if (typeof filter.iin === 'string' && filter.iin) q = q.where('iin', '=', filter.iin);
  if (typeof filter.bin === 'string' && filter.bin) q = q.where('bin', '=', filter.bin);
  const ids = await q.limit(500).execute();
  const out: OperatorView[] = [];
  for (const { id } of ids) out.push(await operatorView(app, id));
  return out;
}

export interface AppointInput {
  iin?: unknown;
  /** The employer: the PSC (or the provider) that appointed the operator. */
  bin?: unknown;
  orderNumber?: unknown;
  orderDate?: unknown;
  /** From when the appointment takes effect (default: the order's date). */
  appointedOn?: unknown;
  /** The staff account of the operator, when there is one. */
  userId?: unknown;
}

/**
 * Records an appointment order (seed 004 L289–L291: «ХҚКО … ҚР ҰКО операторын … бұйрықпен
 * тағайындайды»). The person must be alive and the employer active in the state databases; one
 * appointment in force per person and employer.
 */
export async function appointOperator(app: App, actor: CaActor, input: AppointInput): Promise<OperatorView> {
  requireAdmin(actor, 'record the appointment of an NCA operator');
  await refuseDismissedSession(app, actor);
  if (!isIin(input.iin)) throw badRequest('iin', 'the operator\'s IIN (12 digits) is required', 'iin');
  if (!isBin(input.bin)) throw badRequest('bin', 'the BIN (12 digits) of the PSC or provider that appointed the operator is required', 'bin');
  const orderNumber = parseText(input.orderNumber, 'orderNumber', 'the number of the appointment order', 64);
  const orderDate = parseDate(input.orderDate, 'orderDate', 'the date of the appointment order');
  const appointedOn = input.appointedOn === undefined || input.appointedOn === null ? orderDate : parseDate(input.appointedOn, 'appointedOn', 'the date the appointment takes effect');
  if (appointedOn < orderDate) throw unprocessable('appointment_before_order', `the appointment cannot take effect (${appointedOn}) before its order is dated (${orderDate})`, 'appointedOn');
  if (orderDate > today(app)) throw unprocessable('order_in_future', `the appointment order is dated ${orderDate}, after today (${today(app)}): record it once it is signed`, 'orderDate');
  let userId: string | null = null;
  if (input.userId !== undefined && input.userId !== null) {
    if (typeof input.userId !== 'string') throw badRequest('user_id', 'userId is a user id', 'userId');
    const u = await app.store.db.selectFrom('users').select(['id', 'iin']).where('id', '=', input.userId).executeTakeFirst();
    if (!u) throw unprocessable('unknown_user', `no user ${input.userId}`, 'userId');
    if (u.iin !== input.iin) throw unprocessable('user_mismatch', `user ${input.userId} is not IIN ${input.iin}`, 'userId');
    userId = u.id;
  }
  // The person and the employer as the state databases know them (refuses the unknown, deceased, liquidated).
  await holderFromStateDb(app, input.iin, input.bin, ['employee']);
  const now = app.now().toISOString();
  const id = newId();
  const who = actorLabel(actor);
  await app.store.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('nca_operators').select(['id', 'order_number']).where('iin', '=', input.iin as string).where('bin', '=', input.bin as string).where('dismissal_date', 'is', null).executeTakeFirst();
    if (current) throw conflict('already_appointed', `IIN ${input.iin} is already an NCA operator at BIN ${input.bin} (order ${current.order_number}, operator ${current.id}); record the dismissal first`, 'iin');
    const dup = await trx.selectFrom('nca_operators').select('id').where('iin', '=', input.iin as string).where('bin', '=', input.bin as string).where('order_number', '=', orderNumber).executeTakeFirst();
    if (dup) throw conflict('order_recorded', `order ${orderNumber} for IIN ${input.iin} at BIN ${input.bin} is already on record (operator ${dup.id})`, 'orderNumber');
    await trx
      .insertInto('nca_operators')
      .values({ id, iin: input.iin as string, bin: input.bin as string, user_id: userId, order_number: orderNumber, order_date: orderDate, appointed_on: appointedOn, dismissal_date: null, dismissal_cause: null, dismissal_recorded_at: null, dismissal_late: 0, created_at: now })
      .execute();
    await appendCaAudit(trx, { at: now, ...who, action: 'operator_appoint', detail: { operatorId: id, iin: input.iin, bin: input.bin, orderNumber, orderDate, appointedOn } });
  });
  return operatorView(app, id);
}

export interface OperatorCertificateInput {
  csr?: unknown;
  purpose?: unknown;
}

/**
 * Issues an NCA operator certificate (seed 004 L302–L304) for the key of the operator's PKCS#10
 * request (the key is generated on the operator's protected carrier, L293, L305–L307).
 */
export async function issueOperatorCertificate(app: App, actor: CaActor, operatorId: unknown, input: OperatorCertificateInput): Promise<IssuedCertificate & { operatorId: string }> {
  if (!isNcaOperator(actor)) throw forbidden('not_nca_operator', 'only an NCA operator or administrator may issue operator certificates');
  await refuseDismissedSession(app, actor);
  const op = await operatorRow(app.store.db, operatorId);
  const purpose = input.purpose === 'auth' || input.purpose === 'sign' ? (input.purpose as Purpose) : null;
  if (!purpose) throw badRequest('purpose', `purpose must be 'auth' or 'sign'`, 'purpose');
  const ca = await instanceCa(app);
  const who = actorLabel(actor);
  return app.store.db.transaction().execute((trx) => issueOperatorCertificateIn(app, trx, ca, op.id, { csr: input.csr, field: 'csr', purpose, who }));
}

/**
 * The issue of one operator certificate inside the caller's transaction (the CA loaded before it
 * opened): locks the operator, refuses (422, nothing written) before the appointment takes
 * effect, once a dismissal is recorded, and while an absence holds the operator's work; the CA
 * key use is audited by `issueFromCsrIn` (with `detail`), and the certificate is linked to the
 * appointment. Used by the administrator's operation and by the case act (nca-operator-acts.ts).
 */
export async function issueOperatorCertificateIn(
  app: App,
  trx: Transaction<Tables>,
  ca: InstanceCa,
  operatorId: string,
  input: { csr: unknown; field: string; purpose: Purpose; who: { actor: string; actorIin: string | null }; detail?: Record<string, unknown>; operatorField?: string },
): Promise<IssuedCertificate & { operatorId: string }> {
  const opField = input.operatorField ?? 'operatorId';
  const o = await lockOperator(app, trx, operatorId);
  if (!o) throw notFound('unknown_operator', `no NCA operator ${operatorId} is on record`, opField);
  const now = app.now();
  if (startOfLocalDate(o.appointed_on).getTime() > now.getTime()) throw unprocessable('not_yet_appointed', `the appointment (order ${o.order_number}) takes effect on ${o.appointed_on}: no operator certificate before it`, opField);
  if (o.dismissal_date) {
    const gone = startOfLocalDate(o.dismissal_date).getTime() <= now.getTime();
    throw unprocessable(gone ? 'operator_dismissed' : 'dismissal_recorded', `the operator's ${o.dismissal_cause ?? 'dismissal'} on ${o.dismissal_date} is on record: no operator certificate is issued${gone ? ' after it' : ' before it either (its certificates are revoked 2 days before)'}`, opField);
  }
  const held = await trx.selectFrom('nca_operator_absences').select(['id', 'from_date']).where('operator_id', '=', o.id).where('settled_at', 'is', null).where('held_at', 'is not', null).executeTakeFirst();
  if (held) throw unprocessable('operator_absent', `the operator is absent since ${held.from_date} (more than ${ABSENCE_DAYS_LIMIT} days) and their work is stopped: no certificate until they return`, opField);
  const user = o.user_id ?? (await trx.selectFrom('users').select('id').where('iin', '=', o.iin).where('bin', '=', o.bin).executeTakeFirst())?.id ?? null;
  const issued = await issueFromCsrIn(app, trx, ca, {
    csr: input.csr,
    field: input.field,
    purpose: input.purpose,
    iin: o.iin,
    bin: o.bin,
    userId: user,
    who: input.who,
    stateDb: stateDbIn(app, trx),
    detail: { operatorId: o.id, orderNumber: o.order_number, ...(input.detail ?? {}) },
  });
  await trx.insertInto('nca_operator_certificates').values({ serial: issued.serial, operator_id: o.id, held_by_absence: null, created_at: now.toISOString() }).execute();
  return { ...issued, operatorId: o.id };
}

export interface DismissalInput {
  date?: unknown;
  /** dismissal (default) or transfer to other work (seed 004 L308). */
  cause?: unknown;
}

/**
 * Records the PSC's notice of the operator's dismissal or transfer (seed 004 L308–L311) and
 * applies the rules at once: a notice later than the revocation moment revokes in the same
 * transaction and is flagged as late (see the header for why it is not refused).
 */
export async function recordDismissal(app: App, actor: CaActor, operatorId: unknown, input: DismissalInput): Promise<OperatorView & { lateNotice: boolean; warning?: string; rules: RulesResult }> {
  requireAdmin(actor, 'record the dismissal of an NCA operator');
  await refuseDismissedSession(app, actor);
  const op = await operatorRow(app.store.db, operatorId);
  const date = parseDate(input.date, 'date', 'the date of the dismissal (transfer)');
  const cause = input.cause === undefined || input.cause === null ? 'dismissal' : input.cause;
  if (cause !== 'dismissal' && cause !== 'transfer') throw badRequest('cause', `cause is 'dismissal' or 'transfer'`, 'cause');
  const ca = await instanceCa(app);
  const r = await app.store.db.transaction().execute((trx) => recordDismissalIn(app, trx, ca, op.id, { date, cause, who: actorLabel(actor) }));
  const view = await operatorView(app, op.id);
  return { ...view, lateNotice: r.lateNotice, ...(r.warning ? { warning: r.warning } : {}), rules: r.rules };
}

export interface DismissalRecorded {
  lateNotice: boolean;
  /** Calendar days from the notice to the dismissal date. */
  daysBefore: number;
  warning?: string;
  rules: RulesResult;
}

/**
 * Records a dismissal (transfer) notice inside the caller's transaction and applies the rules:
 * the certificates are revoked when the revocation moment (dismissal date − 2, 00:00 Almaty) has
 * come, otherwise by the job at that moment — or at once with `revokeAtOnce` (the case act, where
 * taking the outcome is the provider's revocation). `noticeDay` (YYYY-MM-DD, Almaty) is the day
 * the PSC's notice arrived (default: today); fewer than 2 days before the dismissal flags it late.
 * A dismissal already on record with the same date is not recorded again for a case's act (the
 * registration of the letter records it, the revocation step finds it); otherwise, or with another
 * date, it is a conflict (a 422 for a case's act).
 */
export async function recordDismissalIn(
  app: App,
  trx: Transaction<Tables>,
  ca: InstanceCa,
  operatorId: string,
  input: {
    date: string;
    cause: 'dismissal' | 'transfer';
    who: { actor: string; actorIin: string | null };
    noticeDay?: string;
    revokeAtOnce?: boolean;
    /**
     * A case's act (implied by revokeAtOnce): the same dismissal already on record is not recorded
     * again (the registration of the letter recorded it, the revocation step finds it), another
     * date is a 422, and revocations due at once are the case's, not the job's.
     */
    caseAct?: boolean;
    field?: string;
    detail?: Record<string, unknown>;
  },
): Promise<DismissalRecorded> {
  const caseAct = input.caseAct || input.revokeAtOnce;
  const field = input.field ?? 'date';
  const o = await lockOperator(app, trx, operatorId);
  if (!o) throw notFound('unknown_operator', `no NCA operator ${operatorId} is on record`, 'operatorId');
  const { date, cause } = input;
  if (date < o.appointed_on) throw unprocessable('dismissal_before_appointment', `the dismissal (${date}) cannot precede the appointment (${o.appointed_on})`, field);
  const daysLeft = daysBetween(input.noticeDay ?? today(app), date);
  const late = daysLeft < REVOKE_DAYS_BEFORE_DISMISSAL;
  const now = app.now().toISOString();
  if (o.dismissal_date && (o.dismissal_date !== date || !caseAct)) {
    throw (caseAct ? unprocessable : conflict)('dismissal_recorded', `the ${o.dismissal_cause ?? 'dismissal'} of operator ${o.id} on ${o.dismissal_date} is already on record`, field);
  }
  if (!o.dismissal_date) {
    await trx.updateTable('nca_operators').set({ dismissal_date: date, dismissal_cause: cause, dismissal_recorded_at: now, dismissal_late: late ? 1 : 0 }).where('id', '=', o.id).execute();
    await appendCaAudit(trx, {
      at: now,
      ...input.who,
      action: 'operator_dismissal',
      detail: { operatorId: o.id, iin: o.iin, bin: o.bin, date, cause, daysBefore: daysLeft, lateNotice: late, revokeFrom: revokeFromOf(date).toISOString(), ...(input.detail ?? {}) },
    });
  }
  const rules = await applyRulesIn(app, trx, ca, o.id, input.revokeAtOnce ? { revokeNow: true, who: input.who } : caseAct ? { who: input.who } : {});
  return {
    lateNotice: late,
    daysBefore: daysLeft,
    ...(late
      ? { warning: `late notice: the PSC must inform the provider at least ${REVOKE_DAYS_BEFORE_DISMISSAL} days before the dismissal (seed 004 p.15(1), L308–L311); ${daysLeft < 0 ? `the dismissal was ${-daysLeft} day(s) ago` : `${daysLeft} day(s) were left`}. The certificates were revoked at once.` }
      : {}),
    rules,
  };
}

export interface AbsenceInput {
  /** First day absent. */
  from?: unknown;
  /** Last day absent, when known. */
  to?: unknown;
}

/** Records an absence of the operator (seed 004 L312–L314) and applies the rules at once. */
export async function recordAbsence(app: App, actor: CaActor, operatorId: unknown, input: AbsenceInput): Promise<OperatorAbsenceView & { rules: RulesResult }> {
  requireAdmin(actor, 'record the absence of an NCA operator');
  await refuseDismissedSession(app, actor);
  const op = await operatorRow(app.store.db, operatorId);
  const from = parseDate(input.from, 'from', 'the first day of the absence');
  const to = input.to === undefined || input.to === null ? null : parseDate(input.to, 'to', 'the last day of the absence');
  const ca = await instanceCa(app);
  const r = await app.store.db.transaction().execute((trx) => recordAbsenceIn(app, trx, ca, op.id, { from, to, who: actorLabel(actor) }));
  const a = (await app.store.db.selectFrom('nca_operator_absences').selectAll().where('id', '=', r.absenceId).executeTakeFirstOrThrow());
  return { ...absenceView(a), rules: r.rules };
}

/**
 * Records an absence inside the caller's transaction and applies the rules (the hold falls at
 * `holdFromOf`: at once when that moment has come, otherwise by the job). Refuses an absence that
 * ends before it starts or precedes the appointment (422), a dismissed operator or an overlapping
 * open absence (409; 422 with `unprocessableConflicts`, the case act). Nothing is written on a refusal.
 */
export async function recordAbsenceIn(
  app: App,
  trx: Transaction<Tables>,
  ca: InstanceCa,
  operatorId: string,
  input: {
    from: string;
    to: string | null;
    who: { actor: string; actorIin: string | null };
    fields?: { from: string; to: string };
    unprocessableConflicts?: boolean;
    /** The holds made at once are the caller's act (the case's), not the job's. */
    holdsByCaller?: boolean;
    detail?: Record<string, unknown>;
  },
): Promise<{ absenceId: string; rules: RulesResult }> {
  const { from, to } = input;
  const fFrom = input.fields?.from ?? 'from';
  const fTo = input.fields?.to ?? 'to';
  const clash = input.unprocessableConflicts ? unprocessable : conflict;
  const o = await lockOperator(app, trx, operatorId);
  if (!o) throw notFound('unknown_operator', `no NCA operator ${operatorId} is on record`, 'operatorId');
  if (to && to < from) throw unprocessable('absence_ends_before_start', `the absence cannot end (${to}) before it starts (${from})`, fTo);
  if (from < o.appointed_on) throw unprocessable('absence_before_appointment', `the absence (${from}) cannot precede the appointment (${o.appointed_on})`, fFrom);
  if (o.dismissal_date) throw clash('dismissal_recorded', `operator ${o.id} is dismissed (${o.dismissal_date}): absences no longer matter`, 'operatorId');
  const open = await trx.selectFrom('nca_operator_absences').selectAll().where('operator_id', '=', o.id).where('settled_at', 'is', null).execute();
  const overlapping = open.find((a) => (a.to_date === null || a.to_date >= from) && (to === null || to >= a.from_date));
  if (overlapping) throw clash('absence_overlaps', `an absence from ${overlapping.from_date}${overlapping.to_date ? ` to ${overlapping.to_date}` : ' (open)'} is on record (${overlapping.id}): record the return first`, fFrom);
  const now = app.now().toISOString();
  const id = newId();
  await trx.insertInto('nca_operator_absences').values({ id, operator_id: o.id, from_date: from, to_date: to, recorded_at: now, held_at: null, settled_at: null }).execute();
  await appendCaAudit(trx, { at: now, ...input.who, action: 'operator_absence', detail: { operatorId: o.id, iin: o.iin, absenceId: id, from, to, ...(input.detail ?? {}) } });
  return { absenceId: id, rules: await applyRulesIn(app, trx, ca, o.id, input.holdsByCaller ? { who: input.who } : {}) };
}

/** Records the operator's return: the last day of an absence (seed 004 L312–L314; released per the header). */
export async function recordReturn(app: App, actor: CaActor, operatorId: unknown, absenceId: unknown, input: { to?: unknown }): Promise<OperatorAbsenceView & { rules: RulesResult }> {
  requireAdmin(actor, 'record the return of an NCA operator');
  await refuseDismissedSession(app, actor);
  const op = await operatorRow(app.store.db, operatorId);
  const to = parseDate(input.to, 'to', 'the last day of the absence');
  if (typeof absenceId !== 'string') throw badRequest('absence', 'the absence id is required', 'absenceId');
  const ca = await instanceCa(app);
  const who = actorLabel(actor);
  const rules = await app.store.db.transaction().execute(async (trx) => {
    await lockOperator(app, trx, op.id);
    const a = await trx.selectFrom('nca_operator_absences').selectAll().where('id', '=', absenceId).where('operator_id', '=', op.id).executeTakeFirst();
    if (!a) throw notFound('unknown_absence', `operator ${op.id} has no absence ${absenceId}`, 'absenceId');
    if (a.settled_at) throw conflict('absence_settled', `the absence ${absenceId} ended on ${a.to_date} and is settled`, 'absenceId');
    if (to < a.from_date) throw unprocessable('absence_ends_before_start', `the absence cannot end (${to}) before it starts (${a.from_date})`, 'to');
    const now = app.now().toISOString();
    await trx.updateTable('nca_operator_absences').set({ to_date: to }).where('id', '=', a.id).execute();
    await appendCaAudit(trx, { at: now, ...who, action: 'operator_absence', detail: { operatorId: op.id, iin: op.iin, absenceId: a.id, from: a.from_date, to, previousTo: a.to_date } });
    return applyRulesIn(app, trx, ca, op.id);
  });
  const a = await app.store.db.selectFrom('nca_operator_absences').selectAll().where('id', '=', absenceId).executeTakeFirstOrThrow();
  return { ...absenceView(a), rules };
}

function absenceView(a: AbsenceRow): OperatorAbsenceView {
  return { id: a.id, from: a.from_date, to: a.to_date, holdFrom: holdFromOf(a).toISOString(), heldAt: a.held_at, settledAt: a.settled_at };
}

/**
 * The rules for one operator, inside the caller's transaction (the CA loaded before it opened):
 * revoke when the dismissal is due (or at once with `revokeNow`, a recorded dismissal revoked on
 * the PSC's notice by the case act); otherwise hold for a long absence, release when it ended.
 */
async function applyRulesIn(app: App, trx: Transaction<Tables>, ca: InstanceCa, operatorId: string, opts: { revokeNow?: boolean; who?: { actor: string; actorIin: string | null } } = {}): Promise<RulesResult> {
  const res: RulesResult = { revoked: [], held: [], released: [] };
  const o = await lockOperator(app, trx, operatorId);
  if (!o) return res;
  const now = app.now();
  const nowIso = now.toISOString();
  const who = opts.who ?? { actor: RULES_ACTOR, actorIin: o.iin };
  const certs = await trx
    .selectFrom('nca_operator_certificates as c')
    .innerJoin('certificates as k', 'k.serial', 'c.serial')
    .select(['c.serial', 'c.held_by_absence', 'k.status', 'k.revocation_reason', 'k.not_after'])
    .where('c.operator_id', '=', o.id)
    .orderBy('c.serial')
    .execute();
  const onHold = (c: (typeof certs)[number]) => c.status === 'revoked' && c.revocation_reason === 'certificateHold';
  const open = await trx.selectFrom('nca_operator_absences').selectAll().where('operator_id', '=', o.id).where('settled_at', 'is', null).orderBy('from_date').execute();

  if (o.dismissal_date && (opts.revokeNow || now.getTime() >= revokeFromOf(o.dismissal_date).getTime())) {
    for (const c of certs) {
      if (c.status !== 'good' && !onHold(c)) continue;
      await revokeIn(app, trx, ca, c.serial, DISMISSAL_REASON, who);
      res.revoked.push(c.serial);
    }
    if (certs.length) await trx.updateTable('nca_operator_certificates').set({ held_by_absence: null }).where('operator_id', '=', o.id).execute();
    for (const a of open) await trx.updateTable('nca_operator_absences').set({ settled_at: nowIso }).where('id', '=', a.id).execute();
    return res;
  }
  for (const a of open) {
    const ended = a.to_date !== null && now.getTime() >= startOfLocalDate(a.to_date, 1).getTime();
    if (ended) {
      if (a.held_at) {
        for (const c of certs) {
          if (c.held_by_absence !== a.id || !onHold(c)) continue;
          await revokeIn(app, trx, ca, c.serial, 'removeFromCRL', who);
          res.released.push(c.serial);
        }
        await trx.updateTable('nca_operator_certificates').set({ held_by_absence: null }).where('held_by_absence', '=', a.id).execute();
      }
      await trx.updateTable('nca_operator_absences').set({ settled_at: nowIso }).where('id', '=', a.id).execute();
      continue;
    }
    if (!a.held_at && now.getTime() >= holdFromOf(a).getTime()) {
      for (const c of certs) {
        if (c.status !== 'good' || c.not_after <= nowIso) continue;
        await revokeIn(app, trx, ca, c.serial, 'certificateHold', who);
        await trx.updateTable('nca_operator_certificates').set({ held_by_absence: a.id }).where('serial', '=', c.serial).execute();
        res.held.push(c.serial);
      }
      await trx.updateTable('nca_operator_absences').set({ held_at: nowIso }).where('id', '=', a.id).execute();
    }
  }
  return res;
}

/**
 * The scheduled work (run with the other jobs, src/app/jobs.ts): revokes the certificates of
 * operators whose dismissal is due, holds those of operators absent more than 15 days, releases
 * them when the absence has ended. Each operator in its own transaction under its row lock, so
 * every server process may run it at once.
 */
export async function applyOperatorRules(app: App, opts: { operatorId?: string } = {}): Promise<RulesResult & { operators: number }> {
  const db = app.store.db;
  let ids: string[];
  if (opts.operatorId) ids = [opts.operatorId];
  else {
    // Due: dismissal date − 2 ≤ today, i.e. dismissal date ≤ today + 2.
    const cutoff = dayToIso(localDay(app.now()) + REVOKE_DAYS_BEFORE_DISMISSAL);
    const dismissed = await db
      .selectFrom('nca_operator_certificates as c')
      .innerJoin('certificates as k', 'k.serial', 'c.serial')
      .innerJoin('nca_operators as o', 'o.id', 'c.operator_id')
      .select('c.operator_id')
      .distinct()
      .where('o.dismissal_date', 'is not', null)
      .where('o.dismissal_date', '<=', cutoff)
      .where((eb) => eb.or([eb('k.status', '=', 'good'), eb('k.revocation_reason', '=', 'certificateHold')]))
      .execute();
    const absent = await db.selectFrom('nca_operator_absences').select('operator_id').distinct().where('settled_at', 'is', null).execute();
    ids = [...new Set([...dismissed, ...absent].map((r) => r.operator_id))];
  }
  const total: RulesResult & { operators: number } = { revoked: [], held: [], released: [], operators: ids.length };
  if (ids.length === 0) return total;
  const ca = await instanceCa(app);
  for (const id of ids) {
    const r = await db.transaction().execute((trx) => applyRulesIn(app, trx, ca, id));
    total.revoked.push(...r.revoked);
    total.held.push(...r.held);
    total.released.push(...r.released);
  }
  return total;
}
