// Delta CRLs (RFC 5280 §5.2.4) on both engines: the complete CRL names the delta (Freshest CRL),
// the delta names its base (Delta CRL Indicator) and lists exactly the status changes since that
// base: revocations, holds, holds made permanent, and lifted holds as removeFromCRL.
import assert from 'node:assert/strict';
import { eachEngine, makeTestApp } from '../support/app.ts';
import { issueFor } from '../../src/app/bootstrap.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { holderFromStateDb, revokeCertificate, type CaActor } from '../../src/app/ca.ts';
import { verifyCaAudit } from '../../src/app/ca-audit.ts';
import { BASE_PERIOD_MS, currentCrl, currentDeltaCrl } from '../../src/app/ca-crl.ts';
import { parseCertificate, parseCrl } from '../../src/pki/index.ts';
import { populationIin } from './support.ts';

const cli: CaActor = { kind: 'local', name: 'test' };

eachEngine('Delta CRL: lists what changed since its base; the base names it', async (ctx, engine) => {
  const t = await makeTestApp(engine);
  try {
    const { root, issuing } = await instanceCa(t.app);
    const subject = await holderFromStateDb(t.app, await populationIin(t, 5), null);
    const serials: string[] = [];
    for (let i = 0; i < 6; i++) serials.push(parseCertificate((await issueFor(t.app, issuing, root, subject, 'sign', null)).certificatePem).serialHex);
    const [before, heldBefore, heldThenRevoked, after, heldAfter, untouched] = serials as [string, string, string, string, string, string];
    const revoke = (serial: string, reason: Parameters<typeof revokeCertificate>[3]['reason']) => revokeCertificate(t.app, cli, serial, { reason });
    const delta = async () => parseCrl((await currentDeltaCrl(t.app)).der, issuing.certificatePem);
    const complete = async () => parseCrl((await currentCrl(t.app)).der, issuing.certificatePem);

    // Before the base: one revoked, two on hold.
    await revoke(before, 'superseded');
    await revoke(heldBefore, 'certificateHold');
    await revoke(heldThenRevoked, 'certificateHold');
    const baseTime = new Date(t.clock.now.getTime() + BASE_PERIOD_MS + 60_000);
    t.clock.set(baseTime.toISOString());

    await ctx.test('a new base period: the refreshed complete CRL is the base, its delta is empty', async () => {
      const c = await currentCrl(t.app);
      assert.equal(c.base, c.number, 'the complete CRL that opens a period is the base');
      const full = await complete();
      assert.equal(full.signatureValid, true);
      assert.equal(full.deltaBase, null);
      assert.deepEqual(full.freshestCrlUrls, ['http://127.0.0.1:0/pki/crl/delta']);
      assert.deepEqual(full.entries.map((e) => e.serialHex).sort(), [before, heldBefore, heldThenRevoked].sort());
      const d = await delta();
      assert.equal(d.signatureValid, true);
      assert.equal(d.deltaBase, BigInt(c.number));
      assert.ok(d.number! > BigInt(c.number), 'the delta is numbered after its base');
      assert.deepEqual(d.freshestCrlUrls, []);
      assert.deepEqual(d.entries, []);
    });

    await ctx.test('changes after the base: revoked, held, hold made permanent, hold lifted (removeFromCRL); nothing else', async () => {
      const base = (await currentCrl(t.app)).base;
      t.clock.advanceMinutes(10);
      await revoke(after, 'keyCompromise');
      t.clock.advanceMinutes(10);
      await revoke(heldAfter, 'certificateHold');
      t.clock.advanceMinutes(10);
      await revoke(heldThenRevoked, 'cessationOfOperation');
      t.clock.advanceMinutes(10);
      const released = t.clock.now;
      await revoke(heldBefore, 'removeFromCRL');

      const c = await currentCrl(t.app);
      assert.equal(c.base, base, 'the base stays for its period although the complete CRL was re-signed');
      assert.ok(c.number > base);
      const d = await delta();
      assert.equal(d.signatureValid, true);
      assert.equal(d.deltaBase, BigInt(base));
      assert.ok(d.number! > BigInt(c.number), 'the delta is newer than the latest complete CRL');
      const listed = new Map(d.entries.map((e) => [e.serialHex, e]));
      assert.deepEqual([...listed.keys()].sort(), [after, heldAfter, heldThenRevoked, heldBefore].sort(), 'only the certificates changed since the base');
      assert.equal(listed.get(after)!.reason, 'keyCompromise');
      assert.equal(listed.get(heldAfter)!.reason, 'certificateHold');
      assert.equal(listed.get(heldThenRevoked)!.reason, 'cessationOfOperation');
      assert.equal(listed.get(heldBefore)!.reason, 'removeFromCRL');
      assert.equal(listed.get(heldBefore)!.revokedAt.toISOString(), new Date(Math.floor(released.getTime() / 1000) * 1000).toISOString());
      assert.ok(!listed.has(before) && !listed.has(untouched));
      // The complete CRL, for comparison, has everything currently revoked and no removeFromCRL.
      const full = await complete();
      assert.deepEqual(full.entries.map((e) => e.serialHex).sort(), [before, heldThenRevoked, after, heldAfter].sort());
      assert.ok(full.entries.every((e) => e.reason !== 'removeFromCRL'));
      assert.equal((await verifyCaAudit(t.app)).intact, true);
    });

    await ctx.test('a hold placed and lifted within the period is removeFromCRL (a complete CRL in between listed it)', async () => {
      await revoke(untouched, 'certificateHold');
      assert.ok((await complete()).entries.some((e) => e.serialHex === untouched && e.reason === 'certificateHold'));
      t.clock.advanceMinutes(1);
      await revoke(untouched, 'removeFromCRL');
      assert.equal((await delta()).entries.find((e) => e.serialHex === untouched)?.reason, 'removeFromCRL');
      assert.ok(!(await complete()).entries.some((e) => e.serialHex === untouched));
    });

    await ctx.test('the next period starts a new base: the delta is empty again', async () => {
      const old = (await currentCrl(t.app)).base;
      t.clock.set(new Date(t.clock.now.getTime() + BASE_PERIOD_MS).toISOString());
      const c = await currentCrl(t.app);
      assert.ok(c.base > old);
      assert.equal(c.base, c.number);
      const d = await delta();
      assert.equal(d.deltaBase, BigInt(c.base));
      assert.deepEqual(d.entries, []);
    });
  } finally {
    await t.close();
  }
});
