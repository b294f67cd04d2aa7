// Shared pieces of the CA tests: an NCA operator, holders' keys and requests, row counts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { issueFor, type KeyMaterial } from '../../src/app/bootstrap.ts';
import { instanceCa } from '../../src/app/ca-material.ts';
import { holderFromStateDb, type IssuedCertificate } from '../../src/app/ca.ts';
import { createChallenge, signIn, type SessionUser } from '../../src/app/auth.ts';
import { signText } from '../../src/app/session.ts';
import { newId } from '../../src/app/ids.ts';
import { createCsr, generateKeyPair, type HolderSubject, type KeyAlgorithm, type KeyPairPem } from '../../src/pki/index.ts';
import type { TestApp } from '../support/app.ts';
import { sql } from 'kysely';

/** The n-th person of the state database of individuals who is none of the demo users (and alive). */
export async function populationIin(t: TestApp, n: number): Promise<string> {
  const demo = Object.values(t.users).map((u) => u.iin);
  const r = await sql<{ iin: string }>`select iin from gov_individuals where deceased = 0 and iin not in (${sql.join(demo)}) order by iin limit 1 offset ${n}`.execute(t.app.store.db);
  const row = r.rows[0];
  assert.ok(row, 'the test population has that many people');
  return row.iin;
}

export const OPENSSL = '/usr/bin/openssl';
export const hasOpenssl = fs.existsSync(OPENSSL);

export function openssl(args: string[], input?: Uint8Array): { status: number; stdout: string; stderr: string } {
  const res = spawnSync(OPENSSL, args, { input, encoding: 'buffer', timeout: 30_000 });
  return { status: res.status ?? -1, stdout: res.stdout.toString('utf8'), stderr: res.stderr.toString('utf8') };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qyzmet-ca-'));
}

export interface Operator {
  user: SessionUser;
  auth: KeyMaterial;
  sign: KeyMaterial;
  token?: string;
}

/** A PSC employee with the nca_operator role and certificates of their own, signed in. */
export async function makeOperator(t: TestApp, roles: string[] = ['nca_operator']): Promise<Operator & { token: string }> {
  const { root, issuing } = await instanceCa(t.app);
  const id = newId();
  const bin = '';
  const iin = await populationIin(t, 0);
  await t.app.store.db
    .insertInto('users')
    .values({ id, kind: 'staff', iin, bin, display_name: `Operator ${iin}`, roles: JSON.stringify(roles), provider_id: 'nca', email: null, lang: 'ru', created_at: t.clock.now.toISOString() })
    .execute();
  const subject = await holderFromStateDb(t.app, iin, null);
  const auth = await issueFor(t.app, issuing, root, subject, 'auth', id);
  const sign = await issueFor(t.app, issuing, root, subject, 'sign', id);
  const ch = await createChallenge(t.app);
  const r = await signIn(t.app, { challengeId: ch.challengeId, signature: await signText(auth, ch.nonce) });
  return { user: r.user, auth, sign, token: r.token };
}

export async function csrFor(subject: HolderSubject, alg: KeyAlgorithm = 'ECDSA-P256'): Promise<{ keys: KeyPairPem; csr: string }> {
  const keys = await generateKeyPair(alg);
  return { keys, csr: await createCsr(keys, subject, alg) };
}

export function keyMaterial(issued: IssuedCertificate, keys: KeyPairPem): KeyMaterial {
  return { certificatePem: issued.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: issued.chainPems };
}

export async function rowCounts(t: TestApp): Promise<{ certificates: number; audit: number; counters: number; settings: number }> {
  const n = async (table: 'certificates' | 'ca_audit' | 'settings') =>
    Number((await t.app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  const c = await t.app.store.db.selectFrom('counters').select('value').execute();
  return { certificates: await n('certificates'), audit: await n('ca_audit'), counters: c.reduce((s, r) => s + Number(r.value), 0), settings: await n('settings') };
}

export async function writesNothing<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  const before = await rowCounts(t);
  const r = await fn();
  assert.deepEqual(await rowCounts(t), before, 'a refused operation must write nothing');
  return r;
}

/** Runs `fn`, expecting an AppError-like rejection with that status and rule. */
export async function rejects(fn: () => Promise<unknown>, status: number, rule: string): Promise<Error & { status: number; rule: string }> {
  try {
    await fn();
  } catch (e) {
    const err = e as Error & { status: number; rule: string };
    assert.equal(err.rule, rule, `expected ${status} ${rule}, got ${err.status} ${err.rule}: ${err.message}`);
    assert.equal(err.status, status, err.message);
    return err;
  }
  assert.fail(`expected ${status} ${rule}, but it succeeded`);
}
