// Queries that run on every request (the session behind a token, an idempotency record, a state
// database record) are built with Kysely once and then reused as compiled text: building and
// compiling the tree costs as much as the primary-key look-up it describes. The builder receives
// `p(i)` for the i-th argument; compiling it once with markers in those places tells where each
// argument goes among the compiled parameters, whatever order the dialect puts them in.
import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
type Slot = { arg: number } | { value: unknown };

const MARK = '\u0000qyzmet-arg:';
const compiled = new WeakMap<object, Map<string, { sql: string; slots: Slot[] }>>();

/**
 * Runs the query `build` describes with `args` in the places of `p(0)`, `p(1)`, …. `name` must
 * identify the query's shape (one name, one builder).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function prepared<DB, R>(db: Kysely<DB> | Transaction<DB>, name: string, build: (db: Kysely<DB>, p: (i: number) => any) => Compilable<R>, args: readonly unknown[]): Promise<R[]> {
  const adapter = db.getExecutor().adapter;
  let byName = compiled.get(adapter);
  if (!byName) compiled.set(adapter, (byName = new Map()));
  let q = byName.get(name);
  if (!q) {
    const c = build(db as Kysely<DB>, (i) => `${MARK}${i}`).compile();
    const slots: Slot[] = c.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? { arg: Number(v.slice(MARK.length)) } : { value: v }));
    q = { sql: c.sql, slots };
    byName.set(name, q);
  }
  const parameters = q.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
  const r = await db.executeQuery<R>(CompiledQuery.raw(q.sql, parameters));
  return r.rows;
}
