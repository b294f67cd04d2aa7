// `npm run bench`: prints one JSON line per figure. Nothing here passes or fails on time; the
// targets are recorded next to the figures so a reader can compare. Every loop is bounded in
// count and in time, and servers listen on 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
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
import { buildOcspRequest, createCsr, generateKeyPair, parseOcspResponse } from '../src/pki/index.ts';
import { holderFromStateDb, issueFromCsr, opensslIndex, revokeCertificate, type CaActor } from '../src/app/ca.ts';
import { instanceCa } from '../src/app/ca-material.ts';
import { issueExternalResponder } from '../src/app/ca-ocsp.ts';

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
  // QYZMET_BENCH_CPU_PROF=DIR writes the server's V8 CPU profile there (open it in Chrome's devtools).
  const prof = process.env.QYZMET_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.QYZMET_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, 'bin/qyzmet.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--workers', String(workers)], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
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
    const cpuNow = { server: () => cpuSecondsOf({ pgrp: child.pid! }), postgres: () => cpuSecondsOf({ comm: 'postgres' }) };
    const cpu0 = { server: cpuNow.server(), postgres: cpuNow.postgres() };
    const r = await load({ url, token: si.token, body, total: Number(process.env.BENCH_SUBMISSIONS ?? 8000), concurrency: 32, maxSeconds: 30 });
    const n = r.ok + r.failed;
    const cpuMs = (k: 'server' | 'postgres') => +(((cpuNow[k]() - cpu0[k]) * 1000) / Math.max(1, n)).toFixed(3);
    emit({
      bench: 'signed_submissions_http', engine, workers, requests: n, failed: r.failed, seconds: +r.seconds.toFixed(2), perSecond: Math.round(r.ok / r.seconds), p50ms: +r.p50.toFixed(2), p99ms: +r.p99.toFixed(2),
      serverCpuMsPerRequest: cpuMs('server'), ...(engine === 'postgres' ? { postgresCpuMsPerRequest: cpuMs('postgres') } : {}),
      target: engine === 'sqlite' ? 1000 : 500, ...(r.firstError ? { firstError: r.firstError } : {}),
    });
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

// ---------------------------------------------------------------- the NCA: OCSP and issuance

/**
 * A bounded HTTP/1.1 POST load over raw sockets (the node:http client costs more CPU per request
 * than an OCSP response does, and the client shares the two cores with the server). Keeps a
 * connection alive where the server allows it and reconnects where it closes (HTTP/1.0, as
 * `openssl ocsp -port` answers), so one loop measures both responders.
 */
