// Whether a certificate is an NCA operator's whose holder has been dismissed (seed 004 p.15(1)):
// such a certificate is refused from the first moment of the dismissal date (Asia/Almaty) even if
// nobody revoked it. One primary-key lookup, sent as precompiled SQL like the revocation status
// (it runs on every signature verified); no cache, so several server processes never disagree.
// Kept apart from ca-operators.ts so that signing.ts can import it without a cycle.
import { CompiledQuery } from 'kysely';
import { instantOf, isoToDay } from '../core/time.ts';
import type { App } from './context.ts';

export interface OperatorDismissal {
  operatorId: string;
  iin: string;
  bin: string;
  orderNumber: string;
  dismissalDate: string;
  /** The first moment the holder is no longer an operator: 00:00 Almaty of the dismissal date. */
  from: Date;
}

const SQL =
  'select o.id, o.iin, o.bin, o.order_number, o.dismissal_date from nca_operator_certificates c join nca_operators o on o.id = c.operator_id where c.serial = ';

/** The start (00:00 Asia/Almaty) of a local date `YYYY-MM-DD`, plus `days`. */
export function startOfLocalDate(iso: string, days = 0): Date {
  return instantOf(isoToDay(iso) + days, 0);
}

/** The dismissal of the holder of operator certificate `serial`, when one is recorded. */
export async function operatorDismissalOf(app: Pick<App, 'store'>, serial: string): Promise<OperatorDismissal | undefined> {
  const sqlText = SQL + (app.store.engine === 'postgres' ? '$1' : '?');
  const { rows } = await app.store.db.executeQuery<{ id: string; iin: string; bin: string; order_number: string; dismissal_date: string | null }>(CompiledQuery.raw(sqlText, [serial]));
  const r = rows[0];
  if (!r || !r.dismissal_date) return undefined;
  return dismissalOf({ ...r, dismissal_date: r.dismissal_date });
}

export function dismissalOf(r: { id: string; iin: string; bin: string; order_number: string; dismissal_date: string }): OperatorDismissal {
  return { operatorId: r.id, iin: r.iin, bin: r.bin, orderNumber: r.order_number, dismissalDate: r.dismissal_date, from: startOfLocalDate(r.dismissal_date) };
}

/**
 * The revocation hook reads the dismissal together with the status (one look-up) and leaves it
 * here, keyed by the very certificate object the verification returns as its signer. Each
 * verification runs the hook before its caller asks, so what is found is at least as fresh as that
 * verification's own status read.
 */
const seenWithStatus = new WeakMap<object, OperatorDismissal | null>();
export function noteDismissal(cert: object, d: OperatorDismissal | null): void {
  seenWithStatus.set(cert, d);
}

/** The dismissal that forbids using certificate `serial` at `at`, if any. */
export async function dismissedAt(app: Pick<App, 'store'>, serial: string, at: Date, cert?: object): Promise<OperatorDismissal | undefined> {
  const noted = cert ? seenWithStatus.get(cert) : undefined;
  const d = noted !== undefined ? (noted ?? undefined) : await operatorDismissalOf(app, serial);
  return d && at.getTime() >= d.from.getTime() ? d : undefined;
}

export function dismissedMessage(serial: string, d: OperatorDismissal): string {
  return `certificate ${serial} is an NCA operator certificate (order ${d.orderNumber}) of IIN ${d.iin}, dismissed on ${d.dismissalDate}: an operator certificate may not be used after its holder's dismissal (seed 004 p.15(1))`;
}
