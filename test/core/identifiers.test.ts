import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  IdentifierError,
  checkDigit,
  makeBin,
  makeIin,
  parseBin,
  parseIin,
  validateBin,
  validateIin,
  type IdRule,
} from '../../src/core/identifiers.ts';

function iinRule(v: string): IdRule | 'ok' {
  const r = validateIin(v);
  return r.ok ? 'ok' : r.error.rule;
}

function binRule(v: string): IdRule | 'ok' {
  const r = validateBin(v);
  return r.ok ? 'ok' : r.error.rule;
}

test('check digit, first pass: 870314300126', () => {
  // digits   8  7  0  3  1  4  3  0  0  1  2
  // weights  1  2  3  4  5  6  7  8  9 10 11
  // products 8 14  0 12  5 24 21  0  0 10 22  = 116;  116 mod 11 = 6
  assert.equal(checkDigit('87031430012'), 6);
  assert.deepEqual(validateIin('870314300126'), { ok: true, iin: '870314300126', birthDate: '1987-03-14', sex: 'male' });
});

test('check digit, second pass: 920315400105', () => {
  // digits   9  2  0  3  1  5  4  0  0  1  0
  // pass 1:  weights 1..11  -> 9+4+0+12+5+30+28+0+0+10+0 = 98;  98 mod 11 = 10, so a second pass
  // pass 2:  weights 3 4 5 6 7 8 9 10 11 1 2
  //          27+8+0+18+7+40+36+0+0+1+0 = 137;  137 mod 11 = 5
  assert.equal(checkDigit('92031540010'), 5);
  assert.deepEqual(validateIin('920315400105'), { ok: true, iin: '920315400105', birthDate: '1992-03-15', sex: 'female' });
});

test('a prefix whose both passes give 10 has no check digit and is never issued', () => {
  // 0 1 1 1 0 5 5 0 0 9 0
  // pass 1: 0+2+3+4+0+30+35+0+0+90+0 = 164;  164 mod 11 = 10
  // pass 2: 0+4+5+6+0+40+45+0+0+9+0  = 109;  109 mod 11 = 10
  assert.equal(checkDigit('01110550090'), null);
  for (let d = 0; d <= 9; d++) {
    const r = validateIin(`01110550090${d}`);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.error.rule, 'checksum');
      assert.match(r.error.message, /never issued/);
    }
  }
});

test('checkDigit refuses input that is not 11 digits', () => {
  assert.throws(() => checkDigit('1234567890'), RangeError);
  assert.throws(() => checkDigit('1234567890a'), RangeError);
});

test('wrong check digit names the digit found and the one expected', () => {
  const r = validateIin('870314300127');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.ok(r.error instanceof IdentifierError);
  assert.equal(r.error.kind, 'iin');
  assert.equal(r.error.rule, 'checksum');
  assert.equal(r.error.value, '870314300127');
  assert.equal(r.error.message, 'IIN 870314300127: check digit is 7, expected 6');
});

test('impossible birth date (30 February) fails the birth_date rule', () => {
  // Checksum made valid on purpose, so only the date can be at fault.
  const prefix = '8502303' + '0001';
  const v = prefix + checkDigit(prefix);
  assert.equal(iinRule(v), 'birth_date');
  assert.match((validateIin(v) as { error: IdentifierError }).error.message, /1985-02-30, which does not exist/);
  // 29 February exists only in leap years: 2000 was one, 1900 was not.
  const leap = makeIin('2000-02-29', 'female', 17);
  assert.equal(parseIin(leap).birthDate, '2000-02-29');
  const notLeap = '0002293' + '0017';
  assert.equal(iinRule(notLeap + (checkDigit(notLeap) ?? 0)), 'birth_date');
});

test('century/sex digit outside 1..6 fails, and 0 is explained', () => {
  for (const d of ['0', '7', '8', '9']) {
    const prefix = `870314${d}0012`;
    const v = prefix + (checkDigit(prefix) ?? 0);
    assert.equal(iinRule(v), 'century_sex', d);
  }
  const zero = validateIin('870314000120');
  assert.equal(zero.ok, false);
  if (!zero.ok) assert.match(zero.error.message, /digit 7 \(century and sex\) is 0.*foreigners/);
});

test('non-digits and wrong length fail the format rule', () => {
  assert.equal(iinRule('87031430012a'), 'format');
  assert.equal(iinRule('８７０３１４３００１２６'), 'format'); // full-width digits are not ASCII digits
  assert.equal(iinRule(' 87031430012'), 'format');
  assert.equal(iinRule('87031430012'), 'format');
  assert.equal(iinRule('8703143001266'), 'format');
  assert.equal(iinRule(''), 'format');
  assert.equal(iinRule(12 as unknown as string), 'format');
  const r = validateIin('8703-1430012');
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.error.message, 'IIN "8703-1430012": must contain only digits, found "-" at position 5');
  const long = validateIin('9'.repeat(500));
  if (!long.ok) assert.ok(long.error.message.length < 120, 'a huge input is cut in the message');
});

test('birth date and sex decode across the three centuries', () => {
  const cases = [
    ['1899-12-31', 'female', '2'],
    ['1865-07-04', 'male', '1'],
    ['1900-01-01', 'male', '3'],
    ['1999-12-31', 'female', '4'],
    ['2000-01-01', 'male', '5'],
    ['2023-11-30', 'female', '6'],
  ] as const;
  for (const [birthDate, sex, digit7] of cases) {
    const iin = makeIin(birthDate, sex, 4321);
    assert.equal(iin[6], digit7, birthDate);
    assert.equal(iin.slice(0, 6), birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10));
    assert.deepEqual(parseIin(iin), { iin, birthDate, sex });
  }
});

