// Expected instants are written by hand as Almaty wall-clock times and parsed by Date itself, so
// they do not depend on the code under test. Working hours used throughout: Monday–Friday
// 09:00–18:30 with lunch 13:00–14:30 (8 working hours a day), the usual hours of a state body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../../src/core/calendar.ts';
import { computeDeadlines, dueAt, legalReceipt, planDeadlines, workingMinutesBetween, type ClockCase } from '../../src/core/clock.ts';
import { benchClock } from '../../src/core/clock-bench.ts';
import { defineService, type Duration, type WeekdayHours } from '../../src/core/regulation.ts';
import { dayToIso, formatAlmaty, instantOf, isoToDay, isoWeekday, localDay, localMinuteOfDay } from '../../src/core/time.ts';

const cal = WorkingCalendar.kz();
const hours: WeekdayHours = { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } };
const at = (s: string) => new Date(s);
const same = (actual: Date, expected: string, what = '') =>
  assert.equal(actual.getTime(), at(expected).getTime(), `${what} got ${formatAlmaty(actual)}, expected ${expected}`);
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });

// --- time.ts ------------------------------------------------------------------------------------

test('Almaty is UTC+6 before 2024-03-01 and UTC+5 from then on', () => {
  assert.equal(formatAlmaty(at('2024-02-29T17:59:00Z')), '2024-02-29T23:59:00+06:00');
  assert.equal(formatAlmaty(at('2024-02-29T18:00:00Z')), '2024-02-29T23:00:00+05:00');
  assert.equal(formatAlmaty(at('2024-03-01T04:00:00Z')), '2024-03-01T09:00:00+05:00');
  assert.equal(formatAlmaty(at('2023-07-01T03:00:00Z')), '2023-07-01T09:00:00+06:00');
  assert.equal(formatAlmaty(at('2025-03-20T13:00:00Z')), '2025-03-20T18:00:00+05:00');
  same(instantOf(isoToDay('2024-02-28'), 9 * 60), '2024-02-28T03:00:00Z');
  same(instantOf(isoToDay('2024-03-01'), 9 * 60), '2024-03-01T04:00:00Z');
  // Local date of an instant near midnight on either side of the switch.
  assert.equal(dayToIso(localDay(at('2023-12-31T18:30:00Z'))), '2024-01-01'); // 00:30 +06
  assert.equal(dayToIso(localDay(at('2025-12-31T18:30:00Z'))), '2025-12-31'); // 23:30 +05
  assert.equal(localMinuteOfDay(at('2025-12-31T18:30:59Z')), 23 * 60 + 30);
  assert.equal(localDay(at('2025-03-20T18:00:00+05:00').getTime()), isoToDay('2025-03-20'));
});

test('day numbers, ISO dates and weekdays', () => {
  assert.equal(isoToDay('1970-01-01'), 0);
  assert.equal(dayToIso(0), '1970-01-01');
  assert.equal(isoToDay('2025-03-21'), 20168);
  assert.equal(isoWeekday(isoToDay('2025-03-21')), 5);
  assert.equal(isoWeekday(isoToDay('2025-03-23')), 7);
  assert.equal(isoWeekday(isoToDay('2025-03-24')), 1);
  assert.equal(isoWeekday(-1), 3); // 1969-12-31, a Wednesday
  assert.throws(() => isoToDay('2025-02-30'), RangeError);
  assert.throws(() => isoToDay('20250301'), RangeError);
});

// --- receipt ------------------------------------------------------------------------------------