async function rawPostLoad(opts: { port: number; path: string; contentType: string; body: Buffer; total: number; concurrency: number; maxSeconds: number; keepAlive: boolean; accept: (status: number, body: Buffer) => boolean }) {
  const head = Buffer.from(`POST ${opts.path} HTTP/1.1\r\nHost: 127.0.0.1:${opts.port}\r\nContent-Type: ${opts.contentType}\r\nContent-Length: ${opts.body.length}\r\nConnection: ${opts.keepAlive ? 'keep-alive' : 'close'}\r\n\r\n`, 'latin1');
  const request = Buffer.concat([head, opts.body]);
  let next = 0;
  let ok = 0;
  let failed = 0;
  let connections = 0;
  let firstError: string | undefined;
  const lat: number[] = [];
  const t0 = performance.now();
  const deadline = t0 + opts.maxSeconds * 1000;
  const lane = () =>
    new Promise<void>((done) => {
      let sock: net.Socket | null = null;
      let buf: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let inFlight = false;
      let lastError = '';
      let expect = -1; // body length once the headers are read
      let headerEnd = -1;
      let status = 0;
      let closeAfter = false;
      const fail = (why: string) => {
        failed++;
        firstError ??= why;
      };
      const send = () => {
        if (next >= opts.total || performance.now() >= deadline) {
          sock?.destroy();
          done();
          return;
        }
        next++;
        if (!sock || sock.destroyed) connect();
        sentAt = performance.now();
        inFlight = true;
        sock!.write(request);
      };
      const connect = () => {
        connections++;
        const s = net.connect({ port: opts.port, host: '127.0.0.1', noDelay: true });
        s.setTimeout(10_000, () => {
          lastError = 'no response within 10 s';
          s.destroy();
        });
        sock = s;
        buf = Buffer.alloc(0);
        s.on('data', (chunk: Buffer) => {
          buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
          if (headerEnd < 0) {
            headerEnd = buf.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const headers = buf.subarray(0, headerEnd).toString('latin1');
            status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1] ?? 0);
            expect = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1] ?? -1);
            closeAfter = /^HTTP\/1\.0/.test(headers) ? !/\r\nconnection:\s*keep-alive/i.test(headers) : /\r\nconnection:\s*close/i.test(headers);
          }
          if (expect >= 0 && buf.length >= headerEnd + 4 + expect) {
            const body = buf.subarray(headerEnd + 4, headerEnd + 4 + expect);
            inFlight = false;
            lat.push(performance.now() - sentAt);
            if (opts.accept(status, body)) ok++;
            else fail(`HTTP ${status}, ${body.length} bytes`);
            buf = buf.subarray(headerEnd + 4 + expect);
            headerEnd = -1;
            expect = -1;
            if (closeAfter || !opts.keepAlive) {
              s.removeAllListeners('close');
              s.destroy();
              sock = null;
            }
            send();
          }
        });
        s.on('error', (e) => {
          lastError = String(e);
        });
        s.on('close', () => {
          if (sock === s) {
            sock = null;
            headerEnd = -1;
            expect = -1;
            // Closed before a whole response arrived: count it and go on with a new connection.
            if (inFlight) {
              inFlight = false;
              fail(lastError || 'connection closed mid-response');
            }
            setImmediate(send);
          }
        });
      };
      send();
    });
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((x, y) => x - y);
  const q = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! : 0);
  return { ok, failed, seconds, connections, p50: q(0.5), p99: q(0.99), firstError };
}

/** A process's name, process group and CPU seconds (utime + stime) from /proc/PID/stat; null when gone. */
function procStat(pid: number | string): { comm: string; pgrp: number; cpuSeconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), pgrp: Number(fields[2]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 }; // USER_HZ (100)
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  return pid ? procStat(pid)?.cpuSeconds ?? null : null;
}

/**
 * CPU seconds of every process in a process group (the server started detached: its workers too),
 * or of every process named `comm` (PostgreSQL's backends). On a shared or noisy machine CPU per
 * request is a steadier figure than requests per second.
 */
function cpuSecondsOf(match: { pgrp?: number; comm?: string }): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = procStat(name);
    if (p && ((match.pgrp !== undefined && p.pgrp === match.pgrp) || (match.comm !== undefined && p.comm === match.comm))) total += p.cpuSeconds;
  }
  return total;
}

/** Successful OCSPResponse: SEQUENCE { ENUMERATED 0, … }. Full checks are done once per responder before the load. */
function ocspOk(status: number, body: Buffer): boolean {
  if (status !== 200 || body[0] !== 0x30) return false;
  const at = body[1]! & 0x80 ? 2 + (body[1]! & 0x7f) : 2;
  return body[at] === 0x0a && body[at + 1] === 0x01 && body[at + 2] === 0x00;
}

