// The HTTP face of the use cases: routes translate requests into commands and AppErrors into
// RFC 9457 problem documents. No rule of any regulation lives here.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import { AppError } from '../app/errors.ts';
import type { App } from '../app/context.ts';
import { createChallenge, signIn, userFromToken, type SessionUser } from '../app/auth.ts';
import { answerPause, cabinet, getCase, getEvents, getResult, inbox, openPause, submitApplication, takeAction } from '../app/cases.ts';
import { catalogEntry, catalogList, planFor } from '../app/catalog.ts';
import { listStaff } from '../app/staff.ts';
import { registerPkiRoutes } from './pki-routes.ts';
import { rateLimitHook, rateLimitsFromEnv, type RateLimitOptions } from './rate-limit.ts';
import { registerWeb } from './web.ts';
import { toSvg } from '../core/diagram-svg.ts';
import { LANGS, type Lang } from '../core/diagram-layout.ts';
import { findSubcase } from '../core/regulation.ts';
import { prefill } from '../app/prefill.ts';
import { registerIntegrationRoutes } from './integration-routes.ts';
import { registerDocumentRoutes } from './document-routes.ts';

export interface ServerOptions {
  logger?: boolean;
  bodyLimit?: number;
  /** Per-client limits of the public endpoints; by default from the environment (rate-limit.ts). */
  rateLimits?: RateLimitOptions;
  /** Fastify's trustProxy: proxies whose X-Forwarded-For gives the client address; default QYZMET_TRUST_PROXY. */
  trustProxy?: boolean | string;
}

/**
 * QYZMET_TRUST_PROXY: unset or `false` trusts no proxy; `true` trusts any (only when nothing reaches
 * the server but through the balancer); otherwise a comma-separated list of the balancers'
 * addresses or CIDR ranges.
 */
export function trustProxyFromEnv(v: string | undefined): boolean | string {
  const s = (v ?? '').trim();
  if (s === '' || s === 'false') return false;
  if (s === 'true') return true;
  return s;
}

const PROBLEM = 'application/problem+json';

