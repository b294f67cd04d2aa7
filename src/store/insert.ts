// Inserts on the hot path (a submission writes five tables) without rebuilding Kysely's query tree
// each time: building and compiling an INSERT costs about as much as SQLite running it. The SQL
// text is compiled by Kysely once per table, column list and row count (so each engine gets its own
// placeholders and quoting) and reused with the new values; the statement cache under the SQLite
// driver then finds the prepared statement by that same text.
import { CompiledQuery, PostgresAdapter, type Kysely, type Transaction } from 'kysely';
import { DEFERRABLE } from './pg-deferred-inserts.ts';
import type { Tables } from './tables.ts';

type Db = Kysely<Tables> | Transaction<Tables>;
type Row<T extends keyof Tables> = { [K in keyof Tables[T]]?: Tables[T][K] };

const texts = new WeakMap<object, Map<string, string>>();

/**
 * Inserts rows that all have the same keys (as object literals written in one place do). Keys whose
 * value is undefined are left out, as Kysely leaves them out.
 */
export async function insertRows<T extends keyof Tables & string>(db: Db, table: T, rows: Row<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((k) => (rows[0] as Record<string, unknown>)[k] !== undefined);
  const key = `${table}\u0000${rows.length}\u0000${columns.join(',')}`;
  // The compiled text depends on the dialect only; all transactions of one database share it.
  const owner = db.getExecutor().adapter;
  let byKey = texts.get(owner);
  if (!byKey) texts.set(owner, (byKey = new Map()));
  let text = byKey.get(key);
  const parameters: unknown[] = [];
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    if (Object.keys(rec).length !== Object.keys(rows[0]!).length) throw new Error(`insertRows(${table}): rows with different columns`);
    for (const c of columns) {
      const v = rec[c];
      if (v === undefined) throw new Error(`insertRows(${table}): column ${c} is undefined in one row only`);
      parameters.push(v);
    }
  }
  if (!text) {
    const compiled = (db as Kysely<Tables>).insertInto(table).values(rows as never).compile();
    // Kysely lists a row's values in column order; anything else (a plugin rewriting values) and
    // the cached text would not fit these parameters.
    if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, i) => p !== parameters[i])) {
      throw new Error(`insertRows(${table}): compiled parameters differ from the row values`);
    }
    text = compiled.sql;
    if (byKey.size < 200) byKey.set(key, text);
  }
  // On PostgreSQL, inside a transaction, the insert may travel with the transaction's next statement.
  await db.executeQuery(CompiledQuery.raw(db.isTransaction && owner instanceof PostgresAdapter ? DEFERRABLE + text : text, parameters));
}
