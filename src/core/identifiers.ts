// Kazakhstan's 12-digit identification numbers: the IIN of an individual and
// the BIN of a business. Both end in the same check digit. Pure: no I/O and no
// clock, so the same input always gets the same verdict.

export type IdRule = 'format' | 'checksum' | 'birth_date' | 'century_sex' | 'registration_date' | 'entity_type';
export type IdKind = 'iin' | 'bin';
export type Sex = 'male' | 'female';
export type EntityType = 'resident' | 'non_resident' | 'entrepreneur';
export type BinAttribute = 'head' | 'branch' | 'representative' | 'peasant_farm';

export interface IinInfo {
  iin: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

export interface BinInfo {
  bin: string;
  /** YYYY-MM */
  registered: string;
  entityType: EntityType;
  attribute: BinAttribute;
}

export type IinResult = ({ ok: true } & IinInfo) | { ok: false; error: IdentifierError };
export type BinResult = ({ ok: true } & BinInfo) | { ok: false; error: IdentifierError };

export class IdentifierError extends Error {
  readonly kind: IdKind;
  readonly rule: IdRule;
  readonly value: string;
  /** The message without the "IIN 123…: " prefix, for callers that compose their own. */
  readonly detail: string;

  constructor(kind: IdKind, rule: IdRule, value: string, detail: string) {
    super(`${kind.toUpperCase()} ${displayValue(value)}: ${detail}`);
    this.name = 'IdentifierError';
    this.kind = kind;
    this.rule = rule;
    this.value = value;
    this.detail = detail;
  }
}

// Error messages end up in logs and API responses, so a hostile or huge input
// is quoted and cut rather than echoed raw.
function displayValue(value: string): string {
  if (/^\d{12}$/.test(value)) return value;
  const cut = value.length > 24 ? `${value.slice(0, 24)}…` : value;
  return JSON.stringify(cut);
}

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of an IIN or BIN, or null when both
 * weighting passes give 10: such a prefix is never issued.
 */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) {
    throw new RangeError(`checkDigit needs exactly 11 digits, got ${displayValue(first11)}`);
  }
  const first = weightedMod11(first11, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}

function formatProblem(v: unknown): string | null {
  if (typeof v !== 'string') return `must be a string of 12 digits, got ${typeof v}`;
  if (v.length !== 12) return `must be exactly 12 digits, got ${v.length} character${v.length === 1 ? '' : 's'}`;
  const bad = v.search(/\D/);
  if (bad >= 0) return `must contain only digits, found ${JSON.stringify(v[bad])} at position ${bad + 1}`;
  return null;
}

function checksumProblem(v: string): string | null {
  const expected = checkDigit(v.slice(0, 11));
  if (expected === null) {
    return 'no check digit is possible for the first 11 digits (both weighting passes give 10), so this number is never issued';
  }
  const actual = Number(v[11]);
  return actual === expected ? null : `check digit is ${actual}, expected ${expected}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// --- IIN -------------------------------------------------------------------

// Digit 7 packs the century of birth with sex: odd for men, even for women.
const CENTURY_SEX: Readonly<Record<string, { century: number; sex: Sex }>> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

function iinError(v: string, rule: IdRule, detail: string): { ok: false; error: IdentifierError } {
  return { ok: false, error: new IdentifierError('iin', rule, v, detail) };
}

/**
 * Checks layout, birth date, century/sex digit and check digit. A birth date
 * in the future is not refused: that needs a clock, which this module has not.
 */
export function validateIin(v: string): IinResult {
  const r = checkIin(v);
  if (r.ok || r.error.rule === 'format' || !checkBin(v).ok) return r;
  return iinError(v, r.error.rule, `${r.error.detail} (it is a valid BIN, not an IIN)`);
}

function checkIin(v: string): IinResult {
  const format = formatProblem(v);
  if (format) return iinError(typeof v === 'string' ? v : String(v), 'format', format);

  const digit7 = v[6]!;
  const cs = CENTURY_SEX[digit7];
  if (!cs) {
    // Some sources say 0 marks foreigners; it names no century, so the birth
    // date could not be decoded, and such a number is refused.
    const why = digit7 === '0' ? ' (0 is sometimes said to mark foreigners, but it names no century, so it is rejected)' : '';
    return iinError(v, 'century_sex', `digit 7 (century and sex) is ${digit7}, expected 1 to 6${why}`);
  }

  const year = cs.century + Number(v.slice(0, 2));
  const month = Number(v.slice(2, 4));
  const day = Number(v.slice(4, 6));
  if (!isRealDate(year, month, day)) {
    return iinError(v, 'birth_date', `digits 1-6 give birth date ${year}-${v.slice(2, 4)}-${v.slice(4, 6)}, which does not exist`);
  }

  const checksum = checksumProblem(v);
  if (checksum) return iinError(v, 'checksum', checksum);

  return { ok: true, iin: v, birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`, sex: cs.sex };
}

