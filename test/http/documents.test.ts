// Downloading a case's attachments: the applicant gets their own documents back byte for byte,
// the provider's staff get the documents of their provider's cases; another applicant, the staff
// of another provider and a caller without a session learn nothing (404 as for a case that does
// not exist, or 401).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { eachEngine } from '../support/app.ts';
import { staffFor } from '../support/run-case.ts';
import { applicationBody, assertProblem, newKey, withFixture } from './client.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

eachEngine('HTTP API: a case\'s documents are downloaded by those who may see the case', async (ctx, engine) => {
  await withFixture(engine, async (f) => {
    const { api, t, tokens } = f;
    const u = t.users;
    // The company's application, with one document under a Cyrillic name with a quote in it.
    const body = await applicationBody(t, u.company_head, {
      edit: (b) => {
        b.documents[0]!.name = 'Устав "ТОО".pdf';
      },
    });
    const submitted = await api.post('/api/cases', body, { token: tokens.company_head, idem: newKey('submit') });
    assert.equal(submitted.status, 201, submitted.text);
    const caseId = submitted.body.id as string;
    const view = (await api.get(`/api/cases/${caseId}`, tokens.company_head)).body as { documents: Array<{ id: string; name: string; mime: string; size: number; sha256: string }> };
    assert.equal(view.documents.length, body.documents.length);
    const otherCase = await f.submit(u.applicant);
    const otherDoc = ((await api.get(`/api/cases/${otherCase}`, tokens.applicant)).body as typeof view).documents[0]!.id;
    const url = (docId: string, c = caseId) => `/api/cases/${encodeURIComponent(c)}/documents/${encodeURIComponent(docId)}`;
    const download = (docId: string, token: string) => api.server.inject({ method: 'GET', url: url(docId), headers: { authorization: `Bearer ${token}` } });

    await ctx.test('the applicant downloads every document as attached: bytes, type, name, digest', async () => {
      for (const [k, d] of view.documents.entries()) {
        const res = await download(d.id, tokens.company_head);
        assert.equal(res.statusCode, 200, res.body);
        const bytes = res.rawPayload;
        assert.deepEqual(bytes, Buffer.from(body.documents[k]!.contentBase64, 'base64'), `${d.name}: the bytes submitted`);
        assert.equal(sha256(bytes), d.sha256, 'the hash the case records');
        assert.equal(String(res.headers['content-type']).split(';')[0], d.mime);
        assert.equal(Number(res.headers['content-length']), d.size);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['repr-digest'], `sha-256=:${Buffer.from(d.sha256, 'hex').toString('base64')}:`);
        const cd = String(res.headers['content-disposition']);
        assert.match(cd, /^attachment; /);
        const star = /filename\*=UTF-8''([^;]+)/.exec(cd)?.[1];
        assert.equal(decodeURIComponent(star!), d.name, 'the UTF-8 file name is the document\'s own');
        const plain = /filename="([^"]*)"/.exec(cd)?.[1];
        assert.ok(plain && /^[\x20-\x7e]+$/.test(plain), `an ASCII fallback name: ${cd}`);
      }
      assert.equal(view.documents[0]!.name, 'Устав "ТОО".pdf');
    });

    await ctx.test('the provider\'s staff download the documents of their provider\'s case', async () => {
      for (const who of ['provider_chancellery', 'provider_executor', 'provider_head'] as const) {
        const res = await download(view.documents[0]!.id, tokens[who]);
        assert.equal(res.statusCode, 200, `${who}: ${res.body}`);
        assert.equal(sha256(res.rawPayload), view.documents[0]!.sha256);
      }
    });

    await ctx.test('another applicant gets 404, exactly as for a case that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const missingRes = await api.get(url(`${missing}:0`, missing), tokens.applicant);
      assertProblem(missingRes, 404, 'case_not_found');
      for (const d of view.documents) {
        const res = await api.get(url(d.id), tokens.applicant);
        assertProblem(res, 404, 'case_not_found');
        assert.equal(res.body.detail.replace(caseId, 'ID'), missingRes.body.detail.replace(missing, 'ID'));
        assert.ok(!res.text.includes(d.name), 'nothing of the document is told');
      }
      // And the other way round: the company head cannot read the individual's document.
      assertProblem(await api.get(url(otherDoc, otherCase), tokens.company_head), 404, 'case_not_found');
    });

    await ctx.test('staff of another provider get 404', async () => {
      const stranger = await staffFor(t, 'another-provider', 'chancellery');
      const token = await api.login(stranger);
      assert.equal((await api.get('/api/me', token)).body.providerId, 'another-provider');
      for (const d of view.documents) assertProblem(await api.get(url(d.id), token), 404, 'case_not_found');
      assertProblem(await api.get(`/api/cases/${caseId}`, token), 404, 'case_not_found');
    });

    await ctx.test('a document of another case is not reached through one\'s own case; unknown ids are 404', async () => {
      assertProblem(await api.get(url(otherDoc), tokens.company_head), 404, 'document_not_found', 'docId');
      assertProblem(await api.get(url(otherDoc), tokens.provider_chancellery), 404, 'document_not_found', 'docId');
      assertProblem(await api.get(url(`${caseId}:99`), tokens.company_head), 404, 'document_not_found', 'docId');
    });

    await ctx.test('without a session nothing is told', async () => {
      assertProblem(await api.get(url(view.documents[0]!.id)), 401, 'not_signed_in');
    });

    await ctx.test('bytes that no longer match the recorded hash are not handed out', async () => {
      const d = view.documents[1]!;
      await t.app.store.db.updateTable('attachments').set({ content: Buffer.from('tampered').toString('base64') }).where('id', '=', d.id).execute();
      assertProblem(await api.get(url(d.id), tokens.company_head), 500, 'document_corrupted');
    });
  });
});
