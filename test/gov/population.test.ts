import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBin, parseIin, validateBin, validateIin } from '../../src/core/identifiers.ts';
import { DEMO_ENTITIES, DEMO_PEOPLE, generatePopulation, POPULATION_AS_OF } from '../../src/gov/population.ts';
import { mulberry32 } from '../../src/gov/random.ts';

const population = generatePopulation({ seed: 2024, individuals: 3000, legalEntities: 600 });

test('mulberry32 repeats for a seed and differs between seeds', () => {
  const a = mulberry32(7);
  const b = mulberry32(7);
  const c = mulberry32(8);
  const fromA = Array.from({ length: 5 }, a);
  assert.deepEqual(Array.from({ length: 5 }, b), fromA);
  assert.notDeepEqual(Array.from({ length: 5 }, c), fromA);
  assert.ok(fromA.every((x) => x >= 0 && x < 1));
});

test('the same seed gives the same population, another seed another one', () => {
  const again = generatePopulation({ seed: 2024, individuals: 3000, legalEntities: 600 });
  assert.deepEqual(again, population);
  const other = generatePopulation({ seed: 2025, individuals: 3000, legalEntities: 600 });
  assert.notDeepEqual(other.individuals.slice(DEMO_PEOPLE.length, DEMO_PEOPLE.length + 10), population.individuals.slice(DEMO_PEOPLE.length, DEMO_PEOPLE.length + 10));
});

test('counts: the demo cast first, then the generated ones', () => {
  assert.equal(population.individuals.length, DEMO_PEOPLE.length + 3000);
  assert.equal(population.legalEntities.length, DEMO_ENTITIES.length + 600);
  assert.deepEqual(population.individuals.slice(0, DEMO_PEOPLE.length).map((p) => p.iin), DEMO_PEOPLE.map((p) => p.iin));
  assert.deepEqual(population.legalEntities.slice(0, DEMO_ENTITIES.length).map((e) => e.bin), DEMO_ENTITIES.map((e) => e.bin));
  // Register entries carry no demo role labels.
  assert.ok(!('role' in population.individuals[0]!));
  const bare = generatePopulation({ seed: 1, individuals: 5, legalEntities: 2, includeDemo: false });
  assert.equal(bare.individuals.length, 5);
  assert.equal(bare.legalEntities.length, 2);
});

test('every IIN is valid, unique and agrees with the birth date and sex', () => {
  const seen = new Set<string>();
  for (const p of population.individuals) {
    const r = validateIin(p.iin);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.birthDate, p.birthDate, p.iin);
    assert.equal(r.sex, p.sex, p.iin);
    assert.ok(!seen.has(p.iin), `duplicate IIN ${p.iin}`);
    seen.add(p.iin);
    assert.ok(p.birthDate < POPULATION_AS_OF, `${p.iin} born after the population date`);
  }
});

test('every BIN is valid, unique and agrees with the registration date and form', () => {
  const seen = new Set<string>();
  for (const e of population.legalEntities) {
    const r = validateBin(e.bin);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.registered, e.registeredOn.slice(0, 7), e.bin);
    assert.equal(r.entityType, e.legalForm === 'IP' ? 'entrepreneur' : 'resident', e.bin);
    assert.ok(!seen.has(e.bin), `duplicate BIN ${e.bin}`);
    seen.add(e.bin);
    assert.ok(e.registeredOn < POPULATION_AS_OF);
  }
  const attributes = new Set(population.legalEntities.map((e) => parseBin(e.bin).attribute));
  assert.deepEqual([...attributes].sort(), ['branch', 'head', 'peasant_farm']);
});