export async function buildServer(app: App, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const f = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    bodyLimit: opts.bodyLimit ?? 40 * 1024 * 1024,
    // Whose X-Forwarded-For to believe: nobody's unless configured, or any client could pick the
    // address the rate limits and the logs see. Behind the state's balancers, name them.
    trustProxy: opts.trustProxy ?? trustProxyFromEnv(process.env.QYZMET_TRUST_PROXY),
    ajv: { customOptions: { allErrors: false, coerceTypes: false } },
  });

  await f.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'qyzmet API',
        version: '0.1.0',
        description: 'State services of Kazakhstan run as their regulations describe them. Errors are RFC 9457 problem+json with `field` and `rule`. Commands take an `Idempotency-Key` header; a retry with the same key returns the first response and writes nothing.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Session token from POST /api/auth/signin (EDS challenge sign-in).' } } },
    },
  });

  f.setErrorHandler((err: unknown, _req, reply) => sendProblem(reply, toAppError(err)));
  f.setNotFoundHandler((req, reply) => sendProblem(reply, new AppError(404, 'no_route', `no route ${req.method} ${req.url.split('?')[0]}`)));

  const auth = (req: FastifyRequest): Promise<SessionUser> => {
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    const token = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    return userFromToken(app, token);
  };
  const idem = (req: FastifyRequest) => {
    const v = req.headers['idempotency-key'];
    return Array.isArray(v) ? v[0] : v;
  };
  const send = (reply: FastifyReply, r: { status: number; body: unknown; replayed: boolean }) => {
    if (r.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.code(r.status).send(r.body);
  };
  const obj = { type: 'object' } as const;
  const secured = [{ bearer: [] }];
  const limits = opts.rateLimits ?? rateLimitsFromEnv(process.env);

  f.get('/health', { schema: { summary: 'Liveness and database check', tags: ['system'] } }, async () => {
    await app.store.db.selectFrom('counters').select('name').limit(1).execute();
    return { status: 'ok', engine: app.store.engine, services: app.catalog.ids().length, time: app.now().toISOString() };
  });

  f.get('/openapi.json', { schema: { hide: true } }, async () => f.swagger());

  // ---- catalog (public)
  f.get('/api/catalog', { schema: { summary: 'Services in the catalog', tags: ['catalog'] } }, async () => catalogList(app));
  f.get<{ Params: { id: string }; Querystring: { at?: string } }>('/api/catalog/:id', { schema: { summary: 'A service definition in force at a date', tags: ['catalog'] } }, async (req) => catalogEntry(app, req.params.id, req.query.at));
  f.get<{ Params: { id: string }; Querystring: { subcase?: string; received?: string; channel?: string; applicantKind?: string } }>(
    '/api/catalog/:id/deadlines',
    { schema: { summary: 'Planned due date of every step for an application received at a moment', tags: ['catalog'] } },
    async (req) => planFor(app, req.params.id, req.query),
  );
  // Also at /catalog/ID/diagram.svg, the address the catalog's documents give for the diagram.
  for (const path of ['/api/catalog/:id/diagram.svg', '/catalog/:id/diagram.svg']) f.get<{ Params: { id: string }; Querystring: { subcase?: string; lang?: string; at?: string } }>(
    path,
    { schema: { summary: 'The procedure as an SVG diagram (lanes per role, steps, gateways, terms), every sub-case or one', tags: ['catalog'], ...(path.startsWith('/catalog') ? { hide: true } : {}) } },
    async (req, reply) => {
      const svc = catalogEntry(app, req.params.id, req.query.at);
      const { subcase } = req.query;
      if (subcase !== undefined && !findSubcase(svc, subcase)) {
        throw new AppError(404, 'unknown_subcase', `service "${svc.id}" has no sub-case "${subcase}"; it has: ${svc.subcases.map((s) => s.id).join(', ')}`, 'subcase');
      }
      const lang = (req.query.lang ?? 'en') as Lang;
      if (!LANGS.includes(lang)) throw new AppError(400, 'lang', `lang must be one of ${LANGS.join(', ')}`, 'lang');
      return reply.type('image/svg+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(toSvg(svc, subcase, { lang }));
    },
  );

  // ---- sign-in
  f.post('/api/auth/challenge', { ...(limits.challenge ? { onRequest: rateLimitHook('sign-in challenges', limits.challenge, limits) } : {}), schema: { summary: 'A one-use sign-in challenge to sign with the authentication key', tags: ['auth'] } }, async (_req, reply) => reply.code(201).send(await createChallenge(app)));
  f.post<{ Body: { challengeId?: unknown; signature?: unknown } }>(
    '/api/auth/signin',
    { schema: { summary: 'Exchange a signed challenge (base64 CMS over the nonce) for a session token', tags: ['auth'], body: obj } },
    async (req) => signIn(app, req.body ?? {}),
  );
  f.get('/api/me', { schema: { summary: 'The signed-in user', tags: ['auth'], security: secured } }, async (req) => auth(req));

  // ---- applicant
  f.post<{ Body: Record<string, unknown> }>(
    '/api/cases',
    { schema: { summary: 'Submit a signed application (portal) or accept one at an office (staff)', tags: ['cases'], body: obj, security: secured } },
    async (req, reply) => send(reply, await submitApplication(app, await auth(req), req.body ?? {}, idem(req))),
  );
  f.get<{ Querystring: { serviceId?: string; subcase?: string; lang?: string } }>(
    '/api/prefill',
    { schema: { summary: 'The applicant\'s data from the state databases, mapped onto the form fields of a service', tags: ['cabinet'], security: secured } },
    async (req) => prefill(app, await auth(req), req.query),
  );
  f.get('/api/cabinet', { schema: { summary: 'My applications with their status marks and deadlines', tags: ['cabinet'], security: secured } }, async (req) => ({ items: await cabinet(app, await auth(req)) }));
  f.get<{ Params: { id: string } }>('/api/cases/:id', { schema: { summary: 'A case: status, timeline, deadlines, and the actions open to you', tags: ['cases'], security: secured } }, async (req) => getCase(app, await auth(req), req.params.id));
  f.get<{ Params: { id: string } }>('/api/cases/:id/events', { schema: { summary: 'The signed, hash-chained event log of a case', tags: ['cases'], security: secured } }, async (req) => ({ items: await getEvents(app, await auth(req), req.params.id) }));
  f.get<{ Params: { id: string } }>('/api/cases/:id/result', { schema: { summary: 'The issued result document', tags: ['cases'], security: secured } }, async (req) => getResult(app, await auth(req), req.params.id));
  f.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/cases/:id/answer',
    { schema: { summary: 'The applicant answers a request (resumes a paused case)', tags: ['cases'], body: obj, security: secured } },
    async (req, reply) => send(reply, await answerPause(app, await auth(req), req.params.id, req.body ?? {}, idem(req))),
  );

  // ---- staff
  f.get<{ Querystring: { role?: string } }>('/api/inbox', { schema: { summary: 'Cases waiting for my roles, most urgent first, with counts', tags: ['staff'], security: secured } }, async (req) => inbox(app, await auth(req), { role: req.query.role }));
  f.get<{ Querystring: { role?: string } }>('/api/staff', { schema: { summary: 'Colleagues at my provider (to assign an executor)', tags: ['staff'], security: secured } }, async (req) => ({ items: await listStaff(app, await auth(req), req.query.role) }));
  f.post<{ Params: { id: string; stepId: string; outcomeId: string }; Body: Record<string, unknown> }>(
    '/api/cases/:id/steps/:stepId/:outcomeId',
    { schema: { summary: 'Take a step of the regulation with one of its outcomes (register, assign, draft, sign, dispatch…), signed with EDS', tags: ['staff'], body: obj, security: secured } },
    async (req, reply) => send(reply, await takeAction(app, await auth(req), req.params.id, { ...(req.body ?? {}), stepId: req.params.stepId, outcomeId: req.params.outcomeId }, idem(req))),
  );
  f.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/cases/:id/pauses',
    { schema: { summary: 'Request something from the applicant; the legal clock stops', tags: ['staff'], body: obj, security: secured } },
    async (req, reply) => send(reply, await openPause(app, await auth(req), req.params.id, req.body ?? {}, idem(req))),
  );

  // ---- the NCA: CA certificates, CRL, OCSP, certificate operations
  await registerPkiRoutes(f, app, auth, limits);
  await (await import('./nca-routes.ts')).registerNcaRoutes(f, app, auth);
  await registerWeb(f);
  await registerIntegrationRoutes(f, app);
  await registerDocumentRoutes(f, app, auth);

  return f;
}

function sendProblem(reply: FastifyReply, e: AppError) {
  return reply.code(e.status).type(PROBLEM).send(e.toProblem());
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { statusCode?: number; code?: string; message?: string; validation?: Array<{ instancePath?: string; keyword?: string; message?: string }> };
  if (e?.validation) {
    const v = e.validation[0];
    const field = v?.instancePath?.replace(/^\//, '').replace(/\//g, '.') || 'body';
    return new AppError(400, v?.keyword ?? 'schema', `${field} ${v?.message ?? 'is invalid'}`, field);
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err instanceof SyntaxError && e.statusCode === 400)) {
    return new AppError(400, 'malformed_json', `the request body is not valid JSON: ${e.message}`, 'body');
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError(413, 'body_too_large', 'the request body is too large', 'body');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError(415, 'media_type', 'send the request body as application/json', 'Content-Type');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError(e.statusCode, e.code?.toLowerCase() ?? 'bad_request', e.message ?? 'bad request');
  // Unexpected failures are logged by Fastify; the client gets no internals.
  console.error(err);
  return new AppError(500, 'internal', 'an internal error occurred; nothing was changed');
}
