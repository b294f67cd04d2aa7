// Test harness: an application instance on SQLite (always) and on PostgreSQL (when
// QYZMET_TEST_DATABASE_URL is set; otherwise the test is reported as skipped, loudly), with the
// demo CA and users, and a clock the test moves by hand.
import { randomBytes } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/db.ts';
import { openApp, type App } from '../../src/app/context.ts';
import { bootstrapDemo, type DemoUser, type DemoUsers } from '../../src/app/bootstrap.ts';
import { createChallenge, signIn, type SessionUser } from '../../src/app/auth.ts';
import { signText } from '../../src/app/session.ts';

export type EngineName = 'sqlite' | 'postgres';
export const ENGINES: EngineName[] = ['sqlite', 'postgres'];

export interface TestApp {
  app: App;
  users: DemoUsers;
  clock: { now: Date; set(iso: string): void; advanceMinutes(m: number): void };
  login(u: DemoUser): Promise<SessionUser & { token: string }>;
  close(): Promise<void>;
}

export const PG_URL = process.env.QYZMET_TEST_DATABASE_URL;
export const PG_SKIP = 'QYZMET_TEST_DATABASE_URL not set: PostgreSQL run SKIPPED';

export async function makeTestApp(engine: EngineName, start = '2026-11-23T09:15:00+05:00'): Promise<TestApp> {
  const clock = {
    now: new Date(start),
    set(iso: string) {
      this.now = new Date(iso);
    },
    advanceMinutes(m: number) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  let schema: string | undefined;
  if (engine === 'postgres') {
    if (!PG_URL) throw new Error(PG_SKIP);
    schema = `t_${randomBytes(6).toString('hex')}`;
  }
  const app = await openApp(
    { databaseUrl: engine === 'postgres' ? PG_URL! : ':memory:', ...(schema ? { pgSchema: schema } : {}), caPassphrase: 'test-pass', publicUrl: 'http://127.0.0.1:0', dataDir: null },
    { now: () => clock.now },
  );
  const users = (await bootstrapDemo(app, { population: { individuals: 120, legalEntities: 20 } }))!;
  return {
    app,
    users,
    clock,
    async login(u) {
      const ch = await createChallenge(app);
      const r = await signIn(app, { challengeId: ch.challengeId, signature: await signText(u.auth, ch.nonce) });
      return { ...r.user, token: r.token };
    },
    async close() {
      await app.close();
      if (schema) {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    },
  };
}

/** Registers `body` once per engine; the PostgreSQL run is skipped with a visible reason when no server is configured. */
export function eachEngine(name: string, body: (t: TestContext, engine: EngineName) => Promise<void>) {
  for (const engine of ENGINES) {
    test(`${name} [${engine}]`, async (t) => {
      if (engine === 'postgres' && !PG_URL) {
        t.skip(PG_SKIP);
        return;
      }
      await body(t, engine);
    });
  }
}

/** A bare store (no app, no demo data) on an engine, removed when the test ends: for storage tests. */
export async function storeFor(t: TestContext, engine: EngineName): Promise<Store> {
  const schema = engine === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const store = await openStore({ url: engine === 'postgres' ? PG_URL! : ':memory:', ...(schema ? { schema } : {}) });
  t.after(async () => {
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
  });
  return store;
}
