// The ID card with a chip as a key store (seed 004 p.9): the chip model on its own (PIN, retry
// counter, PUK, keys generated inside and never exported), and the scenario "issue onto an ID
// card at a centre" through the engine and the desk's route, on both engines.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { eachEngine, makeTestApp, type TestApp } from '../support/app.ts';
import { runCase, staffFor, type PathStep } from '../support/run-case.ts';
import { holderFromStateDb, certificateStatus } from '../../src/app/ca.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { cardStatus, personaliseCard, signWithCard } from '../../src/app/ca-id-cards.ts';
import { createChallenge, signIn } from '../../src/app/auth.ts';
import { takeAction } from '../../src/app/cases.ts';
import { caseCertificatesPem } from '../../src/app/nca-effects.ts';
import { signPayload } from '../../src/app/session.ts';
import { newId } from '../../src/app/ids.ts';
import { decisionPayload } from '../../src/core/application.ts';
import { buildServer } from '../../src/http/server.ts';
import { IdCard, IdCardError, chipKeyFor, generateKeyPair, issueCertificate, parseCertificate, TrustStore, verifyCms, verifyCsr, type HolderSubject } from '../../src/pki/index.ts';
import { createRootCa, createIssuingCa } from '../../src/pki/index.ts';
import { rejects, writesNothing } from './support.ts';

const CHIP = chipKeyFor('test-emulator-secret', '012345678');
const SUBJECT: HolderSubject = { kind: 'individual', iin: '900101300017', surname: 'Абилов', givenName: 'Арман' };

function cardError(fn: () => unknown, code: string, triesLeft?: number): Promise<void> {
  return (async () => {
    try {
      await fn();
    } catch (e) {
      assert.ok(e instanceof IdCardError, String(e));
      assert.equal(e.code, code, e.message);
      if (triesLeft !== undefined) assert.equal(e.triesLeft, triesLeft);
      return;
    }
    assert.fail(`expected ${code}`);
  })();
}

