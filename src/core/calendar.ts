// Kazakhstan's working-day calendar: which local dates are worked under the five-day week of the
// Labour Code, for the years 2000–2100.
//
// Sources, in the order they are layered (a later layer wins for the same date):
//   1. Saturday and Sunday are days off (five-day working week, Labour Code art. 84).
//   2. Holidays (Law "On holidays in the Republic of Kazakhstan", Labour Code art. 84–85), taken
//      from the `date-holidays` package (country KZ, type public) with the corrections below, plus
//      the substitute days off the law gives for holidays that fall on a weekend.
//   3. Transfers ordered by the state (data/calendar/kz-transfers.json).
//   4. `extraHolidays` passed to the constructor (e.g. a one-off day off declared by decree).
//   5. `transfers` passed to the constructor (a deployment's own orders, or fixes to the table).
//
// Substitute days: when a weekend day coincides with a holiday, the day off moves to the next
// working day after the holiday (Law on holidays art. 5, Labour Code art. 85), except for the
// religious holidays, Orthodox Christmas (7 January) and the first day of Kurban ait. The package
// applies a per-holiday rule ("Saturday → next Monday, Sunday → next Tuesday") that collides when
// several holidays are adjacent, so its substitute entries are dropped and recomputed here by the
// rule of the law: holidays on a weekend, in date order, each take the first day after them that
// is neither a weekend, a holiday nor an earlier substitute. Where the package was wrong:
//   2021 Nauryz (21 Mar Sunday): the law gives Wed 24 Mar; the package repeats 23 Mar.
//   2022 May (7 May Saturday, 9 May Monday): the law gives Tue 10 May; the package repeats 9 May.
//   2026 Nauryz (21–22 Mar Sat–Sun): the law gives 24 and 25 Mar; the package gives 23 (a holiday
//        already) and 24.
// Other corrections to the package's holiday list:
//   - Constitution Day: the Constitution adopted by the referendum of 15 March 2026 (in force
//     1 July 2026) makes 15 March Constitution Day, celebrated from 2027; 30 August stopped being a
//     holiday in 2026 (Ministry of Labour, March 2026). The package puts it on 15 March 2026 with a
//     substitute on 16 March 2026, which were ordinary working days. Here: 30 August until 2025,
//     nothing in 2026, 15 March from 2027.
//   - Kurban ait: the package computes 10 Dhu al-Hijjah astronomically; Kazakhstan announces the
//     date each year. Announced dates in data/calendar/kz-kurban-ait.json override it.
//   - Before 2010 (best effort, no case of the platform reaches back there): Nauryz was one day
//     (22 March) until 2009, Orthodox Christmas and Kurban ait are days off from 2006, Capital Day
//     from 2009.
//
// Days are integer day numbers (see time.ts). Each year is built on first use: a byte per day
// (worked or not), the rank of every day among the year's working days, and the list of the
// year's working days, so adding N working days is two array reads within a year.
import Holidays from 'date-holidays';
import { z } from 'zod';
import transferTable from '../../data/calendar/kz-transfers.json' with { type: 'json' };
import kurbanTable from '../../data/calendar/kz-kurban-ait.json' with { type: 'json' };
import { dayToIso, isoToDay, isoWeekday } from './time.ts';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

export const TransferKind = z.enum(['day_off', 'working_day']);
export type TransferKind = z.infer<typeof TransferKind>;

/** A day whose status the state changed: `day_off` is not worked, `working_day` is worked. */
export const Transfer = z.object({
  date: z.iso.date(),
  kind: TransferKind,
  note: z.string().optional(),
  /** The act that ordered it (decree or ministerial order, number and date). */
  ref: z.string().optional(),
});
export type Transfer = z.infer<typeof Transfer>;

export interface WorkingCalendarOptions {
  /** Transfers on top of the table in data/calendar/kz-transfers.json; they win over it. */
  transfers?: Transfer[];
  /** Further days off (`YYYY-MM-DD`), no substitute rule applied. */
  extraHolidays?: string[];
}

export type HolidayLang = 'kk' | 'ru' | 'en';

