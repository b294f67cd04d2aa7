// The two state registers as tables, created and filled the same way on
// SQLite and PostgreSQL. Dates are ISO text because SQLite has no date type and
// text sorts and compares correctly in both.

import { sql, type Kysely } from 'kysely';
import type { Individual, LegalEntity } from './records.ts';
import { individualToRow, legalEntityToRow } from './rows.ts';

export type { GovIndividualRow, GovLegalEntityRow, GovTables } from './rows.ts';

/** Creates the tables and indexes when missing; safe to run at every start. */
export async function migrateGov(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gov_individuals')
    .ifNotExists()
    .addColumn('iin', 'text', (c) => c.primaryKey().check(sql`length(iin) = 12`))
    .addColumn('surname_kk', 'text', (c) => c.notNull())
    .addColumn('surname_ru', 'text', (c) => c.notNull())
    .addColumn('given_name_kk', 'text', (c) => c.notNull())
    .addColumn('given_name_ru', 'text', (c) => c.notNull())
    .addColumn('patronymic_kk', 'text')
    .addColumn('patronymic_ru', 'text')
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('address_kk', 'text', (c) => c.notNull())
    .addColumn('address_ru', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('deceased', 'integer', (c) => c.notNull().defaultTo(0).check(sql`deceased in (0, 1)`))
    .execute();

  await db.schema
    .createTable('gov_legal_entities')
    .ifNotExists()
    .addColumn('bin', 'text', (c) => c.primaryKey().check(sql`length(bin) = 12`))
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull().check(sql`legal_form in ('TOO', 'AO', 'IP', 'GU')`))
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('address_kk', 'text', (c) => c.notNull())
    .addColumn('address_ru', 'text', (c) => c.notNull())
    .addColumn('head_iin', 'text', (c) => c.notNull().references('gov_individuals.iin'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'liquidated')`))
    .execute();

  // Index names are unique per schema in PostgreSQL, hence the table prefix.
  const indexes: [name: string, table: string, columns: string[]][] = [
    ['gov_individuals_name_ru_idx', 'gov_individuals', ['surname_ru', 'given_name_ru']],
    ['gov_individuals_name_kk_idx', 'gov_individuals', ['surname_kk', 'given_name_kk']],
    ['gov_individuals_birth_date_idx', 'gov_individuals', ['birth_date']],
    ['gov_individuals_city_idx', 'gov_individuals', ['city']],
    ['gov_legal_entities_head_iin_idx', 'gov_legal_entities', ['head_iin']],
    ['gov_legal_entities_name_ru_idx', 'gov_legal_entities', ['name_ru']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  }
}

// Well under SQLite's limit of 32,766 bound parameters per statement
// (16 columns x 500 rows = 8,000) and PostgreSQL's 65,535.
const BATCH_ROWS = 500;

export interface SeedCounts {
  individuals: number;
  legalEntities: number;
}

/**
 * Inserts a population in one transaction, individuals first so every head_iin
 * already exists. Rows whose IIN/BIN is already there are kept as they are, so
 * seeding twice (e.g. the demo cast at every start) is harmless. Returns how
 * many rows were actually added.
 */
export async function seedGov(
  db: Kysely<any>,
  population: { individuals: readonly Individual[]; legalEntities: readonly LegalEntity[] },
): Promise<SeedCounts> {
  return db.transaction().execute(async (trx) => {
    let individuals = 0;
    for (const batch of batches(population.individuals.map(individualToRow))) {
      const r = await trx
        .insertInto('gov_individuals')
        .values(batch)
        .onConflict((oc) => oc.column('iin').doNothing())
        .executeTakeFirst();
      individuals += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    let legalEntities = 0;
    for (const batch of batches(population.legalEntities.map(legalEntityToRow))) {
      const r = await trx
        .insertInto('gov_legal_entities')
        .values(batch)
        .onConflict((oc) => oc.column('bin').doNothing())
        .executeTakeFirst();
      legalEntities += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    return { individuals, legalEntities };
  });
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}
