// Registries of results: every result a service issues goes into the registry its definition
// names (`result.registry`: licences, conclusions, certificates…), one generic table for all of
// them. An entry records who holds the result, who issued it and when, the SHA-256 of the issued
// document, and its status: valid, reissued (superseded by a re-issue or a duplicate, which names
// it as predecessor), revoked or suspended.
//
// Search: by number (primary key), by BIN or IIN (indexed per registry), or by words of the
// holder's name: each word is a row of `registry_terms`, and a query word is a prefix range on
// that index ("C"/BINARY collation, so the range is byte-wise on both engines).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Engine } from '../../store/db.ts';
import type { RegistryEntriesTable, Tables } from '../../store/tables.ts';

type Db = Kysely<Tables> | Transaction<Tables>;

export type EntryStatus = RegistryEntriesTable['status'];
export const ENTRY_STATUSES: readonly EntryStatus[] = ['valid', 'reissued', 'revoked', 'suspended'];

/** Result numbers the platform issues: PREFIX-YYYY-NNNNNN (src/app/cases.ts, runToRest). */
export const RESULT_NUMBER = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{4}-\d{6,}$/;
export const REGISTRY_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const FIND_NUMBER = /[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{4}-\d{6,}/;

/** Words that say what kind of organisation it is, not which: not indexed, ignored in queries. */
const STOP = new Set(['тоо', 'ао', 'ип', 'зао', 'оао', 'пк', 'гу', 'ргп', 'ргу', 'кгп', 'жшс', 'аақ', 'акқ', 'жк', 'мм', 'ршк', 'too', 'llp', 'jsc', 'llc', 'ie', 'ltd', 'на', 'пхв', 'the', 'and', 'и', 'және']);
const MAX_TERMS = 16;
const MAX_TERM = 64;

/** Lower case, ё→е, quotes and punctuation to spaces, single spaces. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'`’.,;:!?()\[\]{}\\/|<>*&#№+=_~^-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The indexed words of a name (distinct, at least 2 characters, no legal-form words). */
export function termsOf(name: string): string[] {
  const out = new Set<string>();
  for (const w of normalizeName(name).split(' ')) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w.slice(0, MAX_TERM));
    if (out.size >= MAX_TERMS) break;
  }
  return [...out];
}

/** A number of ours inside an applicant's free-text reference ("KNB-CIPM-2026-000001 от 24.11.2026"). */
export function numberIn(reference: string): string | null {
  return FIND_NUMBER.exec(reference.toUpperCase())?.[0] ?? null;
}

export interface NewEntry {
  number: string;
  registry: string;
  serviceId: string;
  version: string;
  subcase: string;
  caseId: string | null;
  holder: { kind: string; iin: string; bin: string | null; name: string };
  issuer: { id: string; name: unknown };
  issuedAt: string;
  sha256: string;
  /** The result this one supersedes (re-issue, duplicate), as the applicant referred to it. */
  predecessorRef?: string | null;
}

export interface RecordOutcome {
  predecessor: { number: string; superseded: boolean; reason?: string } | null;
}

/**
 * Records an issued result. A predecessor of ours that is valid, in the same registry and held by
 * the same holder is marked `reissued` with this entry as its successor; any other reference is
 * kept as written, and the earlier entry is left alone (nobody supersedes somebody else's result).
 */
