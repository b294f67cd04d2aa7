// The legal clock: when each step of a case and the case as a whole fall due, by the terms of the
// service's regulation, the working-day calendar and the provider's working hours.
//
// Conventions (each a choice where the law leaves room; tests in test/core/clock.test.ts):
//
//  1. Time zone. All dates are Almaty local dates (UTC+6 until 2024-03-01, UTC+5 since; time.ts).
//  2. Working day. A day worked under the state calendar (WorkingCalendar: five-day week,
//     holidays, substitute days, decreed transfers) and on one of the provider's weekdays
//     (`WeekdayHours.days`); a Saturday or Sunday made a working day by a transfer is worked by
//     every provider. Saturday hours a provider may list (a PSC open on Saturdays) do not make
//     Saturday a working day for terms: the Labour calendar does.
//  3. Working hours. [open, close) of a working day minus the lunch break [from, to).
//  4. Receipt (`legalReceipt`). An application that arrives inside working hours is received at
//     that instant. One that arrives before opening is received at opening that day; during the
//     lunch break, at its end; after close (close itself included), on a day off or a holiday, at
//     the opening of the next working day. This is the rule of the standards for portal
//     submissions ("after working hours, on days off and holidays: the next working day"), applied
//     to every channel.
//  5. Day terms (`working_days`, `calendar_days`). Civil Code rules on terms (art. 188–194): a
//     term starts on the day after the anchor's local date, whatever the anchor's time of day.
//     `working_days` ends on the n-th working day after that date; `calendar_days` on the date n
//     days later, moved to the next working day when that is not a working day.
//  6. End of the last day. An action to be done in an organisation must be done before its
//     working hours end (art. 194(2)), so a day term ends at the provider's closing time
//     (`WorkingHours.close`, e.g. 18:30) of the last day, not at midnight.
//  7. `same_day`. By the close of the anchor's day when the anchor falls on a working day at or
//     before closing time (an anchor before opening counts as that day; an anchor exactly at close
//     is still that day), otherwise by the close of the next working day.
//  8. Sub-day terms (`working_hours`, `minutes`). Counted in working time only, from the anchor (or
//     the next moment of working time); the due is the instant the last counted minute ends, so a
//     term may end exactly at the start of the lunch break or at close.
//  9. Anchors. `received` = legal receipt (4); `step_start` = the step's `startedAt` (in a plan:
//     the previous step's due); `completed:<step>` = the latest completion of that step at or
//     before this step's start (else its latest completion at all). A step that has not completed
//     yet cannot anchor a term: the term is then counted from this step's start. The overall term
//     counts `step_start` as `received`.
// 10. Outcome terms. Every outcome with its own `term` gets a due in `outcomeDue`. When a step was
//     completed with such an outcome, that term governs (regulation.ts: it overrides the step's
//     term), so the step's `due` and `overdue` are the outcome's.
// 11. Overdue. Completed after the due, or not completed and `now` is after the due. Completing
//     exactly at the due is in time.
// 12. Pauses (periods the law does not count). Each pause is clipped to the interval it is
//     measured against ([start, completion) of a step, [received, completion) of the case; an open
//     pause runs to `now`), and overlapping pauses are merged. Day terms move later by the days of
//     the pause, counted as a term is: working days (calendar days for a `calendar_days` term) in
//     (day(from), day(to)], so a pause opened and closed on the same day costs nothing; a
//     `same_day` term moves by working days too. Sub-day terms move by the working time inside the
//     pause. `paused` is true while any pause is open; `pausedDays` counts the case's paused days
//     in the unit of the overall term (working days unless it is in calendar days).
// 13. Plans (`planDeadlines`). The happy path: from the first step, the first outcome that is not
//     a refusal (its own term, if it has one, governs), the next step by channel and applicant kind,
//     each step starting at the previous step's due (or at its own start, if later) — the latest
//     the law allows at every step.
//
// Hot path: a deadline is integer arithmetic on day numbers and milliseconds of the day; the
// working hours are parsed once per `WeekdayHours` object and kept in a WeakMap.
import { WorkingCalendar } from './calendar.ts';
import {
  findStep,
  resolveNext,
  type ApplicantKind,
  type Channel,
  type Duration,
  type DurationUnit,
  type ServiceDefinition,
  type Step,
  type SubCase,
  type TermAnchor,
  type WeekdayHours,
} from './regulation.ts';
import { MS_PER_DAY, MS_PER_MINUTE, instantMs, isoWeekday, localDay, localMs } from './time.ts';

