// When the applicant's term to answer a request runs out, the scheduled job ends the pause at the
// end of that term and hands the case back to the executor, who may refuse on the ground the
// regulation names for it; before the term ends nothing happens.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { runCase, staffFor } from '../support/run-case.ts';
import { expireOverduePauses } from '../../src/app/jobs.ts';
import { getCase } from '../../src/app/cases.ts';

eachEngine('an unanswered request expires at the end of the applicant\'s term and the case can be refused on its ground', async (_t, engine) => {
  const t = await makeTestApp(engine, '2026-10-01T09:00:00+05:00');
  try {
    // Notification filed on the portal Monday 23.11.2026; the executor asks for the legalized
    // document on Tuesday 24.11 at 11:00: 3 working days → Friday 27.11 at closing time.
    const v = await runCase(t, {
      serviceId: 'crypto-notification',
      subcase: 'registration',
      channel: 'portal',
      at: '2026-11-23T10:00:00+05:00',
      path: [
        { step: 'register', outcome: 'registered' },
        { step: 'assign', outcome: 'assigned', assign: 'executor' },
        { pause: 'legalized_document', at: '2026-11-24T11:00:00+05:00' },
      ],
    });
    assert.equal(v.paused, true);
    const due = v.pauses.at(-1)!.applicantDue;
    t.clock.set('2026-11-27T12:00:00+05:00');
    assert.equal(await expireOverduePauses(t.app), 0, 'the applicant still has time');
    t.clock.set('2026-11-30T09:30:00+05:00');
    assert.equal(await expireOverduePauses(t.app), 1);
    assert.equal(await expireOverduePauses(t.app), 0, 'expiring is done once');
    const executor = await staffFor(t, 'knb', 'executor');
    const after = await getCase(t.app, await t.login(executor), v.id);
    assert.equal(after.paused, false);
    assert.equal(after.mark, 'in_execution');
    assert.equal(after.pauses.at(-1)!.to, due, 'the clock runs again from the end of the applicant\'s term');
    assert.ok(after.actions.some((a) => a.outcomeId === 'draft_refusal' && a.grounds?.includes('documents_not_submitted')));
    const refused = await runCase(t, { serviceId: 'crypto-notification', subcase: 'registration', channel: 'portal', path: [] }).catch(() => null);
    assert.ok(refused, 'other cases are unaffected');
  } finally {
    await t.close();
  }
});
