// A made-up but plausible population for the state databases: the same seed
// gives the same people on every machine, so demos and tests can rely on it.
// The fixed demo cast (demo.ts) comes first, then the generated people.

import { makeBin, makeIin, type BinAttribute, type EntityType } from '../core/identifiers.ts';
import { branchName, entityName, peasantFarmName, pickBrandName, pickFarmName } from './company-names.ts';
import { DEMO_ENTITIES, DEMO_PEOPLE, type DemoEntity, type DemoPerson } from './demo.ts';
import { NAMES, surnameFor, type NameOrigin } from './names.ts';
import { CITIES, formatAddress } from './places.ts';
import { SeededRandom } from './random.ts';
import type { Individual, LegalEntity, LegalForm, Sex } from './records.ts';

export { DEMO_ENTITIES, DEMO_PEOPLE, demoEntity, demoPerson } from './demo.ts';
export type { DemoEntity, DemoEntityRole, DemoPerson, DemoRole, RoleLabel } from './demo.ts';

/**
 * The day the generated registers describe. A fixed date rather than today,
 * so a seed keeps giving the same ages, deaths and companies year after year.
 */
export const POPULATION_AS_OF = '2025-01-01';
const LAST_YEAR = 2024;
const FIRST_BIRTH_YEAR = 1930;
const FIRST_REGISTRATION_YEAR = 1995;
const ADULT_AGE = 18;

export interface PopulationOptions {
  seed: number;
  /** Generated individuals, besides the demo cast. */
  individuals: number;
  /** Generated legal entities, besides the demo ones. */
  legalEntities: number;
  /** Put DEMO_PEOPLE and DEMO_ENTITIES first (default true). */
  includeDemo?: boolean;
}

export interface Population {
  individuals: Individual[];
  legalEntities: LegalEntity[];
}

