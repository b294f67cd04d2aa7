// A tiny HTTP client for the API tests: signs in a demo user over HTTP (challenge → CMS over the
// nonce → token), builds and signs the canonical payloads exactly as a browser or the CLI would,
// and talks to the Fastify instance through `inject` (no port). Also the shared fixture: one app
// and one server per test file per engine, with helpers to count rows and check problem documents.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import type { DemoUser, KeyMaterial } from '../../src/app/bootstrap.ts';
import { signPayload, signText } from '../../src/app/session.ts';
import { applicationPayload, decisionPayload, type DecisionPayload } from '../../src/core/application.ts';
import { sha256Hex } from '../../src/core/canonical.ts';
import { findSubcase, type ApplicantKind } from '../../src/core/regulation.ts';
import { sampleDocuments, sampleFields, type SampleDocument } from '../../src/core/sample.ts';
import { formatAlmaty } from '../../src/core/time.ts';
import { makeTestApp, type EngineName, type TestApp } from '../support/app.ts';

export const SERVICE = 'crypto-licence';
export const PROBLEM_TYPE = 'application/problem+json';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

export interface RequestOptions {
  token?: string | null;
  idem?: string;
  headers?: Record<string, string>;
  /** Sent verbatim (e.g. malformed JSON) instead of JSON-encoding `body`. */
  raw?: string;
}