export interface ClockCase {
  /** When the application arrived (any channel). */
  submittedAt: Date;
  /** In order; the last may be open. */
  steps: Array<{ stepId: string; startedAt: Date; completedAt?: Date; outcomeId?: string }>;
  /** Periods not counted. */
  pauses: Array<{ from: Date; to?: Date; pauseId: string }>;
  /** When the result was delivered. */
  completedAt?: Date;
}

export interface StepDeadline {
  stepId: string;
  role: string;
  startedAt: Date;
  due: Date;
  completedAt?: Date;
  overdue: boolean;
  outcomeDue?: Array<{ outcomeId: string; due: Date }>;
}

export interface Deadlines {
  received: Date;
  steps: StepDeadline[];
  overall: { due: Date; completedAt?: Date; overdue: boolean };
  paused: boolean;
  pausedDays: number;
}

// --- Working hours ----------------------------------------------------------------------------

/** `WeekdayHours` compiled to milliseconds of the day. */
interface Frame {
  open: number;
  close: number;
  /** Lunch break; both equal `close` when there is none, which makes it vanish from every sum. */
  breakFrom: number;
  breakTo: number;
  /** Working time of a full day. */
  dayMs: number;
  /** Bit `1 << isoWeekday` for each of the provider's weekdays. */
  weekdays: number;
  /** Monday to Friday all worked: the provider's working days are the calendar's (the fast path). */
  allWeekdays: boolean;
}

const frames = new WeakMap<WeekdayHours, Frame>();

function hhmm(s: string, what: string): number {
  const h = Number(s.slice(0, 2));
  const m = Number(s.slice(3, 5));
  if (!(s.length === 5 && s[2] === ':' && h <= 24 && m < 60 && h * 60 + m <= 1440)) throw new RangeError(`bad time of day for ${what}: "${s}"`);
  return (h * 60 + m) * MS_PER_MINUTE;
}

function frame(hours: WeekdayHours): Frame {
  let f = frames.get(hours);
  if (f) return f;
  const open = hhmm(hours.open, 'open');
  const close = hhmm(hours.close, 'close');
  if (!(open < close)) throw new RangeError(`working hours open ${hours.open} not before close ${hours.close}`);
  let breakFrom = close;
  let breakTo = close;
  if (hours.break) {
    breakFrom = hhmm(hours.break.from, 'break.from');
    breakTo = hhmm(hours.break.to, 'break.to');
    if (!(open <= breakFrom && breakFrom < breakTo && breakTo <= close)) throw new RangeError(`lunch break ${hours.break.from}–${hours.break.to} is not inside ${hours.open}–${hours.close}`);
  }
  let weekdays = 0;
  for (const d of hours.days) weekdays |= 1 << d;
  const allWeekdays = (weekdays & 0b111110) === 0b111110;
  f = { open, close, breakFrom, breakTo, dayMs: close - open - (breakTo - breakFrom), weekdays, allWeekdays };
  frames.set(hours, f);
  return f;
}

function works(f: Frame, cal: WorkingCalendar, day: number): boolean {
  if (!cal.isWorkingDay(day)) return false;
  if (f.allWeekdays) return true;
  const wd = isoWeekday(day);
  return wd >= 6 || (f.weekdays & (1 << wd)) !== 0;
}

/** The n-th provider working day after `day`; n = 0: `day` if worked, else the next. */
function addWorkdays(f: Frame, cal: WorkingCalendar, day: number, n: number): number {
  if (f.allWeekdays) return cal.addWorkingDays(day, n);
  if (n === 0) return works(f, cal, day) ? day : addWorkdays(f, cal, day, 1);
  let d = day;
  for (let k = 0; k < n; k++) {
    d = cal.nextWorkingDay(d);
    while (!works(f, cal, d)) d = cal.nextWorkingDay(d);
  }
  return d;
}

/** Provider working days in (a, b], a ≤ b. */
function workdaysBetween(f: Frame, cal: WorkingCalendar, a: number, b: number): number {
  if (f.allWeekdays) return cal.workingDaysBetween(a, b);
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (works(f, cal, d)) n++;
  return n;
}

/** Working time between two times of one working day (clipped to the day's hours). */
function workInDay(f: Frame, from: number, to: number): number {
  const a = from < f.open ? f.open : from;
  const b = to > f.close ? f.close : to;
  if (b <= a) return 0;
  const lunch = Math.min(b, f.breakTo) - Math.max(a, f.breakFrom);
  return b - a - (lunch > 0 ? lunch : 0);
}

