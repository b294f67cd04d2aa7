// HTTP conventions a client library relies on: the bearer scheme is case-insensitive, and query
// parameters of public routes are checked like body fields.
import assert from 'node:assert/strict';
import { eachEngine } from '../support/app.ts';
import { assertProblem, SERVICE, withFixture } from './client.ts';

eachEngine('HTTP API: conventions', async (ctx, engine) => {
  await withFixture(engine, async (f) => {
    await ctx.test('"bearer" in any case is accepted as the Authorization scheme', async () => {
      const token = f.tokens.applicant;
      for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
        const res = await f.api.request('GET', '/api/me', undefined, { headers: { authorization: `${scheme} ${token}` } });
        assert.equal(res.status, 200, `${scheme}: ${res.text}`);
        assert.equal(res.body.iin, f.t.users.applicant.iin);
      }
      assertProblem(await f.api.request('GET', '/api/me', undefined, { headers: { authorization: `Basic ${token}` } }), 401, 'not_signed_in');
    });

    await ctx.test('planned deadlines refuse an applicant kind the service does not serve', async () => {
      const res = await f.api.get(`/api/catalog/${SERVICE}/deadlines?subcase=issue&applicantKind=martian`);
      assertProblem(res, 422, 'applicant_kind', 'applicantKind');
      const ok = await f.api.get(`/api/catalog/${SERVICE}/deadlines?subcase=issue&applicantKind=legal_entity&received=2026-11-23T09:15:00%2B05:00`);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.due, '2026-12-14T19:00:00+05:00');
    });
  });
});