export function parseIin(v: string): IinInfo {
  const r = validateIin(v);
  if (!r.ok) throw r.error;
  return { iin: r.iin, birthDate: r.birthDate, sex: r.sex };
}

/**
 * Builds a valid IIN for generators and fixtures. `serial` (0..9999) fills
 * digits 8-11. A prefix for which no check digit exists is never issued, so
 * when `serial` lands on one the next serial upward is used instead. At most
 * one serial in ten is affected (digit 11 has weight 11 ≡ 0 in the first pass
 * and weight 2 in the second, which hits 10 for at most one of its values), so
 * two neighbouring serials may yield the same IIN: callers that need distinct
 * numbers must check for repeats.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new RangeError(`birth date must be YYYY-MM-DD, got ${JSON.stringify(birthDate)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1800 || year > 2099) throw new RangeError(`an IIN can encode birth years 1800-2099 only, got ${year}`);
  if (!isRealDate(year, month, day)) throw new RangeError(`birth date ${birthDate} does not exist`);
  if (sex !== 'male' && sex !== 'female') throw new RangeError(`sex must be male or female, got ${JSON.stringify(sex)}`);
  const centuryIndex = Math.floor(year / 100) - 18; // 0, 1, 2
  const digit7 = 2 * centuryIndex + (sex === 'male' ? 1 : 2);
  return withCheckDigit(`${m[1]!.slice(2)}${m[2]}${m[3]}${digit7}`, serial, 4, 'IIN');
}

// --- BIN -------------------------------------------------------------------

// A BIN carries a two-digit registration year. Registrations from the 1970s
// onward are the only ones in circulation, so 70-99 reads as 19xx and 00-69 as
// 20xx; makeBin refuses years outside that window so every BIN it makes reads
// back as the year it was given.
const BIN_YEAR_PIVOT = 70;

const ENTITY_TYPE_BY_DIGIT: Readonly<Record<string, EntityType>> = {
  '4': 'resident',
  '5': 'non_resident',
  '6': 'entrepreneur',
};
const ATTRIBUTE_BY_DIGIT: Readonly<Record<string, BinAttribute>> = {
  '0': 'head',
  '1': 'branch',
  '2': 'representative',
  '3': 'peasant_farm',
};
const DIGIT_BY_ENTITY_TYPE: Readonly<Record<EntityType, string>> = { resident: '4', non_resident: '5', entrepreneur: '6' };
const DIGIT_BY_ATTRIBUTE: Readonly<Record<BinAttribute, string>> = { head: '0', branch: '1', representative: '2', peasant_farm: '3' };

function binError(v: string, rule: IdRule, detail: string): { ok: false; error: IdentifierError } {
  return { ok: false, error: new IdentifierError('bin', rule, v, detail) };
}

export function validateBin(v: string): BinResult {
  const r = checkBin(v);
  if (r.ok || r.error.rule === 'format' || !checkIin(v).ok) return r;
  return binError(v, r.error.rule, `${r.error.detail} (it is a valid IIN, not a BIN)`);
}

function checkBin(v: string): BinResult {
  const format = formatProblem(v);
  if (format) return binError(typeof v === 'string' ? v : String(v), 'format', format);

  const yy = Number(v.slice(0, 2));
  const year = (yy >= BIN_YEAR_PIVOT ? 1900 : 2000) + yy;
  const month = Number(v.slice(2, 4));
  if (month < 1 || month > 12) {
    return binError(v, 'registration_date', `digits 3-4 (registration month) are ${v.slice(2, 4)}, expected 01 to 12`);
  }

  const entityType = ENTITY_TYPE_BY_DIGIT[v[4]!];
  if (!entityType) {
    return binError(v, 'entity_type', `digit 5 (entity type) is ${v[4]}, expected 4 (resident), 5 (non-resident) or 6 (entrepreneur)`);
  }
  const attribute = ATTRIBUTE_BY_DIGIT[v[5]!];
  if (!attribute) {
    return binError(v, 'entity_type', `digit 6 (entity attribute) is ${v[5]}, expected 0 (head unit), 1 (branch), 2 (representative office) or 3 (peasant farm)`);
  }

  const checksum = checksumProblem(v);
  if (checksum) return binError(v, 'checksum', checksum);

  return { ok: true, bin: v, registered: `${year}-${pad(month, 2)}`, entityType, attribute };
}

export function parseBin(v: string): BinInfo {
  const r = validateBin(v);
  if (!r.ok) throw r.error;
  return { bin: r.bin, registered: r.registered, entityType: r.entityType, attribute: r.attribute };
}

/**
 * Builds a valid BIN. `yyyymm` is "YYYY-MM" or "YYYYMM" (years 1970-2069);
 * `serial` (0..99999) fills digits 7-11 and, like in makeIin, moves up to the
 * next serial when its prefix has no check digit.
 */
