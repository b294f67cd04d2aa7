// The WAL is copied back into the database file by the background thread, not by the writer: after
// a few megabytes of commits (far below the writer's own ~200 MB safety net) the database file has
// grown by them once the thread has run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openStore } from '../../src/store/db.ts';

test('the checkpoint thread moves committed pages into the database file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-ckpt-'));
  const file = join(dir, 'db.sqlite');
  const store = await openStore({ url: file, checkpointIntervalMs: 40 });
  try {
    const db = store.db as unknown as Kysely<any>;
    await sql`create table blob_probe (id integer primary key, body text not null)`.execute(db);
    const body = 'x'.repeat(8000);
    for (let i = 0; i < 400; i++) await db.insertInto('blob_probe').values({ id: i, body }).execute();
    const start = await store.checkpoints!();
    for (let waited = 0; (await store.checkpoints!()) < start + 2; waited += 20) {
      assert.ok(waited < 10_000, 'the checkpoint thread did not run within 10 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(statSync(file).size > 400 * 8000, `the database file holds the committed rows (${statSync(file).size} bytes)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
