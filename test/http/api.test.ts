// The happy path and the refusal path of crypto-licence over HTTP, as src/cli/demo.ts plays them
// in-process: EDS sign-in, a signed portal application, each staff decision signed, the result in
// the cabinet; plus idempotency of submission, the system endpoints, and one run over a real socket.
import assert from 'node:assert/strict';
import { GENESIS_HASH, verifyChain, type CaseEvent } from '../../src/core/case.ts';
import { canonicalJson, sha256Hex } from '../../src/core/canonical.ts';
import { buildServer } from '../../src/http/server.ts';
import { signText } from '../../src/app/session.ts';
import { eachEngine } from '../support/app.ts';
import { applicationBody, assertProblem, counts, decisionBody, newKey, SERVICE, withFixture, writesNothing } from './client.ts';

const ALMATY_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;

eachEngine('HTTP API: happy path, refusal, idempotency, system endpoints', async (ctx, engine) => {
  await withFixture(engine, async (f) => {
    const { api, t, tokens } = f;
    const u = t.users;

    await ctx.test('GET /health answers 200 with status ok and the engine', async () => {
      const res = await api.get('/health');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'ok');
      assert.equal(res.body.engine, engine);
      assert.ok(res.body.services >= 1);
    });

    await ctx.test('GET /openapi.json is an OpenAPI 3 document listing /api/cases', async () => {
      const res = await api.get('/openapi.json');
      assert.equal(res.status, 200, res.text);
      assert.match(String(res.body.openapi), /^3\./);
      assert.ok(res.body.paths['/api/cases'], 'paths has /api/cases');
      assert.ok(res.body.paths['/api/cases'].post, '/api/cases has POST');
      assert.ok(res.body.components?.securitySchemes?.bearer, 'bearer security scheme');
    });

    await ctx.test('an unknown route is a problem document, not an HTML page', async () => {
      const res = await api.get('/api/nope');
      assertProblem(res, 404, 'no_route');
    });

    await ctx.test('happy path: issue on the portal for a legal entity, from sign-in to the licence', () => f.keepClock(async () => {
      const head = u.company_head;
      // Sign-in over HTTP: challenge, CMS over the nonce with the authentication key, token.
      const ch = await api.post('/api/auth/challenge', {});
      assert.equal(ch.status, 201, ch.text);
      assert.match(ch.body.nonce, /^qyzmet-signin:/);
      assert.ok(Date.parse(ch.body.expiresAt) > t.clock.now.getTime());
      const si = await api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: await signText(head.auth, ch.body.nonce) });
      assert.equal(si.status, 200, si.text);
      const token = si.body.token as string;
      assert.equal(si.body.user.id, head.userId);
      assert.equal(si.body.user.bin, head.bin);
      const me = await api.get('/api/me', token);
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.iin, head.iin);
      assert.equal(me.body.kind, 'applicant');

      const cat = await api.get('/api/catalog');
      assert.equal(cat.status, 200, cat.text);
      const entry = cat.body.items.find((i: { id: string }) => i.id === SERVICE);
      assert.ok(entry, 'crypto-licence is in the catalog');
      assert.ok(entry.channels.includes('portal'));
      assert.deepEqual(entry.subcases.map((s: { id: string }) => s.id), ['issue', 'reissue', 'duplicate']);

      const before = await counts(t);
      const sub = await api.post('/api/cases', await applicationBody(t, head), { token, idem: newKey('happy') });
      assert.equal(sub.status, 201, sub.text);
      const id = sub.body.id as string;
      assert.equal(sub.body.mark, 'delivered');
      assert.equal(sub.body.currentStep, 'register');
      assert.match(sub.body.number, /^\d{6}-\d{6}$/);
      const after = await counts(t);
      assert.equal(after.cases, before.cases + 1);
      assert.equal(after.case_events, before.case_events + 1);
      assert.ok(after.attachments > before.attachments, 'the documents are stored');

      const cab = await api.get('/api/cabinet', token);
      assert.equal(cab.status, 200, cab.text);
      const mine = cab.body.items.find((c: { id: string }) => c.id === id);
      assert.ok(mine, 'the case is in the cabinet');
      assert.equal(mine.mark, 'delivered');
      assert.match(mine.overallDue, ALMATY_ISO);

      // Chancellery: the inbox shows the new case, registration moves it to "registered".
      const ib = await api.get('/api/inbox', tokens.provider_chancellery);
      assert.equal(ib.status, 200, ib.text);
      assert.ok(ib.body.items.some((c: { id: string }) => c.id === id), 'the chancellery inbox has the case');
      assert.ok(ib.body.counts.total >= 1);
      // Other roles do not see it yet.
      const exIb = await api.get('/api/inbox', tokens.provider_executor);
      assert.equal(exIb.status, 200, exIb.text);
      assert.ok(!exIb.body.items.some((c: { id: string }) => c.id === id), 'the executor inbox does not have the case yet');

      await f.advance(25);
      const reg = await f.step(u.provider_chancellery, id, 'register', 'registered');
      assert.equal(reg.mark, 'registered');
      assert.equal(reg.currentStep, 'assign');
      assert.equal((await api.get('/api/cabinet', tokens.company_head)).body.items.find((c: { id: string }) => c.id === id).mark, 'registered');

      // Head of licensing assigns the executor found through GET /api/staff?role=executor.
      await f.advance(90);
      const staff = await api.get('/api/staff?role=executor', tokens.provider_licensing_head);
      assert.equal(staff.status, 200, staff.text);
      assert.equal(staff.body.items.length, 1);
      const executorId = staff.body.items[0].id as string;
      assert.equal(executorId, u.provider_executor.userId);
      assert.deepEqual(staff.body.items[0].roles, ['executor']);
      const asg = await f.step(u.provider_licensing_head, id, 'assign', 'assigned', { assignee: executorId });
      assert.equal(asg.mark, 'in_execution');
      assert.equal(asg.currentStep, 'review');
      const exIb2 = await api.get('/api/inbox', tokens.provider_executor);
      assert.ok(exIb2.body.items.some((c: { id: string }) => c.id === id), 'the assigned executor now has the case');

      await f.advance(3 * 24 * 60 + 60);
      const rev = await f.step(u.provider_executor, id, 'review', 'draft_approval');
      assert.equal(rev.currentStep, 'sign');
      assert.equal(rev.decision, 'approve');

      await f.advance(24 * 60 - 120);
      const signed = await f.step(u.provider_head, id, 'sign', 'signed');
      assert.equal(signed.mark, 'result');
      assert.equal(signed.currentStep, null);
      assert.ok(signed.result?.number);

      // The applicant sees the result.
      const view = await api.get(`/api/cases/${id}`, tokens.company_head);
      assert.equal(view.status, 200, view.text);
      assert.equal(view.body.mark, 'result');
      assert.deepEqual(view.body.actions, []);
      assert.deepEqual(
        view.body.deadlines.steps.map((s: { stepId: string }) => s.stepId),
        ['register', 'assign', 'review', 'sign', 'deliver'],
      );
      assert.match(view.body.deadlines.received, ALMATY_ISO);
      assert.match(view.body.deadlines.overall.due, ALMATY_ISO);
      for (const s of view.body.deadlines.steps) {
        assert.match(s.due, ALMATY_ISO, `${s.stepId} due`);
        assert.match(s.startedAt, ALMATY_ISO, `${s.stepId} startedAt`);
        assert.match(s.completedAt, ALMATY_ISO, `${s.stepId} completedAt`);
        assert.ok(!Number.isNaN(Date.parse(s.due)));
        assert.equal(s.overdue, false, `${s.stepId} was done on time`);
      }
      // Register and assign are same-day steps: due by the end of the Monday of receipt.
      assert.equal(view.body.deadlines.steps[0].due.slice(0, 10), '2026-11-23');
      assert.equal(view.body.deadlines.overall.overdue, false);
      assert.equal(view.body.timeline.filter((e: { signed: boolean }) => e.signed).length, 5, 'application + four decisions are signed');
      const cab2 = await api.get('/api/cabinet', tokens.company_head);
      assert.equal(cab2.body.items.find((c: { id: string }) => c.id === id).mark, 'result');

      const result = await api.get(`/api/cases/${id}/result`, tokens.company_head);
      assert.equal(result.status, 200, result.text);
      assert.match(result.body.number, /^KNB-CIPM-2026-\d{6}$/);
      assert.equal(result.body.number, signed.result.number);
      assert.equal(result.body.decision, 'approve');
      assert.equal(result.body.document.number, result.body.number);
      assert.equal(result.body.document.caseId, id);
      assert.equal(result.body.document.applicant.bin, head.bin);
      assert.equal(result.body.document.signedBy.userId, u.provider_head.userId);
      assert.equal(result.body.sha256, sha256Hex(canonicalJson(result.body.document)), 'sha256 covers the document');
      assert.equal(typeof result.body.signature, 'string');

      const ev = await api.get(`/api/cases/${id}/events`, tokens.company_head);
      assert.equal(ev.status, 200, ev.text);
      const events = ev.body.items as CaseEvent[];
      assert.deepEqual(
        events.map((e) => e.data.type),
        ['submitted', 'step_completed', 'step_completed', 'step_completed', 'step_completed', 'step_completed', 'result_issued'],
      );
      assert.equal(events[0]!.prevHash, GENESIS_HASH);
      for (let i = 1; i < events.length; i++) {
        assert.equal(events[i]!.seq, i + 1);
        assert.equal(events[i]!.prevHash, events[i - 1]!.hash, `event ${i + 1} chains to ${i}`);
      }
      assert.equal(verifyChain(events), null, 'every hash recomputes from its event');
      assert.equal(new Set(events.map((e) => e.hash)).size, events.length);

      // Staff see it too; the chancellery inbox no longer lists it.
      assert.equal((await api.get(`/api/cases/${id}`, tokens.provider_chancellery)).status, 200);
      assert.ok(!(await api.get('/api/inbox', tokens.provider_chancellery)).body.items.some((c: { id: string }) => c.id === id));
    }));

    await ctx.test('refusal path: incomplete documents → sign_refusal → a refusal document', async () => {
      const id = await f.submit();
      await f.toReview(id);
      const drafted = await f.step(u.provider_executor, id, 'review', 'draft_refusal_incomplete', { grounds: ['incomplete_documents'] });
      assert.equal(drafted.currentStep, 'sign_refusal');
      assert.equal(drafted.decision, 'refuse');
      assert.deepEqual(drafted.grounds.map((g: { id: string }) => g.id), ['incomplete_documents']);
      const signed = await f.step(u.provider_head, id, 'sign_refusal', 'signed');
      assert.equal(signed.mark, 'refused');
      assert.equal(signed.currentStep, null);
      const result = await api.get(`/api/cases/${id}/result`, tokens.company_head);
      assert.equal(result.status, 200, result.text);
      assert.equal(result.body.decision, 'refuse');
      assert.match(result.body.number, /^KNB-CIPM-2026-\d{6}$/);
      assert.deepEqual(result.body.document.grounds.map((g: { id: string }) => g.id), ['incomplete_documents']);
      assert.equal(typeof result.body.document.grounds[0].text.ru, 'string');
      const cab = await api.get('/api/cabinet', tokens.company_head);
      assert.equal(cab.body.items.find((c: { id: string }) => c.id === id).mark, 'refused');
    });

    await ctx.test('a refusal without grounds → 422 grounds_required, nothing written', async () => {
      const id = await f.submit();
      await f.toReview(id);
      for (const outcome of ['draft_refusal_incomplete', 'draft_refusal']) {
        const body = await decisionBody(u.provider_executor.sign, { caseId: id, stepId: 'review', outcomeId: outcome });
        const res = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/review/${outcome}`, body, { token: tokens.provider_executor, idem: newKey() }));
        assertProblem(res, 422, 'grounds_required', 'grounds');
      }
      // An empty list is no grounds either.
      const empty = await decisionBody(u.provider_executor.sign, { caseId: id, stepId: 'review', outcomeId: 'draft_refusal', grounds: [] });
      const res = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/review/draft_refusal`, { ...empty, grounds: [] }, { token: tokens.provider_executor, idem: newKey() }));
      assertProblem(res, 422, 'grounds_required', 'grounds');
      assert.equal((await api.get(`/api/cases/${id}`, tokens.provider_executor)).body.currentStep, 'review');
    });

    await ctx.test('a ground the regulation does not list → 422 ground_not_allowed, nothing written', async () => {
      const id = await f.submit();
      await f.toReview(id);
      const cases: Array<[string, string[]]> = [
        ['draft_refusal', ['applicant_looks_suspicious']],
        // A real ground, but not one this outcome may cite.
        ['draft_refusal_incomplete', ['licence_fee_not_paid']],
        ['draft_refusal', ['incomplete_documents']],
        // An approval cites no grounds.
        ['draft_approval', ['licence_fee_not_paid']],
      ];
      for (const [outcome, grounds] of cases) {
        const body = await decisionBody(u.provider_executor.sign, { caseId: id, stepId: 'review', outcomeId: outcome, grounds });
        const res = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/review/${outcome}`, body, { token: tokens.provider_executor, idem: newKey() }));
        assertProblem(res, 422, 'ground_not_allowed', 'grounds');
        if (outcome !== 'draft_approval') assert.ok(res.body.detail.includes(grounds[0]!), res.body.detail);
      }
    });

    await ctx.test('idempotency: the same POST /api/cases twice → one case, the first response replayed', async () => {
      const head = u.company_head;
      const key = newKey('idem');
      const body = await applicationBody(t, head);
      const before = await counts(t);
      const first = await api.post('/api/cases', body, { token: tokens.company_head, idem: key });
      assert.equal(first.status, 201, first.text);
      assert.equal(first.headers['idempotent-replayed'], undefined);
      const again = await api.post('/api/cases', body, { token: tokens.company_head, idem: key });
      assert.equal(again.status, 201, again.text);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.body, first.body);
      assert.equal(again.body.id, first.body.id);
      const after = await counts(t);
      assert.equal(after.cases, before.cases + 1, 'only one case row');
      assert.equal(after.case_events, before.case_events + 1);
      assert.equal(after.idempotency, before.idempotency + 1);
      const rows = await t.app.store.db.selectFrom('cases').select('id').where('id', '=', first.body.id).execute();
      assert.equal(rows.length, 1);

      // The same key with a different (validly signed) application is refused.
      const other = await applicationBody(t, head, { edit: (b) => void (b.fields.city = 'Астана') });
      const reused = await writesNothing(t, () => api.post('/api/cases', other, { token: tokens.company_head, idem: key }));
      assertProblem(reused, 409, 'idempotency_key_reused', 'Idempotency-Key');

      // No key at all.
      const missing = await writesNothing(t, () => api.post('/api/cases', body, { token: tokens.company_head }));
      assertProblem(missing, 400, 'idempotency_key_required', 'Idempotency-Key');
    });

    await ctx.test('idempotency: a retried staff decision acts once', async () => {
      const id = await f.submit();
      const key = newKey('reg');
      const body = await decisionBody(u.provider_chancellery.sign, { caseId: id, stepId: 'register', outcomeId: 'registered' });
      const first = await api.post(`/api/cases/${id}/steps/register/registered`, body, { token: tokens.provider_chancellery, idem: key });
      assert.equal(first.status, 200, first.text);
      const before = await counts(t);
      const again = await api.post(`/api/cases/${id}/steps/register/registered`, body, { token: tokens.provider_chancellery, idem: key });
      assert.equal(again.status, 200, again.text);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.body.mark, 'registered');
      assert.deepEqual(await counts(t), before);
    });

    await ctx.test('real HTTP: listen on an ephemeral port and sign in, submit and read with fetch', async () => {
      const live = await buildServer(t.app);
      try {
        await live.listen({ port: 0, host: '127.0.0.1' });
        const addr = live.server.address();
        assert.ok(addr && typeof addr === 'object');
        const base = `http://127.0.0.1:${addr.port}`;
        const health = await fetch(`${base}/health`);
        assert.equal(health.status, 200);
        assert.equal(((await health.json()) as { status: string }).status, 'ok');

        const ch = (await (await fetch(`${base}/api/auth/challenge`, { method: 'POST' })).json()) as { challengeId: string; nonce: string };
        const si = await fetch(`${base}/api/auth/signin`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ challengeId: ch.challengeId, signature: await signText(u.applicant.auth, ch.nonce) }),
        });
        assert.equal(si.status, 200);
        const { token } = (await si.json()) as { token: string };
        const sub = await fetch(`${base}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': newKey('live') },
          body: JSON.stringify(await applicationBody(t, u.applicant)),
        });
        assert.equal(sub.status, 201, await sub.clone().text());
        const created = (await sub.json()) as { id: string; mark: string };
        assert.equal(created.mark, 'delivered');
        const got = await fetch(`${base}/api/cases/${created.id}`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(got.status, 200);
        assert.equal(((await got.json()) as { applicant: { kind: string } }).applicant.kind, 'individual');

        const bad = await fetch(`${base}/api/cabinet`);
        assert.equal(bad.status, 401);
        assert.match(bad.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(((await bad.json()) as { rule: string }).rule, 'not_signed_in');
      } finally {
        await live.close();
      }
    });
  });
});
