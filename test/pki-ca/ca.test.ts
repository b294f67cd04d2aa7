// The NCA's operations on both engines: issuing from a PKCS#10 request, re-issuing, revoking (by
// the holder, by an operator, by nobody else, once), and what revocation does to every signature
// check of the platform: sign-in, submissions, and the audit of an old case.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp, type TestApp } from '../support/app.ts';
import { issueFor } from '../../src/app/bootstrap.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import {
  certificateStatus,
  holderFromStateDb,
  issueFromCsr,
  reissueCertificate,
  reissuePayload,
  revocationPayload,
  revokeCertificate,
  type CaActor,
} from '../../src/app/ca.ts';
import { caAuditEntries, verifyCaAudit } from '../../src/app/ca-audit.ts';
import { currentCrl } from '../../src/app/ca-crl.ts';
import { answerOcsp } from '../../src/app/ca-ocsp.ts';
import { createChallenge, signIn } from '../../src/app/auth.ts';
import { submitApplication } from '../../src/app/cases.ts';
import { auditCase } from '../../src/app/audit.ts';
import { signPayload, signText } from '../../src/app/session.ts';
import { verifyOrThrow } from '../../src/app/signing.ts';
import { makeBin, makeIin } from '../../src/core/identifiers.ts';
import {
  buildOcspRequest,
  createCsr,
  generateKeyPair,
  issueCertificate,
  parseCertificate,
  parseCrl,
  parseOcspResponse,
  TrustStore,
  verifyCms,
  type RevocationReason,
} from '../../src/pki/index.ts';
import { applicationBody, newKey } from '../http/client.ts';
import { csrFor, keyMaterial, makeOperator, populationIin, rejects, writesNothing, type Operator } from './support.ts';

const anonymous: CaActor = { kind: 'anonymous' };

async function holderRequest(t: TestApp, key: { certificatePem: string; privateKeyPem: string; chainPems: string[] }, serial: string, reason: RevocationReason) {
  const requestedAt = t.clock.now.toISOString();
  return { reason, requestedAt, signature: await signPayload(key, revocationPayload({ serial, reason, requestedAt })) };
}

