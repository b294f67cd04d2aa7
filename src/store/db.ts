// One schema, two engines: SQLite (embedded, zero set-up) and PostgreSQL (production). Every
// column is portable: JSON and timestamps are stored as text (ISO 8601 UTC, which sorts), so the
// same queries run on both and the tests prove it.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Driver } from 'kysely';
import { DeferringPostgresDialect } from './pg-deferred-inserts.ts';
import { GroupCommitSqliteDriver } from './sqlite-group-commit.ts';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.ts';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Tables } from './tables.ts';
import { migrate } from './migrations.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
  /** SQLite file databases only: checkpoints the background thread has completed. */
  checkpoints?(): Promise<number>;
  /** SQLite only: how many physical commits carried how many commands (group commit). */
  commitStats?(): { batches: number; commands: number; largest: number };
}

export interface OpenOptions {
  /** `postgres://…` for PostgreSQL; a file path or `:memory:` for SQLite. */
  url: string;
  /** PostgreSQL schema to use (tests use a fresh one each). */
  schema?: string;
  poolSize?: number;
  /** SQLite: how often the background thread checkpoints the WAL (default 1 s). */
  checkpointIntervalMs?: number;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const isPg = /^postgres(ql)?:\/\//.test(opts.url);
  let db: Kysely<Tables>;
  let driver: GroupCommitSqliteDriver | undefined;
  let checkpointer: Checkpointer | undefined;
  if (isPg) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    pool.on('connect', preparedStatements);
    db = new Kysely<Tables>({ dialect: new DeferringPostgresDialect({ pool }) });
    if (opts.schema) await sql`create schema if not exists ${sql.id(opts.schema)}`.execute(db);
  } else {
    if (opts.url !== ':memory:') mkdirSync(dirname(opts.url), { recursive: true });
    const sqlite = new Database(opts.url);
    // WAL lets readers proceed during a write; NORMAL sync is durable across process crashes,
    // which is the failure the embedded mode must survive.
    sqlite.pragma('journal_mode = WAL');
    // Each command of a group commit runs in a savepoint, whose sub-journal SQLite otherwise keeps
    // in a temporary file: in memory it costs a fifth less SQL time per command (and sorts and
    // temporary indexes also stay in memory, which the bounded queries here can afford).
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoints (copying the WAL into the database file, with an fsync) run in a thread of their
    // own (sqlite-checkpointer.ts); the writer does one itself only if the log reaches ~200 MB, should
    // that thread stop. The size limit gives the disk back after a checkpoint.
    if (opts.url !== ':memory:') {
      sqlite.pragma('wal_autocheckpoint = 50000');
      checkpointer = startCheckpointer(opts.url, opts.checkpointIntervalMs);
    }
    sqlite.pragma('journal_size_limit = 67108864');
    driver = new GroupCommitSqliteDriver(sqlite, statementCache(sqlite));
    db = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(driver) });
  }
  // Kysely looks for its migration tables in every schema unless told which one is ours. Its
  // catalogue scan can trip over a schema another process drops at that moment (tests do); the
  // migrations are idempotent under the migrator's lock, so a failed attempt is simply repeated.
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, isPg ? opts.schema ?? 'public' : undefined, isPg ? 'postgres' : 'sqlite');
      break;
    } catch (e) {
      if (!isPg || attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return {
    db,
    engine: isPg ? 'postgres' : 'sqlite',
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
    ...(driver ? { commitStats: () => ({ ...driver.stats }) } : {}),
    ...(checkpointer ? { checkpoints: () => checkpointer.runs() } : {}),
  };
}

/**
 * PostgreSQL parses and plans an unnamed statement on every execution; the same few statements run
 * for every command, so each connection prepares them once under a name (derived from the text) and
 * then only binds and executes. Only parameterised DML is named (no DDL, no transaction control),
 * and the set of names is bounded: queries with IN-lists of varying length stay unnamed beyond it.
 */
const statementNames = new Map<string, string>();
// QYZMET_PG_PREPARE=0 turns it off (to measure what it buys, or behind a pooler that cannot keep them).
const PREPARE = process.env.QYZMET_PG_PREPARE !== '0';
const DML = /^\s*(select|insert|update|delete|with)\b/i;
function preparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (config: unknown, values?: unknown, cb?: unknown) => {
    if (PREPARE && typeof config === 'string' && Array.isArray(values) && values.length > 0 && cb === undefined && DML.test(config)) {
      let name = statementNames.get(config);
      if (!name && statementNames.size < 2000) statementNames.set(config, (name = `q${statementNames.size + 1}`));
      if (name) return query({ name, text: config, values });
    }
    return query(config, values, cb);
  };
}

/** Unique-constraint violations look different on the two engines. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Kysely prepares every query afresh; on SQLite preparing costs as much as running a small
 * statement, so compiled statements are kept by their SQL text (bounded: queries with IN-lists
 * of varying length would otherwise grow it without end).
 */
function statementCache(sqlite: Database.Database, max = 500): (sqlText: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sqlText) => {
    let st = cache.get(sqlText);
    if (!st) {
      st = sqlite.prepare(sqlText);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sqlText, st);
    }
    return st;
  };
}

/**
 * Several server processes may share one SQLite file (WAL): the driver takes the write lock at
 * BEGIN (IMMEDIATE), so another process waits (busy_timeout) instead of failing with SQLITE_BUSY
 * on its first write; within the process, commands are batched into group commits.
 */
class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #driver: GroupCommitSqliteDriver;
  constructor(driver: GroupCommitSqliteDriver) {
    super({ database: {} as never });
    this.#driver = driver;
  }
  override createDriver(): Driver {
    return this.#driver;
  }
}