/** Waits until something accepts TCP connections on 127.0.0.1:port. */
async function waitForPort(port: number, what: string) {
  const t0 = Date.now();
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const sock = net.connect({ port, host: '127.0.0.1' });
      sock.setTimeout(1000);
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
      sock.once('timeout', () => {
        sock.destroy();
        resolve(false);
      });
    });
    if (up) return;
    if (Date.now() - t0 > 60_000) throw new Error(`${what} did not start within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Children still running when the bench is interrupted are stopped with it.
const children = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const c of children) stop(c);
    process.exit(130);
  });
}

function stop(child: ChildProcess | undefined) {
  if (!child?.pid) return;
  children.delete(child);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // gone already
  }
}

/**
 * OCSP responses per second: our responder (`qyzmet serve`, one process, SQLite) and `openssl ocsp
 * -index` over an index.txt written from the same certificates table, loaded by the same loop
 * with the same request (one certificate, with a nonce, so every response is signed afresh).
 * OpenSSL 3.0's `-port` binds every interface, so that part runs only inside a network namespace
 * that has nothing but loopback (see runOcspBench).
 */
async function benchOcsp(withOpenssl: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-bench-ocsp-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const osslPort = port + 1;
  // The load comes from one address: the per-client limit stays on (its cost is measured) but high.
  const env = { ...process.env, QYZMET_DATA_DIR: dir, QYZMET_LOG: '0', QYZMET_CA_PASSPHRASE: 'bench', QYZMET_DATABASE_URL: '', QYZMET_PUBLIC_URL: `http://127.0.0.1:${port}`, QYZMET_RATE_PKI_PER_SECOND: '1000000', QYZMET_RATE_PKI_BURST: '1000000' };
  let server: ChildProcess | undefined;
  let ossl: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ['bin/qyzmet.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--workers', '1'], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    children.add(server);
    await waitForPort(port, 'the server');
    for (let i = 0; i < 600 && !(await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    // The same SQLite file, opened beside the server (WAL): revoke one certificate, write the index.
    const app = await openApp({ databaseUrl: join(dir, 'qyzmet.sqlite'), caPassphrase: 'bench', publicUrl: `http://127.0.0.1:${port}`, dataDir: null });
    let good: string;
    let revoked: string;
    let issuingPem: string;
    try {
      const rows = await app.store.db.selectFrom('certificates').select(['serial', 'purpose']).where('purpose', 'in', ['auth', 'sign']).orderBy('created_at').execute();
      good = rows[0]!.serial;
      revoked = rows[1]!.serial;
      await revokeCertificate(app, { kind: 'local', name: 'bench' }, revoked, { reason: 'keyCompromise' });
      issuingPem = (await instanceCa(app)).issuing.certificatePem;
      // OpenSSL's responder gets its own delegated certificate; only its public key reaches the CA.
      const keys = await generateKeyPair('ECDSA-P256');
      const responderPem = await issueExternalResponder(app, 'cli:bench', keys.publicKeyPem);
      writeFileSync(join(dir, 'index.txt'), await opensslIndex(app));
      writeFileSync(join(dir, 'index.txt.attr'), 'unique_subject = no\n');
      writeFileSync(join(dir, 'issuing.pem'), issuingPem);
      writeFileSync(join(dir, 'ossl-responder.pem'), responderPem);
      writeFileSync(join(dir, 'ossl-responder.key'), keys.privateKeyPem, { mode: 0o600 });
    } finally {
      await app.close();
    }
    if (withOpenssl) ossl = spawn('/usr/bin/openssl', ['ocsp', '-index', join(dir, 'index.txt'), '-port', String(osslPort), '-rsigner', join(dir, 'ossl-responder.pem'), '-rkey', join(dir, 'ossl-responder.key'), '-CA', join(dir, 'issuing.pem')], { stdio: ['ignore', 'ignore', 'ignore'], detached: true });
    if (ossl) children.add(ossl);
    if (withOpenssl) {
      // Not waitForPort: a connection closed without a request wedges OpenSSL 3.0's responder for good.
      const t0 = Date.now();
      const probe = new Uint8Array(buildOcspRequest(issuingPem, good, { nonce: null }));
      while (!(await fetch(`http://127.0.0.1:${osslPort}/`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: probe, signal: AbortSignal.timeout(5000) }).then((r) => r.arrayBuffer().then(() => r.ok), () => false))) {
        if (Date.now() - t0 > 30_000) throw new Error('openssl ocsp did not start within 30 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    const nonce = Buffer.alloc(16, 0x5a);
    const body = buildOcspRequest(issuingPem, good, { nonce });
    const check = async (p: number, path: string, who: string) => {
      for (const [serial, want] of [[good, 'good'], [revoked, 'revoked'], ['0123456789', 'unknown']] as const) {
        const r = await fetch(`http://127.0.0.1:${p}${path}`, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: new Uint8Array(buildOcspRequest(issuingPem, serial, { nonce })), signal: AbortSignal.timeout(10_000) });
        const info = parseOcspResponse(Buffer.from(await r.arrayBuffer()), issuingPem);
        if (!info.signatureValid || info.responses[0]?.status !== want || !info.nonce || !Buffer.from(info.nonce).equals(nonce)) {
          throw new Error(`${who}: ${serial} answered ${info.responseStatus}/${info.responses[0]?.status}, signature ${info.signatureValid}, expected ${want}`);
        }
      }
    };
    await check(port, '/pki/ocsp', 'qyzmet');
    if (withOpenssl) await check(osslPort, '/', 'openssl ocsp');

    const total = Number(process.env.BENCH_OCSP ?? 60_000);
    const concurrency = 32;
    // The server's own CPU time is measured too: the load loop shares the two cores with it (and
    // with whatever else runs), so responses per CPU-second is the figure that travels.
    const run = async (p: number, path: string, keepAlive: boolean, pid: number | undefined, n = total) => {
      const cpu0 = cpuSeconds(pid);
      const r = await rawPostLoad({ port: p, path, contentType: 'application/ocsp-request', body, total: n, concurrency, maxSeconds: 15, keepAlive, accept: ocspOk });
      const cpu1 = cpuSeconds(pid);
      return { ...r, serverCpuSeconds: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null };
    };
    const report = (responder: string, connection: string, r: Awaited<ReturnType<typeof run>>, target?: number) =>
      emit({
        bench: 'ocsp_responses',
        responder,
        connection,
        requests: r.ok + r.failed,
        failed: r.failed,
        connections: r.connections,
        seconds: +r.seconds.toFixed(2),
        perSecond: Math.round(r.ok / r.seconds),
        p50ms: +r.p50.toFixed(2),
        p99ms: +r.p99.toFixed(2),
        concurrency,
        ...(r.serverCpuSeconds ? { serverCpuSeconds: +r.serverCpuSeconds.toFixed(2), perServerCpuSecond: Math.round(r.ok / r.serverCpuSeconds) } : {}),
        loadAverage: +readFileSync('/proc/loadavg', 'latin1').split(' ')[0]!,
        ...(target ? { target } : {}),
        ...(r.firstError ? { firstError: r.firstError } : {}),
      });
    await run(port, '/pki/ocsp', true, server.pid, 3000); // warm-up
    report('qyzmet /pki/ocsp (1 process, SQLite)', 'keep-alive', await run(port, '/pki/ocsp', true, server.pid), 5000);
    report('qyzmet /pki/ocsp (1 process, SQLite)', 'close', await run(port, '/pki/ocsp', false, server.pid));
    if (withOpenssl) {
      await run(osslPort, '/', true, ossl?.pid, 1000);
      // OpenSSL answers HTTP/1.0 and closes every connection, whatever the client asks.
      report('openssl ocsp -index (OpenSSL 3, same data)', 'close (server closes)', await run(osslPort, '/', true, ossl?.pid));
    } else {
      emit({ bench: 'ocsp_responses', responder: 'openssl ocsp -index', skipped: 'OpenSSL 3.0 -port listens on every interface and no network namespace (unshare -n) was available to confine it to loopback' });
    }
  } finally {
    stop(ossl);
    stop(server);
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs benchOcsp in a fresh network namespace whose only interface is loopback (`unshare -n`), so
 * that `openssl ocsp -port` cannot be reached from outside; without one, OpenSSL's part is skipped.
 */
async function runOcspBench() {
  if (process.env.QYZMET_BENCH_NETNS === '1') return benchOcsp(true);
  const child = spawn('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, '--import', 'tsx', 'bench/run.ts', 'ocsp'], {
    env: { ...process.env, QYZMET_BENCH_NETNS: '1' },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
    process.stderr.write(d);
  });
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (c) => resolve(c ?? -1));
  });
  if (code !== 0 && /unshare|Operation not permitted|ip: |ENOENT/.test(stderr + (code === -1 ? 'ENOENT' : ''))) await benchOcsp(false);
  else if (code !== 0) throw new Error(`the OCSP bench failed (exit ${code})`);
}