test('ID card chip: PIN tries, blocking, PUK unblock, keys generated inside and never exported', async () => {
  const card = IdCard.personalise({ number: '012345678', holderIin: SUBJECT.iin, pin: '1234', puk: '12345678', chipKey: CHIP });
  assert.equal(card.status().pinTriesLeft, 3);
  await cardError(() => card.verifyPin('12'), 'card_pin_format');
  assert.equal(card.status().pinTriesLeft, 3, 'a malformed PIN is not a try');
  await cardError(() => card.verifyPin('0000'), 'card_wrong_pin', 2);
  card.verifyPin('1234');
  assert.equal(card.status().pinTriesLeft, 3, 'the right PIN restores the tries');

  // Keys: generated inside, requests signed by them, for the holder only.
  await cardError(() => card.generateRequests('1234', { ...SUBJECT, iin: '800101300011' }, 'case-1'), 'card_key_mismatch');
  const reqs = await card.generateRequests('1234', SUBJECT, 'case-1');
  assert.deepEqual(reqs.map((r) => r.slot), ['auth', 'sign']);
  for (const r of reqs) {
    const v = await verifyCsr(r.csrPem);
    assert.equal(v.subject.iin, SUBJECT.iin);
  }
  assert.deepEqual(card.pendingRequests('case-1').map((r) => r.slot), ['auth', 'sign']);
  assert.deepEqual(card.pendingRequests('case-2'), []);

  // Nothing the card offers returns a private key: no export method, nothing enumerable, and its
  // persistent memory holds the keys only sealed under the chip key.
  const methods = Object.getOwnPropertyNames(IdCard.prototype).filter((m) => m !== 'constructor').sort();
  assert.deepEqual(methods, ['changePin', 'generateRequests', 'holderIin', 'image', 'number', 'pendingRequests', 'signCms', 'status', 'unblock', 'verifyPin', 'writeCertificate']);
  assert.equal(JSON.stringify(card), '{}');
  const image = JSON.stringify(card.image());
  assert.doesNotMatch(image, /PRIVATE KEY/);
  assert.doesNotMatch(JSON.stringify(card.status()), /PRIVATE KEY/);
  // The sealed blobs are not PKCS#8 (which starts 30 81/30 82 … 02 01 00).
  for (const slot of ['auth', 'sign'] as const) {
    const sealed = Buffer.from((card.image().pending[slot]!.key as { data: string }).data, 'base64');
    assert.throws(() => crypto.createPrivateKey({ key: sealed, format: 'der', type: 'pkcs8' }));
  }

  // Only certificates for the card's own keys are written onto it.
  const root = await createRootCa({ commonName: 'Test Root', algorithm: 'ECDSA-P256' });
  const issuing = await createIssuingCa(root, { commonName: 'Test Issuing', algorithm: 'ECDSA-P256' });
  const foreignKeys = await generateKeyPair('ECDSA-P256');
  const foreign = await issueCertificate(issuing, { publicKeyPem: foreignKeys.publicKeyPem, subject: SUBJECT, purpose: 'auth' });
  assert.throws(() => card.writeCertificate(foreign.certificatePem), (e: IdCardError) => e.code === 'card_key_mismatch');
  const certs: Record<string, string> = {};
  for (const r of reqs) {
    const v = await verifyCsr(r.csrPem);
    certs[r.slot] = (await issueCertificate(issuing, { publicKeyPem: v.publicKeyPem, subject: SUBJECT, purpose: r.slot })).certificatePem;
    assert.equal(card.writeCertificate(certs[r.slot]!, [issuing.certificatePem, root.certificatePem]), r.slot);
  }
  assert.deepEqual(card.pendingRequests(), []);
  assert.deepEqual(card.status().certificates.map((c) => c.slot), ['auth', 'sign']);

  // Signing needs the PIN; the signature verifies with the certificate written on the card.
  const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
  const content = Buffer.from('hello from the chip');
  const cms = await card.signCms('1234', 'sign', content);
  const v = await verifyCms(cms, { content, trust, purpose: 'sign', at: new Date() });
  assert.equal(v.ok, true, v.ok ? '' : v.message);
  assert.equal(v.ok && v.signer.serialHex, parseCertificate(certs.sign!).serialHex);

  // The card survives a round trip through its memory; opened with another chip key it cannot sign.
  const again = IdCard.open(card.image(), CHIP);
  assert.equal((await verifyCms(await again.signCms('1234', 'auth', content), { content, trust, purpose: 'auth', at: new Date() })).ok, true);
  const stolen = IdCard.open(card.image(), chipKeyFor('another secret', '012345678'));
  await cardError(() => stolen.signCms('1234', 'auth', content), 'card_wrong_pin');

  // Three wrong PINs block the card; then even the right PIN is refused until the PUK unblocks it.
  await cardError(() => card.signCms('1111', 'sign', content), 'card_wrong_pin', 2);
  await cardError(() => card.signCms('2222', 'sign', content), 'card_wrong_pin', 1);
  await cardError(() => card.signCms('3333', 'sign', content), 'card_blocked', 0);
  assert.equal(card.status().blocked, true);
  await cardError(() => card.signCms('1234', 'sign', content), 'card_blocked', 0);
  await cardError(() => card.unblock('99999999', '4321'), 'card_wrong_puk', 9);
  card.unblock('12345678', '4321');
  assert.equal(card.status().blocked, false);
  await cardError(() => card.signCms('1234', 'sign', content), 'card_wrong_pin', 2);
  assert.equal((await verifyCms(await card.signCms('4321', 'sign', content), { content, trust, purpose: 'sign', at: new Date() })).ok, true);
});

test('ID card chip: when the PUK tries run out the card is dead', async () => {
  const card = IdCard.personalise({ number: '000000001', holderIin: SUBJECT.iin, pin: '1234', puk: '12345678', chipKey: chipKeyFor('s', '000000001'), pukTries: 2 });
  await cardError(() => card.unblock('00000000', '1111'), 'card_wrong_puk', 1);
  await cardError(() => card.unblock('00000000', '1111'), 'card_terminated', 0);
  await cardError(() => card.verifyPin('1234'), 'card_terminated');
  assert.equal(card.status().terminated, true);
});

const SERVICE = 'nca-certificates';
const BEFORE_PIN: PathStep[] = [
  { step: 'identify', outcome: 'identified' },
  { step: 'form_request', outcome: 'request_formed' },
  // The state-database check runs by itself here.
  { step: 'enter_pin', outcome: 'pin_entered' },
];

