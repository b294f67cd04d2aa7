// The issuing CA's CRLs: a complete CRL and a delta CRL (RFC 5280 §5.2.4), both regenerated in
// the transaction of every revocation (and of every lift of a hold), otherwise served from the
// settings table until half their validity has passed. Each signature is a use of the CA key and
// is written to the CA audit log.
//
// The delta's base. Every complete CRL is re-signed on every revocation, so a delta CRL whose base
// were the latest complete CRL would always be empty. The base is instead the complete CRL that
// opened the current base period (BASE_PERIOD_MS): the delta lists every change since that one,
// and a relying party may apply it to any complete CRL numbered at or above it (RFC 5280 §5.2.4),
// so it keeps its complete CRL for its whole validity and fetches only the small delta.
// "What changed since the base" is read from the CA audit log: CRL numbers are the audit log's
// sequence numbers, so `revoke` and `release_hold` entries after the base's number are exactly the
// changes the base does not show.
import type { Kysely } from 'kysely';
import { buildCrl, type CrlEntry } from '../pki/index.ts';
import type { RevocationReason } from '../pki/revocation.ts';
import type { Tables } from '../store/tables.ts';
import type { App } from './context.ts';
import { appendCaAudit } from './ca-audit.ts';
import { instanceCa, pkiUrls, type InstanceCa } from './ca-material.ts';

/** A CRL is valid for a day and reissued after twelve hours even without revocations. */
export const CRL_VALIDITY_MS = 24 * 3_600_000;
const CRL_REFRESH_MS = 12 * 3_600_000;
/** A new base for the delta CRLs at most every twelve hours (so a delta covers at most that). */
export const BASE_PERIOD_MS = 12 * 3_600_000;
const SETTING = 'pki.crl';
const DELTA_SETTING = 'pki.crl.delta';

export interface CurrentCrl {
  der: Buffer;
  number: number;
  thisUpdate: string;
  nextUpdate: string;
  entries: number;
  /** The CRL number of the base the current delta CRLs name (this CRL's number when it is the base). */
  base: number;
}

export interface CurrentDeltaCrl {
  der: Buffer;
  number: number;
  /** The Delta CRL Indicator: the number of the complete CRL this delta updates. */
  base: number;
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
  /** Absent in CRLs stored before delta CRLs existed. */
  base?: number;
  baseThisUpdate?: string;
}

interface StoredDelta {
  der: string; // base64
  number: number;
  base: number;
  thisUpdate: string;
  nextUpdate: string;
  entries: number;
}

function fromStored(s: StoredCrl): CurrentCrl {
  return { der: Buffer.from(s.der, 'base64'), number: s.number, thisUpdate: s.thisUpdate, nextUpdate: s.nextUpdate, entries: s.entries, base: s.base ?? s.number };
}

function deltaFromStored(s: StoredDelta): CurrentDeltaCrl {
  return { der: Buffer.from(s.der, 'base64'), number: s.number, base: s.base, thisUpdate: s.thisUpdate, nextUpdate: s.nextUpdate, entries: s.entries };
}