test('portal submissions outside working hours count from the next opening', () => {
  // Friday evening and Saturday → Monday 09:00.
  same(legalReceipt(at('2025-03-14T19:10:00+05:00'), hours, cal), '2025-03-17T09:00:00+05:00', 'Friday evening');
  same(legalReceipt(at('2025-03-15T11:00:00+05:00'), hours, cal), '2025-03-17T09:00:00+05:00', 'Saturday');
  // At closing time exactly: already after hours.
  same(legalReceipt(at('2025-03-17T18:30:00+05:00'), hours, cal), '2025-03-18T09:00:00+05:00', 'at close');
  // Before opening on a working day → that morning.
  same(legalReceipt(at('2025-03-17T07:30:00+05:00'), hours, cal), '2025-03-17T09:00:00+05:00', 'early');
  // During lunch → end of lunch.
  same(legalReceipt(at('2025-03-17T13:40:00+05:00'), hours, cal), '2025-03-17T14:30:00+05:00', 'lunch');
  // On a holiday (Nauryz) → the first working day after it.
  same(legalReceipt(at('2025-03-21T10:00:00+05:00'), hours, cal), '2025-03-26T09:00:00+05:00', 'Nauryz');
  // Inside working hours: the very instant.
  same(legalReceipt(at('2025-03-17T10:15:42+05:00'), hours, cal), '2025-03-17T10:15:42+05:00', 'in hours');
});

// --- day terms ----------------------------------------------------------------------------------

test('12 working days across Nauryz end at the close of the last day', () => {
  // Received Monday 17 March: days 18, 19, 20, 26, 27, 28, 31, 1, 2, 3, 4, 7 April.
  same(dueAt(at('2025-03-17T09:00:00+05:00'), wd(12), hours, cal), '2025-04-07T18:30:00+05:00');
  // From Friday 14 March, any time of day: 17, 18, 19, 20, 26, 27, 28, 31, 1, 2, 3, 4 April.
  same(dueAt(at('2025-03-14T17:59:00+05:00'), wd(12), hours, cal), '2025-04-04T18:30:00+05:00');
});

test('2 working days across a holiday', () => {
  same(dueAt(at('2025-03-20T10:00:00+05:00'), wd(2), hours, cal), '2025-03-27T18:30:00+05:00');
  // Across 7 and 9 May 2025: from Tuesday 6 May → 8, 12 May.
  same(dueAt(at('2025-05-06T16:00:00+05:00'), wd(2), hours, cal), '2025-05-12T18:30:00+05:00');
});

test('15 calendar days ending on a Sunday move to Monday; ending in Nauryz move past it', () => {
  same(dueAt(at('2025-03-29T12:00:00+05:00'), { amount: 15, unit: 'calendar_days' }, hours, cal), '2025-04-14T18:30:00+05:00');
  same(dueAt(at('2025-03-08T12:00:00+05:00'), { amount: 15, unit: 'calendar_days' }, hours, cal), '2025-03-26T18:30:00+05:00');
  // Ending on a working day: stays.
  same(dueAt(at('2025-04-01T12:00:00+05:00'), { amount: 15, unit: 'calendar_days' }, hours, cal), '2025-04-16T18:30:00+05:00');
});

test('same_day: the close of the anchor day, or of the next working day', () => {
  const d: Duration = { amount: 0, unit: 'same_day' };
  same(dueAt(at('2025-03-17T10:00:00+05:00'), d, hours, cal), '2025-03-17T18:30:00+05:00', 'in hours');
  same(dueAt(at('2025-03-17T07:00:00+05:00'), d, hours, cal), '2025-03-17T18:30:00+05:00', 'before opening');
  same(dueAt(at('2025-03-17T18:30:00+05:00'), d, hours, cal), '2025-03-17T18:30:00+05:00', 'at close');
  same(dueAt(at('2025-03-17T19:00:00+05:00'), d, hours, cal), '2025-03-18T18:30:00+05:00', 'evening');
  same(dueAt(at('2025-03-22T10:00:00+05:00'), d, hours, cal), '2025-03-26T18:30:00+05:00', 'Nauryz Saturday');
});

// --- sub-day terms ------------------------------------------------------------------------------