export function makeBin(yyyymm: string, entityType: EntityType, attribute: BinAttribute, serial: number): string {
  const m = /^(\d{4})-?(\d{2})$/.exec(yyyymm);
  if (!m) throw new RangeError(`registration month must be YYYY-MM, got ${JSON.stringify(yyyymm)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 + BIN_YEAR_PIVOT || year >= 2000 + BIN_YEAR_PIVOT) {
    throw new RangeError(`a BIN can encode registration years ${1900 + BIN_YEAR_PIVOT}-${1999 + BIN_YEAR_PIVOT} only, got ${year}`);
  }
  if (month < 1 || month > 12) throw new RangeError(`registration month ${m[2]} does not exist`);
  const typeDigit = DIGIT_BY_ENTITY_TYPE[entityType];
  const attributeDigit = DIGIT_BY_ATTRIBUTE[attribute];
  if (typeDigit === undefined) throw new RangeError(`unknown entity type ${JSON.stringify(entityType)}`);
  if (attributeDigit === undefined) throw new RangeError(`unknown entity attribute ${JSON.stringify(attribute)}`);
  return withCheckDigit(`${m[1]!.slice(2)}${m[2]}${typeDigit}${attributeDigit}`, serial, 5, 'BIN');
}

function withCheckDigit(head: string, serial: number, width: number, kind: string): string {
  const limit = 10 ** width;
  if (!Number.isInteger(serial) || serial < 0 || serial >= limit) {
    throw new RangeError(`${kind} serial must be an integer from 0 to ${limit - 1}, got ${serial}`);
  }
  for (let s = serial; s < limit; s++) {
    const first11 = head + pad(s, width);
    const check = checkDigit(first11);
    if (check !== null) return first11 + check;
  }
  throw new RangeError(`no ${kind} with a valid check digit exists from serial ${serial} upward for ${head}`);
}
