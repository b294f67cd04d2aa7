// The status of a certificate as the certificates table records it: the one source the
// verification hook, the OCSP responder, the CRL and the CLI all read.
import type { Kysely } from 'kysely';
import { isRevocationReason, type RevocationCheck, type RevocationReason } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';
import type { App } from './context.ts';

export interface RecordedStatus {
  serial: string;
  fingerprint: string;
  status: 'good' | 'revoked';
  revokedAt: string | null;
  reason: RevocationReason | null;
}

/** One primary-key lookup (the serial is the table's key). */
export async function recordedStatus(db: Kysely<Tables>, serial: string): Promise<RecordedStatus | undefined> {
  const row = await db
    .selectFrom('certificates')
    .select(['serial', 'fingerprint', 'status', 'revoked_at', 'revocation_reason'])
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    serial: row.serial,
    fingerprint: row.fingerprint,
    status: row.status,
    revokedAt: row.revoked_at,
    reason: isRevocationReason(row.revocation_reason) ? row.revocation_reason : null,
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
    const s = await recordedStatus(app.store.db, cert.serialHex);
    if (!s || s.fingerprint !== cert.fingerprintSha256) return 'unknown';
    return revokedAt(s, at) ? 'revoked' : 'good';
  };
}