async function store(db: Kysely<Tables>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

/** The URL of the delta CRL, named by the complete CRL's Freshest CRL extension. */
export function deltaCrlUrl(app: App): string {
  return `${pkiUrls(app).crlUrl}/delta`;
}

/**
 * Signs a new complete CRL and a new delta CRL over the table as `db` (the caller's transaction)
 * sees it and stores both. The CA must be loaded by the caller before its transaction opens.
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
  const previousRow = await db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirst();
  const previous = previousRow ? (JSON.parse(previousRow.value) as StoredCrl) : undefined;
  // Keep the base while its period lasts (and while the clock has not gone back past it).
  const baseAge = previous?.base !== undefined && previous.baseThisUpdate ? thisUpdate.getTime() - Date.parse(previous.baseThisUpdate) : -1;
  const keepBase = previous?.base !== undefined && previous.base < number && baseAge >= 0 && baseAge < BASE_PERIOD_MS;
  const base = keepBase ? previous!.base! : number;
  const baseThisUpdate = keepBase ? previous!.baseThisUpdate! : thisUpdate.toISOString();

  const rows = await db
    .selectFrom('certificates')
    .select(['serial', 'revoked_at', 'revocation_reason'])
    .where('status', '=', 'revoked')
    .execute();
  const entries: CrlEntry[] = rows.map((r) => ({
    serialHex: r.serial,
    revokedAt: new Date(r.revoked_at ?? 0),
    reason: (r.revocation_reason ?? 'unspecified') as RevocationReason,
  }));
  const der = buildCrl(issuing, { number, thisUpdate, nextUpdate, entries, freshestCrlUrl: deltaCrlUrl(app) });
  const stored: StoredCrl = { der: der.toString('base64'), number, thisUpdate: thisUpdate.toISOString(), nextUpdate: nextUpdate.toISOString(), entries: entries.length, base, baseThisUpdate };
  await store(db, SETTING, stored);

  // The delta: every certificate whose status changed after the base, as it stands now. A
  // certificate revoked (or held, or a hold made permanent) is listed with its entry; one whose
  // hold was lifted is listed as removeFromCRL, dated by the lift (§5.3.1: it may be on hold in
  // the base or in any CRL issued since). A hold placed and lifted after the base is listed as
  // removeFromCRL too: harmless for a client that never saw the hold, needed by one that did.
  const deltaEntry = await appendCaAudit(db, { at: now.toISOString(), actor, action: 'crl_sign', detail: { thisUpdate: thisUpdate.toISOString(), nextUpdate: nextUpdate.toISOString(), delta: true, base } });
  const changes = await db
    .selectFrom('ca_audit')
    .select(['serial', 'at'])
    .where('seq', '>', base)
    .where('seq', '<', deltaEntry.seq)
    .where('action', 'in', ['revoke', 'release_hold'])
    .orderBy('seq')
    .execute();
  const revoked = new Map(entries.map((e) => [e.serialHex, e]));
  const changed = new Map<string, CrlEntry>();
  for (const c of changes) {
    if (!c.serial) continue;
    changed.set(c.serial, revoked.get(c.serial) ?? { serialHex: c.serial, revokedAt: new Date(c.at), reason: 'removeFromCRL' });
  }
  const deltaEntries = [...changed.values()];
  const deltaDer = buildCrl(issuing, { number: deltaEntry.seq, thisUpdate, nextUpdate, entries: deltaEntries, deltaBase: base });
  const delta: StoredDelta = { der: deltaDer.toString('base64'), number: deltaEntry.seq, base, thisUpdate: stored.thisUpdate, nextUpdate: stored.nextUpdate, entries: deltaEntries.length };
  await store(db, DELTA_SETTING, delta);
  return fromStored(stored);
}

const fresh = (thisUpdate: string, now: number) => {
  const issued = Date.parse(thisUpdate);
  return now >= issued && now - issued < CRL_REFRESH_MS;
};

async function refresh(app: App): Promise<void> {
  // Loaded before the transaction: on SQLite a query outside an open transaction waits for it.
  const ca = await instanceCa(app);
  await app.store.db.transaction().execute((trx) => regenerateCrl(app, trx, ca, 'system:crl-refresh'));
}

async function read<T>(app: App, key: string): Promise<T | undefined> {
  const row = await app.store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : undefined;
}

/** The complete CRL to publish: the stored one while fresh, otherwise a new one (with a new delta). */
export async function currentCrl(app: App): Promise<CurrentCrl> {
  const s = await read<StoredCrl>(app, SETTING);
  if (s && s.base !== undefined && fresh(s.thisUpdate, app.now().getTime())) return fromStored(s);
  await refresh(app);
  return fromStored((await read<StoredCrl>(app, SETTING))!);
}

/** The delta CRL to publish: the stored one while fresh, otherwise a new one (with a new complete CRL). */
export async function currentDeltaCrl(app: App): Promise<CurrentDeltaCrl> {
  const s = await read<StoredDelta>(app, DELTA_SETTING);
  if (s && fresh(s.thisUpdate, app.now().getTime())) return deltaFromStored(s);
  await refresh(app);
  return deltaFromStored((await read<StoredDelta>(app, DELTA_SETTING))!);
}
