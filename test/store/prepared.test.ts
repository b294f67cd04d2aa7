// Reused compiled queries: the arguments land where the builder put p(i), whatever order the
// dialect lists its parameters in, next to constants the builder wrote itself; both engines.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { prepared } from '../../src/store/prepared.ts';
import { eachEngine, storeFor } from '../support/app.ts';

describe('prepared', () => {
  eachEngine('arguments go to their places on every reuse', async (t, engine) => {
    const store = await storeFor(t, engine);
    const db = store.db as unknown as Kysely<any>;
    await sql`create table probe (id text primary key, kind text not null, n integer not null)`.execute(db);
    await db.insertInto('probe').values([{ id: 'a', kind: 'x', n: 1 }, { id: 'b', kind: 'y', n: 2 }, { id: 'c', kind: 'x', n: 3 }, { id: 'd', kind: 'x', n: 4 }]).execute();
    // The limit is a constant the builder writes; the order of p(1) and p(0) in the text is reversed.
    const q = (kind: string, min: number) =>
      prepared(db, 'probe-by-kind', (d, p) => d.selectFrom('probe').select('id').where('n', '>=', p(1)).where('kind', '=', p(0)).orderBy('id').limit(2), [kind, min]);
    assert.deepEqual((await q('x', 2)).map((r) => r.id), ['c', 'd']);
    assert.deepEqual((await q('y', 0)).map((r) => r.id), ['b']);
    assert.deepEqual((await q('x', 0)).map((r) => r.id), ['a', 'c'], 'the constant limit still applies on reuse');
    assert.deepEqual(await q('z', 0), []);
    // Inside a transaction too.
    const inTrx = await db.transaction().execute((trx) => prepared(trx, 'probe-by-kind', () => { throw new Error('not rebuilt'); }, ['x', 4]));
    assert.deepEqual(inTrx.map((r) => (r as { id: string }).id), ['d']);
  });
});
