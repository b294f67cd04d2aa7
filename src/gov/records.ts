// What the state databases hold about a person or an organisation, in the shape
// the e-government gateway hands it out. Names and addresses come in both
// official languages because documents are issued in whichever the applicant
// chose, and the two spellings differ (Әбілов / Абилов).

import type { Sex } from '../core/identifiers.ts';

export type { Sex };

export interface Localized {
  kk: string;
  ru: string;
}

export interface Address extends Localized {
  /** Region in its official English name, e.g. "Karaganda Region"; for the three cities of republican significance, the city itself. */
  region: string;
  /** City in its official English name, e.g. "Oskemen". */
  city: string;
}

export interface Individual {
  iin: string;
  surname: Localized;
  givenName: Localized;
  /** Absent when the person has none on record. */
  patronymic?: Localized;
  /** YYYY-MM-DD, always the date encoded in the IIN. */
  birthDate: string;
  sex: Sex;
  /** Registered place of residence. */
  address: Address;
  email?: string;
  /** E.164, e.g. +77011234567. */
  phone?: string;
  /** Present (and true) only for people recorded as deceased. */
  deceased?: boolean;
}

/**
 * Latin codes, not the Cyrillic abbreviations, so code can name them without
 * mixing scripts; LEGAL_FORM_NAMES gives what documents print.
 * GU is a state institution (government bodies are legal entities too).
 */
export type LegalForm = 'TOO' | 'AO' | 'IP' | 'GU';

export const LEGAL_FORM_NAMES: Readonly<Record<LegalForm, { kk: string; ru: string; fullKk: string; fullRu: string }>> = {
  TOO: { kk: 'ЖШС', ru: 'ТОО', fullKk: 'жауапкершілігі шектеулі серіктестік', fullRu: 'товарищество с ограниченной ответственностью' },
  AO: { kk: 'АҚ', ru: 'АО', fullKk: 'акционерлік қоғам', fullRu: 'акционерное общество' },
  IP: { kk: 'ЖК', ru: 'ИП', fullKk: 'жеке кәсіпкер', fullRu: 'индивидуальный предприниматель' },
  GU: { kk: 'ММ', ru: 'ГУ', fullKk: 'мемлекеттік мекеме', fullRu: 'государственное учреждение' },
};

export type EntityStatus = 'active' | 'liquidated';

export interface LegalEntity {
  bin: string;
  /** Full name with the legal form as printed, e.g. ТОО «Защитные технологии». */
  name: Localized;
  legalForm: LegalForm;
  /** YYYY-MM-DD; its year and month are the ones encoded in the BIN. */
  registeredOn: string;
  address: Localized;
  /** IIN of the first head (director, or the entrepreneur himself). */
  headIin: string;
  status: EntityStatus;
}