/**
 * The operator's confirmation: the NCA IS's check of the operator's signature runs by itself after
 * it, and its outcome issues onto the card, all in this command.
 */
async function confirmStep(t: TestApp, caseId: string) {
  const op = await staffFor(t, 'nca', 'nca_operator');
  const me = await t.login(op);
  const signature = await signPayload(op.sign, decisionPayload({ caseId, stepId: 'confirm_request', outcomeId: 'confirmed' }));
  return takeAction(t.app, me, caseId, { stepId: 'confirm_request', outcomeId: 'confirmed', signature }, newId());
}

eachEngine('issue onto an ID card at a centre: the card generates the keys on the PIN, the certificates are written onto it', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  const f = await buildServer(t.app);
  try {
    const applicant = t.users.applicant;
    const local = { kind: 'local', name: 'test' } as const;
    const number = '045678912';
    await personaliseCard(t.app, local, { number, iin: applicant.iin, pin: '2468', puk: '13572468' });
    const desk = await staffFor(t, 'nca', 'nca_operator');
    // Staff employed (and certified) before anything is counted.
    for (const role of ['nca_is', 'egov_gateway']) await staffFor(t, 'nca', role);
    const deskToken = (await t.login(desk)).token;
    const post = (url: string, body: unknown, token = deskToken) => f.inject({ method: 'POST', url, payload: body as object, headers: { authorization: `Bearer ${token}` } });
    const { root, issuing } = await instanceCa(t.app);
    const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);

    await ctx.test('the card is only usable by the case that names it, and a PIN-less issue is refused, writing nothing', async () => {
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue_id_card', applicant, fields: { idCardNumber: number }, path: BEFORE_PIN });
      assert.equal(v.currentStep, 'confirm_request');
      const err = await writesNothing(t, async () => {
        try {
          await confirmStep(t, v.id);
        } catch (e) {
          return e as Error & { status: number; rule: string };
        }
        assert.fail('the issue must be refused before the PIN is entered');
      });
      assert.equal(err.status, 422);
      assert.equal(err.rule, 'card_pin_not_entered');

      // Another person's card: the desk refuses to prepare it.
      const other = await holderFromStateDb(t.app, t.users.company_head.iin, null);
      await personaliseCard(t.app, local, { number: '111222333', iin: other.iin, pin: '1111', puk: '11111111' });
      const w = await runCase(t, { serviceId: SERVICE, subcase: 'issue_id_card', applicant, fields: { idCardNumber: '111222333' }, path: [] });
      const r = await post(`/api/nca/cases/${w.id}/id-card/pin`, { pin: '1111' });
      assert.equal(r.statusCode, 422, r.body);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/);
      assert.equal(JSON.parse(r.body).rule, 'card_not_applicants');
      // The applicant may not use the desk's reader.
      const r2 = await post(`/api/nca/cases/${v.id}/id-card/pin`, { pin: '2468' }, (await t.login(applicant)).token);
      assert.equal(r2.statusCode, 403, r2.body);
      assert.equal(JSON.parse(r2.body).rule, 'not_nca_operator');
    });

    await ctx.test('wrong PINs count down and block the card; the PUK unblocks it; the CA writes nothing meanwhile', async () => {
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue_id_card', applicant, fields: { idCardNumber: number }, path: BEFORE_PIN.slice(0, 2) });
      for (const [pin, rule, left] of [['0000', 'card_wrong_pin', 2], ['1111', 'card_wrong_pin', 1], ['2222', 'card_blocked', 0], ['2468', 'card_blocked', 0]] as const) {
        const r = await writesNothing(t, () => post(`/api/nca/cases/${v.id}/id-card/pin`, { pin }));
        assert.equal(r.statusCode, 422, r.body);
        const p = JSON.parse(r.body);
        assert.equal(p.rule, rule);
        assert.equal(p.triesLeft, left);
        assert.match(p.detail, /PIN|blocked/);
      }
      assert.equal((await cardStatus(t.app, local, number)).blocked, true);
      const bad = await post(`/api/nca/id-cards/${number}/unblock`, { puk: '00000000', newPin: '2468' });
      assert.equal(bad.statusCode, 422);
      assert.equal(JSON.parse(bad.body).rule, 'card_wrong_puk');
      const ok = await post(`/api/nca/id-cards/${number}/unblock`, { puk: '13572468', newPin: '2468' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(JSON.parse(ok.body).blocked, false);
      assert.equal(JSON.parse(ok.body).pinTriesLeft, 3);
    });

    await ctx.test('with the right PIN the card makes the requests; the issue writes the certificates onto it; they verify and sign in', async () => {
      const v = await runCase(t, { serviceId: SERVICE, subcase: 'issue_id_card', applicant, fields: { idCardNumber: number }, path: BEFORE_PIN.slice(0, 2) });
      const r = await post(`/api/nca/cases/${v.id}/id-card/pin`, { pin: '2468' });
      assert.equal(r.statusCode, 200, r.body);
      const body = JSON.parse(r.body);
      assert.deepEqual(body.requests.map((x: { slot: string }) => x.slot), ['auth', 'sign']);
      assert.doesNotMatch(r.body, /PRIVATE KEY/);
      const keysOnCard = await Promise.all(body.requests.map(async (x: { csrPem: string }) => (await verifyCsr(x.csrPem)).publicKeyPem));

      // The accepted PIN is the recipient's step (p.9 process 6): recorded as theirs, the case waits for the operator.
      assert.equal(body.pinStep, 'recorded');
      const row = await t.app.store.db.selectFrom('cases').select(['current_step', 'state']).where('id', '=', v.id).executeTakeFirstOrThrow();
      assert.equal(row.current_step, 'confirm_request');
      const pinEvent = (await t.app.store.db.selectFrom('case_events').select(['data', 'actor_user_id', 'actor_role']).where('case_id', '=', v.id).execute()).find((e) => String(e.data).includes('"enter_pin"'));
      assert.ok(pinEvent, 'the enter_pin step is on record');
      assert.deepEqual([pinEvent.actor_user_id, pinEvent.actor_role], [applicant.userId, 'applicant']);
      // …and names the desk it was taken at: the operator whose session carried it.
      assert.match(String(pinEvent.data), new RegExp(`NCA operator's desk of .*IIN ${desk.iin}`));
      // The rest of the scenario: operator's confirmation, the NCA IS's check (by itself) → written onto the card.
      const me = await t.login(applicant);
      const done = await confirmStep(t, v.id);
      assert.equal((done as { body?: { mark?: string } }).body?.mark ?? (done as { mark?: string }).mark, 'result');

      const card = await cardStatus(t.app, local, number);
      assert.deepEqual(card.certificates.map((c) => c.slot), ['auth', 'sign']);
      assert.deepEqual(card.pending, []);
      for (const c of card.certificates) {
        const info = parseCertificate(c.certificatePem);
        assert.equal(info.iin, applicant.iin);
        assert.equal(info.purpose, c.slot);
        assert.ok(keysOnCard.includes(crypto.createPublicKey(c.certificatePem).export({ type: 'spki', format: 'pem' })), 'certified key is the card\'s');
        assert.equal((await trust.verifyChain(c.certificatePem, t.clock.now)).ok, true);
        assert.equal((await certificateStatus(t.app, info.serialHex)).status, 'good');
      }
      // The same certificates are the case's result for the applicant.
      const pem = await caseCertificatesPem(t.app, me, v.id);
      for (const c of card.certificates) assert.ok(pem.includes(c.certificatePem.trim()));

      // The card signs in (PIN required; a wrong one counts).
      const ch = await createChallenge(t.app);
      await rejects(() => signWithCard(t.app, number, '0000', 'auth', Buffer.from(ch.nonce)), 422, 'card_wrong_pin');
      const session = await signIn(t.app, { challengeId: ch.challengeId, signature: await signWithCard(t.app, number, '2468', 'auth', Buffer.from(ch.nonce)) });
      assert.equal(session.user.id, applicant.userId);
      assert.equal(session.user.certFingerprint, parseCertificate(card.certificates[0]!.certificatePem).fingerprintSha256);
      assert.equal((await cardStatus(t.app, local, number)).pinTriesLeft, 3);
    });
  } finally {
    await f.close();
    await t.close();
  }
});
