// Opens the databases the gov tests run against: an in-memory SQLite always,
// and PostgreSQL when QYZMET_TEST_DATABASE_URL is set, each test in a schema
// of its own so test files running in parallel never see each other's tables.

import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

export function openSqlite(): Kysely<any> {
  return new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
}

export interface PgTestDb {
  db: Kysely<any>;
  url: string;
  schema: string;
}

/** Runs `body` against a fresh PostgreSQL schema, or marks the test skipped when there is no server to use. */
export async function withPostgres(t: TestContext, body: (pgdb: PgTestDb) => Promise<void>): Promise<void> {
  const url = process.env.QYZMET_TEST_DATABASE_URL;
  if (!url) {
    t.skip('QYZMET_TEST_DATABASE_URL not set: PostgreSQL test skipped');
    return;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 4 }) }),
  });
  try {
    await body({ db, url, schema });
  } finally {
    await db.destroy();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
