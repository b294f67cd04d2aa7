// The NCA's e-service wired to its CA: an applicant generates keys on their own side, applies on
// the portal with two PKCS#10 requests, and when the case reaches the issue the CA issues the
// authentication and signing certificates in the case command's transaction; a request for
// somebody else refuses the step and writes nothing; a revocation application revokes the
// certificate it names (CRL, OCSP), after which it no longer signs in.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { runCase, staffFor, type PathStep } from '../support/run-case.ts';
import { holderFromStateDb, certificateStatus, issueFromCsrIn } from '../../src/app/ca.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { currentCrl } from '../../src/app/ca-crl.ts';
import { answerOcsp } from '../../src/app/ca-ocsp.ts';
import { createChallenge, signIn } from '../../src/app/auth.ts';
import { getCase, takeAction } from '../../src/app/cases.ts';
import { caseCertificatesPem } from '../../src/app/nca-effects.ts';
import { caAuditEntries, verifyCaAudit } from '../../src/app/ca-audit.ts';
import { signPayload, signText } from '../../src/app/session.ts';
import { newId } from '../../src/app/ids.ts';
import { decisionPayload } from '../../src/core/application.ts';
import { buildServer } from '../../src/http/server.ts';
import { buildOcspRequest, createCsr, generateKeyPair, parseCertificate, parseCrl, parseOcspResponse, TrustStore, type HolderSubject } from '../../src/pki/index.ts';
import { openssl, populationIin, rejects, writesNothing } from './support.ts';

const SERVICE = 'nca-certificates';

/**
 * The issue path up to (not including) the operator's confirmation. The state-database check runs
 * by itself at submission, and the NCA IS's check of the operator's signature by itself after the
 * confirmation (automatic steps with a check): nobody answers them.
 */
const UP_TO_CONFIRM: PathStep[] = [
  { step: 'submit_documents', outcome: 'documents_submitted' },
  { step: 'accept_documents', outcome: 'accepted' },
];
const CONFIRM: PathStep = { step: 'confirm_request', outcome: 'confirmed' };

/** Keys made on the applicant's side; only the request goes to the server. */
async function clientKeys(subject: HolderSubject) {
  const keys = await generateKeyPair('ECDSA-P256');
  return { keys, csr: await createCsr(keys, subject, 'ECDSA-P256') };
}

const splitPem = (pem: string) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];

