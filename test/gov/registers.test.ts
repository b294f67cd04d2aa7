import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { DbStateDatabases, GatewayError } from '../../src/gov/gateway.ts';
import { DEMO_ENTITIES, DEMO_PEOPLE, demoEntity, demoPerson, generatePopulation } from '../../src/gov/population.ts';
import { migrateGov, seedGov } from '../../src/gov/schema.ts';
import { individualToRow } from '../../src/gov/rows.ts';
import { makeIin, makeBin } from '../../src/core/identifiers.ts';
import { openSqlite, withPostgres } from './databases.ts';

const population = generatePopulation({ seed: 77, individuals: 1500, legalEntities: 300 });

// The same checks for both dialects: what is written comes back unchanged.
async function migrateSeedAndLookUp(db: Kysely<any>): Promise<void> {
  await migrateGov(db);
  await migrateGov(db); // runs at every start, so must be repeatable

  const counts = await seedGov(db, population);
  assert.deepEqual(counts, { individuals: population.individuals.length, legalEntities: population.legalEntities.length });
  assert.deepEqual(await seedGov(db, population), { individuals: 0, legalEntities: 0 }, 'seeding again adds nothing');

  const gateway = new DbStateDatabases(db);
  for (const p of [...population.individuals.slice(0, 40), ...population.individuals.filter((x) => x.deceased || !x.patronymic).slice(0, 10)]) {
    assert.deepEqual(await gateway.findIndividual(p.iin), p);
  }
  for (const e of population.legalEntities.slice(0, 40)) {
    assert.deepEqual(await gateway.findLegalEntity(e.bin), e);
  }

  const applicant = await gateway.findIndividual(demoPerson('applicant').iin);
  assert.equal(applicant?.surname.kk, 'Әбілов');
  const company = await gateway.findLegalEntity(demoEntity('applicant_company').bin);
  assert.equal(company?.name.ru, 'ТОО «Защитные технологии»');
  assert.deepEqual(await gateway.findIndividual(company!.headIin), population.individuals.find((p) => p.iin === company!.headIin));

  // Valid numbers nobody holds.
  assert.equal(await gateway.findIndividual(makeIin('1901-01-01', 'female', 1)), null);
  assert.equal(await gateway.findLegalEntity(makeBin('1999-01', 'non_resident', 'representative', 1)), null);

  await assert.rejects(gateway.findIndividual('870314300127'), (e: unknown) => {
    assert.ok(e instanceof GatewayError);
    assert.equal(e.code, 'invalid_identifier');
    assert.equal(e.message, 'IIN 870314300127: check digit is 7, expected 6');
    return true;
  });
  await assert.rejects(gateway.findLegalEntity('16044003571'), { name: 'GatewayError', code: 'invalid_identifier' });

  const rows = await db.selectFrom('gov_legal_entities as e')
    .leftJoin('gov_individuals as i', 'i.iin', 'e.head_iin')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('i.iin').as('with_head')])
    .executeTakeFirstOrThrow();
  assert.equal(Number(rows.n), population.legalEntities.length);
  assert.equal(Number(rows.with_head), population.legalEntities.length, 'every head_iin joins an individual');

  // The table refuses what the gateway could never return.
  const good = individualToRow(population.individuals[10]!);
  await assert.rejects(db.insertInto('gov_individuals').values({ ...good, iin: '12345' }).execute());
  await assert.rejects(db.insertInto('gov_individuals').values({ ...good, iin: '000000000000', sex: 'x' }).execute());
  await assert.rejects(db.insertInto('gov_individuals').values({ ...good, iin: '000000000000', deceased: 2 }).execute());
}

test('SQLite: migrate, seed and look up', async () => {
  const db = openSqlite();
  try {
    await migrateSeedAndLookUp(db);
  } finally {
    await db.destroy();
  }
});

test('PostgreSQL: migrate, seed and look up', async (t: TestContext) => {
  await withPostgres(t, async ({ db }) => {
    await migrateSeedAndLookUp(db);
  });
});

test('SQLite: 10,000 people and 2,000 entities seed in well under a second', async (t: TestContext) => {
  const big = generatePopulation({ seed: 5, individuals: 10_000, legalEntities: 2_000 });
  const db = openSqlite();
  try {
    await migrateGov(db);
    const started = performance.now();
    const counts = await seedGov(db, big);
    const ms = performance.now() - started;
    assert.deepEqual(counts, { individuals: 10_000 + DEMO_PEOPLE.length, legalEntities: 2_000 + DEMO_ENTITIES.length });
    // Measured at about a quarter of a second; the bound leaves room for a busy CI machine.
    assert.ok(ms < 2000, `seeding took ${ms.toFixed(0)} ms`);
    t.diagnostic(`seeded ${counts.individuals} individuals and ${counts.legalEntities} entities in ${ms.toFixed(0)} ms`);
  } finally {
    await db.destroy();
  }
});