export function generatePopulation(options: PopulationOptions): Population {
  const { seed, individuals: individualCount, legalEntities: entityCount, includeDemo = true } = options;
  for (const [label, n] of [['individuals', individualCount], ['legalEntities', entityCount]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${label} must be a whole number >= 0, got ${n}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);

  const random = new SeededRandom(seed);
  const individuals: Individual[] = includeDemo ? DEMO_PEOPLE.map(plainPerson) : [];
  const usedIins = new Set(individuals.map((p) => p.iin));
  for (let i = 0; i < individualCount; i++) {
    const person = generateIndividual(random, usedIins);
    usedIins.add(person.iin);
    individuals.push(person);
  }

  const legalEntities: LegalEntity[] = includeDemo ? DEMO_ENTITIES.map(plainEntity) : [];
  if (entityCount > 0) {
    // The demo cast heads only the demo entities, so a scenario about one of
    // them is not surprised by companies it never heard of; they stand in
    // only when nobody else was generated.
    const canHead = (p: Individual) => !p.deceased && yearOf(p.birthDate) + ADULT_AGE <= LAST_YEAR;
    const generated = individuals.slice(includeDemo ? DEMO_PEOPLE.length : 0).filter(canHead);
    const heads = generated.length > 0 ? generated : individuals.filter(canHead);
    if (heads.length === 0) throw new RangeError('legal entities need at least one living adult to head them');
    const usedBins = new Set(legalEntities.map((e) => e.bin));
    for (let i = 0; i < entityCount; i++) {
      const entity = generateLegalEntity(random, heads, usedBins);
      usedBins.add(entity.bin);
      legalEntities.push(entity);
    }
  }
  return { individuals, legalEntities };
}

// --- individuals -------------------------------------------------------------

function generateIndividual(random: SeededRandom, usedIins: ReadonlySet<string>): Individual {
  const origin: NameOrigin = random.chance(0.72) ? 'kazakh' : 'russian';
  const names = NAMES[origin];
  const sex: Sex = random.chance(0.5) ? 'male' : 'female';
  const given = sex === 'male' ? random.pick(names.men) : random.pick(names.women);
  const surname = surnameFor(random.pick(names.surnames), sex);
  const hasPatronymic = origin === 'russian' || random.chance(0.96);
  const father = random.pick(names.men);

  const birthYear = random.weighted(BIRTH_YEARS, birthYearWeight);
  const birthDate = randomDateIn(random, birthYear);
  const age = LAST_YEAR - birthYear;
  const iin = uniqueIin(random, birthDate, sex, usedIins);

  const city = random.weighted(CITIES, (c) => c.population);
  const address = formatAddress({
    city,
    street: random.pick(city.streets),
    house: houseNumber(random),
    ...(random.chance(0.85) ? { unit: { kind: 'flat' as const, number: random.int(1, 250) } } : {}),
  });

  const person: Individual = {
    iin,
    surname: { kk: surname.kk, ru: surname.ru },
    givenName: { kk: given.kk, ru: given.ru },
    ...(hasPatronymic ? { patronymic: { ...father.patronymic[sex] } } : {}),
    birthDate,
    sex,
    address,
  };
  if (age >= 14 && random.chance(0.55)) {
    const suffix = random.chance(0.5) ? String(birthYear % 100).padStart(2, '0') : '';
    person.email = `${given.lat}.${surname.lat}${suffix}@${random.pick(EMAIL_DOMAINS)}`.toLowerCase();
  }
  if (age >= 14 && random.chance(0.85)) person.phone = mobileNumber(random);
  if (random.chance(age >= 80 ? 0.3 : age >= 60 ? 0.06 : 0.005)) person.deceased = true;
  return person;
}

const BIRTH_YEARS: readonly number[] = range(FIRST_BIRTH_YEAR, LAST_YEAR);

// Fewer people alive from the older cohorts, roughly as in the census.
function birthYearWeight(year: number): number {
  if (year < 1945) return 0.2;
  if (year < 1955) return 0.5;
  if (year < 1965) return 0.8;
  return 1;
}

const EMAIL_DOMAINS = ['mail.ru', 'gmail.com', 'mail.kz', 'inbox.ru', 'yandex.kz', 'bk.ru'] as const;

// Mobile operator prefixes in use in Kazakhstan (+7 7xx).
const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'] as const;

function mobileNumber(random: SeededRandom): string {
  return `+7${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

function uniqueIin(random: SeededRandom, birthDate: string, sex: Sex, used: ReadonlySet<string>): string {
  for (;;) {
    const iin = makeIin(birthDate, sex, random.int(0, 9999));
    if (!used.has(iin)) return iin;
  }
}

// --- legal entities ----------------------------------------------------------

type EntityKind = { form: LegalForm; type: EntityType; attribute: BinAttribute; weight: number };

const ENTITY_KINDS: readonly EntityKind[] = [
  { form: 'TOO', type: 'resident', attribute: 'head', weight: 58 },
  { form: 'TOO', type: 'resident', attribute: 'branch', weight: 6 },
  { form: 'AO', type: 'resident', attribute: 'head', weight: 6 },
  { form: 'AO', type: 'resident', attribute: 'branch', weight: 2 },
  { form: 'IP', type: 'entrepreneur', attribute: 'head', weight: 22 },
  { form: 'IP', type: 'entrepreneur', attribute: 'peasant_farm', weight: 6 },
];

function generateLegalEntity(random: SeededRandom, heads: readonly Individual[], usedBins: ReadonlySet<string>): LegalEntity {
  const kind = random.weighted(ENTITY_KINDS, (k) => k.weight);
  const head = random.pick(heads);
  // Registered no earlier than the head came of age, so the head could sign.
  const earliest = Math.max(FIRST_REGISTRATION_YEAR, yearOf(head.birthDate) + ADULT_AGE);
  const year = random.weighted(range(earliest, LAST_YEAR), (y) => 1 + (y - FIRST_REGISTRATION_YEAR) / 10);
  const registeredOn = randomDateIn(random, year);
  const bin = uniqueBin(random, registeredOn.slice(0, 7), kind, usedBins);

  const city = random.weighted(CITIES, (c) => c.population);
  const name =
    kind.attribute === 'peasant_farm' ? peasantFarmName(pickFarmName(random))
    : kind.attribute === 'branch' ? branchName(pickBrandName(random), kind.form, city)
    : entityName(pickBrandName(random), kind.form);
  const address = formatAddress({
    city,
    street: random.pick(city.streets),
    house: houseNumber(random),
    ...(random.chance(0.6) ? { unit: { kind: 'office' as const, number: random.int(1, 400) } } : {}),
  });
  const liquidated = random.chance(0.04 + (LAST_YEAR - year) * 0.004);

  return {
    bin,
    name,
    legalForm: kind.form,
    registeredOn,
    address: { kk: address.kk, ru: address.ru },
    headIin: head.iin,
    status: liquidated ? 'liquidated' : 'active',
  };
}

function uniqueBin(random: SeededRandom, yyyymm: string, kind: EntityKind, used: ReadonlySet<string>): string {
  for (;;) {
    const bin = makeBin(yyyymm, kind.type, kind.attribute, random.int(0, 99_999));
    if (!used.has(bin)) return bin;
  }
}

// --- shared ------------------------------------------------------------------

function houseNumber(random: SeededRandom): string {
  const n = random.int(1, 150);
  return random.chance(0.1) ? `${n}/${random.int(1, 5)}` : String(n);
}

function randomDateIn(random: SeededRandom, year: number): string {
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v++) out.push(v);
  return out;
}

// The demo cast carries role labels that are not part of a register entry.
function plainPerson({ role: _role, roleLabel: _label, ...person }: DemoPerson): Individual {
  return structuredClone(person);
}

function plainEntity({ role: _role, roleLabel: _label, ...entity }: DemoEntity): LegalEntity {
  return structuredClone(entity);
}
