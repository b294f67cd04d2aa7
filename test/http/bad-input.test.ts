// Bad input over HTTP: each request is refused with a 4xx RFC 9457 problem document that names the
// failed rule (and the field, where one is to blame), and writes nothing.
import assert from 'node:assert/strict';
import { ensureCa, issueFor, type KeyMaterial } from '../../src/app/bootstrap.ts';
import { signText } from '../../src/app/session.ts';
import { createIssuingCa, createRootCa, generateKeyPair, issueCertificate, parseCertificate, type HolderSubject, type Purpose } from '../../src/pki/index.ts';
import { eachEngine } from '../support/app.ts';
import { applicationBody, assertProblem, counts, decisionBody, newKey, withFixture, writesNothing } from './client.ts';

/** Changes the last (check) digit of a 12-digit IIN/BIN, so only the checksum fails. */
function breakCheckDigit(id: string): string {
  const last = Number(id[11]);
  return id.slice(0, 11) + String((last + 1) % 10);
}

eachEngine('HTTP API: bad input is a clear 4xx problem and writes nothing', async (ctx, engine) => {
  await withFixture(engine, async (f) => {
    const { api, t, tokens } = f;
    const u = t.users;
    const head = u.company_head;
    const holder = (): HolderSubject => {
      const info = parseCertificate(head.sign.certificatePem);
      return { kind: 'legal_entity', iin: head.iin, bin: head.bin!, surname: 'Head', givenName: 'Company', organization: info.organization ?? 'Company', roles: ['first_head'] };
    };
    const submit = (body: unknown, opts: { token?: string | null; idem?: string | null } = {}) =>
      writesNothing(t, () =>
        api.post('/api/cases', body, {
          token: opts.token === undefined ? tokens.company_head : opts.token,
          ...(opts.idem === null ? {} : { idem: opts.idem ?? newKey('bad') }),
        }),
      );

    // ------------------------------------------------------------ request shape

    await ctx.test('malformed JSON → 400 malformed_json', async () => {
      const res = await writesNothing(t, () => api.request('POST', '/api/cases', undefined, { token: tokens.company_head, idem: newKey(), raw: '{"serviceId": "crypto-licence",' }));
      assertProblem(res, 400, 'malformed_json', 'body');
      const signin = await writesNothing(t, () => api.request('POST', '/api/auth/signin', undefined, { raw: '{not json' }));
      assertProblem(signin, 400, 'malformed_json', 'body');
      // Content-Type says JSON, but there is no body at all.
      const empty = await writesNothing(t, () => api.request('POST', '/api/cases', undefined, { token: tokens.company_head, idem: newKey(), raw: '' }));
      assertProblem(empty, 400, 'malformed_json', 'body');
    });

    await ctx.test('a JSON body that is not an object → 400 naming the body', async () => {
      const res = await writesNothing(t, () => api.request('POST', '/api/cases', undefined, { token: tokens.company_head, idem: newKey(), raw: '[1,2,3]' }));
      assert.equal(res.status, 400, res.text);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.equal(res.body.field, 'body');
      assert.equal(typeof res.body.rule, 'string');
    });

    await ctx.test('a body that is not JSON at all → 415 media_type', async () => {
      const res = await writesNothing(t, () => api.request('POST', '/api/cases', undefined, { token: tokens.company_head, idem: newKey(), raw: 'serviceId=crypto-licence', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
      assertProblem(res, 415, 'media_type');
    });

    await ctx.test('unknown service → 404 unknown_service on serviceId', async () => {
      const body = await applicationBody(t, head, { edit: (b) => void (b.serviceId = 'no-such-service') });
      assertProblem(await submit(body), 404, 'unknown_service', 'serviceId');
      const { serviceId: _s, ...without } = body;
      assertProblem(await submit(without), 400, 'required', 'serviceId');
    });

    await ctx.test('unknown sub-case → 422 unknown_subcase on subcase', async () => {
      const body = await applicationBody(t, head, { edit: (b) => void (b.subcase = 'renew') });
      const res = await submit(body);
      assertProblem(res, 422, 'unknown_subcase', 'subcase');
      assert.match(res.body.detail, /issue, reissue, duplicate/);
    });

    await ctx.test('an invalid BIN in a field of type bin → 422 checksum on fields.bin', async () => {
      assert.equal(typeof head.bin, 'string');
      // Signed over exactly what is sent, so only the field rule can fail.
      const body = await applicationBody(t, head, { edit: (b) => void (b.fields.bin = breakCheckDigit(head.bin!)) });
      const res = await submit(body);
      assertProblem(res, 422, 'checksum', 'fields.bin');
      assert.ok(Array.isArray(res.body.errors));
      assert.deepEqual(res.body.errors.map((e: { field: string; rule: string }) => [e.field, e.rule]), [['fields.bin', 'checksum']]);
      const short = await submit(await applicationBody(t, head, { edit: (b) => void (b.fields.bin = '12345') }));
      assertProblem(short, 422, 'format', 'fields.bin');
    });

    await ctx.test('an invalid IIN in a field of type iin (individual applicant) → 422 checksum on fields.iin', async () => {
      const me = u.applicant;
      const body = await applicationBody(t, me, { edit: (b) => void (b.fields.iin = breakCheckDigit(me.iin)) });
      const res = await submit(body, { token: tokens.applicant });
      assertProblem(res, 422, 'checksum', 'fields.iin');
    });

    await ctx.test('a missing required document → 422 missing_document', async () => {
      const body = await applicationBody(t, head, { edit: (b) => void (b.documents = b.documents.filter((d) => d.requirement !== 'charter')) });
      const res = await submit(body);
      assertProblem(res, 422, 'missing_document', 'documents.charter');
      assert.match(res.body.detail, /Charter/);
      // No documents at all: every requirement is listed in `errors`.
      const none = await submit(await applicationBody(t, head, { edit: (b) => void (b.documents = []) }));
      assertProblem(none, 422, 'missing_document');
      assert.ok(none.body.errors.length >= 5, none.text);
      assert.ok(none.body.errors.every((e: { rule: string }) => e.rule === 'missing_document'));
    });

    await ctx.test('a required field left out and an unknown field → 422 naming each', async () => {
      const res = await submit(await applicationBody(t, head, { edit: (b) => void delete b.fields.city }));
      assertProblem(res, 422, 'required', 'fields.city');
      const extra = await submit(await applicationBody(t, head, { edit: (b) => void (b.fields.favouriteColour = 'blue') }));
      assertProblem(extra, 422, 'unknown_field', 'fields.favouriteColour');
    });

    await ctx.test('a document that is not base64 → 400 not_base64', async () => {
      const body = await applicationBody(t, head);
      body.documents[0]!.contentBase64 = 'not base64!';
      assertProblem(await submit(body), 400, 'not_base64', 'documents.0.contentBase64');
    });

    // ------------------------------------------------------------ authentication

    await ctx.test('no Authorization → 401 not_signed_in; a bad token → 401 bad_token', async () => {
      const body = await applicationBody(t, head);
      assertProblem(await submit(body, { token: null }), 401, 'not_signed_in');
      assertProblem(await submit(body, { token: 'not-a-token' }), 401, 'bad_token');
      assertProblem(await api.get('/api/cabinet'), 401, 'not_signed_in');
      assertProblem(await api.get('/api/me', 'x'.repeat(40)), 401, 'bad_token');
      const basic = await api.request('GET', '/api/cabinet', undefined, { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
      assertProblem(basic, 401, 'not_signed_in');
    });

    await ctx.test('a sign-in challenge is used once → 409 challenge_used', async () => {
      const ch = await api.post('/api/auth/challenge', {});
      assert.equal(ch.status, 201, ch.text);
      const signature = await signText(head.auth, ch.body.nonce);
      const first = await api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature });
      assert.equal(first.status, 200, first.text);
      const again = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature }));
      assertProblem(again, 409, 'challenge_used', 'challengeId');
      const unknown = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: 'no-such-challenge', signature }));
      assertProblem(unknown, 400, 'unknown_challenge', 'challengeId');
      assertProblem(await api.post('/api/auth/signin', { signature }), 400, 'required', 'challengeId');
    });

    await ctx.test('an expired challenge (3 minutes later) → 401 challenge_expired', () =>
      f.keepClock(async () => {
        const ch = await api.post('/api/auth/challenge', {});
        const signature = await signText(head.auth, ch.body.nonce);
        t.clock.advanceMinutes(3);
        const res = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature }));
        assertProblem(res, 401, 'challenge_expired');
        const row = await t.app.store.db.selectFrom('challenges').select('used_at').where('id', '=', ch.body.challengeId).executeTakeFirstOrThrow();
        assert.equal(row.used_at, null, 'an expired challenge is not marked used');
      }),
    );

    await ctx.test('sign-in with a signature over something else, or with the signing key → 422', async () => {
      const ch = await api.post('/api/auth/challenge', {});
      const overOther = await signText(head.auth, `${ch.body.nonce}x`);
      const wrongNonce = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: overOther }));
      assertProblem(wrongNonce, 422, 'content_mismatch', 'signature');
      const bySignKey = await signText(head.sign, ch.body.nonce);
      const wrongKey = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: bySignKey }));
      assertProblem(wrongKey, 422, 'wrong_purpose', 'signature');
      const garbage = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: 'AAAA' }));
      assertProblem(garbage, 422, 'malformed', 'signature');
      const missing = await writesNothing(t, () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId }));
      assertProblem(missing, 400, 'signature_required', 'signature');
      // The challenge was not burnt by the failures: the right signature still signs in.
      const ok = await api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: await signText(head.auth, ch.body.nonce) });
      assert.equal(ok.status, 200, ok.text);
    });

    // ------------------------------------------------------------ signatures on commands

    await ctx.test('an application signature over a different payload → 422 content_mismatch', async () => {
      const good = await applicationBody(t, head);
      // Signed before a field was changed: the signature covers other bytes than those sent.
      const tampered = { ...good, fields: { ...good.fields, city: 'Астана' } };
      assertProblem(await submit(tampered), 422, 'content_mismatch', 'signature');
      // Signed over a document's hash, then the document bytes swapped.
      const swapped = { ...good, documents: good.documents.map((d, i) => (i === 0 ? { ...d, contentBase64: Buffer.from('%PDF-1.4\n% other\n%%EOF\n').toString('base64') } : d)) };
      assertProblem(await submit(swapped), 422, 'content_mismatch', 'signature');
      assertProblem(await submit({ ...good, signature: undefined }), 400, 'signature_required', 'signature');
      assertProblem(await submit({ ...good, signature: 'not base64 ***' }), 400, 'signature_not_base64', 'signature');
    });

    await ctx.test('a decision signature over a different decision → 422 content_mismatch', async () => {
      const id = await f.submit();
      const other = await f.submit();
      // A valid signature of the same step on another case is not a signature of this one.
      const body = await decisionBody(u.provider_chancellery.sign, { caseId: other, stepId: 'register', outcomeId: 'registered' });
      const res = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/register/registered`, body, { token: tokens.provider_chancellery, idem: newKey() }));
      assertProblem(res, 422, 'content_mismatch', 'signature');
      // Assign: the signature names one executor, the request another.
      await f.step(u.provider_chancellery, id, 'register', 'registered');
      const asg = await decisionBody(u.provider_licensing_head.sign, { caseId: id, stepId: 'assign', outcomeId: 'assigned', assignee: u.provider_executor.userId }, {
        signWhat: { kind: 'decision', caseId: id, stepId: 'assign', outcomeId: 'assigned', assignee: u.provider_head.userId },
      });
      const res2 = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/assign/assigned`, asg, { token: tokens.provider_licensing_head, idem: newKey() }));
      assertProblem(res2, 422, 'content_mismatch', 'signature');
    });

    await ctx.test('a certificate from outside the trust store → 422 untrusted_chain', async () => {
      // A rogue CA that even copies the names of the real one.
      const real = await ensureCa(t.app);
      const realRoot = parseCertificate(real.root.certificatePem);
      const realIssuing = parseCertificate(real.issuing.certificatePem);
      const root = await createRootCa({ commonName: realRoot.commonName, algorithm: 'ECDSA-P256', now: t.clock.now });
      const issuing = await createIssuingCa(root, { commonName: realIssuing.commonName, algorithm: 'ECDSA-P256', now: t.clock.now });
      const rogue = async (purpose: Purpose): Promise<KeyMaterial> => {
        const keys = await generateKeyPair('ECDSA-P256');
        const cert = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: holder(), purpose, notBefore: new Date(t.clock.now.getTime() - 60_000) });
        return { certificatePem: cert.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: [issuing.certificatePem, root.certificatePem] };
      };
      const sign = await rogue('sign');
      const body = await applicationBody(t, head, { signer: sign });
      assertProblem(await submit(body), 422, 'untrusted_chain', 'signature');

      // Nor can such a certificate sign anybody in.
      const auth = await rogue('auth');
      const ch = await api.post('/api/auth/challenge', {});
      const si = await writesNothing(t, async () => api.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: await signText(auth, ch.body.nonce) }));
      assertProblem(si, 422, 'untrusted_chain', 'signature');
    });

    await ctx.test('an expired signing certificate → 422 expired', () =>
      f.keepClock(async () => {
        const { root, issuing } = await ensureCa(t.app);
        const shortLived = await issueFor(t.app, issuing, root, holder(), 'sign', head.userId, 'ECDSA-P256', { validityDays: 1 });
        const notAfter = parseCertificate(shortLived.certificatePem).notAfter;
        // Still valid now: the application goes through (proves the key itself is fine)…
        const okBody = await applicationBody(t, head, { signer: shortLived });
        const ok = await api.post('/api/cases', okBody, { token: tokens.company_head, idem: newKey('short') });
        assert.equal(ok.status, 201, ok.text);
        // …and two days later, past notAfter, it is refused.
        await f.advance(2 * 24 * 60);
        assert.ok(t.clock.now > notAfter);
        const res = await submit(await applicationBody(t, head, { signer: shortLived }));
        assertProblem(res, 422, 'expired', 'signature');
      }),
    );

    await ctx.test('a signature by another person → 403 signer_mismatch', async () => {
      // The individual applicant's key under the company head's session.
      const body = await applicationBody(t, head, { signer: u.applicant.sign });
      assertProblem(await submit(body), 403, 'signer_mismatch');
      // A colleague of the same company: same BIN, other IIN.
      assertProblem(await submit(await applicationBody(t, head, { signer: u.company_employee.sign })), 403, 'signer_mismatch');
      // The company head signing in a personal capacity is not the company.
      const personal = await applicationBody(t, u.applicant, { signer: head.sign });
      assertProblem(await submit(personal, { token: tokens.applicant }), 403, 'signer_mismatch');
    });

    await ctx.test('an application signed with the authentication key → 422 wrong_purpose', async () => {
      assertProblem(await submit(await applicationBody(t, head, { signer: head.auth })), 422, 'wrong_purpose', 'signature');
    });

    // ------------------------------------------------------------ staff steps

    await ctx.test('an action by the wrong role → 403 wrong_role; at the wrong step → 409 wrong_step', async () => {
      const id = await f.submit();
      const act = (who: keyof typeof tokens, stepId: string, outcomeId: string, extra: { assignee?: string } = {}) =>
        (async () => {
          const body = await decisionBody(u[who].sign, { caseId: id, stepId, outcomeId, ...extra });
          return writesNothing(t, () => api.post(`/api/cases/${id}/steps/${stepId}/${outcomeId}`, body, { token: tokens[who], idem: newKey() }));
        })();
      assertProblem(await act('provider_executor', 'register', 'registered'), 403, 'wrong_role');
      assertProblem(await act('provider_head', 'register', 'registered'), 403, 'wrong_role');
      // A step the case is not at.
      assertProblem(await act('provider_licensing_head', 'assign', 'assigned', { assignee: u.provider_executor.userId }), 409, 'wrong_step', 'stepId');
      assertProblem(await act('provider_head', 'sign', 'signed'), 409, 'wrong_step', 'stepId');
      // An outcome the step does not have.
      assertProblem(await act('provider_chancellery', 'register', 'approved'), 422, 'unknown_outcome', 'outcomeId');

      await f.step(u.provider_chancellery, id, 'register', 'registered');
      // Registering twice is the wrong step now.
      assertProblem(await act('provider_chancellery', 'register', 'registered'), 409, 'wrong_step', 'stepId');
      // Assign without naming anyone, or naming somebody who is not an executor.
      assertProblem(await act('provider_licensing_head', 'assign', 'assigned'), 422, 'assignee_required', 'assignee');
      assertProblem(await act('provider_licensing_head', 'assign', 'assigned', { assignee: u.provider_chancellery.userId }), 422, 'bad_assignee', 'assignee');
      assertProblem(await act('provider_licensing_head', 'assign', 'assigned', { assignee: u.company_head.userId }), 422, 'bad_assignee', 'assignee');
      const v = await api.get(`/api/cases/${id}`, tokens.provider_chancellery);
      assert.equal(v.body.currentStep, 'assign');
      assert.equal(v.body.mark, 'registered');
    });

    await ctx.test('the executor cannot sign as the head → 403', async () => {
      const id = await f.submit();
      await f.toReview(id);
      await f.step(u.provider_executor, id, 'review', 'draft_approval');
      // Even with a valid signature of his own over exactly this decision.
      const body = await decisionBody(u.provider_executor.sign, { caseId: id, stepId: 'sign', outcomeId: 'signed' });
      const res = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/sign/signed`, body, { token: tokens.provider_executor, idem: newKey() }));
      assertProblem(res, 403, 'wrong_role');
      // Nor by presenting the head's signature under his own session.
      const headSig = await decisionBody(u.provider_head.sign, { caseId: id, stepId: 'sign', outcomeId: 'signed' });
      const res2 = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/sign/signed`, headSig, { token: tokens.provider_executor, idem: newKey() }));
      assert.equal(res2.status, 403, res2.text);
      // The head signing with the executor's key is a signer mismatch.
      const res3 = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/sign/signed`, body, { token: tokens.provider_head, idem: newKey() }));
      assertProblem(res3, 403, 'signer_mismatch');
      const v = await api.get(`/api/cases/${id}`, tokens.provider_head);
      assert.equal(v.body.currentStep, 'sign');
      assert.equal(v.body.result, undefined);
    });

    await ctx.test('a staff decision without a signature → 400 signature_required', async () => {
      const id = await f.submit();
      const res = await writesNothing(t, () => api.post(`/api/cases/${id}/steps/register/registered`, {}, { token: tokens.provider_chancellery, idem: newKey() }));
      assertProblem(res, 400, 'signature_required', 'signature');
      const noKey = await writesNothing(t, async () =>
        api.post(`/api/cases/${id}/steps/register/registered`, await decisionBody(u.provider_chancellery.sign, { caseId: id, stepId: 'register', outcomeId: 'registered' }), { token: tokens.provider_chancellery }),
      );
      assertProblem(noKey, 400, 'idempotency_key_required', 'Idempotency-Key');
    });

    await ctx.test('the row counts used above do see a write: a good submission adds a case and its event', async () => {
      const before = await counts(t);
      await f.submit();
      const after = await counts(t);
      assert.equal(after.cases, before.cases + 1);
      assert.equal(after.case_events, before.case_events + 1);
      assert.equal(after.idempotency, before.idempotency + 1);
    });
  });
});