test('2 working hours across lunch and across the end of the day', () => {
  const d: Duration = { amount: 2, unit: 'working_hours' };
  // 12:00–13:00, lunch, 14:30–15:30.
  same(dueAt(at('2025-03-17T12:00:00+05:00'), d, hours, cal), '2025-03-17T15:30:00+05:00', 'lunch');
  // 17:30–18:30, then Tuesday 09:00–10:00.
  same(dueAt(at('2025-03-17T17:30:00+05:00'), d, hours, cal), '2025-03-18T10:00:00+05:00', 'end of day');
  // Thursday before Nauryz: 17:30–18:30, then Wednesday 26 March 09:00–10:00.
  same(dueAt(at('2025-03-20T17:30:00+05:00'), d, hours, cal), '2025-03-26T10:00:00+05:00', 'before holidays');
  // From the evening: all of it the next morning.
  same(dueAt(at('2025-03-17T20:00:00+05:00'), d, hours, cal), '2025-03-18T11:00:00+05:00', 'evening');
  // 10 working hours from Monday 09:00: 8 on Monday, 2 on Tuesday.
  same(dueAt(at('2025-03-17T09:00:00+05:00'), { amount: 10, unit: 'working_hours' }, hours, cal), '2025-03-18T11:00:00+05:00', '10 h');
  // Exactly a day's worth ends at Monday's close.
  same(dueAt(at('2025-03-17T09:00:00+05:00'), { amount: 8, unit: 'working_hours' }, hours, cal), '2025-03-17T18:30:00+05:00', '8 h');
});

test('20 minutes', () => {
  const d: Duration = { amount: 20, unit: 'minutes' };
  same(dueAt(at('2025-03-17T10:05:00+05:00'), d, hours, cal), '2025-03-17T10:25:00+05:00', 'plain');
  same(dueAt(at('2025-03-17T12:50:00+05:00'), d, hours, cal), '2025-03-17T14:40:00+05:00', 'into lunch');
  same(dueAt(at('2025-03-17T12:40:00+05:00'), d, hours, cal), '2025-03-17T13:00:00+05:00', 'up to lunch');
  same(dueAt(at('2025-03-17T18:20:00+05:00'), d, hours, cal), '2025-03-18T09:10:00+05:00', 'over the night');
  same(dueAt(at('2025-03-17T10:05:30+05:00'), d, hours, cal), '2025-03-17T10:25:30+05:00', 'seconds kept');
});

test('working minutes between two instants', () => {
  assert.equal(workingMinutesBetween(at('2025-03-17T12:00:00+05:00'), at('2025-03-17T15:00:00+05:00'), hours, cal), 90);
  // Monday 17:00 → Wednesday 10:00: 90 + 480 + 60.
  assert.equal(workingMinutesBetween(at('2025-03-17T17:00:00+05:00'), at('2025-03-19T10:00:00+05:00'), hours, cal), 630);
  // Thursday 20 March 18:00 → Wednesday 26 March 09:30: 30 + 30.
  assert.equal(workingMinutesBetween(at('2025-03-20T18:00:00+05:00'), at('2025-03-26T09:30:00+05:00'), hours, cal), 60);
});

test('a provider that does not work every weekday', () => {
  const tueToFri: WeekdayHours = { days: [2, 3, 4, 5], open: '09:00', close: '18:00' };
  // From Friday 14 March: Tue 18, Wed 19, Thu 20, (Nauryz), Wed 26.
  same(dueAt(at('2025-03-14T10:00:00+05:00'), wd(4), tueToFri, cal), '2025-03-26T18:00:00+05:00');
  same(legalReceipt(at('2025-03-14T19:00:00+05:00'), tueToFri, cal), '2025-03-18T09:00:00+05:00');
});

// --- a service ----------------------------------------------------------------------------------

