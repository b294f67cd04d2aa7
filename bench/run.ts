// `npm run bench`: prints one JSON line per figure. Nothing here passes or fails on time; the
// targets are recorded next to the figures so a reader can compare. Every loop is bounded in
// count and in time, and servers listen on 127.0.0.1 only.
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openApp, type App } from '../src/app/context.ts';
import { bootstrapDemo, type DemoUsers } from '../src/app/bootstrap.ts';
import { createChallenge, signIn } from '../src/app/auth.ts';
import { submitApplication, takeAction } from '../src/app/cases.ts';
import { signPayload, signText } from '../src/app/session.ts';
import { applicationPayload, decisionPayload } from '../src/core/application.ts';
import { sha256Hex } from '../src/core/canonical.ts';
import { sampleDocuments, sampleFields } from '../src/core/sample.ts';
import { findSubcase } from '../src/core/regulation.ts';
import { buildServer } from '../src/http/server.ts';
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
  const clock = { now: new Date() };
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
  void clock;
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

async function signedSubmission(app: App, users: DemoUsers) {
  const svc = app.catalog.inForce(SERVICE, app.now())!;
  const sc = findSubcase(svc, 'issue')!;
  const a = users.company_head;
  const ctx = { channel: 'portal' as const, applicantKind: 'legal_entity' as const };
  const fields = sampleFields(sc, ctx, { iin: a.iin, bin: a.bin!, today: new Date().toISOString().slice(0, 10) });
  const documents = sampleDocuments(sc, ctx);
  const payload = applicationPayload({
    serviceId: svc.id,
    subcase: 'issue',
    channel: 'portal',
    applicant: { iin: a.iin, bin: a.bin! },
    fields,
    documents: documents.map((d) => {
      const b = Buffer.from(d.contentBase64, 'base64');
      return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) };
    }),
  });
  return { serviceId: svc.id, subcase: 'issue', fields, documents, signature: await signPayload(a.sign, payload) };
}

/** The load runs in a worker thread so it has the second core and the server keeps the first. */
function loadInWorker(opts: { url: string; token: string; body: string; total: number; concurrency: number; maxSeconds: number }): Promise<{ ok: number; failed: number; seconds: number; p50: number; p99: number; firstError?: string }> {
  const code = `
    const { parentPort, workerData: o } = require('node:worker_threads');
    (async () => {
      let next = 0, ok = 0, failed = 0, firstError;
      const lat = [];
      const t0 = performance.now();
      const deadline = t0 + o.maxSeconds * 1000;
      async function one(i) {
        const s = performance.now();
        const r = await fetch(o.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + o.token, 'idempotency-key': 'bench-' + o.runId + '-' + i }, body: o.body });
        const txt = await r.text();
        lat.push(performance.now() - s);
        if (r.status === 201) ok++; else { failed++; if (!firstError) firstError = r.status + ' ' + txt.slice(0, 300); }
      }
      async function lane() { while (next < o.total && performance.now() < deadline) { await one(next++); } }
      await Promise.all(Array.from({ length: o.concurrency }, lane));
      const seconds = (performance.now() - t0) / 1000;
      lat.sort((a, b) => a - b);
      const q = (p) => lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : 0;
      parentPort.postMessage({ ok, failed, seconds, p50: q(0.5), p99: q(0.99), firstError });
    })().catch((e) => parentPort.postMessage({ ok: 0, failed: 1, seconds: 0, p50: 0, p99: 0, firstError: String(e) }));
  `;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { ...opts, runId: randomBytes(4).toString('hex') } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

async function benchSubmissions(engine: 'sqlite' | 'postgres', pgUrl?: string) {
  const inst = await instance(engine, pgUrl);
  const server = await buildServer(inst.app, { logger: false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const addr = server.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const { token } = await login(inst.app, inst.users.company_head);
    const body = JSON.stringify(await signedSubmission(inst.app, inst.users));
    const url = `http://127.0.0.1:${port}/api/cases`;
    await loadInWorker({ url, token, body, total: 300, concurrency: 16, maxSeconds: 10 }); // warm-up
    const r = await loadInWorker({ url, token, body, total: Number(process.env.BENCH_SUBMISSIONS ?? 6000), concurrency: 32, maxSeconds: 30 });
    emit({ bench: 'signed_submissions_http', engine, requests: r.ok + r.failed, failed: r.failed, seconds: +r.seconds.toFixed(2), perSecond: Math.round(r.ok / r.seconds), p50ms: +r.p50.toFixed(2), p99ms: +r.p99.toFixed(2), target: engine === 'sqlite' ? 1000 : 500, ...(r.firstError ? { firstError: r.firstError } : {}) });
  } finally {
    await server.close();
    await inst.close();
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
    const submission = await signedSubmission(app, users);
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
    if (want('submissions')) await benchSubmissions(engine, pgUrl);
    if (want('lifecycles')) await benchLifecycles(engine, pgUrl);
  }
}

await main();