// --- Data files -------------------------------------------------------------------------------

/** The transfer table is keyed by year so that a misplaced entry (wrong year typed) is caught. */
export function parseTransferTable(raw: unknown): Transfer[] {
  const table = z.record(z.string(), z.unknown()).parse(raw);
  const out: Transfer[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (key.startsWith('$')) continue;
    if (!/^\d{4}$/.test(key)) throw new Error(`kz-transfers: "${key}" is not a year`);
    for (const t of z.array(Transfer).parse(value)) {
      if (!t.date.startsWith(`${key}-`)) throw new Error(`kz-transfers: ${t.date} is listed under ${key}`);
      out.push(t);
    }
  }
  return out;
}

function parseKurbanTable(raw: unknown): Map<number, number> {
  const table = z.record(z.string(), z.string()).parse(raw);
  const out = new Map<number, number>();
  for (const [key, iso] of Object.entries(table)) {
    if (key.startsWith('$')) continue;
    if (!iso.startsWith(`${key}-`)) throw new Error(`kz-kurban-ait: ${iso} is listed under ${key}`);
    out.set(Number(key), isoToDay(iso));
  }
  return out;
}

const TABLE_TRANSFERS = parseTransferTable(transferTable);
const KURBAN_AIT = parseKurbanTable(kurbanTable);

// --- Holidays by law (shared by every calendar: they do not depend on options) ------------------

/** How a holiday is identified across the package's languages: its rule's date, or `kurban`. */
type HolidayKey = string;

interface LawDay {
  day: number;
  key: HolidayKey;
  /** Set on a substitute day off: the holiday it stands for. */
  substituteFor?: number;
}

const RELIGIOUS = new Set<HolidayKey>(['01-07', 'kurban']);

/** Where the package's list is wrong for a year (see the header). */
function heldIn(key: HolidayKey, year: number): boolean {
  switch (key) {
    case '01-07':
    case 'kurban':
      return year >= 2006;
    case '03-21':
    case '03-23':
      return year >= 2010;
    case '07-06':
      return year >= 2009;
    case '03-15':
      return year >= 2027;
    default:
      return true;
  }
}

let package_: Holidays | undefined;
function pkg(): Holidays {
  package_ ??= new Holidays('KZ', { types: ['public'] });
  return package_;
}

function keyOf(rule: string): HolidayKey {
  return rule.includes('Dhu al-Hijjah') ? 'kurban' : rule.slice(0, 5);
}

const lawYears = new Map<number, LawDay[]>();

/** Holidays and substitute days off of a year, by law, in date order. */
function lawDays(year: number): LawDay[] {
  const cached = lawYears.get(year);
  if (cached) return cached;
  const holidays = new Map<number, HolidayKey>();
  const put = (day: number, key: HolidayKey) => {
    // Two holidays on one date: keep the one that earns a substitute day when on a weekend.
    const prior = holidays.get(day);
    if (prior === undefined || RELIGIOUS.has(prior)) holidays.set(day, key);
  };
  // Some years hold two Kurban aits (2006); the announced date replaces the computed one near it.
  const announced = KURBAN_AIT.get(year);
  for (const h of pkg().getHolidays(year, 'en')) {
    if (h.type !== 'public' || h.substitute) continue;
    const key = keyOf(h.rule);
    if (!heldIn(key, year)) continue;
    const day = isoToDay(h.date.slice(0, 10));
    if (key === 'kurban' && announced !== undefined && Math.abs(day - announced) <= 3) continue;
    put(day, key);
  }
  if (announced !== undefined && heldIn('kurban', year)) put(announced, 'kurban');
  const weekend = (d: number) => isoWeekday(d) >= 6;
  const substitutes = new Map<number, number>();
  for (const [day, key] of [...holidays].sort((a, b) => a[0] - b[0])) {
    if (!weekend(day) || RELIGIOUS.has(key)) continue;
    let d = day + 1;
    while (weekend(d) || holidays.has(d) || substitutes.has(d)) d++;
    // No holiday of Kazakhstan lies late enough in December for its substitute to leave the year.
    if (dayToIso(d).slice(0, 4) !== String(year)) throw new Error(`substitute day for ${dayToIso(day)} falls in the next year`);
    substitutes.set(d, day);
  }
  const out: LawDay[] = [
    ...[...holidays].map(([day, key]) => ({ day, key })),
    ...[...substitutes].map(([day, of]) => ({ day, key: holidays.get(of)!, substituteFor: of })),
  ].sort((a, b) => a.day - b.day);
  lawYears.set(year, out);
  return out;
}

