// The embedded engine's group commit: commands that arrive together share one physical COMMIT,
// yet each is atomic on its own and is acknowledged only once it is durable. A second SQLite
// connection on the same file plays another process: it sees only what is committed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { openStore, type Store } from '../../src/store/db.ts';

describe('SQLite group commit', () => {
  let dir: string;
  let store: Store;
  let db: Kysely<any>;
  let other: Database.Database;
  const committed = (id: string) => other.prepare('select count(*) as n from gc_probe where id = ?').get(id) as { n: number };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qyzmet-gc-'));
    store = await openStore({ url: join(dir, 'db.sqlite') });
    db = store.db as unknown as Kysely<any>;
    await sql`create table gc_probe (id text primary key, note text not null)`.execute(db);
    other = new Database(join(dir, 'db.sqlite'), { readonly: true });
  });
  after(async () => {
    other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('concurrent commands share commits, and each is durable when it is acknowledged', async () => {
    const before = store.commitStats!();
    const seenAtAck: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute(async (trx) => {
            await trx.insertInto('gc_probe').values({ id: `a${i}`, note: 'x' }).execute();
            return `a${i}`;
          })
          .then((id) => seenAtAck.push(committed(id).n)),
      ),
    );
    assert.deepEqual(seenAtAck, Array(20).fill(1), 'another connection sees every command the moment it is acknowledged');
    const s = store.commitStats!();
    assert.equal(s.commands - before.commands, 20);
    assert.ok(s.batches - before.batches < 20, `20 commands in ${s.batches - before.batches} commits`);
  });

  test('a failing command rolls back alone; the rest of its batch is saved', async () => {
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => trx.insertInto('gc_probe').values({ id: 'b1', note: 'ok' }).execute()),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('gc_probe').values({ id: 'b2', note: 'half done' }).execute();
        throw new Error('rule broken after the first write');
      }),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('gc_probe').values({ id: 'b3', note: 'duplicate follows' }).execute();
        await trx.insertInto('gc_probe').values({ id: 'b1', note: 'clash' }).execute();
      }),
      db.transaction().execute((trx) => trx.insertInto('gc_probe').values({ id: 'b4', note: 'ok' }).execute()),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    assert.match(String((results[2] as PromiseRejectedResult).reason), /UNIQUE/);
    assert.deepEqual(['b1', 'b2', 'b3', 'b4'].map((id) => committed(id).n), [1, 0, 0, 1]);
    const b1 = other.prepare('select note from gc_probe where id = ?').get('b1') as { note: string };
    assert.equal(b1.note, 'ok', 'the clashing command changed nothing');
  });

  test('a write outside a transaction that joins an open batch waits for its commit', async () => {
    const tx = db.transaction().execute((trx) => trx.insertInto('gc_probe').values({ id: 'c1', note: 'in a transaction' }).execute());
    const plain = db.insertInto('gc_probe').values({ id: 'c2', note: 'autocommit' }).execute().then(() => committed('c2').n);
    const [, seen] = await Promise.all([tx, plain]);
    assert.equal(seen, 1);
  });

  test('a transaction inside a held connection (as the migrator runs) commits when the connection is released', async () => {
    const seen = await db
      .connection()
      .execute(async (c) => {
        await c.transaction().execute((trx) => trx.insertInto('gc_probe').values({ id: 'd1', note: 'nested' }).execute());
        // Still holding the connection: the batch cannot have committed yet, but we read our write.
        const mine = await c.selectFrom('gc_probe').select('id').where('id', '=', 'd1').execute();
        return { mine: mine.length, outside: committed('d1').n };
      })
      .then((r) => ({ ...r, afterRelease: committed('d1').n }));
    assert.deepEqual(seen, { mine: 1, outside: 0, afterRelease: 1 });
  });

  test('a batch never grows past its bound while commands keep arriving', async () => {
    const before = store.commitStats!();
    await Promise.all(Array.from({ length: 200 }, (_, i) => db.transaction().execute((trx) => trx.insertInto('gc_probe').values({ id: `e${i}`, note: 'x' }).execute())));
    const s = store.commitStats!();
    assert.equal(s.commands - before.commands, 200);
    assert.ok(s.batches - before.batches < 200, 'they were batched');
    assert.ok(s.largest <= 64, `the largest batch carried ${s.largest} commands`);
    assert.equal((other.prepare("select count(*) as n from gc_probe where id like 'e%'").get() as { n: number }).n, 200);
  });
});