export async function recordEntry(db: Db, e: NewEntry): Promise<RecordOutcome> {
  let predecessorNumber: string | null = null;
  let predecessorRef: string | null = null;
  let outcome: RecordOutcome['predecessor'] = null;
  if (e.predecessorRef) {
    predecessorNumber = numberIn(e.predecessorRef);
    if (!predecessorNumber) predecessorRef = e.predecessorRef.slice(0, 300);
  }
  if (predecessorNumber) {
    const prev = await db.selectFrom('registry_entries').selectAll().where('number', '=', predecessorNumber).executeTakeFirst();
    const sameHolder = prev && prev.holder_iin === e.holder.iin && prev.holder_bin === (e.holder.bin ?? '');
    if (!prev) outcome = { number: predecessorNumber, superseded: false, reason: 'not in any registry of this platform' };
    else if (prev.registry !== e.registry) outcome = { number: predecessorNumber, superseded: false, reason: `in registry ${prev.registry}, not ${e.registry}` };
    else if (!sameHolder) outcome = { number: predecessorNumber, superseded: false, reason: 'held by somebody else' };
    else if (prev.status !== 'valid') outcome = { number: predecessorNumber, superseded: false, reason: `already ${prev.status}` };
    else {
      await db
        .updateTable('registry_entries')
        .set({ status: 'reissued', status_at: e.issuedAt, status_reason: `superseded by ${e.number} (${e.subcase})`, successor_number: e.number })
        .where('number', '=', predecessorNumber)
        .where('status', '=', 'valid')
        .execute();
      outcome = { number: predecessorNumber, superseded: true };
    }
    if (!outcome.superseded) predecessorRef = e.predecessorRef!.slice(0, 300);
  }
  await db
    .insertInto('registry_entries')
    .values({
      number: e.number,
      registry: e.registry,
      service_id: e.serviceId,
      version: e.version,
      subcase: e.subcase,
      case_id: e.caseId,
      holder_kind: e.holder.kind,
      holder_iin: e.holder.iin,
      holder_bin: e.holder.bin ?? '',
      holder_name: e.holder.name,
      issuer_id: e.issuer.id,
      issuer_name: JSON.stringify(e.issuer.name),
      status: 'valid',
      status_at: e.issuedAt,
      status_reason: null,
      predecessor_number: predecessorNumber,
      predecessor_ref: predecessorRef,
      successor_number: null,
      issued_at: e.issuedAt,
      sha256: e.sha256,
    })
    .execute();
  const terms = termsOf(e.holder.name);
  if (terms.length) await db.insertInto('registry_terms').values(terms.map((term) => ({ registry: e.registry, term, number: e.number }))).execute();
  return { predecessor: outcome };
}

/** Changes an entry's status (revocation, suspension, reinstatement); returns the entry or undefined. */
export async function setStatus(db: Db, number: string, status: EntryStatus, reason: string, at: string) {
  const r = await db.updateTable('registry_entries').set({ status, status_at: at, status_reason: reason }).where('number', '=', number).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return undefined;
  return db.selectFrom('registry_entries').selectAll().where('number', '=', number).executeTakeFirst();
}

export interface SearchQuery {
  registry: string;
  number?: string;
  bin?: string;
  iin?: string;
  /** Words of the holder's name; each must begin a word of the name. */
  name?: string;
  limit: number;
  offset: number;
}

/** Prefix range [p, p + U+FFFF): the words that begin with p, byte-wise. */
function prefixRange(p: string): [string, string] {
  return [p, `${p}\uffff`];
}