test('every head is a generated individual who was an adult when the entity was registered', () => {
  const byIin = new Map(population.individuals.map((p) => [p.iin, p]));
  const demoIins = new Set(DEMO_PEOPLE.map((p) => p.iin));
  for (const e of population.legalEntities.slice(DEMO_ENTITIES.length)) {
    const head = byIin.get(e.headIin);
    assert.ok(head, `${e.bin}: head ${e.headIin} is not among the individuals`);
    assert.ok(!demoIins.has(e.headIin), `${e.bin}: a demo person heads a generated entity`);
    const ageThatYear = Number(e.registeredOn.slice(0, 4)) - Number(head.birthDate.slice(0, 4));
    assert.ok(ageThatYear >= 18, `${e.bin} registered ${e.registeredOn}, head born ${head.birthDate}`);
  }
  for (const e of population.legalEntities) assert.ok(byIin.has(e.headIin));
});

test('names, addresses and contacts look like Kazakhstan', () => {
  const people = population.individuals;
  // Kazakh spelling keeps letters Russian lacks, and the two differ for many people.
  assert.ok(people.some((p) => /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(p.surname.kk) && p.surname.kk !== p.surname.ru));
  assert.ok(people.some((p) => p.surname.kk === p.surname.ru), 'Russian names are spelled alike in both');
  for (const p of people) {
    assert.ok(p.surname.kk && p.surname.ru && p.givenName.kk && p.givenName.ru);
    if (p.sex === 'female') assert.match(p.surname.ru, /а$/, p.iin);
    if (p.patronymic) {
      assert.match(p.patronymic.ru, p.sex === 'male' ? /вич$/ : /вна$/, p.iin);
      assert.match(p.patronymic.kk, p.sex === 'male' ? /(ұлы|вич)$/ : /(қызы|вна)$/, p.iin);
    }
    assert.match(p.address.ru, /^Казахстан, .*г\. .+, д\. \S+/);
    assert.match(p.address.kk, /^Қазақстан, .* қ\., .+ үй/);
    assert.ok(p.address.city && p.address.region);
    if (p.phone !== undefined) assert.match(p.phone, /^\+77\d{9}$/);
    if (p.email !== undefined) assert.match(p.email, /^[a-z.]+\d*@[a-z-]+\.[a-z]+$/);
  }
  const cities = new Set(people.map((p) => p.address.city));
  for (const c of ['Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe']) assert.ok(cities.has(c), c);
  assert.ok(people.filter((p) => p.patronymic === undefined).length > 0, 'a few have no patronymic');
  assert.ok(people.some((p) => p.deceased === true));
  assert.ok(people.every((p) => p.deceased === undefined || p.deceased === true));

  const entities = population.legalEntities;
  assert.ok(entities.some((e) => e.name.ru.startsWith('ТОО «') && e.name.kk.endsWith('» ЖШС')));
  assert.ok(entities.some((e) => e.legalForm === 'AO' && e.name.ru.startsWith('АО «')));
  assert.ok(entities.some((e) => e.legalForm === 'IP'));
  assert.ok(entities.some((e) => e.status === 'liquidated'));
  assert.ok(entities.filter((e) => e.status === 'active').length > entities.length / 2);
});

test('ages span the three generations alive today', () => {
  const years = population.individuals.map((p) => Number(p.birthDate.slice(0, 4)));
  assert.ok(Math.min(...years) < 1950);
  assert.ok(Math.max(...years) >= 2010);
  const centuries = new Set(population.individuals.map((p) => parseIin(p.iin).birthDate.slice(0, 2)));
  assert.deepEqual([...centuries].sort(), ['19', '20']);
});

test('bad options are refused', () => {
  assert.throws(() => generatePopulation({ seed: 1, individuals: -1, legalEntities: 0 }), RangeError);
  assert.throws(() => generatePopulation({ seed: 1, individuals: 1.5, legalEntities: 0 }), RangeError);
  assert.throws(() => generatePopulation({ seed: 0.5, individuals: 1, legalEntities: 0 }), RangeError);
  assert.throws(
    () => generatePopulation({ seed: 1, individuals: 0, legalEntities: 1, includeDemo: false }),
    /at least one living adult/,
  );
});