/** Certificates issued per second from PKCS#10 requests, in-process (state-database check, signature, row, audit entry). */
async function benchIssuance(engine: 'sqlite' | 'postgres', pgUrl?: string) {
  const inst = await instance(engine, pgUrl);
  try {
    const { app } = inst;
    const people = await app.store.db
      .selectFrom('gov_individuals' as never)
      .select('iin' as never)
      .where('deceased' as never, '=', 0 as never)
      .limit(200)
      .execute();
    const total = Number(process.env.BENCH_ISSUANCE ?? 2000);
    // Keys and requests are the applicants' work: made before the clock starts.
    const csrs: string[] = [];
    for (let i = 0; i < Math.min(total, 400); i++) {
      const iin = (people[i % people.length] as { iin: string }).iin;
      const keys = await generateKeyPair('ECDSA-P256');
      csrs.push(await createCsr(keys, await holderFromStateDb(app, iin, null), 'ECDSA-P256'));
    }
    const actor: CaActor = { kind: 'local', name: 'bench' };
    for (let i = 0; i < 20; i++) await issueFromCsr(app, actor, { csr: csrs[i % csrs.length], purpose: 'sign' }); // warm-up
    let next = 0;
    const t0 = performance.now();
    const deadline = t0 + 20_000;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < total && performance.now() < deadline) {
          const i = next++;
          await issueFromCsr(app, actor, { csr: csrs[i % csrs.length], purpose: i % 2 ? 'auth' : 'sign' });
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    emit({ bench: 'certificates_issued', engine, certificates: next, seconds: +seconds.toFixed(2), perSecond: Math.round(next / seconds), note: 'issueFromCsr in-process: CSR signature, state-database lookup, ECDSA P-256 issuing CA signature, certificate row and hash-chained audit entry in one transaction' });
  } finally {
    await inst.close();
  }
}

