// The certificates a case issued (outcomes that perform the CA's issue), for its applicant to
// download as a PEM chain: each certificate, then the issuing CA and the root.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { App } from '../app/context.ts';
import type { SessionUser } from '../app/auth.ts';
import { caseCertificatesPem } from '../app/nca-effects.ts';

export async function registerNcaRoutes(f: FastifyInstance, app: App, auth: (req: FastifyRequest) => Promise<SessionUser>): Promise<void> {
  f.get<{ Params: { id: string }; Querystring: { purpose?: string } }>(
    '/api/cases/:id/certificates',
    { schema: { summary: 'The certificates the case issued (PEM: each certificate, then the issuing CA and the root); for the applicant', tags: ['cases'], security: [{ bearer: [] }] } },
    async (req, reply) => reply.type('application/x-pem-file').send(await caseCertificatesPem(app, await auth(req), req.params.id, req.query.purpose)),
  );
}
