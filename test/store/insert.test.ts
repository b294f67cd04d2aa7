// The hot-path insert reuses SQL text compiled once per table, column list and row count; what it
// writes must be what Kysely's own insert writes, on both engines, and rows that do not share a
// shape must be refused rather than written into the wrong columns.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { isUniqueViolation } from '../../src/store/db.ts';
import { insertRows } from '../../src/store/insert.ts';
import { eachEngine, storeFor } from '../support/app.ts';

describe('insertRows', () => {
  eachEngine('writes what Kysely writes, reusing its text, and refuses rows of different shapes', async (t, engine) => {
    const store = await storeFor(t, engine);
    const db = store.db;
    const row = (id: string, extra: Record<string, unknown> = {}) => ({ name: `probe:${id}`, value: Number(id.replace(/\D/g, '')), ...extra });
    await insertRows(db, 'counters', [row('a1')]);
    await insertRows(db, 'counters', [row('a2'), row('a3')]);
    await db.transaction().execute((trx) => insertRows(trx, 'counters', [row('a4')]));
    // An undefined value is left out, as Kysely leaves it out (the column takes its default).
    await insertRows(db as Kysely<any>, 'counters' as never, [{ name: 'probe:a5', value: 5, ignored: undefined } as never]);
    const got = await db.selectFrom('counters').selectAll().where('name', 'like', 'probe:%').orderBy('name').execute();
    assert.deepEqual(got.map((r) => [r.name, Number(r.value)]), [['probe:a1', 1], ['probe:a2', 2], ['probe:a3', 3], ['probe:a4', 4], ['probe:a5', 5]]);

    await assert.rejects(insertRows(db, 'counters', [row('b1'), { name: 'probe:b2' } as never]), /different columns/);
    await assert.rejects(insertRows(db, 'counters', [row('b3'), { name: 'probe:b4', value: undefined } as never]), /undefined in one row only/);
    const none = await db.selectFrom('counters').select('name').where('name', 'like', 'probe:b%').execute();
    assert.equal(none.length, 0, 'a refused insert writes nothing');
  });
});

describe('insertRows inside a transaction (held back and sent together on PostgreSQL)', () => {
  eachEngine('parent and child rows, a read in between, and a failing insert that fails its transaction', async (t, engine) => {
    const store = await storeFor(t, engine);
    const db = store.db as unknown as Kysely<any>;
    await sql`create table probe_parent (id text primary key, note text not null)`.execute(db);
    await sql`create table probe_child (id text primary key, parent_id text not null references probe_parent(id), n integer not null)`.execute(db);
    const ins = (x: Kysely<any>, table: string, rows: object[]) => insertRows(x as never, table as never, rows as never);

    const seen = await db.transaction().execute(async (trx) => {
      await ins(trx, 'probe_parent', [{ id: 'p1', note: 'first' }]);
      await ins(trx, 'probe_child', [{ id: 'c1', parent_id: 'p1', n: 1 }, { id: 'c2', parent_id: 'p1', n: 2 }]);
      // A read in the same transaction sees what was held back.
      const mid = await trx.selectFrom('probe_child').select('id').orderBy('id').execute();
      await ins(trx, 'probe_parent', [{ id: 'p2', note: 'second' }]);
      await ins(trx, 'probe_child', [{ id: 'c3', parent_id: 'p2', n: 3 }]);
      return mid.map((r) => r.id);
    });
    assert.deepEqual(seen, ['c1', 'c2']);
    const children = await db.selectFrom('probe_child').select(['id', 'parent_id', 'n']).orderBy('id').execute();
    assert.deepEqual(children.map((r) => [r.id, r.parent_id, Number(r.n)]), [['c1', 'p1', 1], ['c2', 'p1', 2], ['c3', 'p2', 3]]);

    // A duplicate key and a child without a parent: each fails its transaction, which writes nothing.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await ins(trx, 'probe_parent', [{ id: 'p3', note: 'would be new' }]);
        await ins(trx, 'probe_parent', [{ id: 'p1', note: 'duplicate' }]);
      }),
      (e: unknown) => isUniqueViolation(e),
    );
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await ins(trx, 'probe_parent', [{ id: 'p4', note: 'would be new' }]);
        await ins(trx, 'probe_child', [{ id: 'c4', parent_id: 'nobody', n: 4 }]);
      }),
      /foreign key|FOREIGN KEY/,
    );
    const parents = await db.selectFrom('probe_parent').select('id').orderBy('id').execute();
    assert.deepEqual(parents.map((r) => r.id), ['p1', 'p2']);
  });
});
