// HTTP routes of the e-government integrations: payments (orders, the gateway's notice callback),
// the cabinet's notices, the public registries and verification, and — when the simulator is the
// configured gateway — the simulator's own pages. Errors are problem+json like everywhere else
// (the server's error handler translates AppErrors).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userFromToken, type SessionUser } from '../app/auth.ts';
import type { App } from '../app/context.ts';
import { AppError, badRequest } from '../app/errors.ts';
import { integrationsOf } from '../app/integrations.ts';
import { SimulatorError } from '../gov/payments/simulator.ts';
import { orderPage, pageCsp, pageLang, problemPage } from '../gov/payments/sim-page.ts';
import type { PaymentOrder } from '../gov/payments/gateway.ts';

export async function registerIntegrationRoutes(f: FastifyInstance, app: App): Promise<void> {
  const integ = integrationsOf(app);
  const auth = (req: FastifyRequest): Promise<SessionUser> => userFromToken(app, /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim());
  const idem = (req: FastifyRequest) => {
    const v = req.headers['idempotency-key'];
    return Array.isArray(v) ? v[0] : v;
  };
  const send = (reply: FastifyReply, r: { status: number; body: unknown; replayed?: boolean }) => {
    if (r.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.code(r.status).send(r.body);
  };
  const obj = { type: 'object' } as const;
  const secured = [{ bearer: [] }];

  // ---- payments
  f.post<{ Body: { serviceId?: unknown; subcase?: unknown; returnUrl?: unknown } }>(
    '/api/payments',
    { schema: { summary: "Order the fee of a draft application at the payment gateway (before submitting it): payment id, amount, gateway reference, the gateway's page (payUrl); returnUrl (a path of the portal or a URL on its public origin, nothing else) is where that page sends the payer back", tags: ['payments'], body: obj, security: secured } },
    async (req, reply) => send(reply, await integ.payments.create(await auth(req), req.body ?? {}, idem(req))),
  );
  f.get<{ Querystring: { caseId?: string } }>(
    '/api/payments',
    { schema: { summary: 'The payments of a case', tags: ['payments'], security: secured } },
    async (req) => {
      if (typeof req.query.caseId !== 'string' || !req.query.caseId) throw badRequest('required', 'caseId is required', 'caseId');
      return { items: await integ.payments.forCase(await auth(req), req.query.caseId) };
    },
  );
  f.get<{ Params: { id: string } }>('/api/payments/:id', { schema: { summary: 'A payment order and its status', tags: ['payments'], security: secured } }, async (req) => integ.payments.get(await auth(req), req.params.id));
  f.post<{ Body: { notice?: unknown } }>(
    '/api/payments/notices',
    { schema: { summary: "The payment gateway's callback: a signed payment notice (base64 CMS). Accepted once; duplicates, late, forged and mismatched notices are refused", tags: ['payments'], body: obj } },
    async (req, reply) => send(reply, await integ.payments.acceptNotice(req.body?.notice)),
  );
  f.post<{ Params: { id: string }; Body: { notice?: unknown } }>(
    '/api/payments/:id/notice',
    { schema: { summary: 'A signed payment notice relayed by the applicant for this payment (after paying on the gateway\'s page)', tags: ['payments'], body: obj } },
    async (req, reply) => send(reply, await integ.payments.acceptNotice(req.body?.notice, { expectPaymentId: req.params.id })),
  );

  // ---- personal cabinet: notices
  f.get<{ Querystring: { limit?: string; unread?: string } }>(
    '/api/notices',
    { schema: { summary: 'Status notices of my applications (delivered, registered, in execution, requests with deadlines, results, refusals), newest first', tags: ['cabinet'], security: secured } },
    async (req) => integ.notifier.list(await auth(req), req.query),
  );
  f.post<{ Params: { id: string } }>('/api/notices/:id/read', { schema: { summary: 'Mark a notice read', tags: ['cabinet'], security: secured } }, async (req) => integ.notifier.markRead(await auth(req), req.params.id));

  // ---- public registries and verification
  f.get('/api/public/registries', { schema: { summary: 'The registries of results', tags: ['public'] } }, async () => ({ items: integ.registries.known() }));
  f.get<{ Params: { registry: string }; Querystring: Record<string, unknown> }>(
    '/api/public/registries/:registry',
    { schema: { summary: 'Search a registry of results by number, BIN, IIN or words of the holder\'s name (q)', tags: ['public'] } },
    async (req) => integ.registries.search(req.params.registry, req.query ?? {}),
  );
  f.get<{ Querystring: Record<string, unknown> }>(
    '/api/public/verify',
    { schema: { summary: 'Verify a result: issued under this number, the document\'s SHA-256 matches, by whom and when, still in force', tags: ['public'] } },
    async (req) => integ.registries.verify(req.query ?? {}),
  );

  // ---- the gateway simulator (only when it is the configured gateway)
  const sim = integ.simulator;
  if (sim) {
    f.get('/gateway-sim/certificate', { schema: { summary: 'Simulator: the trust anchor of its notice signatures (PEM)', tags: ['gateway-sim'] } }, async (_req, reply) => reply.type('application/x-pem-file').send(sim.anchorPem));
    f.post<{ Body: Partial<PaymentOrder> }>(
      '/gateway-sim/payments',
      { schema: { summary: 'Simulator: register a payment order (the HttpPaymentGateway protocol)', tags: ['gateway-sim'], body: obj } },
      async (req, reply) => {
        const o = req.body ?? {};
        if (typeof o.paymentId !== 'string' || typeof o.amountTiyn !== 'number' || !o.payer || typeof o.payer.iin !== 'string' || typeof o.expiresAt !== 'string') throw badRequest('order', 'an order needs paymentId, amountTiyn, payer.iin and expiresAt', 'body');
        try {
          return reply.code(201).send(await sim.createPayment(o as PaymentOrder));
        } catch (e) {
          if (e instanceof SimulatorError) throw new AppError(422, e.code, e.message, 'returnUrl');
          throw e;
        }
      },
    );
    f.post<{ Body: { gatewayRef?: unknown } }>(
      '/gateway-sim/pay',
      { schema: { summary: 'Simulator: pay an order as the payer would; the signed notice is delivered to the platform and returned', tags: ['gateway-sim'], body: obj } },
      async (req) => {
        if (typeof req.body?.gatewayRef !== 'string') throw badRequest('required', 'gatewayRef is required', 'gatewayRef');
        try {
          return await sim.pay(req.body.gatewayRef);
        } catch (e) {
          if (e instanceof SimulatorError) throw new AppError(404, e.code, e.message, 'gatewayRef');
          throw e;
        }
      },
    );

    // The payer's page at payUrl, as a real gateway has: the order, Pay and Cancel; then back to the portal.
    const csp = pageCsp(sim.returnOrigin ? [sim.returnOrigin] : []);
    const html = (reply: FastifyReply, code: number, body: string) =>
      reply.code(code).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', csp).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').send(body);
    const langOf = (req: FastifyRequest, v: unknown) => pageLang(v, req.headers['accept-language']);
    f.get<{ Querystring: { gatewayRef?: string; lang?: string } }>(
      '/gateway-sim/pay',
      { schema: { summary: "Simulator: the payer's page of an order (amount, payee, purpose; Pay / Cancel), in kk/ru/en by lang or Accept-Language", tags: ['gateway-sim'] } },
      async (req, reply) => {
        const lang = langOf(req, req.query.lang);
        const o = typeof req.query.gatewayRef === 'string' ? sim.orders.get(req.query.gatewayRef) : undefined;
        if (!o) return html(reply, 404, problemPage(lang, 'unknown'));
        return html(reply, 200, orderPage(o, lang, app.now(), '/gateway-sim/checkout'));
      },
    );
    // Forms post urlencoded: parsed here only, for the page's own form.
    await f.register(async (s) => {
      s.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
      s.post<{ Body: { gatewayRef?: unknown; decision?: unknown; lang?: unknown } }>(
        '/gateway-sim/checkout',
        { schema: { summary: "Simulator: the page's form. Pay pays the order once (the signed notice to the platform, as POST /gateway-sim/pay), Cancel pays nothing; both send the payer back to the order's returnUrl (303)", tags: ['gateway-sim'] } },
        async (req, reply) => {
          const b = (req.body ?? {}) as { gatewayRef?: unknown; decision?: unknown; lang?: unknown };
          const lang = langOf(req, b.lang);
          // Another site's form cannot pay or cancel in the payer's name.
          if (req.headers['sec-fetch-site'] === 'cross-site') return html(reply, 403, problemPage(lang, 'refused'));
          const o = typeof b.gatewayRef === 'string' ? sim.orders.get(b.gatewayRef) : undefined;
          if (!o) return html(reply, 404, problemPage(lang, 'unknown'));
          if (b.decision !== 'pay' && b.decision !== 'cancel') return html(reply, 400, problemPage(lang, 'refused'));
          if (b.decision === 'pay') {
            const paid = o.notices.length > 0 || !!o.paidOnPage;
            if (!paid && Date.parse(o.order.expiresAt) <= app.now().getTime()) return html(reply, 409, orderPage(o, lang, app.now(), '/gateway-sim/checkout'));
            await sim.payOnPage(o.gatewayRef);
          }
          // The returnUrl was checked when the order was made (the platform's origin only).
          if (o.order.returnUrl && sim.returnAllowed(o.order.returnUrl)) return reply.code(303).header('cache-control', 'no-store').redirect(o.order.returnUrl, 303);
          return html(reply, 200, orderPage(o, lang, app.now(), '/gateway-sim/checkout'));
        },
      );
    });
  }
}
