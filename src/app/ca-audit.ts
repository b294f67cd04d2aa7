// The CA's audit log: every use of a CA private key (a certificate issued, a CRL signed, an OCSP
// responder certificate issued) and every change of a certificate's status, hash-chained so that
// removing or editing an entry breaks every later hash. Appended inside the transaction of the
// operation it records, so an operation and its entry commit or vanish together.
import type { Kysely } from 'kysely';
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import type { Tables } from '../store/tables.ts';
import type { App } from './context.ts';

export type CaAction =
  | 'issue'
  | 'reissue'
  | 'revoke'
  | 'release_hold'
  | 'crl_sign'
  | 'ocsp_responder_issue'
  // The personnel events of NCA operators that decide their certificates' status (ca-operators.ts).
  | 'operator_appoint'
  | 'operator_dismissal'
  | 'operator_absence';

export interface CaAuditInput {
  at: string;
  actor: string;
  actorIin?: string | null;
  action: CaAction;
  serial?: string | null;
  detail?: Record<string, unknown>;
}

export interface CaAuditEntry extends Required<Omit<CaAuditInput, 'detail'>> {
  seq: number;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const SEQ_COUNTER = 'pki.audit_seq';

function entryHash(prevHash: string, e: { seq: number; at: string; actor: string; actorIin: string | null; action: string; serial: string | null; detail: Record<string, unknown> }): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, actorIin: e.actorIin, action: e.action, serial: e.serial, detail: e.detail })}`);
}

/** Appends one entry; `db` must be the transaction of the operation being recorded. */
export async function appendCaAudit(db: Kysely<Tables>, input: CaAuditInput): Promise<CaAuditEntry> {
  // The upsert takes the counter row's lock until commit (PostgreSQL); SQLite's writer lock does the same.
  const counter = await db
    .insertInto('counters')
    .values({ name: SEQ_COUNTER, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  const seq = Number(counter.value);
  const prev = seq > 1 ? await db.selectFrom('ca_audit').select('hash').where('seq', '=', seq - 1).executeTakeFirst() : undefined;
  if (seq > 1 && !prev) throw new Error(`CA audit log: entry ${seq - 1} is missing`);
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const e = { seq, at: input.at, actor: input.actor, actorIin: input.actorIin ?? null, action: input.action, serial: input.serial ?? null, detail: input.detail ?? {} };
  const hash = entryHash(prevHash, e);
  await db
    .insertInto('ca_audit')
    .values({ seq, at: e.at, actor: e.actor, actor_iin: e.actorIin, action: e.action, serial: e.serial, detail: JSON.stringify(e.detail), prev_hash: prevHash, hash })
    .execute();
  return { ...e, prevHash, hash };
}

export async function caAuditEntries(app: App, opts: { serial?: string } = {}): Promise<CaAuditEntry[]> {
  let q = app.store.db.selectFrom('ca_audit').selectAll().orderBy('seq');
  if (opts.serial) q = q.where('serial', '=', opts.serial);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    actorIin: r.actor_iin,
    action: r.action as CaAction,
    serial: r.serial,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Recomputes the chain: null when intact, else the first sequence number that does not verify. */
export async function verifyCaAudit(app: App): Promise<{ entries: number; intact: boolean; brokenAt: number | null }> {
  const entries = await caAuditEntries(app);
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.seq !== i + 1 || e.prevHash !== prevHash || entryHash(prevHash, e) !== e.hash) return { entries: entries.length, intact: false, brokenAt: e.seq };
    prevHash = e.hash;
  }
  return { entries: entries.length, intact: true, brokenAt: null };
}
