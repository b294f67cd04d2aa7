// Sign-in and signing at the application layer: both key algorithms, a person the state
// databases do not know, and a state database that does not answer in time.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { createChallenge, signIn } from '../../src/app/auth.ts';
import { ensureCa, issueFor } from '../../src/app/bootstrap.ts';
import { AppError } from '../../src/app/errors.ts';
import { signText } from '../../src/app/session.ts';
import { makeIin } from '../../src/core/identifiers.ts';
import { parseCertificate } from '../../src/pki/index.ts';
import { FlakyStateDatabases } from '../../src/gov/test-doubles.ts';
import { runCase } from '../support/run-case.ts';

eachEngine('an RSA-2048 key holder signs in and submits like an ECDSA P-256 one', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    const rsa = t.users.company_employee;
    assert.equal(parseCertificate(rsa.sign.certificatePem).keyAlgorithm, 'RSA-2048');
    assert.equal(parseCertificate(t.users.company_head.sign.certificatePem).keyAlgorithm, 'ECDSA-P256');
    const me = await t.login(rsa);
    assert.equal(me.bin, rsa.bin);
    const v = await runCase(t, { serviceId: 'crypto-licence', subcase: 'duplicate', applicant: rsa, at: '2026-11-23T10:00:00+05:00', path: [{ step: 'register', outcome: 'registered' }] });
    assert.equal(v.mark, 'registered');
    assert.equal(v.applicant.iin, rsa.iin);
  } finally {
    await t.close();
  }
});

eachEngine('a person the state database of individuals does not know is refused at sign-in, and nothing is written', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    const { root, issuing } = await ensureCa(t.app);
    const stranger = makeIin('1999-12-31', 'female', 4242);
    assert.equal(await t.app.stateDb.findIndividual(stranger), null);
    const key = await issueFor(t.app, issuing, root, { kind: 'individual', iin: stranger, surname: 'Белгісіз', givenName: 'Адам' }, 'auth', null);
    const users = async () => Number((await t.app.store.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await users();
    const ch = await createChallenge(t.app);
    await assert.rejects(signIn(t.app, { challengeId: ch.challengeId, signature: await signText(key, ch.nonce) }), (e: unknown) => e instanceof AppError && e.status === 403 && e.rule === 'applicant_unknown' && /state database of individuals has no record of IIN/.test(e.message));
    assert.equal(await users(), before);
  } finally {
    await t.close();
  }
});

eachEngine('a state database that does not answer in time gives 504 and no user', async (_t, engine) => {
  const t = await makeTestApp(engine);
  try {
    const { root, issuing } = await ensureCa(t.app);
    const newcomer = makeIin('1985-05-05', 'male', 77);
    const key = await issueFor(t.app, issuing, root, { kind: 'individual', iin: newcomer, surname: 'Кешікті', givenName: 'Жауап' }, 'auth', null);
    t.app.stateDb = new FlakyStateDatabases(t.app.stateDb, { script: ['timeout'], timeoutMs: 50 });
    const ch = await createChallenge(t.app);
    await assert.rejects(signIn(t.app, { challengeId: ch.challengeId, signature: await signText(key, ch.nonce) }), (e: unknown) => e instanceof AppError && e.status === 504 && e.rule === 'state_db_timeout');
    const row = await t.app.store.db.selectFrom('users').select('id').where('iin', '=', newcomer).executeTakeFirst();
    assert.equal(row, undefined);
  } finally {
    await t.close();
  }
});