/** The time of day after counting `r` ms of working time from `t` (t inside working time, r within the day). */
function advance(f: Frame, t: number, r: number): number {
  const end = t + r;
  return t < f.breakFrom && end > f.breakFrom ? end + (f.breakTo - f.breakFrom) : end;
}

/** Counts `r` ms of working time from an instant; the instant the count ends. */
function addWorkingMs(anchorMs: number, r: number, f: Frame, cal: WorkingCalendar): number {
  const l = localMs(anchorMs);
  let day = Math.floor(l / MS_PER_DAY);
  let t = l - day * MS_PER_DAY;
  if (t >= f.close || !works(f, cal, day)) {
    day = addWorkdays(f, cal, day, 1);
    t = f.open;
  } else if (t < f.open) {
    t = f.open;
  }
  if (t >= f.breakFrom && t < f.breakTo) t = f.breakTo;
  const today = workInDay(f, t, f.close);
  if (r <= today) return instantMs(day, advance(f, t, r));
  r -= today;
  const k = Math.ceil(r / f.dayMs);
  day = addWorkdays(f, cal, day, k);
  return instantMs(day, advance(f, f.open, r - (k - 1) * f.dayMs));
}

/** Working time between two instants. */
function workingMsBetween(aMs: number, bMs: number, f: Frame, cal: WorkingCalendar): number {
  if (bMs <= aMs) return 0;
  const la = localMs(aMs);
  const lb = localMs(bMs);
  const da = Math.floor(la / MS_PER_DAY);
  const db = Math.floor(lb / MS_PER_DAY);
  const ta = la - da * MS_PER_DAY;
  const tb = lb - db * MS_PER_DAY;
  const wa = works(f, cal, da);
  if (da === db) return wa ? workInDay(f, ta, tb) : 0;
  const wb = works(f, cal, db);
  const between = workdaysBetween(f, cal, da, db) - (wb ? 1 : 0);
  return (wa ? workInDay(f, ta, f.close) : 0) + between * f.dayMs + (wb ? workInDay(f, f.open, tb) : 0);
}

/** Working minutes between two instants under the given hours (whole and partial minutes). */
export function workingMinutesBetween(a: Date, b: Date, hours: WeekdayHours, cal: WorkingCalendar = WorkingCalendar.kz()): number {
  return workingMsBetween(a.getTime(), b.getTime(), frame(hours), cal) / MS_PER_MINUTE;
}

// --- Terms ------------------------------------------------------------------------------------

function receiptMs(ms: number, f: Frame, cal: WorkingCalendar): number {
  const l = localMs(ms);
  const day = Math.floor(l / MS_PER_DAY);
  const t = l - day * MS_PER_DAY;
  if (t >= f.close || !works(f, cal, day)) return instantMs(addWorkdays(f, cal, day, 1), f.open);
  if (t < f.open) return instantMs(day, f.open);
  if (t >= f.breakFrom && t < f.breakTo) return instantMs(day, f.breakTo);
  return ms;
}

function dueMs(anchorMs: number, unit: DurationUnit, amount: number, f: Frame, cal: WorkingCalendar): number {
  switch (unit) {
    case 'working_days':
      return instantMs(addWorkdays(f, cal, localDay(anchorMs), amount), f.close);
    case 'calendar_days':
      return instantMs(addWorkdays(f, cal, localDay(anchorMs) + amount, 0), f.close);
    case 'same_day': {
      const l = localMs(anchorMs);
      const day = Math.floor(l / MS_PER_DAY);
      const inTime = l - day * MS_PER_DAY <= f.close && works(f, cal, day);
      return instantMs(inTime ? day : addWorkdays(f, cal, day, 1), f.close);
    }
    case 'working_hours':
      return addWorkingMs(anchorMs, amount * 3_600_000, f, cal);
    case 'minutes':
      return addWorkingMs(anchorMs, amount * MS_PER_MINUTE, f, cal);
  }
}

/** When an application counts as received (convention 4). */
export function legalReceipt(submittedAt: Date, hours: WeekdayHours, cal: WorkingCalendar = WorkingCalendar.kz()): Date {
  return new Date(receiptMs(submittedAt.getTime(), frame(hours), cal));
}

/** When a term of duration `d` counted from `anchor` ends (conventions 5–8). */
export function dueAt(anchor: Date, d: Duration, hours: WeekdayHours, cal: WorkingCalendar = WorkingCalendar.kz()): Date {
  return new Date(dueMs(anchor.getTime(), d.unit, d.amount, frame(hours), cal));
}

// --- Pauses -----------------------------------------------------------------------------------