eachEngine('NCA: issue, re-issue, revoke; revocation-aware verification', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  try {
    const op: Operator = await makeOperator(t);
    const opActor: CaActor = { kind: 'user', user: op.user };
    const u = t.users;
    const iin = await populationIin(t, 3);
    const person = await holderFromStateDb(t.app, iin, null);
    const { root, issuing } = await instanceCa(t.app);
    const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);

    await ctx.test('an operator issues from a PKCS#10 request; the subject comes from the state database', async () => {
      // The request names the person only by IIN and with a wrong surname: the CA takes the register's data.
      const { keys, csr } = await csrFor({ ...person, surname: 'Wrongname', givenName: 'X', patronymic: undefined, email: undefined });
      const before = (await caAuditEntries(t.app)).length;
      const r = await issueFromCsr(t.app, opActor, { csr, purpose: 'sign' });
      assert.equal(r.certificate.iin, iin);
      assert.equal(r.certificate.purpose, 'sign');
      assert.match(r.certificate.subjectDn, new RegExp(`SURNAME=${person.surname}`));
      assert.equal(r.chainPems.length, 2);
      assert.equal((await trust.verifyChain(r.certificatePem, t.clock.now)).ok, true);
      const row = await t.app.store.db.selectFrom('certificates').selectAll().where('serial', '=', r.serial).executeTakeFirstOrThrow();
      assert.equal(row.status, 'good');
      assert.equal(row.subject_iin, iin);
      assert.equal(row.fingerprint, r.certificate.fingerprintSha256);
      const audit = await caAuditEntries(t.app);
      assert.equal(audit.length, before + 1);
      assert.deepEqual({ action: audit.at(-1)!.action, serial: audit.at(-1)!.serial, actor: audit.at(-1)!.actor }, { action: 'issue', serial: r.serial, actor: `user:${op.user.id}` });
      // The new certificate signs, and the platform accepts its signature (status good from the table).
      const signer = await verifyOrThrow(t.app, await signText(keyMaterial(r, keys), 'hello'), Buffer.from('hello'), 'sign');
      assert.equal(signer.serialHex, r.serial);
      // A legal-entity certificate: the head on record gets first_head, the organisation's name is the register's.
      const head = await csrFor(await holderFromStateDb(t.app, u.company_head.iin, u.company_head.bin));
      const le = await issueFromCsr(t.app, opActor, { csr: head.csr, purpose: 'auth' });
      assert.equal(le.certificate.bin, u.company_head.bin);
      assert.deepEqual(le.certificate.roles, ['first_head']);
      assert.equal(le.certificate.purpose, 'auth');
    });

    await ctx.test('a request whose signature does not verify is refused and nothing is written', async () => {
      const keys = await generateKeyPair('ECDSA-P256');
      // A request whose signature no longer matches what it signs.
      const good = await createCsr(keys, person, 'ECDSA-P256');
      const der = Buffer.from(good.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
      der[der.length - 5] = der[der.length - 5]! ^ 0x01; // flip a bit inside the signature
      const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, opActor, { csr: tampered, purpose: 'sign' }), 422, 'bad_csr_signature'));
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, opActor, { csr: 'not a csr', purpose: 'sign' }), 400, 'csr'));
    });

    await ctx.test('an IIN or BIN the state databases do not know is refused and nothing is written', async () => {
      let unknown = '';
      for (let serial = 9000; serial < 9100 && !unknown; serial++) {
        const candidate = makeIin('1961-02-03', 'male', serial);
        if (!(await t.app.stateDb.findIndividual(candidate))) unknown = candidate;
      }
      assert.ok(unknown);
      const { csr } = await csrFor({ ...person, iin: unknown });
      const e = await writesNothing(t, () => rejects(() => issueFromCsr(t.app, opActor, { csr, purpose: 'auth' }), 422, 'holder_unknown'));
      assert.match(e.message, new RegExp(unknown));
      // A known person, but for an organisation the register does not have.
      const { csr: csr2 } = await csrFor(person);
      let unknownBin = '';
      for (let serial = 90000; serial < 90100 && !unknownBin; serial++) {
        const candidate = makeBin('2019-07', 'resident', 'head', serial);
        if (!(await t.app.stateDb.findLegalEntity(candidate))) unknownBin = candidate;
      }
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, opActor, { csr: csr2, purpose: 'auth', bin: unknownBin }), 422, 'holder_unknown'));
      // A request for one person presented as another's.
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, opActor, { csr: csr2, purpose: 'auth', iin: u.applicant.iin }), 422, 'csr_subject_mismatch'));
    });

    await ctx.test('only an NCA operator issues', async () => {
      const { csr } = await csrFor(person);
      const applicant = await t.login(u.applicant);
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, { kind: 'user', user: applicant }, { csr, purpose: 'sign' }), 403, 'not_nca_operator'));
      const staff = await t.login(u.provider_head);
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, { kind: 'user', user: staff }, { csr, purpose: 'sign' }), 403, 'not_nca_operator'));
      await writesNothing(t, () => rejects(() => issueFromCsr(t.app, anonymous, { csr, purpose: 'sign' }), 403, 'not_nca_operator'));
    });

    // Fresh certificates for the demo company head, so revoking them leaves the demo keys alone.
    const headSubject = await holderFromStateDb(t.app, u.company_head.iin, u.company_head.bin, ['first_head']);
    const fresh = (purpose: 'auth' | 'sign') => issueFor(t.app, issuing, root, headSubject, purpose, u.company_head.userId);

    await ctx.test('the holder revokes their own certificate with a signed request; the CRL and OCSP say so', async () => {
      const victim = await fresh('sign');
      const serial = parseCertificate(victim.certificatePem).serialHex;
      // Signed with another certificate of the same holder (their authentication key).
      const body = await holderRequest(t, u.company_head.auth, serial, 'keyCompromise');
      const r = await revokeCertificate(t.app, anonymous, serial, body);
      assert.equal(r.status, 'revoked');
      assert.equal(r.reason, 'keyCompromise');
      assert.equal(r.revokedAt, t.clock.now.toISOString());
      const s = await certificateStatus(t.app, serial);
      assert.equal(s.status, 'revoked');
      const crl = parseCrl((await currentCrl(t.app)).der, issuing.certificatePem);
      assert.equal(crl.signatureValid, true);
      assert.equal(crl.number, BigInt(r.crlNumber));
      const entry = crl.entries.find((e) => e.serialHex === serial);
      assert.deepEqual(entry && { reason: entry.reason, at: entry.revokedAt.getTime() }, { reason: 'keyCompromise', at: Math.floor(t.clock.now.getTime() / 1000) * 1000 });
      const ocsp = parseOcspResponse(await answerOcsp(t.app, buildOcspRequest(issuing.certificatePem, serial)), issuing.certificatePem);
      assert.equal(ocsp.signatureValid, true);
      assert.equal(ocsp.responses[0]!.status, 'revoked');
      assert.equal(ocsp.responses[0]!.reason, 'keyCompromise');
      const audit = await caAuditEntries(t.app, { serial });
      // The demo certificate's issuance is audited too, so its history reads: issued, then revoked.
      assert.deepEqual(audit.map((e) => e.action), ['issue', 'revoke']);
      assert.equal(audit[1]!.actorIin, u.company_head.iin);
      // The certificate itself may also sign its own revocation (a compromised key is still valid until then).
      const self = await fresh('sign');
      const selfSerial = parseCertificate(self.certificatePem).serialHex;
      assert.equal((await revokeCertificate(t.app, anonymous, selfSerial, await holderRequest(t, self, selfSerial, 'superseded'))).status, 'revoked');
    });

    await ctx.test('an operator revokes any certificate, for any reason', async () => {
      const victim = await fresh('auth');
      const serial = parseCertificate(victim.certificatePem).serialHex;
      const r = await revokeCertificate(t.app, opActor, serial, { reason: 'privilegeWithdrawn' });
      assert.equal(r.status, 'revoked');
      const audit = await caAuditEntries(t.app, { serial });
      assert.equal(audit.at(-1)!.actor, `user:${op.user.id}`);
      // An operator may confirm with their own EDS; somebody else's signature is still refused.
      const second = parseCertificate((await fresh('auth')).certificatePem).serialHex;
      await rejects(async () => revokeCertificate(t.app, opActor, second, await holderRequest(t, u.applicant.sign, second, 'affiliationChanged')), 403, 'not_holder');
      const confirmed = await revokeCertificate(t.app, opActor, second, await holderRequest(t, op.sign, second, 'affiliationChanged'));
      assert.equal(confirmed.status, 'revoked');
    });

    await ctx.test('somebody else cannot revoke: 403, and nothing is written', async () => {
      const victim = await fresh('sign');
      const serial = parseCertificate(victim.certificatePem).serialHex;
      // Another person's valid signature.
      await writesNothing(t, async () => rejects(() => revokeCertificate(t.app, anonymous, serial, { reason: 'keyCompromise', requestedAt: t.clock.now.toISOString(), signature: '' }), 400, 'signature_required'));
      const stranger = await holderRequest(t, u.applicant.sign, serial, 'keyCompromise');
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, anonymous, serial, stranger), 403, 'not_holder'));
      // A signed-in applicant or provider staff without a holder's signature.
      const applicant = await t.login(u.applicant);
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, { kind: 'user', user: applicant }, serial, { reason: 'keyCompromise' }), 403, 'not_holder'));
      const staff = await t.login(u.provider_head);
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, { kind: 'user', user: staff }, serial, { reason: 'keyCompromise' }), 403, 'not_holder'));
      // The holder, but for a reason only the NCA can state.
      const ca = await holderRequest(t, u.company_head.auth, serial, 'cACompromise');
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, anonymous, serial, ca), 403, 'reason_not_allowed'));
      // The holder, but with a request signed long ago (a replay).
      const old = await holderRequest(t, u.company_head.auth, serial, 'keyCompromise');
      t.clock.advanceMinutes(30);
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, anonymous, serial, old), 422, 'stale_request'));
      t.clock.advanceMinutes(-30);
      // A signature over another certificate's request.
      const otherReq = await holderRequest(t, u.company_head.auth, 'abcdef', 'keyCompromise');
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, anonymous, serial, otherReq), 422, 'content_mismatch'));
      assert.equal((await certificateStatus(t.app, serial)).status, 'good');
      await rejects(() => revokeCertificate(t.app, opActor, serial, { reason: 'noSuchReason' }), 400, 'reason');
      await rejects(() => revokeCertificate(t.app, opActor, 'ffee0011', { reason: 'keyCompromise' }), 404, 'unknown_certificate');
    });

    await ctx.test('a certificate is revoked once: a second revocation is a conflict, also when two race', async () => {
      const victim = await fresh('sign');
      const serial = parseCertificate(victim.certificatePem).serialHex;
      await revokeCertificate(t.app, opActor, serial, { reason: 'cessationOfOperation' });
      const auditBefore = (await caAuditEntries(t.app)).length;
      await writesNothing(t, () => rejects(() => revokeCertificate(t.app, opActor, serial, { reason: 'keyCompromise' }), 409, 'already_revoked'));
      assert.equal((await caAuditEntries(t.app)).length, auditBefore);
      assert.equal((await certificateStatus(t.app, serial)).reason, 'cessationOfOperation');

      const raced = await fresh('sign');
      const rs = parseCertificate(raced.certificatePem).serialHex;
      const results = await Promise.allSettled([
        revokeCertificate(t.app, opActor, rs, { reason: 'keyCompromise' }),
        revokeCertificate(t.app, opActor, rs, { reason: 'superseded' }),
        revokeCertificate(t.app, opActor, rs, { reason: 'affiliationChanged' }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results.map((r) => r.status)));
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { rule: string }).rule, 'already_revoked');
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('concurrent revocations of different certificates: the CRL published last lists them all', async () => {
      const serials = await Promise.all(Array.from({ length: 5 }, async () => parseCertificate((await fresh('sign')).certificatePem).serialHex));
      const results = await Promise.all(serials.map((serial, i) => revokeCertificate(t.app, opActor, serial, { reason: i % 2 ? 'superseded' : 'keyCompromise' })));
      const numbers = results.map((r) => r.crlNumber);
      assert.equal(new Set(numbers).size, numbers.length, 'every CRL has its own number');
      const crl = parseCrl((await currentCrl(t.app)).der, issuing.certificatePem);
      assert.equal(crl.number, BigInt(Math.max(...numbers)));
      for (const serial of serials) assert.ok(crl.entries.some((e) => e.serialHex === serial), `${serial} is listed`);
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('certificateHold suspends; removeFromCRL releases; a hold can be made permanent', async () => {
      const cert = await fresh('sign');
      const serial = parseCertificate(cert.certificatePem).serialHex;
      const hold = await revokeCertificate(t.app, anonymous, serial, await holderRequest(t, u.company_head.auth, serial, 'certificateHold'));
      assert.equal(hold.status, 'on_hold');
      assert.equal((await certificateStatus(t.app, serial)).status, 'on_hold');
      await rejects(async () => verifyOrThrow(t.app, await signText(cert, 'x'), Buffer.from('x'), 'sign'), 422, 'revoked');
      assert.ok(parseCrl((await currentCrl(t.app)).der).entries.some((e) => e.serialHex === serial && e.reason === 'certificateHold'));
      // Twice on hold is a conflict; lifting a hold that is not there too.
      await rejects(() => revokeCertificate(t.app, opActor, serial, { reason: 'certificateHold' }), 409, 'already_revoked');
      t.clock.advanceMinutes(5);
      const released = await revokeCertificate(t.app, opActor, serial, { reason: 'removeFromCRL' });
      assert.equal(released.status, 'good');
      await rejects(() => revokeCertificate(t.app, opActor, serial, { reason: 'removeFromCRL' }), 409, 'not_on_hold');
      assert.equal((await verifyOrThrow(t.app, await signText(cert, 'x'), Buffer.from('x'), 'sign')).serialHex, serial);
      assert.ok(!parseCrl((await currentCrl(t.app)).der).entries.some((e) => e.serialHex === serial));
      // Suspended again, then revoked for good: the revocation date stays the date of the hold.
      const holdAgain = await revokeCertificate(t.app, opActor, serial, { reason: 'certificateHold' });
      t.clock.advanceMinutes(5);
      const permanent = await revokeCertificate(t.app, opActor, serial, { reason: 'keyCompromise' });
      assert.equal(permanent.status, 'revoked');
      assert.equal(permanent.revokedAt, holdAgain.revokedAt);
      t.clock.advanceMinutes(-10);
    });

    await ctx.test('a revoked authentication certificate cannot sign in', async () => {
      const auth = await fresh('auth');
      const serial = parseCertificate(auth.certificatePem).serialHex;
      const ch1 = await createChallenge(t.app);
      const ok = await signIn(t.app, { challengeId: ch1.challengeId, signature: await signText(auth, ch1.nonce) });
      assert.equal(ok.user.iin, u.company_head.iin);
      await revokeCertificate(t.app, opActor, serial, { reason: 'keyCompromise' });
      const ch2 = await createChallenge(t.app);
      const e = await rejects(async () => signIn(t.app, { challengeId: ch2.challengeId, signature: await signText(auth, ch2.nonce) }), 422, 'revoked');
      assert.match(e.message, new RegExp(serial));
    });

    await ctx.test('a revoked signing certificate cannot sign a submission; the signature it made before is still valid when audited at its time', async () => {
      const sign = await fresh('sign');
      const serial = parseCertificate(sign.certificatePem).serialHex;
      const me = await t.login(u.company_head);
      const submitted = await submitApplication(t.app, me, await applicationBody(t, u.company_head, { signer: sign }), newKey('ca'));
      assert.equal(submitted.status, 201);
      const caseId = (submitted.body as { id: string }).id;
      const cms = await signText(sign, 'before');
      t.clock.advanceMinutes(10);
      await revokeCertificate(t.app, opActor, serial, { reason: 'keyCompromise' });
      // Now: refused, and the problem names the check that failed.
      const refused = await rejects(async () => submitApplication(t.app, me, await applicationBody(t, u.company_head, { signer: sign }), newKey('ca')), 422, 'revoked');
      assert.equal((refused as unknown as { field: string }).field, 'signature');
      // The old case's submission was signed before the revocation: its audit still verifies.
      const report = await auditCase(t.app, caseId);
      assert.equal(report.allSignaturesValid, true, JSON.stringify(report.signatures));
      assert.equal(report.signatures[0]!.ok, true);
      // The same signature judged at its own time is good, judged now revoked.
      const verifyAt = (at: Date) => verifyCms(Buffer.from(cms, 'base64'), { content: Buffer.from('before'), trust: t.app.trust!, at, purpose: 'sign' });
      assert.equal((await verifyAt(new Date(t.clock.now.getTime() - 10 * 60_000))).ok, true);
      const now = await verifyAt(t.clock.now);
      assert.equal(now.ok ? 'ok' : now.code, 'revoked');
    });

    await ctx.test('a certificate the CA has no record of is never good: status_unavailable, OCSP unknown', async () => {
      // Signed by the real issuing CA but never recorded (as if issued outside the CA's books).
      const keys = await generateKeyPair('ECDSA-P256');
      const rogue = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: headSubject, purpose: 'sign', notBefore: new Date(t.clock.now.getTime() - 60_000) });
      const key = { certificatePem: rogue.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: [] };
      const e = await rejects(async () => verifyOrThrow(t.app, await signText(key, 'x'), Buffer.from('x'), 'sign'), 422, 'status_unavailable');
      assert.match(e.message, /status/);
      const ocsp = parseOcspResponse(await answerOcsp(t.app, buildOcspRequest(issuing.certificatePem, rogue.serialHex)), issuing.certificatePem);
      assert.equal(ocsp.responses[0]!.status, 'unknown');
      // A recorded serial whose certificate differs (same serial, other bytes) is not vouched for either.
      const recorded = await fresh('sign');
      const info = parseCertificate(recorded.certificatePem);
      const twin = await issueCertificate(issuing, { publicKeyPem: keys.publicKeyPem, subject: headSubject, purpose: 'sign', serialHex: info.serialHex, notBefore: new Date(t.clock.now.getTime() - 60_000) });
      await rejects(async () => verifyOrThrow(t.app, await signText({ certificatePem: twin.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: [] }, 'x'), Buffer.from('x'), 'sign'), 422, 'status_unavailable');
      // And a table that cannot be read is not 'good' either.
      const saved = t.app.trust!.revocation;
      t.app.trust!.revocation = async () => {
        throw new Error('database is down');
      };
      try {
        await rejects(async () => verifyOrThrow(t.app, await signText(recorded, 'x'), Buffer.from('x'), 'sign'), 422, 'status_unavailable');
      } finally {
        t.app.trust!.revocation = saved;
      }
    });

    await ctx.test('re-issue: a new certificate for the same holder; refused for a revoked or expired one', async () => {
      const current = await fresh('sign');
      const serial = parseCertificate(current.certificatePem).serialHex;
      const { keys, csr } = await csrFor(headSubject);
      // The holder signs the request with the certificate being replaced.
      const signature = await signPayload(current, reissuePayload({ serial, csrPem: csr }));
      const r = await reissueCertificate(t.app, anonymous, serial, { csr, signature });
      assert.notEqual(r.serial, serial);
      assert.equal(r.certificate.iin, u.company_head.iin);
      assert.equal(r.certificate.bin, u.company_head.bin);
      assert.deepEqual(r.certificate.roles, ['first_head']);
      assert.equal(r.certificate.purpose, 'sign');
      assert.equal((await caAuditEntries(t.app, { serial: r.serial }))[0]!.detail.previous, serial);
      await verifyOrThrow(t.app, await signText(keyMaterial(r, keys), 'y'), Buffer.from('y'), 'sign');
      // Signed by someone else's certificate: 403.
      const strangerSig = await signPayload(u.applicant.sign, reissuePayload({ serial, csrPem: csr }));
      await writesNothing(t, () => rejects(() => reissueCertificate(t.app, anonymous, serial, { csr, signature: strangerSig }), 403, 'not_holder'));
      // Revoked: the holder's signature with it fails, and an operator is refused too.
      await revokeCertificate(t.app, opActor, serial, { reason: 'superseded' });
      const again = await signPayload(current, reissuePayload({ serial, csrPem: csr }));
      await writesNothing(t, () => rejects(() => reissueCertificate(t.app, anonymous, serial, { csr, signature: again }), 422, 'revoked'));
      await writesNothing(t, () => rejects(() => reissueCertificate(t.app, opActor, serial, { csr }), 422, 'revoked'));
      // Expired.
      const short = await issueFor(t.app, issuing, root, headSubject, 'sign', u.company_head.userId, 'ECDSA-P256', { validityDays: 1, notBefore: new Date(t.clock.now.getTime() - 2 * 86_400_000) });
      const shortSerial = parseCertificate(short.certificatePem).serialHex;
      const expiredSig = await signPayload(short, reissuePayload({ serial: shortSerial, csrPem: csr }));
      await writesNothing(t, () => rejects(() => reissueCertificate(t.app, anonymous, shortSerial, { csr, signature: expiredSig }), 422, 'expired'));
      await writesNothing(t, () => rejects(() => reissueCertificate(t.app, opActor, shortSerial, { csr }), 422, 'expired'));
    });

    await ctx.test('the CA audit log is a hash chain: intact, and editing an entry breaks it', async () => {
      const v = await verifyCaAudit(t.app);
      assert.equal(v.intact, true);
      const entries = await caAuditEntries(t.app);
      assert.ok(entries.some((e) => e.action === 'crl_sign'));
      assert.ok(entries.some((e) => e.action === 'ocsp_responder_issue'));
      for (const e of entries) assert.ok(e.actor.length > 0);
      const victim = entries[Math.floor(entries.length / 2)]!;
      await t.app.store.db.updateTable('ca_audit').set({ actor: 'user:someone-else' }).where('seq', '=', victim.seq).execute();
      const broken = await verifyCaAudit(t.app);
      assert.equal(broken.intact, false);
      assert.equal(broken.brokenAt, victim.seq);
    });

  } finally {
    await t.close();
  }
});
