// The NCA e-service's own routes: the certificates a case issued (for its applicant), the NCA
// operators' personnel records and their certificates (seed 004 p.15(1); src/app/ca-operators.ts),
// and the counter's card reader for issue onto an ID card (seed 004 p.9; src/app/ca-id-cards.ts).
// Every refusal is a problem+json naming the rule; the CA's tables are written only on success.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { App } from '../app/context.ts';
import type { SessionUser } from '../app/auth.ts';
import type { CaActor } from '../app/ca.ts';
import { caseCertificatesPem } from '../app/nca-effects.ts';
import { appointOperator, issueOperatorCertificate, listOperators, operatorFor, recordAbsence, recordDismissal, recordReturn } from '../app/ca-operators.ts';
import { cardStatus, enterCardPin, personaliseCard, unblockCard } from '../app/ca-id-cards.ts';
import { findUser } from '../app/auth.ts';
import { takeAction } from '../app/cases.ts';
import { newId } from '../app/ids.ts';

/** The recipient's step of p.9 process 6 («ПИН-кодын енгізуі»), sub-case issue_id_card. */
const PIN_STEP = { stepId: 'enter_pin', outcomeId: 'pin_entered' } as const;

export async function registerNcaRoutes(f: FastifyInstance, app: App, auth: (req: FastifyRequest) => Promise<SessionUser>): Promise<void> {
  f.get<{ Params: { id: string }; Querystring: { purpose?: string } }>(
    '/api/cases/:id/certificates',
    { schema: { summary: 'The certificates the case issued (PEM: each certificate, then the issuing CA and the root); for the applicant', tags: ['cases'], security: [{ bearer: [] }] } },
    async (req, reply) => reply.type('application/x-pem-file').send(await caseCertificatesPem(app, await auth(req), req.params.id, req.query.purpose)),
  );

  const actor = async (req: FastifyRequest): Promise<CaActor> => ({ kind: 'user', user: await auth(req) });
  const obj = { type: 'object' } as const;
  const security = [{ bearer: [] }];
  const ops = ['nca-operators'];
  const cards = ['nca-id-cards'];

  // ---- NCA operators of PSC staff (seed 004 p.15(1))
  f.post<{ Body: Record<string, unknown> }>(
    '/api/nca/operators',
    { schema: { summary: 'Record the appointment order of an NCA operator (NCA administrator): {iin, bin (the PSC), orderNumber, orderDate, appointedOn?, userId?}', tags: ops, body: obj, security } },
    async (req, reply) => reply.code(201).send(await appointOperator(app, await actor(req), req.body ?? {})),
  );
  f.get<{ Querystring: { iin?: string; bin?: string } }>(
    '/api/nca/operators',
    { schema: { summary: 'NCA operators on record, with their dismissal, absences and certificates', tags: ops, security } },
    async (req) => listOperators(app, await actor(req), req.query),
  );
  f.get<{ Params: { id: string } }>('/api/nca/operators/:id', { schema: { summary: 'One NCA operator\'s record', tags: ops, security } }, async (req) => operatorFor(app, await actor(req), req.params.id));
  f.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/nca/operators/:id/certificates',
    { schema: { summary: 'Issue an NCA operator certificate on the appointment order, from a PKCS#10 request: {csr, purpose: auth|sign}', tags: ops, body: obj, security } },
    async (req, reply) => {
      const r = await issueOperatorCertificate(app, await actor(req), req.params.id, req.body ?? {});
      return reply.code(201).send({ operatorId: r.operatorId, serial: r.serial, certificatePem: r.certificatePem, chainPems: r.chainPems, subject: r.certificate.subjectDn, notAfter: r.certificate.notAfter.toISOString() });
    },
  );
  f.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/nca/operators/:id/dismissal',
    { schema: { summary: 'Record the PSC\'s notice of dismissal or transfer: {date, cause: dismissal|transfer}. Revoked 2 days before the date; a later notice is flagged lateNotice and revokes at once', tags: ops, body: obj, security } },
    async (req, reply) => reply.code(201).send(await recordDismissal(app, await actor(req), req.params.id, req.body ?? {})),
  );
  f.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/nca/operators/:id/absences',
    { schema: { summary: 'Record an absence: {from, to?}. More than 15 days puts the operator certificates on hold (certificateHold)', tags: ops, body: obj, security } },
    async (req, reply) => reply.code(201).send(await recordAbsence(app, await actor(req), req.params.id, req.body ?? {})),
  );
  f.post<{ Params: { id: string; absenceId: string }; Body: Record<string, unknown> }>(
    '/api/nca/operators/:id/absences/:absenceId/return',
    { schema: { summary: 'Record the last day of an absence: {to}. The holds it made are lifted from the next day', tags: ops, body: obj, security } },
    async (req) => recordReturn(app, await actor(req), req.params.id, req.params.absenceId, req.body ?? {}),
  );

  // ---- the counter's card reader (seed 004 p.9)
  f.post<{ Body: Record<string, unknown> }>(
    '/api/nca/id-cards',
    { schema: { summary: 'Put a new ID card into the emulator (stand-in for the document office; NCA administrator): {number (9 digits), iin, pin (4-8 digits), puk (8-12 digits)}', tags: cards, body: obj, security } },
    async (req, reply) => reply.code(201).send(await personaliseCard(app, await actor(req), req.body ?? {})),
  );
  f.get<{ Params: { number: string } }>(
    '/api/nca/id-cards/:number',
    { schema: { summary: 'What the card shows without its PIN: holder IIN, PIN tries left, blocked, the certificates on it, requests waiting (NCA operator)', tags: cards, security } },
    async (req) => cardStatus(app, await actor(req), req.params.number),
  );
  f.post<{ Params: { number: string }; Body: Record<string, unknown> }>(
    '/api/nca/id-cards/:number/unblock',
    { schema: { summary: 'Unblock the card with its PUK and set a new PIN: {puk, newPin}', tags: cards, body: obj, security } },
    async (req) => unblockCard(app, await actor(req), req.params.number, req.body ?? {}),
  );
  f.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/api/nca/cases/:id/id-card/pin',
    {
      schema: {
        summary:
          'The recipient enters the PIN of the ID card the case names (field idCardNumber) at the operator\'s desk: the card generates its key pairs and the PKCS#10 requests the issue step will use: {pin}. A wrong PIN answers 422 card_wrong_pin with triesLeft; 3 wrong PINs block the card (card_blocked). When the case waits at the recipient\'s step enter_pin, the accepted PIN records it (pinStep: recorded)',
        tags: cards,
        body: obj,
        security,
      },
    },
    async (req) => {
      const operator = await actor(req);
      const r = await enterCardPin(app, operator, req.params.id, req.body ?? {});
      // The PIN the card accepted is the recipient's own act at the desk's pin pad (process 6): when
      // the case waits for that step, it is recorded as the recipient's (unsigned, as the regulation's
      // outcome is), so the desk goes on to the operator's confirmation without the recipient
      // signing in anywhere. The card's requests stay on the card whatever happens here.
      const row = await app.store.db.selectFrom('cases').select(['current_step', 'applicant_user_id']).where('id', '=', req.params.id).executeTakeFirst();
      let pinStep: 'recorded' | 'not_waiting' = 'not_waiting';
      if (row?.current_step === PIN_STEP.stepId) {
        const recipient = await findUser(app.store.db, row.applicant_user_id);
        if (recipient) {
          // The event names the desk it happened at: the recipient's step, taken through the operator's session.
          const via = operator.kind === 'user' ? `${operator.user.displayName} (IIN ${operator.user.iin})` : 'the desk';
          await takeAction(app, recipient, req.params.id, { ...PIN_STEP, comment: `PIN accepted by the ID card at the NCA operator's desk of ${via}` }, newId());
          pinStep = 'recorded';
        }
      }
      return { ...r, pinStep };
    },
  );
}