const t = (s: string) => ({ kk: s, ru: s, en: s });
const svc = defineService({
  id: 'test-service',
  version: '2025-01-01',
  name: t('Test service'),
  shortName: t('Test'),
  status: 'active',
  effective: { from: '2025-01-01' },
  sources: [{ act: t('Test standard'), number: '1', date: '2025-01-01' }],
  provider: { id: 'akimat', name: t('Akimat'), workingHours: hours },
  channels: ['portal', 'psc'],
  applicantKinds: ['individual'],
  roles: [
    { id: 'chancellery', name: t('Chancellery') },
    { id: 'head', name: t('Head') },
    { id: 'executor', name: t('Executor') },
    { id: 'portal', name: t('Portal'), kind: 'system' },
    { id: 'psc', name: t('PSC'), kind: 'psc_operator' },
  ],
  refusalGrounds: [{ id: 'incomplete', text: t('Incomplete documents') }],
  subcases: [
    {
      id: 'issue',
      name: t('Issue'),
      term: { duration: { amount: 15, unit: 'working_days' }, from: 'received' },
      fee: { kind: 'free' },
      firstStep: 'register',
      steps: [
        {
          id: 'register',
          role: 'chancellery',
          action: t('Register'),
          term: { duration: { amount: 0, unit: 'same_day' }, from: 'received' },
          outcomes: [{ id: 'registered', label: t('Registered'), next: 'assign', signed: false }],
        },
        {
          id: 'assign',
          role: 'head',
          action: t('Assign'),
          term: { duration: { amount: 0, unit: 'same_day' } },
          outcomes: [{ id: 'assigned', label: t('Assigned'), next: 'examine', assigns: 'executor' }],
        },
        {
          id: 'examine',
          role: 'executor',
          action: t('Examine'),
          term: { duration: { amount: 12, unit: 'working_days' }, from: 'step_start' },
          outcomes: [
            {
              id: 'refuse_incomplete',
              label: t('Refuse: incomplete'),
              decision: 'refuse',
              grounds: ['incomplete'],
              next: 'sign',
              term: { duration: { amount: 2, unit: 'working_days' }, from: 'completed:register' },
            },
            { id: 'prepared', label: t('Prepared'), next: 'sign' },
          ],
        },
        {
          id: 'sign',
          role: 'head',
          action: t('Sign'),
          term: { duration: { amount: 2, unit: 'working_days' } },
          outcomes: [
            {
              id: 'signed',
              label: t('Signed'),
              decision: 'approve',
              next: [
                { when: { channels: ['psc'] }, step: 'hand_over' },
                { when: { channels: ['portal'] }, step: 'deliver' },
              ],
            },
          ],
        },
        {
          id: 'deliver',
          role: 'portal',
          action: t('Deliver to the portal'),
          automatic: true,
          term: { duration: { amount: 0, unit: 'same_day' } },
          outcomes: [{ id: 'delivered', label: t('Delivered'), next: 'end', signed: false }],
        },
        {
          id: 'hand_over',
          role: 'psc',
          action: t('Hand over at the PSC'),
          term: { duration: { amount: 1, unit: 'working_days' } },
          outcomes: [{ id: 'handed', label: t('Handed over'), next: 'end', signed: false }],
        },
      ],
    },
  ],
  result: { document: t('Certificate'), refusal: t('Refusal'), registry: 'test', numberPrefix: 'T' },
});
const sc = svc.subcases[0]!;

/** Submitted Friday evening 14 March 2025 through the portal; received Monday 17 March 09:00. */
function baseCase(): ClockCase {
  return {
    submittedAt: at('2025-03-14T19:10:00+05:00'),
    steps: [
      { stepId: 'register', startedAt: at('2025-03-17T09:00:00+05:00'), completedAt: at('2025-03-17T11:00:00+05:00'), outcomeId: 'registered' },
      { stepId: 'assign', startedAt: at('2025-03-17T11:00:00+05:00'), completedAt: at('2025-03-18T10:00:00+05:00'), outcomeId: 'assigned' },
      { stepId: 'examine', startedAt: at('2025-03-18T10:00:00+05:00'), completedAt: at('2025-04-02T16:00:00+05:00'), outcomeId: 'prepared' },
      { stepId: 'sign', startedAt: at('2025-04-02T16:00:00+05:00') },
    ],
    pauses: [],
  };
}

