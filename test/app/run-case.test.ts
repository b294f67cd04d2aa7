// The generic case driver works on the reference service, including a provider role that no
// demo user holds (a staff member is employed on demand).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeCatalog } from '../../src/services/index.ts';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { runCase, staffFor } from '../support/run-case.ts';

eachEngine('runCase drives a sub-case along a named path to its result', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    const v = await runCase(t, {
      serviceId: 'crypto-licence',
      subcase: 'reissue',
      at: '2026-11-23T10:00:00+05:00',
      path: [
        { step: 'register', outcome: 'registered' },
        { step: 'assign', outcome: 'assigned', assign: 'executor' },
        { step: 'review', outcome: 'draft_refusal', grounds: ['qualification_requirements_not_met'], at: '2026-11-25T10:00:00+05:00' },
        { step: 'sign', outcome: 'signed' },
      ],
    });
    assert.equal(v.mark, 'refused');
    assert.deepEqual(v.grounds?.map((g) => g.id), ['qualification_requirements_not_met']);
    const extra = await staffFor(t, 'some-other-provider', 'inspector');
    assert.deepEqual(extra.roles, ['inspector']);
    assert.notEqual(extra.iin, t.users.provider_executor.iin);
  } finally {
    await t.close();
  }
});


test('the catalog picks the version in force on the Almaty calendar date (UTC+6 before March 2024)', () => {
  const catalog = makeCatalog();
  // 24 October 2014, 00:30 in Almaty (+06:00) is still 23 October in UTC+5 arithmetic: the 2014
  // version of technical research takes effect that day and must be the one chosen.
  const at = new Date('2014-10-24T00:30:00+06:00');
  assert.equal(catalog.inForce('technical-research', at)?.version, '2014-10-24');
  assert.equal(catalog.inForce('technical-research', new Date('2014-10-23T23:30:00+06:00'))?.version, '2012-07-28');
});
