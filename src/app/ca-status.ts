// The status of a certificate as the certificates table records it: the one source the
// verification hook, the OCSP responder, the CRL and the CLI all read.
import { CompiledQuery } from 'kysely';
import { isRevocationReason, type RevocationCheck, type RevocationReason } from '../pki/index.ts';
import type { App } from './context.ts';
import { dismissalOf, noteDismissal, type OperatorDismissal } from './ca-operator-status.ts';

export interface RecordedStatus {
  serial: string;
  fingerprint: string;
  status: 'good' | 'revoked';
  revokedAt: string | null;
  reason: RevocationReason | null;
  /** Set when the certificate is an NCA operator's whose holder's dismissal is recorded. */
  dismissal?: OperatorDismissal;
}

// The holder's dismissal, when the certificate is an NCA operator's, comes with the status: every
// signature check needs both, and on PostgreSQL a second look-up is a second round trip.
const STATUS_SQL =
  'select c.serial, c.fingerprint, c.status, c.revoked_at, c.revocation_reason, o.id as operator_id, o.iin as operator_iin, o.bin as operator_bin, o.order_number, o.dismissal_date' +
  ' from certificates c left join nca_operator_certificates oc on oc.serial = c.serial left join nca_operators o on o.id = oc.operator_id where c.serial = ';

interface StatusRow {
  serial: string;
  fingerprint: string;
  status: 'good' | 'revoked';
  revoked_at: string | null;
  revocation_reason: string | null;
  operator_id: string | null;
  operator_iin: string | null;
  operator_bin: string | null;
  order_number: string | null;
  dismissal_date: string | null;
}

/**
 * One primary-key lookup (the serial is the table's key). It runs on every signature verified
 * and every OCSP request, so it is sent as precompiled SQL rather than built by the query builder
 * each time (the same statement on both engines but for the placeholder).
 */
export async function recordedStatus(app: Pick<App, 'store'>, serial: string): Promise<RecordedStatus | undefined> {
  const sqlText = STATUS_SQL + (app.store.engine === 'postgres' ? '$1' : '?');
  const { rows } = await app.store.db.executeQuery<StatusRow>(CompiledQuery.raw(sqlText, [serial]));
  const row = rows[0];
  if (!row) return undefined;
  return {
    serial: row.serial,
    fingerprint: row.fingerprint,
    status: row.status,
    revokedAt: row.revoked_at,
    reason: isRevocationReason(row.revocation_reason) ? row.revocation_reason : null,
    ...(row.operator_id && row.dismissal_date
      ? { dismissal: dismissalOf({ id: row.operator_id, iin: row.operator_iin!, bin: row.operator_bin!, order_number: row.order_number!, dismissal_date: row.dismissal_date }) }
      : {}),
  };
}

/** Revoked (or on hold) at `at`: the revocation was recorded at or before that moment. */
export function revokedAt(s: Pick<RecordedStatus, 'status' | 'revokedAt'>, at: Date): boolean {
  return s.status === 'revoked' && s.revokedAt !== null && s.revokedAt <= at.toISOString();
}

/**
 * The TrustStore revocation hook of an instance. A certificate the table does not know (or one
 * whose fingerprint differs from the recorded one) is 'unknown', which verification treats as
 * status_unavailable: nothing is 'good' that this CA did not record as issued. A certificate
 * revoked after `at` was good at `at`, so a signature made before a revocation still verifies
 * when judged at its own time.
 */
export function revocationFromTable(app: App): RevocationCheck {
  return async (cert, at) => {
    const s = await recordedStatus(app, cert.serialHex);
    noteDismissal(cert, s?.dismissal ?? null);
    if (!s || s.fingerprint !== cert.fingerprintSha256) return 'unknown';
    return revokedAt(s, at) ? 'revoked' : 'good';
  };
}
