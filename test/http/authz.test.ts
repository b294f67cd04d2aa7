// Authorization over HTTP: applicants see only their own cases (another's case is "not found", so
// its existence does not leak), cannot act as staff, and sessions end.
import assert from 'node:assert/strict';
import { eachEngine } from '../support/app.ts';
import { applicationBody, assertProblem, decisionBody, newKey, SERVICE, withFixture, writesNothing, type Reply } from './client.ts';

eachEngine('HTTP API: authorization', async (ctx, engine) => {
  await withFixture(engine, async (f) => {
    const { api, t, tokens } = f;
    const u = t.users;

    // Two applicants, two cases each; one of the company's cases runs to its result.
    const personal = [await f.submit(u.applicant), await f.submit(u.applicant)];
    const company = [await f.submit(u.company_head), await f.submit(u.company_head)];
    const done = company[0]!;
    await f.toReview(done);
    await f.step(u.provider_executor, done, 'review', 'draft_approval');
    await f.step(u.provider_head, done, 'sign', 'signed');
    const missing = '00000000-0000-4000-8000-000000000000';

    const sameAsMissing = (res: Reply, missingRes: Reply) => {
      assertProblem(res, 404, 'case_not_found');
      // Byte for byte the answer for a case that does not exist, apart from the id itself.
      assert.equal(res.body.title, missingRes.body.title);
      assert.equal(res.body.type, missingRes.body.type);
      assert.equal(res.body.detail.replace(done, 'ID'), missingRes.body.detail.replace(missing, 'ID'));
    };

    await ctx.test('the owner reads the case, its events and its result', async () => {
      for (const path of [`/api/cases/${done}`, `/api/cases/${done}/events`, `/api/cases/${done}/result`]) {
        const res = await api.get(path, tokens.company_head);
        assert.equal(res.status, 200, `${path}: ${res.text}`);
      }
    });

    await ctx.test("another applicant cannot read a case, nor its events or result: 404 as if it did not exist", async () => {
      for (const suffix of ['', '/events', '/result']) {
        const missingRes = await api.get(`/api/cases/${missing}${suffix}`, tokens.applicant);
        assertProblem(missingRes, 404, 'case_not_found');
        sameAsMissing(await api.get(`/api/cases/${done}${suffix}`, tokens.applicant), missingRes);
      }
      // And the other way round: the company head cannot read the individual's case.
      assertProblem(await api.get(`/api/cases/${personal[0]}`, tokens.company_head), 404, 'case_not_found');
      assertProblem(await api.get(`/api/cases/${personal[0]}/events`, tokens.company_head), 404, 'case_not_found');
      // Without a session nothing is told at all.
      assertProblem(await api.get(`/api/cases/${done}`), 401, 'not_signed_in');
    });

    await ctx.test('the individual applicant sees only their own cases in the cabinet', async () => {
      const mine = await api.get('/api/cabinet', tokens.applicant);
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual(mine.body.items.map((c: { id: string }) => c.id).sort(), [...personal].sort());
      const theirs = await api.get('/api/cabinet', tokens.company_head);
      assert.deepEqual(theirs.body.items.map((c: { id: string }) => c.id).sort(), [...company].sort());
      const view = await api.get(`/api/cases/${personal[0]}`, tokens.applicant);
      assert.equal(view.status, 200, view.text);
      assert.equal(view.body.applicant.kind, 'individual');
      assert.equal(view.body.applicant.iin, u.applicant.iin);
      // An applicant is offered no staff actions on their own case.
      assert.deepEqual(view.body.actions, []);
    });

    await ctx.test('an applicant cannot take staff steps: 403 on their own case, 404 on another\'s; nothing written', async () => {
      const target = company[1]!;
      for (const [who, signer, status, rule] of [
        ['company_head', u.company_head, 403, 'wrong_role'],
        ['applicant', u.applicant, 404, 'case_not_found'],
      ] as const) {
        const body = await decisionBody(signer.sign, { caseId: target, stepId: 'register', outcomeId: 'registered' });
        const res = await writesNothing(t, () => api.post(`/api/cases/${target}/steps/register/registered`, body, { token: tokens[who], idem: newKey() }));
        assertProblem(res, status, rule);
      }
      const pause = await writesNothing(t, () => api.post(`/api/cases/${target}/pauses`, { pauseId: 'any', request: 'please' }, { token: tokens.company_head, idem: newKey() }));
      assertProblem(pause, 403, 'wrong_role');
      assertProblem(await api.get('/api/inbox', tokens.company_head), 403, 'wrong_role');
      assertProblem(await api.get('/api/staff?role=executor', tokens.applicant), 403, 'wrong_role');
      const v = await api.get(`/api/cases/${target}`, tokens.provider_chancellery);
      assert.equal(v.body.currentStep, 'register');
      assert.equal(v.body.mark, 'delivered');
    });

    await ctx.test('staff hold only their roles: inbox by a role one does not hold → 403', async () => {
      assertProblem(await api.get('/api/inbox?role=head_of_provider', tokens.provider_executor), 403, 'wrong_role');
      const own = await api.get('/api/inbox?role=executor', tokens.provider_executor);
      assert.equal(own.status, 200, own.text);
    });

    await ctx.test('an applicant applies only for themself and only through the portal', async () => {
      const head = u.company_head;
      // The body names somebody else as applicant: ignored, the case is the signed-in person's.
      const body = { ...(await applicationBody(t, head)), applicant: { iin: u.applicant.iin } };
      const res = await api.post('/api/cases', body, { token: tokens.company_head, idem: newKey() });
      assert.equal(res.status, 201, res.text);
      const view = await api.get(`/api/cases/${res.body.id}`, tokens.company_head);
      assert.equal(view.body.applicant.iin, head.iin);
      assert.equal(view.body.applicant.bin, head.bin);
      assertProblem(await api.get(`/api/cases/${res.body.id}`, tokens.applicant), 404, 'case_not_found');
      // An office channel is for staff.
      const office = await writesNothing(t, async () => api.post('/api/cases', { ...(await applicationBody(t, head)), channel: 'provider_office' }, { token: tokens.company_head, idem: newKey() }));
      assertProblem(office, 403, 'channel_not_allowed');
    });

    await ctx.test('staff cannot submit on the portal, and only the chancellery accepts at the office', async () => {
      const portal = await writesNothing(t, async () => api.post('/api/cases', { ...(await applicationBody(t, u.company_head)), channel: 'portal' }, { token: tokens.provider_executor, idem: newKey() }));
      assertProblem(portal, 403, 'channel_not_allowed');
      const office = await writesNothing(t, async () =>
        api.post('/api/cases', { serviceId: SERVICE, subcase: 'issue', channel: 'provider_office', applicant: { iin: u.applicant.iin }, fields: {}, documents: [], signature: 'AAAA' }, { token: tokens.provider_executor, idem: newKey() }),
      );
      assertProblem(office, 403, 'wrong_role');
    });

    await ctx.test('a session ends after its lifetime: 401 session_expired', () =>
      f.keepClock(async () => {
        t.clock.advanceMinutes(12 * 60 + 1);
        assertProblem(await api.get('/api/cabinet', tokens.applicant), 401, 'session_expired');
        assertProblem(await api.get('/api/inbox', tokens.provider_chancellery), 401, 'session_expired');
      }),
    );
  });
});
