import { test } from 'node:test';
import { makeTestApp } from '/work/main/test/support/app.ts';
import { runCase, staffFor } from '/work/main/test/support/run-case.ts';
test('dbg', async () => {
  const app = await makeTestApp('sqlite');
  try {
    for (const role of ['nca_operator', 'egov_portal']) { console.log('staff', role); await staffFor(app, 'nca', role); }
    console.log('run');
    const v = await runCase(app, { serviceId: 'nca-certificates', subcase: 'issue', applicant: app.users.applicant, at: '2026-11-24T10:00:00+05:00', path: [
      { step: 'sdb_check', outcome: 'data_found', at: '2026-11-24T10:01:00+05:00' },
    ]});
    console.log(v.mark, v.currentStep);
  } catch (e) { console.log('ERR', e); } finally { await app.close(); }
});