test('computeDeadlines: every step and the whole case', () => {
  const dl = computeDeadlines(svc, sc, baseCase(), at('2025-04-07T10:00:00+05:00'), cal);
  same(dl.received, '2025-03-17T09:00:00+05:00', 'received');
  assert.deepEqual(dl.steps.map((s) => [s.stepId, s.role]), [['register', 'chancellery'], ['assign', 'head'], ['examine', 'executor'], ['sign', 'head']]);
  const [register, assign, examine, sign] = dl.steps;
  // Register: same day as receipt.
  same(register!.due, '2025-03-17T18:30:00+05:00', 'register');
  assert.equal(register!.overdue, false);
  // Assign: same day as its start (Monday), done Tuesday → late.
  same(assign!.due, '2025-03-17T18:30:00+05:00', 'assign');
  assert.equal(assign!.overdue, true);
  // Examine: 12 working days from Tuesday 18 March: 19, 20, 26, 27, 28, 31, 1, 2, 3, 4, 7, 8 April.
  same(examine!.due, '2025-04-08T18:30:00+05:00', 'examine');
  assert.equal(examine!.overdue, false);
  // Refusal for incomplete documents: 2 working days from registration (Monday 17): 18, 19.
  assert.equal(examine!.outcomeDue?.length, 1);
  assert.equal(examine!.outcomeDue![0]!.outcomeId, 'refuse_incomplete');
  same(examine!.outcomeDue![0]!.due, '2025-03-19T18:30:00+05:00', 'refusal term');
  // Sign: 2 working days from Wednesday 2 April: 3, 4 April; still open on Monday 7 → overdue.
  same(sign!.due, '2025-04-04T18:30:00+05:00', 'sign');
  assert.equal(sign!.completedAt, undefined);
  assert.equal(sign!.overdue, true);
  // Whole case: 15 working days from Monday 17 March: … 7, 8, 9, 10 April.
  same(dl.overall.due, '2025-04-10T18:30:00+05:00', 'overall');
  assert.equal(dl.overall.overdue, false);
  assert.equal(dl.paused, false);
  assert.equal(dl.pausedDays, 0);
});

test('computeDeadlines: the refusal outcome\'s own term governs when it is chosen', () => {
  const c = baseCase();
  c.steps = c.steps.slice(0, 3);
  c.steps[2] = { stepId: 'examine', startedAt: at('2025-03-18T10:00:00+05:00'), completedAt: at('2025-03-20T12:00:00+05:00'), outcomeId: 'refuse_incomplete' };
  const dl = computeDeadlines(svc, sc, c, at('2025-03-20T12:00:00+05:00'), cal);
  same(dl.steps[2]!.due, '2025-03-19T18:30:00+05:00', 'refusal');
  assert.equal(dl.steps[2]!.overdue, true);
  // In time when done on Wednesday 19 March.
  c.steps[2]!.completedAt = at('2025-03-19T18:30:00+05:00');
  assert.equal(computeDeadlines(svc, sc, c, at('2025-03-20T12:00:00+05:00'), cal).steps[2]!.overdue, false);
});

test('computeDeadlines: a pause of 3 working days moves the dues', () => {
  const c = baseCase();
  // Thursday 27 March 10:00 → Tuesday 1 April 12:00: working days 28, 31 March, 1 April.
  c.pauses = [{ pauseId: 'docs', from: at('2025-03-27T10:00:00+05:00'), to: at('2025-04-01T12:00:00+05:00') }];
  const dl = computeDeadlines(svc, sc, c, at('2025-04-07T10:00:00+05:00'), cal);
  // Examine: 8 April + 3 → 9, 10, 11 April.
  same(dl.steps[2]!.due, '2025-04-11T18:30:00+05:00', 'examine');
  // Steps outside the pause keep their dues.
  same(dl.steps[0]!.due, '2025-03-17T18:30:00+05:00', 'register');
  same(dl.steps[3]!.due, '2025-04-04T18:30:00+05:00', 'sign');
  // Whole case: 10 April + 3 → 11, 14, 15 April.
  same(dl.overall.due, '2025-04-15T18:30:00+05:00', 'overall');
  assert.equal(dl.pausedDays, 3);
  assert.equal(dl.paused, false);
});

