// On PostgreSQL every statement is a round trip, and the client's share of a round trip (a write and
// a read on the socket, a protocol message parsed) costs more CPU than the small statements of a
// command. A command's inserts through `insertRows` inside a transaction are therefore held back and
// sent together, as one statement of data-modifying CTEs, when the transaction next reads or
// commits. The rows are the same and go in the same order; what moves is when an insert's error is
// seen: at that next statement or at COMMIT, which fails the command's transaction as before.
// (Foreign keys between the rows hold: PostgreSQL checks them at the end of the whole statement.)
import { CompiledQuery, PostgresDialect, type DatabaseConnection, type Driver, type PostgresDialectConfig, type QueryResult, type TransactionSettings } from 'kysely';

/** A marker `insertRows` puts in front of an INSERT that may wait for the transaction's next statement. */
export const DEFERRABLE = '/* deferrable */ ';

interface Held {
  sql: string;
  parameters: readonly unknown[];
}

class DeferringConnection implements DatabaseConnection {
  held: Held[] = [];
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (q.sql.startsWith(DEFERRABLE)) {
      this.held.push({ sql: q.sql.slice(DEFERRABLE.length), parameters: q.parameters });
      return { rows: [] };
    }
    await this.flush();
    return this.inner.executeQuery<R>(q);
  }

  async *streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    await this.flush();
    yield* this.inner.streamQuery<R>(q, chunkSize);
  }

  async flush(): Promise<void> {
    if (this.held.length === 0) return;
    const held = this.held;
    this.held = [];
    if (held.length === 1) {
      await this.inner.executeQuery(CompiledQuery.raw(held[0]!.sql, [...held[0]!.parameters]));
      return;
    }
    // `with w1 as (insert …), w2 as (insert …) insert …`, placeholders renumbered in order. The
    // texts are Kysely's own compiled INSERTs: values only ever appear as $n parameters.
    const parameters: unknown[] = [];
    const parts = held.map((h) => {
      const offset = parameters.length;
      parameters.push(...h.parameters);
      return h.sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
    });
    const last = parts.pop()!;
    const text = `with ${parts.map((p, i) => `w${i + 1} as (${p})`).join(', ')} ${last}`;
    await this.inner.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

class DeferringDriver implements Driver {
  constructor(readonly inner: Driver) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new DeferringConnection(await this.inner.acquireConnection());
  }
  beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction((c as DeferringConnection).inner, settings);
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await (c as DeferringConnection).flush();
    await this.inner.commitTransaction((c as DeferringConnection).inner);
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    (c as DeferringConnection).held = [];
    await this.inner.rollbackTransaction((c as DeferringConnection).inner);
  }
  async releaseConnection(c: DatabaseConnection): Promise<void> {
    const d = c as DeferringConnection;
    try {
      // Held inserts only exist inside a transaction, which commits or rolls back first; anything
      // left means a caller held rows outside one: send them rather than lose them.
      if (d.held.length) await d.flush();
    } finally {
      await this.inner.releaseConnection(d.inner);
    }
  }
  async savepoint(c: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await (c as DeferringConnection).flush();
    await this.inner.savepoint!((c as DeferringConnection).inner, name, compile);
  }
  async rollbackToSavepoint(c: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2]): Promise<void> {
    (c as DeferringConnection).held = [];
    await this.inner.rollbackToSavepoint!((c as DeferringConnection).inner, name, compile);
  }
  async releaseSavepoint(c: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2]): Promise<void> {
    await (c as DeferringConnection).flush();
    await this.inner.releaseSavepoint!((c as DeferringConnection).inner, name, compile);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export class DeferringPostgresDialect extends PostgresDialect {
  constructor(config: PostgresDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new DeferringDriver(super.createDriver());
  }
}