let keySeq = 0;
/** A fresh Idempotency-Key. */
export function newKey(prefix = 'k'): string {
  keySeq += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${keySeq}`;
}

export class Api {
  constructor(readonly server: FastifyInstance) {}

  async request(method: 'GET' | 'POST', url: string, body?: unknown, opts: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.idem) headers['idempotency-key'] = opts.idem;
    let payload: string | undefined;
    if (opts.raw !== undefined) payload = opts.raw;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const res = await this.server.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    let parsed: unknown = undefined;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  }

  get(url: string, token?: string | null): Promise<Reply> {
    return this.request('GET', url, undefined, { token: token ?? null });
  }

  post(url: string, body: unknown, opts: RequestOptions = {}): Promise<Reply> {
    return this.request('POST', url, body, opts);
  }

  /** Signs in over HTTP with the user's authentication key; returns the bearer token. */
  async login(u: DemoUser | { auth: KeyMaterial }): Promise<string> {
    const ch = await this.post('/api/auth/challenge', {});
    assert.equal(ch.status, 201, ch.text);
    const res = await this.post('/api/auth/signin', { challengeId: ch.body.challengeId, signature: await signText(u.auth, ch.body.nonce) });
    assert.equal(res.status, 200, res.text);
    assert.equal(typeof res.body.token, 'string');
    return res.body.token as string;
  }
}

// ---------------------------------------------------------------- payloads

export interface ApplicationBody {
  serviceId: string;
  subcase: string;
  fields: Record<string, unknown>;
  documents: SampleDocument[];
  signature: string;
}

/** The signed payload for a body: the same function the server uses (documents hashed from their bytes). */
export function payloadOf(body: { serviceId: string; subcase: string; fields: Record<string, unknown>; documents: SampleDocument[] }, who: { iin: string; bin: string | null }) {
  return applicationPayload({
    serviceId: body.serviceId,
    subcase: body.subcase,
    channel: 'portal',
    applicant: { iin: who.iin, ...(who.bin ? { bin: who.bin } : {}) },
    fields: body.fields,
    documents: body.documents.map((d) => {
      const buf = Buffer.from(d.contentBase64, 'base64');
      return { requirement: d.requirement, name: d.name, mime: d.mime, size: buf.length, sha256: sha256Hex(buf) };
    }),
  });
}

/**
 * A complete portal application of `u` for a sub-case, built from the regulation (sample fields and
 * documents), optionally altered by `edit` before signing, and signed with `signer` (default: u's own
 * signing key).
 */
export async function applicationBody(
  t: TestApp,
  u: DemoUser,
  opts: { subcase?: string; edit?: (b: Omit<ApplicationBody, 'signature'>) => void; signer?: KeyMaterial; signWhat?: unknown } = {},
): Promise<ApplicationBody> {
  const subcase = opts.subcase ?? 'issue';
  const svc = t.app.catalog.inForce(SERVICE, t.clock.now)!;
  const sc = findSubcase(svc, subcase)!;
  const kind: ApplicantKind = u.bin ? 'legal_entity' : 'individual';
  const ctx = { channel: 'portal' as const, applicantKind: kind };
  const b = {
    serviceId: SERVICE,
    subcase,
    fields: sampleFields(sc, ctx, { iin: u.iin, ...(u.bin ? { bin: u.bin } : {}), today: formatAlmaty(t.clock.now).slice(0, 10) }),
    documents: sampleDocuments(sc, ctx),
  };
  opts.edit?.(b);
  const signature = await signPayload(opts.signer ?? u.sign, opts.signWhat ?? payloadOf(b, u));
  return { ...b, signature };
}

/** Body for POST /api/cases/:id/steps/:step/:outcome, signed over the decision payload. */
export async function decisionBody(
  signer: KeyMaterial,
  p: DecisionPayload,
  opts: { signWhat?: unknown } = {},
): Promise<Record<string, unknown>> {
  const { caseId: _c, stepId: _s, outcomeId: _o, ...rest } = p;
  return { ...rest, signature: await signPayload(signer, opts.signWhat ?? decisionPayload(p)) };
}

// ---------------------------------------------------------------- the shared fixture

export interface Fixture {
  t: TestApp;
  api: Api;
  server: FastifyInstance;
  /** Tokens of every demo user, signed in over HTTP once. */
  tokens: Record<keyof TestApp['users'], string>;
  /** Submits a fresh application of `u` (default company_head) over HTTP and returns the case id. */
  submit(u?: DemoUser, subcase?: string): Promise<string>;
  /** Takes a step as `u` with a correct signature; asserts 200 and returns the case view. */
  step(u: DemoUser, caseId: string, stepId: string, outcomeId: string, extra?: { assignee?: string; grounds?: string[]; comment?: string }): Promise<any>;
  /** register → assign (to the demo executor): the case waits at `review`. */
  toReview(caseId: string): Promise<void>;
  /** Moves the clock and signs everybody in again (sessions last 12 hours). */
  advance(minutes: number): Promise<void>;
  /** Runs `fn` and then puts the clock back where it was, so later subtests start on the same day. */
  keepClock<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * One app (and one server) per test file per engine: `body` gets the fixture and runs its cases as
 * subtests; everything is closed afterwards even when a subtest fails.
 */
export async function withFixture(engine: EngineName, body: (f: Fixture) => Promise<void>): Promise<void> {
  const t = await makeTestApp(engine);
  const server = await buildServer(t.app);
  try {
    const api = new Api(server);
    const tokens = {} as Fixture['tokens'];
    const loginAll = async () => {
      for (const [role, u] of Object.entries(t.users) as Array<[keyof TestApp['users'], DemoUser]>) tokens[role] = await api.login(u);
    };
    await loginAll();
    const tokenOf = (u: DemoUser) => tokens[u.role];
    const f: Fixture = {
      t,
      api,
      server,
      tokens,
      async submit(u = t.users.company_head, subcase = 'issue') {
        const res = await api.post('/api/cases', await applicationBody(t, u, { subcase }), { token: tokenOf(u), idem: newKey('submit') });
        assert.equal(res.status, 201, res.text);
        return res.body.id as string;
      },
      async step(u, caseId, stepId, outcomeId, extra = {}) {
        const res = await api.post(`/api/cases/${caseId}/steps/${stepId}/${outcomeId}`, await decisionBody(u.sign, { caseId, stepId, outcomeId, ...extra }), { token: tokenOf(u), idem: newKey(stepId) });
        assert.equal(res.status, 200, `${stepId}/${outcomeId}: ${res.text}`);
        return res.body;
      },
      async toReview(caseId) {
        await f.step(t.users.provider_chancellery, caseId, 'register', 'registered');
        await f.step(t.users.provider_licensing_head, caseId, 'assign', 'assigned', { assignee: t.users.provider_executor.userId });
      },
      async advance(minutes) {
        t.clock.advanceMinutes(minutes);
        await loginAll();
      },
      async keepClock(fn) {
        const saved = t.clock.now.toISOString();
        try {
          return await fn();
        } finally {
          t.clock.set(saved);
          // Sessions opened in the future stay valid in the past (expiry is the only check), but
          // sign in again anyway so every token is an ordinary one.
          await loginAll();
        }
      },
    };
    await body(f);
  } finally {
    await server.close();
    await t.close();
  }
}

// ---------------------------------------------------------------- assertions

const COUNTED = ['cases', 'case_events', 'results', 'attachments', 'idempotency', 'sessions', 'users', 'challenges'] as const;
/** Row counts of the platform's tables, plus `numbers`: the sum of all counters (case and result numbers handed out). */
export type Counts = Record<(typeof COUNTED)[number] | 'numbers', number>;

export async function counts(t: TestApp): Promise<Counts> {
  const out = {} as Counts;
  for (const table of COUNTED) {
    const r = await t.app.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  const c = await t.app.store.db.selectFrom('counters').select('value').execute();
  out.numbers = c.reduce((s, r) => s + Number(r.value), 0);
  return out;
}

/** Runs `fn` and asserts that no row was added to or removed from the platform's tables. */
export async function writesNothing<T>(t: TestApp, fn: () => Promise<T>): Promise<T> {
  const before = await counts(t);
  const r = await fn();
  assert.deepEqual(await counts(t), before, 'the failed request must write nothing');
  return r;
}

/** Asserts an RFC 9457 problem document with the given status, rule and (when given) field. */
export function assertProblem(res: Reply, status: number, rule: string, field?: string): void {
  assert.equal(res.status, status, `expected ${status} ${rule}, got ${res.status}: ${res.text}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `content-type of ${rule}`);
  assert.equal(res.body?.status, status);
  assert.equal(res.body?.rule, rule, res.text);
  assert.equal(typeof res.body?.detail, 'string');
  assert.ok(res.body.detail.length > 0);
  assert.equal(typeof res.body?.type, 'string');
  if (field !== undefined) assert.equal(res.body?.field, field, res.text);
}
