import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import pg from 'pg';
import {
  DEFAULT_GATEWAY_TIMEOUT_MS,
  DbStateDatabases,
  FlakyStateDatabases,
  GatewayError,
  MemoryStateDatabases,
  type GatewayErrorCode,
} from '../../src/gov/gateway.ts';
import { demoEntity, demoPerson, generatePopulation } from '../../src/gov/population.ts';
import { migrateGov, seedGov } from '../../src/gov/schema.ts';
import { makeIin } from '../../src/core/identifiers.ts';
import { openSqlite, withPostgres } from './databases.ts';

const population = generatePopulation({ seed: 3, individuals: 50, legalEntities: 10 });
const applicantIin = demoPerson('applicant').iin;
const companyBin = demoEntity('applicant_company').bin;

function isGatewayError(code: GatewayErrorCode, message?: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof GatewayError, `expected a GatewayError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  };
}

/** Rejects with a timeout no sooner than the limit and not much later. */
async function assertTimesOutWithin(limitMs: number, lookup: Promise<unknown>): Promise<void> {
  const started = performance.now();
  await assert.rejects(lookup, isGatewayError('timeout', new RegExp(`within ${limitMs} ms`)));
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= limitMs - 5, `gave up after ${elapsed.toFixed(0)} ms, before the ${limitMs} ms limit`);
  // The bound only has to tell "gave up at its limit" from "waited for the database" (which never
  // answers while the test holds it); a loaded machine can delay timers by some hundreds of ms.
  assert.ok(elapsed < limitMs + 1000, `gave up after ${elapsed.toFixed(0)} ms, long after the ${limitMs} ms limit`);
}

// Holds every result back, like a database under heavy load.
class SlowResults implements KyselyPlugin {
  constructor(private readonly delayMs: number) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await sleep(this.delayMs);
    return args.result;
  }
}

async function seededSqlite(): Promise<Kysely<any>> {
  const db = openSqlite();
  await migrateGov(db);
  await seedGov(db, population);
  return db;
}

test('a slow database: GatewayError timeout at the limit, success within it', async () => {
  const db = await seededSqlite();
  try {
    const slow = db.withPlugin(new SlowResults(300));
    const patient = new DbStateDatabases(slow, { timeoutMs: 1000 });
    assert.equal((await patient.findIndividual(applicantIin))?.iin, applicantIin);
    // The second lookup also queues behind the first, abandoned one: SQLite has one connection.
    await assertTimesOutWithin(80, new DbStateDatabases(slow, { timeoutMs: 80 }).findIndividual(applicantIin));
    await assertTimesOutWithin(80, new DbStateDatabases(slow, { timeoutMs: 80 }).findLegalEntity(companyBin));
  } finally {
    await sleep(700); // let the abandoned lookups finish before the database goes away
    await db.destroy();
  }
});

test('SQLite busy in a long transaction: timeout, then normal service', async () => {
  const db = await seededSqlite();
  try {
    const gateway = new DbStateDatabases(db, { timeoutMs: 100 });
    // The SQLite driver has one connection: a lookup waits until the transaction ends.
    const busy = db.transaction().execute(async () => sleep(500));
    await assertTimesOutWithin(100, gateway.findIndividual(applicantIin));
    await busy;
    assert.equal((await gateway.findIndividual(applicantIin))?.iin, applicantIin);
  } finally {
    await db.destroy();
  }
});

test('PostgreSQL with the register table locked: timeout, then normal service', async (t: TestContext) => {
  await withPostgres(t, async ({ db, url, schema }) => {
    await migrateGov(db);
    await seedGov(db, population);
    const gateway = new DbStateDatabases(db, { timeoutMs: 150 });
    assert.equal((await gateway.findIndividual(applicantIin))?.iin, applicantIin);

    const locker = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table gov_individuals in access exclusive mode');
      await assertTimesOutWithin(150, gateway.findIndividual(applicantIin));
      // The other register is not locked.
      assert.equal((await gateway.findLegalEntity(companyBin))?.bin, companyBin);
      await locker.query('rollback');
    } finally {
      await locker.end();
    }
    assert.equal((await gateway.findIndividual(applicantIin))?.iin, applicantIin);
  });
});

test('a database that cannot answer: GatewayError unavailable, with the cause kept', async () => {
  const empty = openSqlite(); // never migrated: no tables
  try {
    await assert.rejects(new DbStateDatabases(empty).findIndividual(applicantIin), (e: unknown) => {
      isGatewayError('unavailable', /individuals register lookup of IIN 870314300126 failed: no such table/)(e);
      assert.ok((e as GatewayError).cause instanceof Error);
      return true;
    });
  } finally {
    await empty.destroy();
  }

  // A PostgreSQL server that is not there: a port that was just free.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const gone = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port, user: 'nobody', database: 'none', connectionTimeoutMillis: 1000 }) }),
  });
  try {
    await assert.rejects(new DbStateDatabases(gone, { timeoutMs: 1500 }).findLegalEntity(companyBin), isGatewayError('unavailable', /ECONNREFUSED|connect/));
  } finally {
    await gone.destroy();
  }
});

test('an invalid identifier is refused before any query, with the IdentifierError message', async () => {
  const destroyed = openSqlite();
  await destroyed.destroy(); // any query would fail as 'unavailable'
  const gateway = new DbStateDatabases(destroyed);
  await assert.rejects(gateway.findIndividual('870314300127'), isGatewayError('invalid_identifier', /^IIN 870314300127: check digit is 7, expected 6$/));
  await assert.rejects(gateway.findIndividual('87031430012'), isGatewayError('invalid_identifier', /12 digits/));
  await assert.rejects(gateway.findLegalEntity(applicantIin), isGatewayError('invalid_identifier', /valid IIN, not a BIN/));
  await assert.rejects(gateway.findIndividual(companyBin), (e: unknown) => {
    isGatewayError('invalid_identifier')(e);
    assert.equal(((e as GatewayError).cause as { rule?: string }).rule, 'century_sex');
    return true;
  });
});

test('timeout option: 2 s by default, and only positive numbers', () => {
  const db = openSqlite();
  assert.equal(DEFAULT_GATEWAY_TIMEOUT_MS, 2000);
  assert.equal(new DbStateDatabases(db).timeoutMs, 2000);
  assert.equal(new DbStateDatabases(db, { timeoutMs: 50 }).timeoutMs, 50);
  for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => new DbStateDatabases(db, { timeoutMs: bad }), RangeError);
  }
  void db.destroy();
});

test('MemoryStateDatabases answers like the real one and hands out copies', async () => {
  const memory = new MemoryStateDatabases(population);
  const p = await memory.findIndividual(applicantIin);
  assert.deepEqual(p, population.individuals[0]);
  p!.surname.ru = 'changed';
  assert.equal((await memory.findIndividual(applicantIin))?.surname.ru, 'Абилов');
  assert.deepEqual(await memory.findLegalEntity(companyBin), population.legalEntities[0]);
  assert.equal(await memory.findIndividual(makeIin('2000-01-01', 'male', 4)), null);
  await assert.rejects(memory.findLegalEntity('x'), isGatewayError('invalid_identifier'));
});

test('FlakyStateDatabases: latency beyond its limit becomes a timeout at the limit', async () => {
  const flaky = new FlakyStateDatabases(new MemoryStateDatabases(population), { latencyMs: 400, timeoutMs: 80 });
  await assertTimesOutWithin(80, flaky.findIndividual(applicantIin));
  const fastEnough = new FlakyStateDatabases(new MemoryStateDatabases(population), { latencyMs: (n) => (n === 1 ? 30 : 0), timeoutMs: 200 });
  const started = performance.now();
  assert.equal((await fastEnough.findIndividual(applicantIin))?.iin, applicantIin);
  assert.ok(performance.now() - started >= 25, 'the latency was applied');
  await sleep(350); // the first flaky call's latency timer
});

test('FlakyStateDatabases: scripted outcomes, then seeded random failures', async () => {
  const flaky = new FlakyStateDatabases(new MemoryStateDatabases(population), {
    script: ['unavailable', 'timeout', 'pass'],
    failureRate: 0.5,
    seed: 42,
  });
  await assert.rejects(flaky.findIndividual(applicantIin), isGatewayError('unavailable', /simulated outage \(call 1\)/));
  await assert.rejects(flaky.findLegalEntity(companyBin), isGatewayError('timeout', /simulated timeout \(call 2\)/));
  assert.equal((await flaky.findIndividual(applicantIin))?.iin, applicantIin);

  const outcomes = async (seed: number) => {
    const f = new FlakyStateDatabases(new MemoryStateDatabases(population), { failureRate: 0.5, seed });
    const out: string[] = [];
    for (let i = 0; i < 40; i++) out.push(await f.findIndividual(applicantIin).then(() => 'ok', (e: GatewayError) => e.code));
    return out;
  };
  const first = await outcomes(7);
  assert.deepEqual(await outcomes(7), first, 'the same seed fails the same calls');
  assert.ok(first.includes('ok') && first.includes('unavailable'));
  assert.equal(flaky.calls, 3);

  // A scripted timeout with a limit hangs until the limit, like the real thing.
  const hanging = new FlakyStateDatabases(new MemoryStateDatabases(population), { script: ['timeout'], timeoutMs: 60 });
  await assertTimesOutWithin(60, hanging.findIndividual(applicantIin));
  // Identifier checks come before any simulated trouble.
  const broken = new FlakyStateDatabases(new MemoryStateDatabases(population), { failureRate: 1 });
  await assert.rejects(broken.findIndividual('123'), isGatewayError('invalid_identifier'));
  assert.equal(broken.calls, 0);
  assert.throws(() => new FlakyStateDatabases(new MemoryStateDatabases(population), { failureRate: 2 }), RangeError);
});

test('FlakyStateDatabases around the real gateway', async () => {
  const db = await seededSqlite();
  try {
    const flaky = new FlakyStateDatabases(new DbStateDatabases(db), { script: ['unavailable'] });
    await assert.rejects(flaky.findLegalEntity(companyBin), isGatewayError('unavailable'));
    assert.equal((await flaky.findLegalEntity(companyBin))?.headIin, demoPerson('company_head').iin);
  } finally {
    await db.destroy();
  }
});
