// Table rows of the state databases and their translation to and from the
// records the gateway hands out. Columns are flat and plain (text, integer)
// so the same rows work on SQLite and PostgreSQL.

import type { EntityStatus, Individual, LegalEntity, LegalForm, Sex } from './records.ts';

export interface GovIndividualRow {
  iin: string;
  surname_kk: string;
  surname_ru: string;
  given_name_kk: string;
  given_name_ru: string;
  patronymic_kk: string | null;
  patronymic_ru: string | null;
  /** YYYY-MM-DD */
  birth_date: string;
  sex: Sex;
  address_kk: string;
  address_ru: string;
  region: string;
  city: string;
  email: string | null;
  phone: string | null;
  /** 0 or 1: better-sqlite3 cannot bind booleans. */
  deceased: number;
}

export interface GovLegalEntityRow {
  bin: string;
  name_kk: string;
  name_ru: string;
  legal_form: LegalForm;
  /** YYYY-MM-DD */
  registered_on: string;
  address_kk: string;
  address_ru: string;
  head_iin: string;
  status: EntityStatus;
}

/** The gov tables as a Kysely database type: `Kysely<GovTables>`. */
export interface GovTables {
  gov_individuals: GovIndividualRow;
  gov_legal_entities: GovLegalEntityRow;
}

export function individualToRow(p: Individual): GovIndividualRow {
  return {
    iin: p.iin,
    surname_kk: p.surname.kk,
    surname_ru: p.surname.ru,
    given_name_kk: p.givenName.kk,
    given_name_ru: p.givenName.ru,
    patronymic_kk: p.patronymic?.kk ?? null,
    patronymic_ru: p.patronymic?.ru ?? null,
    birth_date: p.birthDate,
    sex: p.sex,
    address_kk: p.address.kk,
    address_ru: p.address.ru,
    region: p.address.region,
    city: p.address.city,
    email: p.email ?? null,
    phone: p.phone ?? null,
    deceased: p.deceased ? 1 : 0,
  };
}

// Optional fields are left out rather than set to undefined, so a record read
// back compares equal to the one that was written.
export function rowToIndividual(r: GovIndividualRow): Individual {
  const person: Individual = {
    iin: r.iin,
    surname: { kk: r.surname_kk, ru: r.surname_ru },
    givenName: { kk: r.given_name_kk, ru: r.given_name_ru },
    birthDate: r.birth_date,
    sex: r.sex,
    address: { kk: r.address_kk, ru: r.address_ru, region: r.region, city: r.city },
  };
  if (r.patronymic_kk !== null && r.patronymic_ru !== null) person.patronymic = { kk: r.patronymic_kk, ru: r.patronymic_ru };
  if (r.email !== null) person.email = r.email;
  if (r.phone !== null) person.phone = r.phone;
  if (Number(r.deceased) === 1) person.deceased = true;
  return person;
}

export function legalEntityToRow(e: LegalEntity): GovLegalEntityRow {
  return {
    bin: e.bin,
    name_kk: e.name.kk,
    name_ru: e.name.ru,
    legal_form: e.legalForm,
    registered_on: e.registeredOn,
    address_kk: e.address.kk,
    address_ru: e.address.ru,
    head_iin: e.headIin,
    status: e.status,
  };
}

export function rowToLegalEntity(r: GovLegalEntityRow): LegalEntity {
  return {
    bin: r.bin,
    name: { kk: r.name_kk, ru: r.name_ru },
    legalForm: r.legal_form,
    registeredOn: r.registered_on,
    address: { kk: r.address_kk, ru: r.address_ru },
    headIin: r.head_iin,
    status: r.status,
  };
}