test('computeDeadlines: a pause opened and closed the same day costs nothing; an open pause runs to now', () => {
  const c = baseCase();
  c.pauses = [{ pauseId: 'docs', from: at('2025-03-27T10:00:00+05:00'), to: at('2025-03-27T17:00:00+05:00') }];
  let dl = computeDeadlines(svc, sc, c, at('2025-04-07T10:00:00+05:00'), cal);
  same(dl.overall.due, '2025-04-10T18:30:00+05:00', 'same-day pause');
  assert.equal(dl.pausedDays, 0);

  // Open since Thursday 3 April 10:00; now Monday 7 April 10:00: working days 4 and 7 April.
  c.pauses = [{ pauseId: 'docs', from: at('2025-04-03T10:00:00+05:00') }];
  dl = computeDeadlines(svc, sc, c, at('2025-04-07T10:00:00+05:00'), cal);
  assert.equal(dl.paused, true);
  assert.equal(dl.pausedDays, 2);
  same(dl.overall.due, '2025-04-14T18:30:00+05:00', 'overall');
  // The open sign step overlaps the pause: 4 April + 2 → 7, 8 April; no longer overdue.
  same(dl.steps[3]!.due, '2025-04-08T18:30:00+05:00', 'sign');
  assert.equal(dl.steps[3]!.overdue, false);
});

test('computeDeadlines: a completed case', () => {
  const c = baseCase();
  c.steps[3] = { stepId: 'sign', startedAt: at('2025-04-02T16:00:00+05:00'), completedAt: at('2025-04-03T11:00:00+05:00'), outcomeId: 'signed' };
  c.steps.push({ stepId: 'deliver', startedAt: at('2025-04-03T11:00:00+05:00'), completedAt: at('2025-04-03T11:00:05+05:00'), outcomeId: 'delivered' });
  c.completedAt = at('2025-04-03T11:00:05+05:00');
  const dl = computeDeadlines(svc, sc, c, at('2025-06-01T10:00:00+05:00'), cal);
  same(dl.steps[4]!.due, '2025-04-03T18:30:00+05:00', 'deliver');
  assert.equal(dl.steps[4]!.overdue, false);
  assert.equal(dl.overall.overdue, false);
  same(dl.overall.completedAt!, '2025-04-03T11:00:05+05:00');
  assert.throws(() => computeDeadlines(svc, sc, { ...c, steps: [{ stepId: 'nope', startedAt: c.submittedAt }] }, c.completedAt!, cal), /no step "nope"/);
});

test('planDeadlines walks the happy path with each step starting at the previous due', () => {
  const plan = planDeadlines(svc, sc, at('2025-03-14T19:10:00+05:00'), { channel: 'portal', applicantKind: 'individual' }, cal);
  same(plan.received, '2025-03-17T09:00:00+05:00', 'received');
  assert.deepEqual(plan.steps.map((s) => s.stepId), ['register', 'assign', 'examine', 'sign', 'deliver']);
  const [register, assign, examine, sign, deliver] = plan.steps;
  same(register!.due, '2025-03-17T18:30:00+05:00', 'register');
  same(assign!.start, '2025-03-17T18:30:00+05:00', 'assign start');
  same(assign!.due, '2025-03-17T18:30:00+05:00', 'assign');
  // 12 working days from Monday 17 March: 18, 19, 20, 26, 27, 28, 31, 1, 2, 3, 4, 7 April.
  same(examine!.due, '2025-04-07T18:30:00+05:00', 'examine');
  same(sign!.start, '2025-04-07T18:30:00+05:00', 'sign start');
  same(sign!.due, '2025-04-09T18:30:00+05:00', 'sign');
  same(deliver!.due, '2025-04-09T18:30:00+05:00', 'deliver');
  same(plan.due, '2025-04-10T18:30:00+05:00', 'overall');

  // Through a PSC the signed result goes to the PSC, one more working day: 10 April.
  const psc = planDeadlines(svc, sc, at('2025-03-14T19:10:00+05:00'), { channel: 'psc', applicantKind: 'individual' }, cal);
  assert.deepEqual(psc.steps.map((s) => s.stepId), ['register', 'assign', 'examine', 'sign', 'hand_over']);
  same(psc.steps[4]!.due, '2025-04-10T18:30:00+05:00', 'hand over');
  // No branch for mail.
  assert.throws(() => planDeadlines(svc, sc, at('2025-03-14T19:10:00+05:00'), { channel: 'mail', applicantKind: 'individual' }, cal), /no next step/);
});

test('the benchmark runs', () => {
  assert.ok(benchClock(20_000) > 0);
});
