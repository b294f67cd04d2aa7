// Every expected date below was read off a printed calendar and the sources quoted in
// src/core/calendar.ts and data/calendar/kz-transfers.json, not produced by the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar, parseTransferTable } from '../../src/core/calendar.ts';
import { dayToIso, isoToDay } from '../../src/core/time.ts';

const cal = WorkingCalendar.kz();
const D = isoToDay;
const off = (c: WorkingCalendar, ...isos: string[]) => {
  for (const iso of isos) assert.equal(c.isWorkingDay(D(iso)), false, `${iso} should be a day off`);
};
const on = (c: WorkingCalendar, ...isos: string[]) => {
  for (const iso of isos) assert.equal(c.isWorkingDay(D(iso)), true, `${iso} should be a working day`);
};
const next = (c: WorkingCalendar, iso: string) => dayToIso(c.nextWorkingDay(D(iso)));
const plus = (c: WorkingCalendar, iso: string, n: number) => dayToIso(c.addWorkingDays(D(iso), n));

test('Saturday and Sunday are days off', () => {
  off(cal, '2025-03-01', '2025-03-02', '2025-11-22', '2025-11-23');
  on(cal, '2025-02-28', '2025-03-03', '2025-11-21', '2025-11-24');
  assert.equal(next(cal, '2025-02-28'), '2025-03-03');
});

test('New Year 2025: 1–2 January, 3 January moved from Sunday 5 January, 7 January Christmas', () => {
  off(cal, '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-07');
  on(cal, '2024-12-31', '2025-01-05', '2025-01-06', '2025-01-08');
  assert.equal(next(cal, '2024-12-31'), '2025-01-05');
  assert.equal(next(cal, '2025-01-06'), '2025-01-08');
});

test('New Year on a weekend: 2022 (Sat–Sun) gives 3 and 4 January; 2023 (Sunday) gives 3 January', () => {
  off(cal, '2022-01-03', '2022-01-04', '2023-01-02', '2023-01-03');
  on(cal, '2022-01-05', '2023-01-04');
});

test('Nauryz 2025: 21–23 March (Fri–Sun) and substitute days 24–25 March', () => {
  off(cal, '2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-03-25');
  on(cal, '2025-03-20', '2025-03-26');
  assert.equal(next(cal, '2025-03-20'), '2025-03-26');
  assert.equal(cal.holidayName(D('2025-03-21'), 'ru'), 'Наурыз мейрамы');
  assert.match(cal.holidayName(D('2025-03-24'), 'en') ?? '', /^Nauryz \(substitute day off\)$/);
  assert.equal(cal.holidayName(D('2025-03-26')), undefined);
});

test('May holidays 2025: 1, 7 and 9 May; the days between are worked', () => {
  off(cal, '2025-05-01', '2025-05-07', '2025-05-09');
  on(cal, '2025-05-02', '2025-05-05', '2025-05-06', '2025-05-08', '2025-05-12');
  assert.equal(next(cal, '2025-04-30'), '2025-05-02');
  assert.equal(next(cal, '2025-05-06'), '2025-05-08');
  assert.equal(next(cal, '2025-05-08'), '2025-05-12');
});

test('substitute days follow the law where date-holidays does not', () => {
  // 2021: Nauryz 21 March was a Sunday → the day off moves past 22–23 March to Wednesday 24.
  off(cal, '2021-03-22', '2021-03-23', '2021-03-24');
  on(cal, '2021-03-25');
  // 2022: 7 May Saturday, 9 May Monday → Tuesday 10 May.
  off(cal, '2022-05-09', '2022-05-10');
  on(cal, '2022-05-11');
  // 2026: Nauryz 21–22 March Sat–Sun, 23 March Monday → 24 and 25 March.
  off(cal, '2026-03-23', '2026-03-24', '2026-03-25');
  on(cal, '2026-03-20', '2026-03-26');
});

test('religious holidays on a weekend give no substitute day', () => {
  // Orthodox Christmas 2023 was a Saturday, Kurban ait 2024 a Sunday.
  off(cal, '2023-01-07', '2024-06-16');
  on(cal, '2023-01-09', '2024-06-17');
  // Kurban ait on a weekday is a day off: 6 June 2025, 27 May 2026.
  off(cal, '2025-06-06', '2026-05-27');
});

test('Constitution Day: 30 August until 2025, none in 2026, 15 March from 2027', () => {
  off(cal, '2025-09-01'); // 30 August 2025 was a Saturday
  on(cal, '2026-08-31'); // 30 August 2026 (Sunday) is no longer a holiday
  on(cal, '2026-03-16'); // date-holidays puts a substitute here for 15 March 2026
  off(cal, '2027-03-15');
});