export async function searchEntries(db: Db, q: SearchQuery): Promise<RegistryEntriesTable[]> {
  if (q.number) {
    const r = await db.selectFrom('registry_entries').selectAll().where('number', '=', q.number).where('registry', '=', q.registry).executeTakeFirst();
    return r && (!q.bin || r.holder_bin === q.bin) && (!q.iin || r.holder_iin === q.iin) ? [r] : [];
  }
  if (q.name !== undefined) {
    const words = [...new Set(normalizeName(q.name).split(' ').filter((w) => w.length >= 2 && !STOP.has(w)).map((w) => w.slice(0, MAX_TERM)))];
    if (words.length === 0) return [];
    // The longest word is usually the rarest: it drives the index range; the others filter.
    words.sort((a, b) => b.length - a.length);
    const [lead, ...rest] = words;
    const [lo, hi] = prefixRange(lead!);
    let query = db
      .selectFrom('registry_terms as t')
      .innerJoin('registry_entries as e', 'e.number', 't.number')
      .selectAll('e')
      .where('t.registry', '=', q.registry)
      .where('t.term', '>=', lo)
      .where('t.term', '<', hi);
    for (const w of rest) {
      const [a, b] = prefixRange(w);
      query = query.where((eb) =>
        // By the candidate's number (its few words), before its entry is read; numbers are unique across registries.
        eb.exists(eb.selectFrom('registry_terms as u').select(sql.lit(1).as('one')).whereRef('u.number', '=', 't.number').where('u.term', '>=', a).where('u.term', '<', b)),
      );
    }
    if (q.bin) query = query.where('e.holder_bin', '=', q.bin);
    if (q.iin) query = query.where('e.holder_iin', '=', q.iin);
    // Ordered along the index so the first page stops early; an entry two of whose words match the
    // lead prefix appears once (distinct numbers below).
    const rows = await query.orderBy('t.term').orderBy('t.number').limit(q.limit * 2 + q.offset).execute();
    const seen = new Set<string>();
    const out: RegistryEntriesTable[] = [];
    for (const r of rows) {
      if (seen.has(r.number)) continue;
      seen.add(r.number);
      out.push(r);
    }
    return out.slice(q.offset, q.offset + q.limit);
  }
  let query = db.selectFrom('registry_entries').selectAll().where('registry', '=', q.registry);
  if (q.bin) query = query.where('holder_bin', '=', q.bin);
  if (q.iin) query = query.where('holder_iin', '=', q.iin);
  return query.orderBy('issued_at', 'desc').orderBy('number', 'desc').limit(q.limit).offset(q.offset).execute();
}

export async function findEntry(db: Db, number: string): Promise<RegistryEntriesTable | undefined> {
  return db.selectFrom('registry_entries').selectAll().where('number', '=', number).executeTakeFirst();
}

/**
 * Bulk load (importing an existing registry, the benchmark): entries and their name terms in
 * large statements — `unnest` of arrays on PostgreSQL, multi-row VALUES on SQLite — in one
 * transaction per call. No predecessor handling: the rows are taken as they are.
 */
export async function bulkInsertEntries(db: Kysely<Tables>, engine: Engine, rows: RegistryEntriesTable[]): Promise<void> {
  const terms: Array<{ registry: string; term: string; number: string }> = [];
  for (const r of rows) for (const term of termsOf(r.holder_name)) terms.push({ registry: r.registry, term, number: r.number });
  await db.transaction().execute(async (trx) => {
    if (engine === 'postgres') {
      const cols = ['number', 'registry', 'service_id', 'version', 'subcase', 'case_id', 'holder_kind', 'holder_iin', 'holder_bin', 'holder_name', 'issuer_id', 'issuer_name', 'status', 'status_at', 'status_reason', 'predecessor_number', 'predecessor_ref', 'successor_number', 'issued_at', 'sha256'] as const;
      const arrays = cols.map((c) => rows.map((r) => r[c]));
      await sql`insert into registry_entries (${sql.join(cols.map((c) => sql.id(c)))}) select * from unnest(${sql.join(arrays.map((a) => sql`${a}::text[]`))})`.execute(trx);
      await sql`insert into registry_terms (registry, term, number) select * from unnest(${terms.map((t) => t.registry)}::text[], ${terms.map((t) => t.term)}::text[], ${terms.map((t) => t.number)}::text[])`.execute(trx);
      return;
    }
    // SQLite: at most 32766 bound parameters per statement.
    const ROWS = 1500;
    for (let i = 0; i < rows.length; i += ROWS) await trx.insertInto('registry_entries').values(rows.slice(i, i + ROWS)).execute();
    const TERMS = 10000;
    for (let i = 0; i < terms.length; i += TERMS) await trx.insertInto('registry_terms').values(terms.slice(i, i + TERMS)).execute();
  });
}