test('parseIin throws the IdentifierError that validateIin returns', () => {
  assert.throws(
    () => parseIin('870314300127'),
    (e: unknown) => e instanceof IdentifierError && e.rule === 'checksum' && e.kind === 'iin',
  );
});

test('makeIin skips a serial whose prefix has no check digit', () => {
  // 850722 3 0024: pass 1 = 10 and pass 2 = 10, so serial 24 cannot be issued.
  assert.equal(checkDigit('85072230024'), null);
  const iin = makeIin('1985-07-22', 'male', 24);
  assert.equal(iin.slice(7, 11), '0025');
  assert.equal(iinRule(iin), 'ok');
  assert.equal(makeIin('1985-07-22', 'male', 23).slice(7, 11), '0023');
});

test('makeIin refuses what no IIN can say', () => {
  assert.throws(() => makeIin('1985-02-30', 'male', 1), RangeError);
  assert.throws(() => makeIin('1799-12-31', 'male', 1), RangeError);
  assert.throws(() => makeIin('2100-01-01', 'male', 1), RangeError);
  assert.throws(() => makeIin('1985-1-1', 'male', 1), RangeError);
  assert.throws(() => makeIin('1985-01-01', 'male', 10000), RangeError);
  assert.throws(() => makeIin('1985-01-01', 'male', -1), RangeError);
  assert.throws(() => makeIin('1985-01-01', 'male', 1.5), RangeError);
});

test('every serial of a day yields a valid IIN', () => {
  const seen = new Set<string>();
  for (let s = 0; s < 10000; s++) {
    const iin = makeIin('1990-05-17', 'female', s);
    assert.equal(iinRule(iin), 'ok');
    seen.add(iin);
  }
  // Only skipped serials collapse onto a neighbour, and they are rare.
  assert.ok(seen.size > 9800, `${seen.size} distinct`);
});

test('BIN: a valid one decodes registration month, type and attribute', () => {
  // 1 5 0 3 4 0 0 1 2 3 4 with weights 1..11:
  // 1+10+0+12+20+0+0+8+18+30+44 = 143;  143 mod 11 = 0
  assert.equal(checkDigit('15034001234'), 0);
  assert.deepEqual(validateBin('150340012340'), {
    ok: true,
    bin: '150340012340',
    registered: '2015-03',
    entityType: 'resident',
    attribute: 'head',
  });
  const branch = makeBin('1998-11', 'non_resident', 'branch', 777);
  assert.deepEqual(parseBin(branch), { bin: branch, registered: '1998-11', entityType: 'non_resident', attribute: 'branch' });
  const farm = makeBin('202404', 'entrepreneur', 'peasant_farm', 99999);
  assert.deepEqual(parseBin(farm), { bin: farm, registered: '2024-04', entityType: 'entrepreneur', attribute: 'peasant_farm' });
  assert.equal(makeBin('2015-03', 'resident', 'representative', 5).slice(4, 6), '42');
});

test('BIN: each rule fails on its own', () => {
  assert.equal(binRule('150340012341'), 'checksum');
  assert.equal(binRule('15034001234'), 'format');
  assert.equal(binRule('15034001234x'), 'format');
  const withCheck = (p: string) => p + (checkDigit(p) ?? 0);
  assert.equal(binRule(withCheck('15134001234')), 'registration_date'); // month 13
  assert.equal(binRule(withCheck('15004001234')), 'registration_date'); // month 00
  assert.equal(binRule(withCheck('15033001234')), 'entity_type'); // type 3
  assert.equal(binRule(withCheck('15037001234')), 'entity_type'); // type 7
  assert.equal(binRule(withCheck('15034401234')), 'entity_type'); // attribute 4
  const r = validateBin('150340012341');
  if (!r.ok) assert.equal(r.error.message, 'BIN 150340012341: check digit is 1, expected 0');
  assert.throws(() => parseBin('150340012341'), (e: unknown) => e instanceof IdentifierError && e.kind === 'bin');
});

test('an IIN given as a BIN (and the reverse) says so', () => {
  const bin = validateBin('870314300126');
  assert.equal(bin.ok, false);
  if (!bin.ok) assert.match(bin.error.message, /valid IIN, not a BIN/);
  const iin = validateIin('150340012340');
  assert.equal(iin.ok, false);
  if (!iin.ok) assert.match(iin.error.message, /valid BIN, not an IIN/);
});

test('BIN registration years read back as given within 1970-2069', () => {
  assert.equal(parseBin(makeBin('1970-01', 'resident', 'head', 1)).registered, '1970-01');
  assert.equal(parseBin(makeBin('2069-12', 'resident', 'head', 1)).registered, '2069-12');
  assert.throws(() => makeBin('1969-12', 'resident', 'head', 1), RangeError);
  assert.throws(() => makeBin('2070-01', 'resident', 'head', 1), RangeError);
  assert.throws(() => makeBin('2015-13', 'resident', 'head', 1), RangeError);
  assert.throws(() => makeBin('2015-03', 'state' as never, 'head', 1), RangeError);
  assert.throws(() => makeBin('2015-03', 'resident', 'head', 100000), RangeError);
});