test('decreed transfers from the table: 2024-05-04 worked, 2024-05-08 off; 2023-07-01 worked, 2023-07-07 off', () => {
  on(cal, '2024-05-04', '2023-07-01');
  off(cal, '2024-05-07', '2024-05-08', '2024-05-09', '2023-07-06', '2023-07-07');
  assert.equal(next(cal, '2024-05-06'), '2024-05-10');
  assert.equal(next(cal, '2024-05-03'), '2024-05-04');
  assert.equal(cal.holidayName(D('2024-05-08'), 'en'), 'Day off moved by order');
});

test('a transfer passed to the constructor overrides the table and the law', () => {
  const c = new WorkingCalendar({
    transfers: [
      { date: '2025-01-05', kind: 'day_off', note: 'undo the table entry' },
      { date: '2025-03-26', kind: 'day_off' },
      { date: '2025-03-22', kind: 'working_day' },
    ],
    extraHolidays: ['2025-12-31'],
  });
  off(c, '2025-01-05', '2025-03-26', '2025-12-31');
  on(c, '2025-03-22');
  assert.equal(dayToIso(c.nextWorkingDay(D('2025-03-20'))), '2025-03-22');
  assert.equal(dayToIso(c.addWorkingDays(D('2025-03-20'), 2)), '2025-03-27');
  assert.equal(c.holidayName(D('2025-12-31'), 'en'), 'Additional day off');
  // The shared calendar is untouched.
  on(cal, '2025-01-05', '2025-03-26', '2025-12-31');
  assert.throws(() => new WorkingCalendar({ transfers: [{ date: '2025-02-30', kind: 'day_off' }] }));
  assert.throws(() => new WorkingCalendar({ transfers: [{ date: '2025-03-01', kind: 'holiday' as 'day_off' }] }));
});

test('the transfer table rejects an entry filed under the wrong year', () => {
  assert.throws(() => parseTransferTable({ '2025': [{ date: '2024-05-08', kind: 'day_off' }] }), /listed under 2025/);
  assert.deepEqual(parseTransferTable({ $comment: 'x', '2025': [{ date: '2025-05-08', kind: 'day_off' }] }), [{ date: '2025-05-08', kind: 'day_off' }]);
});

test('addWorkingDays: 12 and 2 working days across Nauryz', () => {
  // From Friday 14 March 2025: 17, 18, 19, 20, (21–25 off), 26, 27, 28, 31, 1, 2, 3, 4 April.
  assert.equal(plus(cal, '2025-03-14', 12), '2025-04-04');
  // From Thursday 20 March: 26, 27.
  assert.equal(plus(cal, '2025-03-20', 2), '2025-03-27');
  // Starting on a day off counts from the next working day.
  assert.equal(plus(cal, '2025-03-22', 1), '2025-03-26');
  // n = 0: the day itself when worked, else the next working day.
  assert.equal(plus(cal, '2025-03-20', 0), '2025-03-20');
  assert.equal(plus(cal, '2025-03-23', 0), '2025-03-26');
  assert.throws(() => cal.addWorkingDays(D('2025-03-20'), -1), RangeError);
});

test('addWorkingDays across the year end', () => {
  // From Friday 27 December 2024: 30, 31 Dec, (1–4 Jan off), Sunday 5 Jan worked, 6, (7 off), 8.
  assert.equal(plus(cal, '2024-12-27', 5), '2025-01-08');
  // 250 working days from 2024-12-31 lands in 2026: 2025 has 246 working days, then
  // 5, 6, 8, 9 January 2026 (1–2 holidays, 3–4 weekend, 7 Christmas).
  assert.equal(plus(cal, '2024-12-31', 246), '2025-12-31');
  assert.equal(plus(cal, '2024-12-31', 250), '2026-01-09');
});

test('workingDaysBetween counts (a, b]', () => {
  assert.equal(cal.workingDaysBetween(D('2025-03-20'), D('2025-03-31')), 4); // 26, 27, 28, 31
  assert.equal(cal.workingDaysBetween(D('2025-03-20'), D('2025-03-20')), 0);
  assert.equal(cal.workingDaysBetween(D('2024-12-27'), D('2025-01-08')), 5);
  assert.equal(cal.workingDaysBetween(D('2025-01-08'), D('2024-12-27')), -5);
  assert.equal(cal.workingDaysBetween(D('2024-12-31'), D('2025-12-31')), 246);
});

test('addWorkingDays agrees with walking the calendar day by day, 2023–2027', () => {
  const from = D('2023-01-01');
  const to = D('2027-12-31');
  for (let d = from; d < to; d += 3) {
    let walk = d;
    for (let n = 1; n <= 25; n++) {
      do walk++;
      while (!cal.isWorkingDay(walk));
      assert.equal(cal.addWorkingDays(d, n), walk);
    }
  }
});

test('addCalendarDays and the calendar range', () => {
  assert.equal(dayToIso(cal.addCalendarDays(D('2025-03-29'), 15)), '2025-04-13');
  assert.throws(() => cal.isWorkingDay(D('1999-12-31')), RangeError);
  assert.throws(() => cal.isWorkingDay(D('2101-01-01')), RangeError);
  assert.equal(cal.isWorkingDay(D('2100-12-31')), true); // a Friday
});
