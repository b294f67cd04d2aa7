// The issuing CA's CRL: regenerated in the transaction of every revocation (and of every lift of a
// hold), otherwise served from the settings table until half its validity has passed. Each
// regeneration is a use of the CA key and is written to the CA audit log.
import type { Kysely } from 'kysely';
import { buildCrl, type CrlEntry } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';
import type { App } from './context.ts';
import { appendCaAudit } from './ca-audit.ts';
import { instanceCa, type InstanceCa } from './ca-material.ts';

/** A CRL is valid for a day and reissued after twelve hours even without revocations. */
export const CRL_VALIDITY_MS = 24 * 3_600_000;
const CRL_REFRESH_MS = 12 * 3_600_000;
const SETTING = 'pki.crl';

export interface CurrentCrl {
  der: Buffer;
  number: number;
  thisUpdate: string;
  nextUpdate: string;
  entries: number;
}

interface StoredCrl {
  der: string; // base64
  number: number;
  thisUpdate: string;
  nextUpdate: string;
  entries: number;
}

function fromStored(s: StoredCrl): CurrentCrl {
  return { der: Buffer.from(s.der, 'base64'), number: s.number, thisUpdate: s.thisUpdate, nextUpdate: s.nextUpdate, entries: s.entries };
}

/**
 * Signs a new CRL over the table as `db` (the caller's transaction) sees it and stores it. The
 * CA must be loaded by the caller before its transaction opens.
 * Certificates past their notAfter stay listed: a CRL entry may only be dropped after the
 * certificate expires (RFC 5280 §3.3), and keeping it is the conservative choice.
 */
export async function regenerateCrl(app: App, db: Kysely<Tables>, ca: InstanceCa, actor: string): Promise<CurrentCrl> {
  const { issuing } = ca;
  const now = app.now();
  const thisUpdate = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const nextUpdate = new Date(thisUpdate.getTime() + CRL_VALIDITY_MS);
  // The audit entry comes first: it takes the lock every CA write takes (one lock order, no
  // deadlocks), so the revocations read next include every one committed before this CRL. Its
  // sequence number is the CRL number: increasing and never reused.
  const entry = await appendCaAudit(db, { at: now.toISOString(), actor, action: 'crl_sign', detail: { thisUpdate: thisUpdate.toISOString(), nextUpdate: nextUpdate.toISOString() } });
  const number = entry.seq;
  const rows = await db
    .selectFrom('certificates')
    .select(['serial', 'revoked_at', 'revocation_reason'])
    .where('status', '=', 'revoked')
    .execute();
  const entries: CrlEntry[] = rows.map((r) => ({
    serialHex: r.serial,
    revokedAt: new Date(r.revoked_at ?? 0),
    reason: (r.revocation_reason ?? 'unspecified') as CrlEntry['reason'],
  }));
  const der = buildCrl(issuing, { number, thisUpdate, nextUpdate, entries });
  const stored: StoredCrl = { der: der.toString('base64'), number, thisUpdate: thisUpdate.toISOString(), nextUpdate: nextUpdate.toISOString(), entries: entries.length };
  await db
    .insertInto('settings')
    .values({ key: SETTING, value: JSON.stringify(stored) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(stored) }))
    .execute();
  return fromStored(stored);
}

/** The CRL to publish: the stored one while fresh, otherwise a new one. */
export async function currentCrl(app: App): Promise<CurrentCrl> {
  const row = await app.store.db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirst();
  const now = app.now().getTime();
  if (row) {
    const s = JSON.parse(row.value) as StoredCrl;
    const issued = Date.parse(s.thisUpdate);
    if (now >= issued && now - issued < CRL_REFRESH_MS) return fromStored(s);
  }
  // Loaded before the transaction: on SQLite a query outside an open transaction waits for it.
  const ca = await instanceCa(app);
  return app.store.db.transaction().execute((trx) => regenerateCrl(app, trx, ca, 'system:crl-refresh'));
}