interface Span {
  from: number;
  to: number;
}

/** The pauses inside [lo, hi), open ones running to `now`, merged where they overlap. */
function spans(pauses: ClockCase['pauses'], lo: number, hi: number, now: number): Span[] {
  const out: Span[] = [];
  for (const p of pauses) {
    const from = Math.max(p.from.getTime(), lo);
    const to = Math.min(p.to ? p.to.getTime() : now, hi);
    if (to > from) out.push({ from, to });
  }
  if (out.length < 2) return out;
  out.sort((a, b) => a.from - b.from);
  const merged: Span[] = [out[0]!];
  for (const s of out.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push(s);
  }
  return merged;
}

/** Paused days counted as a day term counts them (convention 12). */
function pausedDaysOf(ss: Span[], calendarDays: boolean, f: Frame, cal: WorkingCalendar): number {
  let n = 0;
  for (const s of ss) {
    const a = localDay(s.from);
    const b = localDay(s.to);
    n += calendarDays ? b - a : workdaysBetween(f, cal, a, b);
  }
  return n;
}

/** The due of a term, moved later by the pauses (convention 12). */
function termDue(anchorMs: number, d: Duration, ss: Span[], f: Frame, cal: WorkingCalendar): number {
  if (ss.length === 0) return dueMs(anchorMs, d.unit, d.amount, f, cal);
  switch (d.unit) {
    case 'calendar_days':
      return dueMs(anchorMs, d.unit, d.amount + pausedDaysOf(ss, true, f, cal), f, cal);
    case 'working_days':
    case 'same_day': {
      const due = dueMs(anchorMs, d.unit, d.amount, f, cal);
      const p = pausedDaysOf(ss, false, f, cal);
      return p === 0 ? due : instantMs(addWorkdays(f, cal, localDay(due), p), f.close);
    }
    case 'working_hours':
    case 'minutes': {
      const due = dueMs(anchorMs, d.unit, d.amount, f, cal);
      let p = 0;
      for (const s of ss) p += workingMsBetween(s.from, s.to, f, cal);
      return p === 0 ? due : addWorkingMs(due, p, f, cal);
    }
  }
}

// --- Cases ------------------------------------------------------------------------------------

function completedStepId(anchor: TermAnchor): string | undefined {
  return anchor.startsWith('completed:') ? anchor.slice('completed:'.length) : undefined;
}

/** Completion of `stepId` for an entry starting at `at` (convention 9). */
function completionOf(c: ClockCase, stepId: string, at: number): number | undefined {
  let before: number | undefined;
  let any: number | undefined;
  for (const e of c.steps) {
    if (e.stepId !== stepId || !e.completedAt) continue;
    const t = e.completedAt.getTime();
    if (any === undefined || t > any) any = t;
    if (t <= at && (before === undefined || t > before)) before = t;
  }
  return before ?? any;
}

function stepOf(sc: SubCase, id: string): Step {
  const step = findStep(sc, id);
  if (!step) throw new Error(`sub-case "${sc.id}" has no step "${id}"`);
  return step;
}

