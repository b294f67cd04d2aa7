// Two things some regulations need of the clock: the applicant's own steps do not count against the
// overall term (signing contracts, eliminating non-conformities), and an outcome can bring terms
// of its own (a re-check extends the overall term).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDeadlines, planDeadlines } from '../../src/core/clock.ts';
import { defineService } from '../../src/core/regulation.ts';
import { formatAlmaty } from '../../src/core/time.ts';

const T = { kk: 't', ru: 't', en: 't' };
const wd = (amount: number) => ({ amount, unit: 'working_days' as const });
const svc = defineService({
  id: 'clock-fixture',
  version: '2026-01-01',
  name: T,
  shortName: T,
  status: 'active',
  effective: { from: '2026-01-01' },
  sources: [{ act: T, number: '1', date: '2026-01-01' }],
  provider: { id: 'p', name: T, workingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30' } },
  channels: ['portal'],
  applicantKinds: ['legal_entity'],
  roles: [{ id: 'officer', name: T }, { id: 'applicant', name: T, kind: 'applicant' }],
  refusalGrounds: [],
  result: { document: T, refusal: T, registry: 'r', numberPrefix: 'R' },
  subcases: [
    {
      id: 'main',
      name: T,
      term: { duration: wd(5), from: 'received' },
      fee: { kind: 'free' },
      firstStep: 'prepare',
      steps: [
        { id: 'prepare', role: 'officer', action: T, term: { duration: wd(2) }, outcomes: [{ id: 'ok', label: T, next: 'sign_contract' }] },
        { id: 'sign_contract', role: 'applicant', action: T, counted: false, term: { duration: wd(3) }, outcomes: [{ id: 'signed', label: T, next: 'decide' }] },
        {
          id: 'decide',
          role: 'officer',
          action: T,
          term: { duration: wd(2) },
          outcomes: [
            { id: 'issue', label: T, next: 'end' },
            { id: 'recheck', label: T, next: 'decide_again', extendsTerm: [wd(4)] },
          ],
        },
        { id: 'decide_again', role: 'officer', action: T, term: { duration: wd(4) }, outcomes: [{ id: 'issue', label: T, next: 'end' }] },
      ],
    },
  ],
});
const sc = svc.subcases[0]!;
const d = (s: string) => new Date(s);

test('the applicant\'s own step stops the overall clock; its own term still runs', () => {
  // Received Monday 2026-11-23 10:00; 5 working days → Monday 30 November.
  const base = { submittedAt: d('2026-11-23T10:00:00+05:00'), pauses: [] };
  const running = computeDeadlines(svc, sc, { ...base, steps: [{ stepId: 'prepare', startedAt: d('2026-11-23T10:00:00+05:00') }] }, d('2026-11-23T11:00:00+05:00'));
  assert.equal(formatAlmaty(running.overall.due), '2026-11-30T18:30:00+05:00');
  // The applicant held the contract from Tuesday to Thursday (2 working days: Wed and Thu).
  const signed = computeDeadlines(
    svc,
    sc,
    {
      ...base,
      steps: [
        { stepId: 'prepare', startedAt: d('2026-11-23T10:00:00+05:00'), completedAt: d('2026-11-24T10:00:00+05:00'), outcomeId: 'ok' },
        { stepId: 'sign_contract', startedAt: d('2026-11-24T10:00:00+05:00'), completedAt: d('2026-11-26T15:00:00+05:00'), outcomeId: 'signed' },
        { stepId: 'decide', startedAt: d('2026-11-26T15:00:00+05:00') },
      ],
    },
    d('2026-11-26T16:00:00+05:00'),
  );
  assert.equal(formatAlmaty(signed.overall.due), '2026-12-02T18:30:00+05:00', 'moved by the two working days the applicant held the contract');
  const own = signed.steps.find((s) => s.stepId === 'sign_contract')!;
  assert.equal(formatAlmaty(own.due), '2026-11-27T18:30:00+05:00', 'the applicant\'s step keeps its own 3-working-day term');
  assert.equal(own.overdue, false);
});

test('an outcome that brings its own terms extends the overall term', () => {
  const c = {
    submittedAt: d('2026-11-23T10:00:00+05:00'),
    pauses: [],
    steps: [
      { stepId: 'prepare', startedAt: d('2026-11-23T10:00:00+05:00'), completedAt: d('2026-11-23T12:00:00+05:00'), outcomeId: 'ok' },
      { stepId: 'sign_contract', startedAt: d('2026-11-23T12:00:00+05:00'), completedAt: d('2026-11-23T16:00:00+05:00'), outcomeId: 'signed' },
      { stepId: 'decide', startedAt: d('2026-11-23T16:00:00+05:00'), completedAt: d('2026-11-24T10:00:00+05:00'), outcomeId: 'recheck' },
      { stepId: 'decide_again', startedAt: d('2026-11-24T10:00:00+05:00') },
    ],
  };
  const dl = computeDeadlines(svc, sc, c, d('2026-11-24T11:00:00+05:00'));
  // 5 working days → 30 November; the re-check adds 4 more → Friday 4 December.
  assert.equal(formatAlmaty(dl.overall.due), '2026-12-04T18:30:00+05:00');
});

test('the plan leaves the applicant\'s planned time out of the overall term', () => {
  const plan = planDeadlines(svc, sc, d('2026-11-23T10:00:00+05:00'), { channel: 'portal', applicantKind: 'legal_entity' });
  // prepare due Wed 25; sign_contract planned 25 → Mon 30 (3 wd: 26, 27, 30), not counted;
  // overall: 5 wd from the 23rd (30 Nov) + the 3 uncounted working days → Thursday 3 December.
  assert.equal(formatAlmaty(plan.steps[1]!.due), '2026-11-30T18:30:00+05:00');
  assert.equal(formatAlmaty(plan.due), '2026-12-03T18:30:00+05:00');
});
