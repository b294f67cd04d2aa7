import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeBin, makeIin, parseBin, parseIin } from '../../src/core/identifiers.ts';
import { DEMO_ENTITIES, DEMO_PEOPLE, demoEntity, demoPerson } from '../../src/gov/population.ts';

// Other code and saved demo data use these numbers: changing one is a breaking change.
const PINNED_IINS = {
  applicant: '870314300126',
  company_head: '791102320470',
  company_employee: '940621433183',
  provider_chancellery: '900809411058',
  provider_licensing_head: '750227308749',
  provider_executor: '881205345207',
  provider_head: '680519302038',
} as const;

const PINNED_BINS = {
  applicant_company: '160440035711',
  provider: '920640000012',
} as const;

test('demo people keep their IINs, one per role', () => {
  assert.deepEqual(Object.fromEntries(DEMO_PEOPLE.map((p) => [p.role, p.iin])), PINNED_IINS);
  for (const p of DEMO_PEOPLE) {
    assert.deepEqual(parseIin(p.iin), { iin: p.iin, birthDate: p.birthDate, sex: p.sex });
    assert.equal(p.iin, makeIin(p.birthDate, p.sex, Number(p.iin.slice(7, 11))));
    assert.ok(p.roleLabel.en && p.roleLabel.kk && p.roleLabel.ru);
  }
});

test('demo entities keep their BINs, and their heads are demo people', () => {
  assert.deepEqual(Object.fromEntries(DEMO_ENTITIES.map((e) => [e.role, e.bin])), PINNED_BINS);
  for (const e of DEMO_ENTITIES) {
    const bin = parseBin(e.bin);
    assert.equal(bin.registered, e.registeredOn.slice(0, 7));
    assert.equal(e.bin, makeBin(bin.registered, bin.entityType, bin.attribute, Number(e.bin.slice(6, 11))));
  }
  assert.equal(demoEntity('applicant_company').headIin, demoPerson('company_head').iin);
  assert.equal(demoEntity('provider').headIin, demoPerson('provider_head').iin);
  assert.equal(demoEntity('applicant_company').name.ru, 'ТОО «Защитные технологии»');
  assert.equal(demoEntity('applicant_company').name.kk, '«Қорғау технологиялары» ЖШС');
});

test('the applicant is spelled differently in Kazakh and in Russian', () => {
  const p = demoPerson('applicant');
  assert.equal(`${p.givenName.kk} ${p.patronymic?.kk} ${p.surname.kk}`, 'Ержан Серікұлы Әбілов');
  assert.equal(`${p.givenName.ru} ${p.patronymic?.ru} ${p.surname.ru}`, 'Ержан Серикович Абилов');
});

test('the demo cast cannot be changed by one of its users', () => {
  const p = demoPerson('applicant');
  assert.throws(() => {
    (p as { email?: string }).email = 'x@example.com';
  }, TypeError);
  assert.throws(() => {
    (p.surname as { ru: string }).ru = 'X';
  }, TypeError);
  assert.throws(() => demoPerson('nobody' as never), RangeError);
});
