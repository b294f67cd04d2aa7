// The hot-path insert reuses SQL text compiled once per table, column list and row count; what it
// writes must be what Kysely's own insert writes, on both engines, and rows that do not share a
// shape must be refused rather than written into the wrong columns.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openStore } from '../../src/store/db.ts';
import { insertRows } from '../../src/store/insert.ts';
import { eachEngine, PG_URL } from '../support/app.ts';

describe('insertRows', () => {
  eachEngine('writes what Kysely writes, reusing its text, and refuses rows of different shapes', async (t, engine) => {
    const schema = engine === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
    const store = await openStore({ url: engine === 'postgres' ? PG_URL! : ':memory:', ...(schema ? { schema } : {}) });
    t.after(async () => {
      if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    });
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