const names = new Map<string, Map<HolidayKey, string>>();

function holidayNames(year: number, lang: HolidayLang): Map<HolidayKey, string> {
  const id = `${year}:${lang}`;
  let m = names.get(id);
  if (!m) {
    m = new Map();
    for (const h of pkg().getHolidays(year, lang)) if (!h.substitute) m.set(keyOf(h.rule), h.name);
    names.set(id, m);
  }
  return m;
}

const WORDS: Record<HolidayLang, { substitute: string; transfer: string; extra: string }> = {
  kk: { substitute: 'ауыстырылған демалыс күні', transfer: 'Ауыстырылған демалыс күні', extra: 'Қосымша демалыс күні' },
  ru: { substitute: 'перенесённый выходной день', transfer: 'Перенесённый выходной день', extra: 'Дополнительный выходной день' },
  en: { substitute: 'substitute day off', transfer: 'Day off moved by order', extra: 'Additional day off' },
};

// --- Day ranges -------------------------------------------------------------------------------

const D0 = isoToDay(`${FIRST_YEAR}-01-01`);
const D_END = isoToDay(`${LAST_YEAR + 1}-01-01`);
const N = D_END - D0;
/** Day number of 1 January of each year, and of the year after the last. */
const YEAR_START = new Int32Array(YEARS + 1);
/** Index of the year (0 = FIRST_YEAR) of every day in range. */
const YEAR_OF = new Uint8Array(N);
for (let y = 0; y <= YEARS; y++) YEAR_START[y] = isoToDay(`${FIRST_YEAR + y}-01-01`);
for (let y = 0; y < YEARS; y++) YEAR_OF.fill(y, YEAR_START[y]! - D0, YEAR_START[y + 1]! - D0);

function outOfRange(day: number): RangeError {
  return new RangeError(`day ${day} (${Number.isFinite(day) ? dayToIso(day) : day}) is outside the calendar's years ${FIRST_YEAR}–${LAST_YEAR}`);
}

type Reason = { kind: 'law'; law: LawDay } | { kind: 'transfer'; off: boolean } | { kind: 'extra' };

export class WorkingCalendar {
  /** 1 when the day is worked; indexed by day − D0. */
  private readonly work = new Uint8Array(N);
  /** Working days of the day's year up to and including the day. */
  private readonly rank = new Uint16Array(N);
  /** The working days of each built year, ascending. */
  private readonly lists: Int32Array[] = new Array<Int32Array>(YEARS);
  private readonly built = new Uint8Array(YEARS);
  /** Transfers and extra days by year index, in the order they are applied. */
  private readonly overrides = new Map<number, Array<{ day: number; worked: boolean; reason: Reason }>>();

  constructor(options: WorkingCalendarOptions = {}) {
    const add = (iso: string, worked: boolean, reason: Reason) => {
      const day = isoToDay(iso);
      const i = day - D0;
      if (i < 0 || i >= N) throw outOfRange(day);
      const y = YEAR_OF[i]!;
      let list = this.overrides.get(y);
      if (!list) this.overrides.set(y, (list = []));
      list.push({ day, worked, reason });
    };
    for (const t of TABLE_TRANSFERS) add(t.date, t.kind === 'working_day', { kind: 'transfer', off: t.kind === 'day_off' });
    for (const iso of options.extraHolidays ?? []) add(iso, false, { kind: 'extra' });
    for (const raw of options.transfers ?? []) {
      const t = Transfer.parse(raw);
      add(t.date, t.kind === 'working_day', { kind: 'transfer', off: t.kind === 'day_off' });
    }
  }

