// The three KNB licences share their procedure (order No. 305, appendices 1–3) and their terms
// (standards 1–3 of decree No. 50): every sub-case runs through the engine on both databases along
// each branch, with due dates worked out by hand once, here.
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp, type EngineName, type TestApp } from '../../support/app.ts';
import { runCase, type PathStep } from '../../support/run-case.ts';

export type LicenceSub = 'issue' | 'reissue' | 'duplicate' | 'annex';

export function registerLicenceRuns(serviceId: string, numberPattern: RegExp, subcases: readonly LicenceSub[]) {
  type Sub = LicenceSub;
  const SUBCASES = subcases;

  const apps = new Map<EngineName, TestApp>();
  async function appFor(engine: EngineName) {
    let t = apps.get(engine);
    // The demo certificates are issued at the app's start: start before the first case.
    if (!t) apps.set(engine, (t = await makeTestApp(engine, '2026-10-01T09:00:00+05:00')));
    return t;
  }
  after(async () => {
    for (const t of apps.values()) await t.close();
  });

  const at = (s: string) => `${s}+05:00`;
  const D = (day: string) => at(`2026-${day}T19:00:00`);

  // Received Tuesday 13 October 2026 at 10:00, registered 10:30, assigned 11:00, drafted Wednesday
  // 14 October 16:00, signed Thursday 15 October 11:00. Working days after 13 October: 14, 15, 16,
  // 19, 20, 21, 22, 23, (24–26 off: weekend and the Republic Day substitute), 27, 28, 29, 30 October,
  // 2, 3, 4 November.
  const ON_TIME = {
    issue: { overall: D('11-04'), review: D('10-30'), sign: D('10-16') },
    reissue: { overall: D('10-28'), review: D('10-23'), sign: D('10-16') },
    duplicate: { overall: D('10-15'), review: D('10-14'), sign: D('10-15') },
    annex: { overall: D('11-04'), review: D('10-30'), sign: D('10-16') },
  } satisfies Record<Sub, unknown>;

  // Received Friday 23 October 2026 at 10:00; registered 10:30. Working days after it: 27, 28, 29,
  // 30 October, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 November. The incompleteness refusal is due 2
  // working days from registration: Wednesday 28 October.
  const LATE_OCTOBER = {
    issue: { overall: D('11-16'), review: D('10-28') },
    reissue: { overall: D('11-09'), review: D('10-28') },
    duplicate: { overall: D('10-28'), review: D('10-27') },
    annex: { overall: D('11-16'), review: D('10-28') },
  } satisfies Record<Sub, unknown>;

  function dues(v: Awaited<ReturnType<typeof runCase>>) {
    return Object.fromEntries(v.deadlines.steps.map((s) => [s.stepId, s.due]));
  }

  const front: PathStep[] = [
    { step: 'register', outcome: 'registered', at: at('2026-10-13T10:30:00') },
    { step: 'assign', outcome: 'assigned', assign: 'executor', at: at('2026-10-13T11:00:00') },
  ];

  for (const sub of SUBCASES) {
    eachEngine(`${sub}: approval on the portal, delivered into the cabinet on the day of signing`, async (_t, engine) => {
      const t = await appFor(engine);
      const v = await runCase(t, {
        serviceId: serviceId,
        subcase: sub,
        channel: 'portal',
        at: at('2026-10-13T10:00:00'),
        path: [...front, { step: 'review', outcome: 'draft_approval', at: at('2026-10-14T16:00:00') }, { step: 'sign', outcome: 'signed', at: at('2026-10-15T11:00:00') }],
      });
      assert.equal(v.mark, 'result');
      assert.equal(v.decision, 'approve');
      assert.match(v.result!.number, numberPattern);
      assert.equal(v.deadlines.received, at('2026-10-13T10:00:00'));
      assert.deepEqual(v.deadlines.overall, { due: ON_TIME[sub].overall, completedAt: v.deadlines.overall.completedAt, overdue: false });
      assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: ON_TIME[sub].review, sign: ON_TIME[sub].sign, deliver: D('10-15') });
      assert.ok(v.deadlines.steps.every((s) => !s.overdue));
    });

    eachEngine(`${sub}: refusal on a §16 ground at the office, signed within the head's term and sent by hand`, async (_t, engine) => {
      const t = await appFor(engine);
      const v = await runCase(t, {
        serviceId: serviceId,
        subcase: sub,
        channel: 'provider_office',
        at: at('2026-10-13T10:00:00'),
        path: [
          ...front,
          { step: 'review', outcome: 'draft_refusal', grounds: ['qualification_requirements_not_met'], at: at('2026-10-14T16:00:00') },
          { step: 'sign', outcome: 'signed', at: at('2026-10-15T11:00:00') },
          { step: 'dispatch', outcome: 'dispatched', at: at('2026-10-15T12:00:00') },
        ],
      });
      assert.equal(v.mark, 'refused');
      assert.deepEqual(v.grounds?.map((g) => g.id), ['qualification_requirements_not_met']);
      assert.equal(v.deadlines.overall.due, ON_TIME[sub].overall);
      assert.deepEqual(dues(v), { register: D('10-13'), assign: D('10-13'), review: ON_TIME[sub].review, sign: ON_TIME[sub].sign, dispatch: D('10-15') });
      assert.ok(v.deadlines.steps.every((s) => !s.overdue));
    });

    eachEngine(`${sub}: incomplete documents by post, refused within 2 working days of registration across the Republic Day holiday`, async (_t, engine) => {
      const t = await appFor(engine);
      const v = await runCase(t, {
        serviceId: serviceId,
        subcase: sub,
        channel: 'mail',
        applicant: t.users.applicant,
        at: at('2026-10-23T10:00:00'),
        path: [
          { step: 'register', outcome: 'registered', at: at('2026-10-23T10:30:00') },
          { step: 'assign', outcome: 'assigned', assign: 'executor', at: at('2026-10-23T11:00:00') },
          { step: 'review', outcome: 'draft_refusal_incomplete', grounds: ['incomplete_documents'], at: at('2026-10-27T16:00:00') },
          { step: 'sign_refusal', outcome: 'signed', at: at('2026-10-27T17:00:00') },
          { step: 'dispatch', outcome: 'dispatched', at: at('2026-10-27T18:00:00') },
        ],
      });
      assert.equal(v.mark, 'refused');
      assert.equal(v.applicant.kind, 'individual');
      assert.deepEqual(v.grounds?.map((g) => g.id), ['incomplete_documents']);
      assert.equal(v.deadlines.overall.due, LATE_OCTOBER[sub].overall);
      assert.deepEqual(dues(v), { register: D('10-23'), assign: D('10-23'), review: LATE_OCTOBER[sub].review, sign_refusal: D('10-27'), dispatch: D('10-27') });
      const review = v.deadlines.steps.find((s) => s.stepId === 'review')!;
      assert.deepEqual(review.outcomeDue, sub === 'duplicate' ? undefined : [{ outcomeId: 'draft_refusal_incomplete', due: D('10-28') }]);
      assert.ok(v.deadlines.steps.every((s) => !s.overdue));
    });
  }
}