/** Every deadline of a case as it stands at `now`. */
export function computeDeadlines(svc: ServiceDefinition, sc: SubCase, c: ClockCase, now: Date, cal: WorkingCalendar = WorkingCalendar.kz()): Deadlines {
  const f = frame(svc.provider.workingHours);
  const nowMs = now.getTime();
  const received = receiptMs(c.submittedAt.getTime(), f, cal);

  const steps: StepDeadline[] = c.steps.map((e) => {
    const step = stepOf(sc, e.stepId);
    const start = e.startedAt.getTime();
    const end = e.completedAt ? e.completedAt.getTime() : Infinity;
    const ss = spans(c.pauses, start, end, nowMs);
    const anchorOf = (from: TermAnchor): number => {
      if (from === 'received') return received;
      const of = completedStepId(from);
      return (of !== undefined ? completionOf(c, of, start) : undefined) ?? start;
    };
    let due = termDue(anchorOf(step.term.from), step.term.duration, ss, f, cal);
    const outcomeDue: Array<{ outcomeId: string; due: Date }> = [];
    for (const o of step.outcomes) {
      if (!o.term) continue;
      const od = termDue(anchorOf(o.term.from), o.term.duration, ss, f, cal);
      outcomeDue.push({ outcomeId: o.id, due: new Date(od) });
      if (e.completedAt && e.outcomeId === o.id) due = od;
    }
    if (e.outcomeId !== undefined && !step.outcomes.some((o) => o.id === e.outcomeId)) {
      throw new Error(`step "${step.id}" has no outcome "${e.outcomeId}"`);
    }
    const out: StepDeadline = {
      stepId: e.stepId,
      role: step.role,
      startedAt: e.startedAt,
      due: new Date(due),
      overdue: (e.completedAt ? e.completedAt.getTime() : nowMs) > due,
    };
    if (e.completedAt) out.completedAt = e.completedAt;
    if (outcomeDue.length > 0) out.outcomeDue = outcomeDue;
    return out;
  });

  const term = sc.term;
  const of = completedStepId(term.from);
  const overallAnchor = (of !== undefined ? completionOf(c, of, Infinity) : undefined) ?? received;
  const caseEnd = c.completedAt ? c.completedAt.getTime() : Infinity;
  // Steps the law does not count (the applicant's own) stop the overall clock like pauses do.
  const uncounted = c.steps
    .filter((e) => !stepOf(sc, e.stepId).counted)
    .map((e) => ({ pauseId: `step:${e.stepId}`, from: e.startedAt, ...(e.completedAt ? { to: e.completedAt } : {}) }));
  // Only what falls after the term's anchor can stop it (a term counted from the contracts is not
  // moved by the time the applicant took to sign them).
  const ss = spans(uncounted.length ? [...c.pauses, ...uncounted] : c.pauses, overallAnchor, caseEnd, nowMs);
  let due = termDue(overallAnchor, term.duration, ss, f, cal);
  for (const e of c.steps) {
    if (!e.completedAt || e.outcomeId === undefined) continue;
    const ext = stepOf(sc, e.stepId).outcomes.find((o) => o.id === e.outcomeId)?.extendsTerm ?? [];
    for (const d of ext) due = dueMs(due, d.unit, d.amount, f, cal);
  }
  const overall: Deadlines['overall'] = { due: new Date(due), overdue: (c.completedAt ? caseEnd : nowMs) > due };
  if (c.completedAt) overall.completedAt = c.completedAt;

  return {
    received: new Date(received),
    steps,
    overall,
    paused: c.pauses.some((p) => !p.to && p.from.getTime() <= nowMs),
    pausedDays: pausedDaysOf(ss, term.duration.unit === 'calendar_days', f, cal),
  };
}

/** The latest the law allows for every step of the happy path and for the case (convention 13). */
export function planDeadlines(
  svc: ServiceDefinition,
  sc: SubCase,
  submittedAt: Date,
  ctx: { channel: Channel; applicantKind: ApplicantKind },
  cal: WorkingCalendar = WorkingCalendar.kz(),
): { received: Date; steps: Array<{ stepId: string; role: string; start: Date; due: Date }>; due: Date } {
  const f = frame(svc.provider.workingHours);
  const received = receiptMs(submittedAt.getTime(), f, cal);
  const done = new Map<string, number>();
  const steps: Array<{ stepId: string; role: string; start: Date; due: Date }> = [];
  const anchorOf = (from: TermAnchor, start: number): number => {
    if (from === 'received') return received;
    const of = completedStepId(from);
    return (of !== undefined ? done.get(of) : undefined) ?? start;
  };
  let start = received;
  let id = sc.firstStep;
  while (id !== 'end') {
    if (done.has(id)) throw new Error(`the happy path of "${sc.id}" returns to step "${id}"`);
    const step = stepOf(sc, id);
    const o = step.outcomes.find((x) => x.decision !== 'refuse');
    if (!o) throw new Error(`step "${id}" of "${sc.id}" has no outcome other than a refusal`);
    const term = o.term ?? step.term;
    const due = dueMs(anchorOf(term.from, start), term.duration.unit, term.duration.amount, f, cal);
    steps.push({ stepId: id, role: step.role, start: new Date(start), due: new Date(due) });
    done.set(id, due);
    const next = resolveNext(o, ctx);
    if (next === undefined) throw new Error(`outcome "${o.id}" of step "${id}" has no next step for ${ctx.channel}/${ctx.applicantKind}`);
    start = Math.max(start, due);
    id = next;
  }
  const of = completedStepId(sc.term.from);
  const overallAnchor = (of !== undefined ? done.get(of) : undefined) ?? received;
  const uncounted = steps.filter((p) => !stepOf(sc, p.stepId).counted).map((p) => ({ pauseId: `step:${p.stepId}`, from: p.start, to: p.due }));
  const due = termDue(overallAnchor, sc.term.duration, spans(uncounted, overallAnchor, Infinity, Infinity), f, cal);
  return { received: new Date(received), steps, due: new Date(due) };
}
