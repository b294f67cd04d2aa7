// `npm run bench`: prints one JSON line per figure. Nothing here passes or fails on time; the
// targets are recorded next to the figures so a reader can compare. Every loop is bounded in
// count and in time, and servers listen on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openApp, type App } from '../src/app/context.ts';
import { bootstrapDemo, DEMO_KEYSTORE_PASSWORD, type DemoUsers, type KeyMaterial } from '../src/app/bootstrap.ts';
import { createChallenge, signIn } from '../src/app/auth.ts';
import { submitApplication, takeAction } from '../src/app/cases.ts';
import { signPayload, signText } from '../src/app/session.ts';
import { applicationPayload, decisionPayload } from '../src/core/application.ts';
import { sha256Hex } from '../src/core/canonical.ts';
import { sampleDocuments, sampleFields } from '../src/core/sample.ts';
import { findSubcase } from '../src/core/regulation.ts';
import { makeCatalog, type Catalog } from '../src/services/index.ts';
import { importPkcs12, parseCertificate } from '../src/pki/index.ts';
import { benchClock } from '../src/core/clock-bench.ts';
import { benchVerify } from '../src/pki/bench.ts';

const SERVICE = 'crypto-licence';
const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version };

function emit(o: Record<string, unknown>) {
  process.stdout.write(JSON.stringify({ ...o, machine }) + '\n');
}

interface Instance {
  app: App;
  users: DemoUsers;
  close(): Promise<void>;
}

async function instance(engine: 'sqlite' | 'postgres', pgUrl?: string): Promise<Instance> {
  let dir: string | undefined;
  let schema: string | undefined;
  let url: string;
  if (engine === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'qyzmet-bench-'));
    url = join(dir, 'bench.sqlite');
  } else {
    schema = `bench_${randomBytes(5).toString('hex')}`;
    url = pgUrl!;
  }
  const app = await openApp({ databaseUrl: url, ...(schema ? { pgSchema: schema } : {}), caPassphrase: 'bench', publicUrl: 'http://127.0.0.1', dataDir: null }, { now: () => new Date() });
  const users = (await bootstrapDemo(app, { population: { individuals: 2000, legalEntities: 300 } }))!;
  return {
    app,
    users,
    async close() {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (schema) {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    },
  };
}

async function login(app: App, u: DemoUsers[keyof DemoUsers]) {
  const ch = await createChallenge(app);
  return signIn(app, { challengeId: ch.challengeId, signature: await signText(u.auth, ch.nonce) });
}

async function signedSubmission(catalog: Catalog, a: { iin: string; bin: string; sign: KeyMaterial }) {
  const svc = catalog.inForce(SERVICE, new Date())!;
  const sc = findSubcase(svc, 'issue')!;
  const ctx = { channel: 'portal' as const, applicantKind: 'legal_entity' as const };
  const fields = sampleFields(sc, ctx, { iin: a.iin, bin: a.bin, today: new Date().toISOString().slice(0, 10) });
  const documents = sampleDocuments(sc, ctx);
  const payload = applicationPayload({
    serviceId: svc.id,
    subcase: 'issue',
    channel: 'portal',
    applicant: { iin: a.iin, bin: a.bin },
    fields,
    documents: documents.map((d) => {
      const b = Buffer.from(d.contentBase64, 'base64');
      return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) };
    }),
  });
  return { serviceId: svc.id, subcase: 'issue', fields, documents, signature: await signPayload(a.sign, payload) };
}