// ---------------------------------------------------------------- registries of results
// Public search latency over 1,000,000 registry entries: bulk-loaded through the registry's own
// bulk path (unnest on PostgreSQL, multi-row VALUES on SQLite), then looked up through the public
// use case (validation included) by number, BIN, a word of the holder's name, a 3-letter prefix,
// two words, and verification. Bounded: at most BENCH_REGISTRY_QUERIES per kind and 20 s per kind.
async function benchRegistry(engine: 'sqlite' | 'postgres', pgUrl?: string) {
  const { integrationsOf } = await import('../src/app/integrations.ts');
  const { bulkInsertEntries } = await import('../src/gov/registries/registry.ts');
  const { makeBin } = await import('../src/core/identifiers.ts');
  const { sql } = await import('kysely');
  const inst = await instance(engine, pgUrl);
  try {
    const { app } = inst;
    const total = Number(process.env.BENCH_REGISTRY_ENTRIES ?? 1_000_000);
    // Deterministic names from syllables: ~6,000 distinct words, two or three per name.
    let seed = 42;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff);
    const C = ['б', 'д', 'ж', 'к', 'қ', 'л', 'м', 'н', 'р', 'с', 'т', 'ш', 'ғ', 'з', 'п', 'в'];
    const V = ['а', 'е', 'ы', 'о', 'ұ', 'і', 'ә', 'у', 'ө', 'и'];
    const words: string[] = [];
    const seen = new Set<string>();
    while (words.length < 6000) {
      const n = 2 + Math.floor(rnd() * 2);
      let w = '';
      for (let i = 0; i < n; i++) w += C[Math.floor(rnd() * C.length)]! + V[Math.floor(rnd() * V.length)]!;
      w = w[0]!.toUpperCase() + w.slice(1) + (rnd() < 0.5 ? C[Math.floor(rnd() * C.length)]! : '');
      if (!seen.has(w)) {
        seen.add(w);
        words.push(w);
      }
    }
    const pick = () => words[Math.floor(rnd() * words.length)]!;
    const registries = ['licences', 'licences', 'licences', 'import_export_conclusions', 'nca_certificates'];
    const samples: Array<{ number: string; bin: string; name: string; sha: string; registry: string }> = [];
    const t0 = performance.now();
    const CHUNK = 50_000;
    for (let base = 0; base < total; base += CHUNK) {
      const rows = [];
      for (let i = base; i < Math.min(total, base + CHUNK); i++) {
        const year = 2015 + (i % 12);
        const bin = makeBin(`${2000 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}`, 'resident', 'head', Math.floor(i / 300) % 99_000);
        const name = `ТОО «${pick()} ${pick()}${rnd() < 0.3 ? ` ${pick()}` : ''}»`;
        const number = `BENCH-${year}-${String(i).padStart(7, '0')}`;
        const sha = createHash('sha256').update(number).digest('hex');
        const registry = registries[i % registries.length]!;
        if (i % 997 === 0) samples.push({ number, bin, name, sha, registry });
        const at = `${year}-06-15T10:00:00.000Z`;
        rows.push({ number, registry, service_id: 'bench', version: '2014-10-24', subcase: 'issue', case_id: null, holder_kind: 'legal_entity', holder_iin: '790101300014', holder_bin: bin, holder_name: name, issuer_id: 'knb', issuer_name: '{"kk":"ҰҚК","ru":"КНБ","en":"NSC"}', status: 'valid' as const, status_at: at, status_reason: null, predecessor_number: null, predecessor_ref: null, successor_number: null, issued_at: at, sha256: sha });
      }
      await bulkInsertEntries(app.store.db, engine, rows);
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    await sql`analyze`.execute(app.store.db);
    const reg = integrationsOf(app).registries;
    // The search validates the registry name against the catalog; the bench's rows use real registry names.
    const kinds: Record<string, (s: (typeof samples)[number]) => Promise<unknown>> = {
      number: (s) => reg.search(s.registry, { number: s.number }),
      bin: (s) => reg.search(s.registry, { bin: s.bin }),
      name_word: (s) => reg.search(s.registry, { q: s.name.replace(/[«»]/g, '').split(' ')[1]! }),
      name_prefix3: (s) => reg.search(s.registry, { q: s.name.replace(/[«»]/g, '').split(' ')[1]!.slice(0, 3) }),
      name_two_words: (s) => reg.search(s.registry, { q: s.name.replace(/[«»]/g, '').split(' ').slice(1, 3).join(' ') }),
      verify: (s) => reg.verify({ number: s.number, sha256: s.sha }),
    };
    const perKind = Number(process.env.BENCH_REGISTRY_QUERIES ?? 2000);
    const figures: Record<string, { queries: number; p50ms: number; p99ms: number; maxMs: number }> = {};
    const all: number[] = [];
    for (const [kind, run] of Object.entries(kinds)) {
      for (let i = 0; i < 50; i++) await run(samples[i % samples.length]!); // warm-up
      const lat: number[] = [];
      const stop = performance.now() + 20_000;
      for (let i = 0; i < perKind && performance.now() < stop; i++) {
        const s = samples[(i * 7919) % samples.length]!;
        const a = performance.now();
        await run(s);
        lat.push(performance.now() - a);
      }
      lat.sort((x, y) => x - y);
      all.push(...lat);
      const q = (p: number) => +lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(2);
      figures[kind] = { queries: lat.length, p50ms: q(0.5), p99ms: q(0.99), maxMs: +lat[lat.length - 1]!.toFixed(2) };
    }
    all.sort((x, y) => x - y);
    const p = (x: number) => +all[Math.min(all.length - 1, Math.floor(x * all.length))]!.toFixed(2);
    emit({ bench: 'registry_search', engine, entries: total, loadSeconds: +loadSeconds.toFixed(1), loadRowsPerSecond: Math.round(total / loadSeconds), p50ms: p(0.5), p99ms: p(0.99), target: 'p99 < 20 ms', kinds: figures, note: 'in-process through the public use case (validation, query, mapping to the public entry); names are 2–3 words of ~6,000' });
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
  if (want('ocsp')) await runOcspBench();
  if (process.env.QYZMET_BENCH_NETNS === '1') return; // the namespaced child runs the OCSP part only
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && !pgUrl) {
      emit({ bench: 'postgres', skipped: 'set QYZMET_BENCH_DATABASE_URL (or QYZMET_TEST_DATABASE_URL) to a PostgreSQL database to measure it' });
      continue;
    }
    // SQLite has one writer: extra processes only queue on its lock (and its busy handler sleeps),
    // so the embedded engine is measured with one process; PostgreSQL with one and with two.
    if (want('submissions')) for (const workers of engine === 'sqlite' ? [1] : [1, 2]) await benchSubmissions(engine, workers, pgUrl);
    if (want('lifecycles')) await benchLifecycles(engine, pgUrl);
    if (want('registry')) await benchRegistry(engine, pgUrl);
    if (want('issuance')) await benchIssuance(engine, pgUrl);
  }
}

await main();
