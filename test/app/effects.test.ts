// Effects run inside the command's transaction (a failing one undoes the command), and guards can
// hold an outcome back; neither names a service.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { runCase } from '../support/run-case.ts';
import { AppError, unprocessable } from '../../src/app/errors.ts';

eachEngine('effects see every appended event in the same transaction; a failing effect undoes the command', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    const seen: string[] = [];
    t.app.effects.push({ name: 'recorder', afterEvents: async ({ events }) => void seen.push(...events.map((e) => `${e.seq}:${e.data.type}`)) });
    const v = await runCase(t, { serviceId: 'crypto-licence', subcase: 'duplicate', at: '2026-11-23T10:00:00+05:00', path: [{ step: 'register', outcome: 'registered' }, { step: 'assign', outcome: 'assigned', assign: 'executor' }, { step: 'review', outcome: 'draft_approval' }, { step: 'sign', outcome: 'signed' }] });
    assert.equal(v.mark, 'result');
    // submit, register, assign, review, then sign with the portal's delivery and the result in one command
    assert.deepEqual(seen, ['1:submitted', '2:step_completed', '3:step_completed', '4:step_completed', '5:step_completed', '6:step_completed', '7:result_issued']);

    t.app.effects.push({ name: 'broken', afterEvents: async () => { throw unprocessable('registry_down', 'the registry refused the entry'); } });
    const count = async () => Number((await t.app.store.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await assert.rejects(runCase(t, { serviceId: 'crypto-licence', subcase: 'duplicate', path: [] }), (e: unknown) => e instanceof AppError && e.rule === 'registry_down');
    assert.equal(await count(), before, 'the submission was rolled back with the failing effect');
  } finally {
    await t.close();
  }
});

eachEngine('a guard holds an outcome back with its own reason and nothing is written', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    t.app.guards.push({
      name: 'fee',
      beforeOutcome: async ({ outcome }) => {
        if (outcome.mark === 'registered') throw unprocessable('fee_not_confirmed', 'the licence fee is not confirmed yet');
      },
    });
    const events = async () => Number((await t.app.store.db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const v = await runCase(t, { serviceId: 'crypto-licence', subcase: 'issue', at: '2026-11-23T10:00:00+05:00', path: [] });
    const before = await events();
    await assert.rejects(runCase(t, { serviceId: 'crypto-licence', subcase: 'issue', path: [{ step: 'register', outcome: 'registered' }] }), (e: unknown) => e instanceof AppError && e.rule === 'fee_not_confirmed');
    assert.equal(await events(), before + 1, 'only the second submission was written, not its registration');
    assert.equal(v.mark, 'delivered');
  } finally {
    await t.close();
  }
});