  private static default_: WorkingCalendar | undefined;

  /** Kazakhstan's calendar with the transfer table and nothing else; one shared instance. */
  static kz(): WorkingCalendar {
    WorkingCalendar.default_ ??= new WorkingCalendar();
    return WorkingCalendar.default_;
  }

  private build(y: number): void {
    const start = YEAR_START[y]!;
    const end = YEAR_START[y + 1]!;
    const work = this.work;
    for (let d = start; d < end; d++) work[d - D0] = isoWeekday(d) <= 5 ? 1 : 0;
    for (const h of lawDays(FIRST_YEAR + y)) work[h.day - D0] = 0;
    for (const o of this.overrides.get(y) ?? []) work[o.day - D0] = o.worked ? 1 : 0;
    const list: number[] = [];
    for (let d = start; d < end; d++) {
      if (work[d - D0]) list.push(d);
      this.rank[d - D0] = list.length;
    }
    this.lists[y] = Int32Array.from(list);
    this.built[y] = 1;
  }

  private index(day: number): number {
    const i = day - D0;
    if (!(i >= 0 && i < N)) throw outOfRange(day);
    const y = YEAR_OF[i]!;
    if (this.built[y] === 0) this.build(y);
    return i;
  }

  private year(y: number): Int32Array {
    if (y >= YEARS) throw new RangeError(`the calendar ends with ${LAST_YEAR}`);
    if (this.built[y] === 0) this.build(y);
    return this.lists[y]!;
  }

  isWorkingDay(day: number): boolean {
    return this.work[this.index(day)] === 1;
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: number): number {
    return this.addWorkingDays(day, 1);
  }

  /**
   * The n-th working day strictly after `day` (n ≥ 1). n = 0 gives `day` itself when it is
   * worked, else the next working day: the rule for a term whose last day is a day off.
   */
  addWorkingDays(day: number, n: number): number {
    const i = this.index(day);
    if (n === 0) {
      if (this.work[i] === 1) return day;
      n = 1;
    } else if (!(n > 0 && Number.isInteger(n))) {
      throw new RangeError(`addWorkingDays needs a whole number of days ≥ 0, got ${n}`);
    }
    let y = YEAR_OF[i]!;
    let list = this.lists[y]!;
    let target = this.rank[i]! + n;
    while (target > list.length) {
      target -= list.length;
      list = this.year(++y);
    }
    return list[target - 1]!;
  }

  /** Working days in (a, b]; negative, −(working days in (b, a]), when b < a. */
  workingDaysBetween(a: number, b: number): number {
    if (b < a) return -this.workingDaysBetween(b, a);
    const ia = this.index(a);
    const ib = this.index(b);
    let n = this.rank[ib]! - this.rank[ia]!;
    for (let y = YEAR_OF[ia]!; y < YEAR_OF[ib]!; y++) n += this.year(y).length;
    return n;
  }

  addCalendarDays(day: number, n: number): number {
    return day + n;
  }

  /**
   * Why a day is off, when it is not an ordinary weekend: the holiday's name, a substitute or
   * transferred day off, or an extra day off. Undefined for working days and plain weekends.
   */
  holidayName(day: number, lang: HolidayLang = 'ru'): string | undefined {
    if (this.isWorkingDay(day)) return undefined;
    const y = YEAR_OF[day - D0]!;
    let reason: Reason | undefined;
    for (const h of lawDays(FIRST_YEAR + y)) if (h.day === day) reason = { kind: 'law', law: h };
    for (const o of this.overrides.get(y) ?? []) if (o.day === day) reason = o.reason;
    if (!reason) return undefined;
    const w = WORDS[lang];
    switch (reason.kind) {
      case 'extra':
        return w.extra;
      case 'transfer':
        return reason.off ? w.transfer : undefined;
      case 'law': {
        const name = holidayNames(FIRST_YEAR + y, lang).get(reason.law.key) ?? reason.law.key;
        return reason.law.substituteFor === undefined ? name : `${name} (${w.substitute})`;
      }
    }
  }
}