eachEngine('NCA e-service: the CA issues from the application\'s requests and revokes on a revocation application', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  try {
    const applicant = t.users.applicant;
    const person = await holderFromStateDb(t.app, applicant.iin, null);
    const { root, issuing } = await instanceCa(t.app);
    const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
    let authSerial = '';
    let authKeys: Awaited<ReturnType<typeof clientKeys>>['keys'] | undefined;
    let chain: string[] = [];

    await ctx.test('issue: the certificates are issued from the applicant\'s requests when the case reaches issue_certificates', async () => {
      const auth = await clientKeys(person);
      const sign = await clientKeys(person);
      const auditBefore = (await caAuditEntries(t.app)).length;
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue', applicant, fields: { csrAuth: auth.csr, csrSign: sign.csr }, path: [...UP_TO_CONFIRM, CONFIRM] });
      assert.equal(v.mark, 'result');
      assert.equal(v.currentStep, null);
      assert.ok(v.timeline.some((e) => e.type === 'step_completed' && e.stepId === 'issue_certificates'));
      // The two checks were the information systems', unsigned.
      for (const stepId of ['sdb_check', 'verify_operator_signature']) {
        const e = v.timeline.find((x) => x.stepId === stepId)!;
        assert.equal(e.actor.userId.startsWith('system:'), true, stepId);
        assert.equal(e.signed, false, stepId);
      }

      const me = await t.login(applicant);
      const pem = await caseCertificatesPem(t.app, me, v.id);
      const pems = splitPem(pem);
      assert.equal(pems.length, 4, 'auth, sign, issuing CA, root');
      assert.equal(pems[2]!.trim(), issuing.certificatePem.trim());
      assert.equal(pems[3]!.trim(), root.certificatePem.trim());
      const [authInfo, signInfo] = [parseCertificate(pems[0]!), parseCertificate(pems[1]!)];
      assert.deepEqual([authInfo.purpose, signInfo.purpose], ['auth', 'sign']);
      for (const [info, p, keys] of [[authInfo, pems[0]!, auth.keys], [signInfo, pems[1]!, sign.keys]] as const) {
        assert.equal(info.iin, applicant.iin);
        assert.equal((await trust.verifyChain(p, t.clock.now)).ok, true);
        // The certificate is for the key the applicant made (the server never saw the private key).
        const spki = (await import('node:crypto')).createPublicKey(p).export({ type: 'spki', format: 'pem' });
        assert.equal(spki, keys.publicKeyPem);
        const row = await t.app.store.db.selectFrom('certificates').selectAll().where('serial', '=', info.serialHex).executeTakeFirstOrThrow();
        assert.equal(row.status, 'good');
        assert.equal(row.user_id, applicant.userId);
      }
      // Both uses of the CA key are in its audit log, made by the case.
      // (The path's staff get certificates of their own as they are employed: only the case's entries count here.)
      const audit = (await caAuditEntries(t.app)).slice(auditBefore).filter((e) => e.actor.startsWith('case:'));
      assert.deepEqual(audit.map((e) => [e.action, e.serial, e.actor]), [
        ['issue', authInfo.serialHex, `case:${v.id}`],
        ['issue', signInfo.serialHex, `case:${v.id}`],
      ]);
      assert.equal((await verifyCaAudit(t.app)).intact, true);

      // The applicant signs in with the new authentication certificate.
      const ch = await createChallenge(t.app);
      const session = await signIn(t.app, { challengeId: ch.challengeId, signature: await signText({ certificatePem: pems[0]!, privateKeyPem: auth.keys.privateKeyPem, chainPems: [issuing.certificatePem, root.certificatePem] }, ch.nonce) });
      assert.equal(session.user.id, applicant.userId);

      authSerial = authInfo.serialHex;
      authKeys = auth.keys;
      chain = pems;

      // Only the applicant downloads them.
      await rejects(async () => caseCertificatesPem(t.app, await t.login(t.users.company_head), v.id), 403, 'not_applicant');
    });

    await ctx.test('GET /api/cases/:id/certificates returns the PEM chain to the applicant', async () => {
      const cabinet = await t.app.store.db.selectFrom('settings').select('key').where('key', 'like', 'case.certificates:%').execute();
      const caseId = cabinet[0]!.key.slice('case.certificates:'.length);
      const f = await buildServer(t.app);
      try {
        const me = await t.login(applicant);
        const r = await f.inject({ method: 'GET', url: `/api/cases/${caseId}/certificates`, headers: { authorization: `Bearer ${me.token}` } });
        assert.equal(r.statusCode, 200, r.body);
        assert.match(String(r.headers['content-type']), /application\/x-pem-file/);
        assert.deepEqual(splitPem(r.body), chain);
        const onlyAuth = await f.inject({ method: 'GET', url: `/api/cases/${caseId}/certificates?purpose=auth`, headers: { authorization: `Bearer ${me.token}` } });
        assert.equal(splitPem(onlyAuth.body).length, 3);
        const other = await t.login(t.users.company_head);
        const denied = await f.inject({ method: 'GET', url: `/api/cases/${caseId}/certificates`, headers: { authorization: `Bearer ${other.token}` } });
        assert.equal(denied.statusCode, 403);
      } finally {
        await f.close();
      }
    });

    await ctx.test('a request for another IIN, one whose signature fails, a key the CA does not accept, or a missing signing request: the NCA IS\'s check refuses the case with the regulation\'s ground and the CA issues nothing', async () => {
      const stranger = await holderFromStateDb(t.app, await populationIin(t, 4), null);
      const good = await clientKeys(person);
      const foreign = await clientKeys(stranger);
      const broken = await clientKeys(person);
      // Flip one bit near the end of the DER (inside the signature).
      const b64 = broken.csr.replace(/-----(BEGIN|END) CERTIFICATE REQUEST-----/g, '').replace(/\s+/g, '');
      const der = Buffer.from(b64, 'base64');
      der[der.length - 3] = der[der.length - 3]! ^ 0x01;
      const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE REQUEST-----\n`;

      // A key the CA does not accept (ECDSA P-384), made by OpenSSL for the applicant's IIN.
      const p384 = openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp384r1', '-nodes', '-keyout', '/dev/null', '-subj', `/serialNumber=IIN${applicant.iin}/CN=X/C=KZ`]);
      assert.equal(p384.status, 0, p384.stderr);

      for (const [fields, found] of [
        [{ csrAuth: p384.stdout, csrSign: good.csr }, /auth request \(csrAuth\): CSR public key: key type EC secp384r1 is not supported/],
        [{ csrAuth: good.csr, csrSign: foreign.csr }, new RegExp(`sign request \\(csrSign\\) is for IIN ${stranger.iin}, not the applicant's IIN ${applicant.iin}`)],
        [{ csrAuth: tampered, csrSign: good.csr }, /auth request \(csrAuth\): its signature does not verify with its own public key/],
        [{ csrAuth: good.csr }, /there is no signing request \(the sign request \(csrSign\)\)/],
      ] as const) {
        const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue', applicant, fields, path: UP_TO_CONFIRM });
        assert.equal(v.currentStep, 'confirm_request');
        const count = async (table: 'certificates' | 'ca_audit') => Number((await t.app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
        const op = await staffFor(t, 'nca', 'nca_operator');
        const me = await t.login(op);
        const [certsBefore, auditBefore] = [await count('certificates'), await count('ca_audit')];
        // The operator's confirmation runs the NCA IS's check in the same command: it refuses, so the case ends with the refusal.
        const signature = await signPayload(op.sign, decisionPayload({ caseId: v.id, stepId: 'confirm_request', outcomeId: 'confirmed' }));
        await takeAction(t.app, me, v.id, { stepId: 'confirm_request', outcomeId: 'confirmed', signature }, newId());
        const after = await getCase(t.app, await t.login(applicant), v.id);
        assert.equal(after.mark, 'refused');
        assert.equal(after.currentStep, null);
        assert.deepEqual(after.grounds?.map((g) => g.id), ['operator_certified_request_violations']);
        assert.deepEqual(after.timeline.filter((e) => e.type === 'step_completed').slice(-3).map((e) => [e.stepId, e.outcomeId, e.actor.userId, e.signed]), [
          ['confirm_request', 'confirmed', op.userId, true],
          ['verify_operator_signature', 'request_violations', 'system:nca_is', false],
          ['is_refusal', 'refusal_formed', 'system:nca_is', false],
        ]);
        assert.ok(!after.timeline.some((e) => e.stepId === 'issue_certificates'), 'the issue step is never reached');
        const events = await t.app.store.db.selectFrom('case_events').select('data').where('case_id', '=', v.id).where('type', '=', 'step_completed').orderBy('seq').execute();
        const check = events.map((e) => JSON.parse(e.data) as { stepId: string; comment?: string }).find((e) => e.stepId === 'verify_operator_signature')!;
        assert.match(String(check.comment), found);
        // The CA issued nothing and used no key: no certificate row, no audit entry, nothing to download.
        assert.equal(await count('certificates'), certsBefore);
        assert.equal(await count('ca_audit'), auditBefore);
        assert.equal(await t.app.store.db.selectFrom('settings').select('key').where('key', '=', `case.certificates:${v.id}`).executeTakeFirst(), undefined);
        await rejects(async () => caseCertificatesPem(t.app, await t.login(applicant), v.id), 404, 'no_certificates');
      }
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('the issue act keeps its own 422 as a last guard when it is reached with a request for somebody else', async () => {
      const stranger = await holderFromStateDb(t.app, await populationIin(t, 5), null);
      const foreign = await clientKeys(stranger);
      const ca = await instanceCa(t.app);
      await writesNothing(t, () =>
        rejects(
          () =>
            t.app.store.db.transaction().execute((trx) =>
              issueFromCsrIn(t.app, trx, ca, { csr: foreign.csr, field: 'csrSign', purpose: 'sign', iin: applicant.iin, bin: null, userId: applicant.userId, who: { actor: 'case:test', actorIin: applicant.iin }, stateDb: t.app.stateDb }),
            ),
          422,
          'csr_subject_mismatch',
        ),
      );
    });

    await ctx.test('revoke: the certificate the application names is revoked (CRL, OCSP) and no longer signs in', async () => {
      assert.ok(authSerial && authKeys);
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'revoke', applicant, fields: { certificateSerial: authSerial }, path: [] });
      assert.equal(v.mark, 'result');
      const s = await certificateStatus(t.app, authSerial);
      assert.equal(s.status, 'revoked');
      assert.equal(s.reason, 'cessationOfOperation');
      const crl = parseCrl((await currentCrl(t.app)).der, issuing.certificatePem);
      assert.equal(crl.signatureValid, true);
      assert.equal(crl.entries.find((e) => e.serialHex === authSerial)?.reason, 'cessationOfOperation');
      const ocsp = parseOcspResponse(await answerOcsp(t.app, buildOcspRequest(issuing.certificatePem, authSerial)), issuing.certificatePem);
      assert.equal(ocsp.signatureValid, true);
      assert.equal(ocsp.responses[0]!.status, 'revoked');
      const audit = await caAuditEntries(t.app, { serial: authSerial });
      assert.deepEqual(audit.map((e) => [e.action, e.actor]), [['issue', audit[0]!.actor], ['revoke', `case:${v.id}`]]);

      const ch = await createChallenge(t.app);
      await rejects(async () => signIn(t.app, { challengeId: ch.challengeId, signature: await signText({ certificatePem: chain[0]!, privateKeyPem: authKeys!.privateKeyPem, chainPems: [issuing.certificatePem, root.certificatePem] }, ch.nonce) }), 422, 'revoked');
    });

    await ctx.test('revoke: a certificate of somebody else, or a revoked one, is refused by the NCA IS\'s check with the regulation\'s ground and the CA is untouched', async () => {
      const other = parseCertificate(t.users.company_head.sign.certificatePem).serialHex;
      for (const [serial, reason, found] of [[other, undefined, /not the applicant's/], [authSerial, 'keyCompromise', /already revoked/]] as const) {
        const auditBefore = (await caAuditEntries(t.app)).length;
        const v = await runCase(t, { serviceId: SERVICE, subcase: 'revoke', applicant, fields: { certificateSerial: serial, ...(reason ? { revocationReason: reason } : {}) }, path: [] });
        assert.equal(v.mark, 'refused');
        assert.deepEqual(v.grounds?.map((g) => g.id), ['applicant_signed_request_violations']);
        assert.deepEqual(v.timeline.filter((e) => e.type === 'step_completed').map((e) => [e.stepId, e.outcomeId, e.actor.userId, e.signed]), [
          ['check_request', 'request_violations', 'system:nca_is', false],
          ['is_refusal', 'refusal_formed', 'system:nca_is', false],
        ]);
        const events = await t.app.store.db.selectFrom('case_events').select('data').where('case_id', '=', v.id).where('type', '=', 'step_completed').orderBy('seq').execute();
        assert.match(String((JSON.parse(events[0]!.data) as { comment?: string }).comment), found);
        assert.equal((await caAuditEntries(t.app)).length, auditBefore, 'no use of the CA key');
      }
      assert.equal((await certificateStatus(t.app, other)).status, 'good');
    });
  } finally {
    await t.close();
  }
});