/** A bounded load: at most `total` requests, at most `maxSeconds`, `concurrency` in flight. */
async function load(opts: { url: string; token: string; body: string; total: number; concurrency: number; maxSeconds: number }) {
  const runId = randomBytes(4).toString('hex');
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  const lat: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + opts.maxSeconds * 1000;
  const lane = async () => {
    while (next < opts.total && performance.now() < deadline) {
      const i = next++;
      const s = performance.now();
      const r = await fetch(opts.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}`, 'idempotency-key': `bench-${runId}-${i}` }, body: opts.body });
      const txt = await r.text();
      lat.push(performance.now() - s);
      if (r.status === 201) ok++;
      else {
        failed++;
        firstError ??= `${r.status} ${txt.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((x, y) => x - y);
  const q = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! : 0);
  return { ok, failed, seconds, p50: q(0.5), p99: q(0.99), firstError };
}

/**
 * The server runs as its own process(es) — `qyzmet serve --workers N`, as in production — on a
 * fresh data directory; the bench signs in with the demo company head's key stores and submits
 * one signed application under distinct idempotency keys (each a new case).
 */
async function benchSubmissions(engine: 'sqlite' | 'postgres', workers: number, pgUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const schema = engine === 'postgres' ? `bench_${randomBytes(5).toString('hex')}` : undefined;
  const env = { ...process.env, QYZMET_DATA_DIR: dir, QYZMET_LOG: '0', QYZMET_CA_PASSPHRASE: 'bench', QYZMET_DATABASE_URL: engine === 'postgres' ? pgUrl! : '', ...(schema ? { QYZMET_DATABASE_SCHEMA: schema } : {}) };
  const child = spawn(process.execPath, ['bin/qyzmet.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--workers', String(workers)], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    const t0 = Date.now();
    for (;;) {
      try {
        if ((await fetch(`${base}/health`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() - t0 > 60_000) throw new Error('the server did not start within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const keys = (purpose: 'auth' | 'sign') => importPkcs12(readFileSync(join(dir, 'keys', `company_head-${purpose}.p12`)), DEMO_KEYSTORE_PASSWORD);
    const auth = keys('auth');
    const sign = keys('sign');
    const ch = (await (await fetch(`${base}/api/auth/challenge`, { method: 'POST' })).json()) as { challengeId: string; nonce: string };
    const si = (await (await fetch(`${base}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challengeId: ch.challengeId, signature: await signText(auth, ch.nonce) }) })).json()) as { token: string };
    const who = parseCertificate(sign.certificatePem);
    const body = JSON.stringify(await signedSubmission(makeCatalog(), { iin: who.iin!, bin: who.bin!, sign }));
    const url = `${base}/api/cases`;
    await load({ url, token: si.token, body, total: 300, concurrency: 16, maxSeconds: 10 }); // warm-up
    const r = await load({ url, token: si.token, body, total: Number(process.env.BENCH_SUBMISSIONS ?? 8000), concurrency: 32, maxSeconds: 30 });
    emit({ bench: 'signed_submissions_http', engine, workers, requests: r.ok + r.failed, failed: r.failed, seconds: +r.seconds.toFixed(2), perSecond: Math.round(r.ok / r.seconds), p50ms: +r.p50.toFixed(2), p99ms: +r.p99.toFixed(2), target: engine === 'sqlite' ? 1000 : 500, ...(r.firstError ? { firstError: r.firstError } : {}) });
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // gone already
    }
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
    if (schema) {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

async function benchLifecycles(engine: 'sqlite' | 'postgres', pgUrl?: string) {
  const inst = await instance(engine, pgUrl);
  const { app, users } = inst;
  try {
    const me = (await login(app, users.company_head)).user;
    const staff = {
      chancellery: (await login(app, users.provider_chancellery)).user,
      licensing: (await login(app, users.provider_licensing_head)).user,
      executor: (await login(app, users.provider_executor)).user,
      head: (await login(app, users.provider_head)).user,
    };
    const submission = await signedSubmission(app.catalog, { iin: users.company_head.iin, bin: users.company_head.bin!, sign: users.company_head.sign });
    let seq = 0;
    const one = async () => {
      const id = seq++;
      const c = await submitApplication(app, me, submission, `life-${id}`);
      const caseId = c.body.id;
      const step = async (u: typeof staff.head, key: DemoUsers[keyof DemoUsers], stepId: string, outcomeId: string, extra: { assignee?: string } = {}) => {
        const signature = await signPayload(key.sign, decisionPayload({ caseId, stepId, outcomeId, ...extra }));
        await takeAction(app, u, caseId, { stepId, outcomeId, ...extra, signature }, `life-${id}-${stepId}`);
      };
      await step(staff.chancellery, users.provider_chancellery, 'register', 'registered');
      await step(staff.licensing, users.provider_licensing_head, 'assign', 'assigned', { assignee: users.provider_executor.userId });
      await step(staff.executor, users.provider_executor, 'review', 'draft_approval');
      await step(staff.head, users.provider_head, 'sign', 'signed');
    };
    for (let i = 0; i < 20; i++) await one(); // warm-up
    const total = Number(process.env.BENCH_LIFECYCLES ?? 1500);
    const t0 = performance.now();
    const deadline = t0 + 30_000;
    let done = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (done < total && performance.now() < deadline) {
          done++;
          await one();
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    emit({ bench: 'case_lifecycles', engine, lifecycles: done, seconds: +seconds.toFixed(2), perSecond: Math.round(done / seconds), note: 'submit + 4 signed staff steps + automatic delivery and result, in-process through the application commands (signing included)' });
  } finally {
    await inst.close();
  }
}

async function main() {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const pgUrl = process.env.QYZMET_BENCH_DATABASE_URL ?? process.env.QYZMET_TEST_DATABASE_URL;
  if (want('clock')) {
    benchClock(200_000);
    const n = 2_000_000;
    emit({ bench: 'legal_clock', computations: n, perSecond: Math.round(benchClock(n)), target: 1_000_000 });
  }
  if (want('verify')) {
    const r = await benchVerify(3000);
    emit({ bench: 'cms_verify', ...r });
  }
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && !pgUrl) {
      emit({ bench: 'postgres', skipped: 'set QYZMET_BENCH_DATABASE_URL (or QYZMET_TEST_DATABASE_URL) to a PostgreSQL database to measure it' });
      continue;
    }
    // SQLite has one writer: extra processes only queue on its lock (and its busy handler sleeps),
    // so the embedded engine is measured with one process; PostgreSQL with one and with two.
    if (want('submissions')) for (const workers of engine === 'sqlite' ? [1] : [1, 2]) await benchSubmissions(engine, workers, pgUrl);
    if (want('lifecycles')) await benchLifecycles(engine, pgUrl);
  }
}

await main();
