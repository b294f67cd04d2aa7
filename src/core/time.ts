// Local time of Asia/Almaty as plain integer arithmetic. The legal clock runs a million deadline
// computations a second, so it must not touch Intl or build Date objects to learn a local date:
// a local date is a "day number" (days since 1970-01-01 of the Almaty calendar) and a local time
// is minutes (or milliseconds) since local midnight.
//
// Kazakhstan moved the whole country to UTC+5 at 2024-03-01 00:00 local time (UTC+6), so the
// clocks went back to 2024-02-29 23:00. Before that Almaty was UTC+6. Almaty's summer time, which
// ended in 2004, is ignored: no case the platform handles reaches back that far.
//
// Instants given as numbers are epoch milliseconds, the same value as Date#getTime().

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** The instant of 2024-03-01T00:00+06:00, from which Almaty is UTC+5. */
export const UTC5_FROM_MS = Date.UTC(2024, 1, 29, 18, 0, 0);
const OFFSET_BEFORE_MS = 6 * 3_600_000;
const OFFSET_AFTER_MS = 5 * 3_600_000;
/** Day number of 2024-03-01: local dates from this day on are read with UTC+5. */
const UTC5_FROM_DAY = Math.floor(Date.UTC(2024, 2, 1) / MS_PER_DAY);

/** UTC offset of Almaty at an instant, in milliseconds. */
export function almatyOffsetMs(ms: number): number {
  return ms < UTC5_FROM_MS ? OFFSET_BEFORE_MS : OFFSET_AFTER_MS;
}

function msOf(instant: Date | number): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/** Milliseconds since 1970-01-01T00:00 of the local wall clock: day and time of day in one number. */
export function localMs(instant: Date | number): number {
  const ms = msOf(instant);
  return ms + (ms < UTC5_FROM_MS ? OFFSET_BEFORE_MS : OFFSET_AFTER_MS);
}

/** Day number (days since 1970-01-01) of the Almaty local date of an instant. */
export function localDay(instant: Date | number): number {
  return Math.floor(localMs(instant) / MS_PER_DAY);
}

/** Milliseconds since Almaty local midnight. */
export function localMsOfDay(instant: Date | number): number {
  const l = localMs(instant);
  return l - Math.floor(l / MS_PER_DAY) * MS_PER_DAY;
}

/** Whole minutes since Almaty local midnight (seconds are dropped). */
export function localMinuteOfDay(instant: Date | number): number {
  return Math.floor(localMsOfDay(instant) / MS_PER_MINUTE);
}

/**
 * The instant of a local wall-clock time, in epoch milliseconds. The hour 23:00–24:00 of
 * 2024-02-29 happened twice; it resolves to its first (UTC+6) occurrence, since the offset is
 * chosen by the local date.
 */
export function instantMs(day: number, msOfDay: number): number {
  return day * MS_PER_DAY + msOfDay - (day < UTC5_FROM_DAY ? OFFSET_BEFORE_MS : OFFSET_AFTER_MS);
}

/** The instant of a local date and minute of the day (a minute of 1440 is the next midnight). */
export function instantOf(day: number, minuteOfDay: number): Date {
  return new Date(instantMs(day, minuteOfDay * MS_PER_MINUTE));
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; throws on anything else, including dates that do not exist (2025-02-30). */
export function isoToDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${iso}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / MS_PER_DAY;
  if (dayToIso(day) !== iso) throw new RangeError(`no such date: "${iso}"`);
  return day;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO 8601 with Almaty's offset of that instant, to the second: `2025-03-20T18:00:00+05:00`. */
export function formatAlmaty(instant: Date | number): string {
  const ms = msOf(instant);
  const off = almatyOffsetMs(ms);
  const local = new Date(ms + off).toISOString().slice(0, 19);
  return `${local}+${pad2(off / 3_600_000)}:00`;
}
