// Group commit for the embedded engine. SQLite has one writer and a commit costs more than a whole
// command's statements (it writes every page the transaction touched to the WAL). When several
// commands arrive in the same turn of the event loop, they run one after another inside one
// physical transaction, each in a savepoint of its own, and one COMMIT makes them all durable.
//
// What each command still gets:
// - atomicity: a command that fails rolls back to its savepoint; the others are untouched;
// - durability before acknowledgement: a transaction's `execute()` resolves only after the COMMIT
//   that contains it (a lost batch rejects every command in it);
// - isolation from other processes: the write lock is held from BEGIN IMMEDIATE to COMMIT.
// What changes: a read in this process between a command's end and the batch's COMMIT (normally the
// same event-loop turn) already sees that command's writes. Nothing reads them as committed: every
// response about a write waits for the COMMIT.
import type Database from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';

type Prepare = (sqlText: string) => Database.Statement;

interface Waiter {
  resolve(): void;
  reject(e: unknown): void;
}

/** One acquisition of the single connection: Kysely passes it to begin/commit/release. */
class Handle implements DatabaseConnection {
  released = false;
  savepoint: string | undefined;
  /** Settled by commit, rollback or a lost batch: a later rollback call must do nothing. */
  finished = false;
  wrote = false;
  /** Resolves when the batch holding this acquisition's writes is committed. */
  committed: Promise<void> | undefined;
  constructor(readonly driver: GroupCommitSqliteDriver) {}
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.driver.run<R>(this, q));
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(q.query)) throw new Error('only select queries stream');
    for (const row of this.driver.prepare(q.sql).iterate(q.parameters as unknown[])) yield { rows: [row as R] };
  }
}

export interface GroupCommitOptions {
  /** Commands in one physical transaction at most; bounds the latency a busy batch adds. */
  maxBatch?: number;
}

export class GroupCommitSqliteDriver implements Driver {
  readonly #sqlite: Database.Database;
  readonly prepare: Prepare;
  readonly #maxBatch: number;
  #held = false;
  readonly #queue: Array<() => void> = [];
  /** A physical transaction is open (BEGIN IMMEDIATE done, COMMIT not yet). */
  #open = false;
  /** Commands whose savepoint is released and which wait for the COMMIT. */
  #waiting: Waiter[] = [];
  #scheduled = false;
  /** Physical commits and the commands they carried (for the health figures and the tests). */
  readonly stats = { batches: 0, commands: 0, largest: 0 };

  constructor(sqlite: Database.Database, prepare: Prepare, opts: GroupCommitOptions = {}) {
    this.#sqlite = sqlite;
    this.prepare = prepare;
    this.#maxBatch = opts.maxBatch ?? 64;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) await new Promise<void>((r) => this.#queue.push(r));
    else this.#held = true;
    return new Handle(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const h = connection as Handle;
    if (h.released) return;
    // A write made outside a transaction while a batch is open became part of the batch: its
    // caller, too, hears back only once the batch is committed.
    if (h.wrote && this.#open && !h.committed) h.committed = this.#enlist();
    h.released = true;
    this.#release();
    // Kysely returns a transaction's result only after releasing its connection: the command is
    // acknowledged once its batch is durable, and fails if the batch is lost.
    await h.committed;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const h = connection as Handle;
    if (!this.#open) {
      this.#exec('begin immediate');
      this.#open = true;
    }
    h.finished = false;
    // One name for all: commands run one after another, so at most one savepoint is open, and a
    // constant text keeps the three statements in the prepared-statement cache.
    h.savepoint = 'command';
    this.#exec(`savepoint ${h.savepoint}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const h = connection as Handle;
    try {
      this.#exec(`release ${h.savepoint}`);
    } catch (e) {
      this.#checkLost(e);
      throw e;
    }
    h.finished = true;
    h.savepoint = undefined;
    h.committed = this.#enlist();
    // Keep the rejection of a lost batch for releaseConnection, which awaits it.
    h.committed.catch(() => {});
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const h = connection as Handle;
    if (h.finished) return;
    h.finished = true;
    const savepoint = h.savepoint;
    h.savepoint = undefined;
    if (!this.#sqlite.inTransaction) {
      this.#checkLost(new Error('the transaction was rolled back by SQLite'));
      return;
    }
    try {
      this.#exec(`rollback to ${savepoint}`);
      this.#exec(`release ${savepoint}`);
    } catch (e) {
      this.#checkLost(e);
      throw e;
    }
  }

  async destroy(): Promise<void> {
    if (this.#open) this.#commit();
    this.#sqlite.close();
  }

  run<R>(h: Handle, q: CompiledQuery): QueryResult<R> {
    const stmt = this.prepare(q.sql);
    try {
      if (stmt.reader) return { rows: stmt.all(q.parameters as unknown[]) as R[] };
      const { changes, lastInsertRowid } = stmt.run(q.parameters as unknown[]);
      if (!h.savepoint) h.wrote = true;
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (e) {
      this.#checkLost(e);
      throw e;
    }
  }

  #exec(sqlText: string): void {
    this.prepare(sqlText).run();
  }

  #enlist(): Promise<void> {
    return new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Hands the connection to the next command, or lets the batch commit when nobody is waiting. */
  #release(): void {
    if (this.#open && this.#waiting.length >= this.#maxBatch) this.#commit();
    const next = this.#queue.shift();
    if (next) {
      next();
      return;
    }
    this.#held = false;
    if (this.#open && !this.#scheduled) {
      this.#scheduled = true;
      // Commands whose requests arrived in this turn of the event loop join the batch first.
      setImmediate(() => {
        this.#scheduled = false;
        if (this.#open && !this.#held) this.#commit();
        // Someone holds the connection across a turn: their release schedules the commit again.
      });
    }
  }

  #commit(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    this.#open = false;
    try {
      this.#exec('commit');
    } catch (e) {
      if (this.#sqlite.inTransaction) this.#sqlite.prepare('rollback').run();
      for (const w of waiting) w.reject(e);
      return;
    }
    this.stats.batches++;
    this.stats.commands += waiting.length;
    this.stats.largest = Math.max(this.stats.largest, waiting.length);
    for (const w of waiting) w.resolve();
  }

  /** After an error SQLite may have rolled the whole transaction back: the batch is lost. */
  #checkLost(cause: unknown): void {
    if (!this.#open || this.#sqlite.inTransaction) return;
    this.#open = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    const e = new Error('the batch transaction was rolled back; the command was not saved', { cause });
    for (const w of waiting) w.reject(e);
  }
}
