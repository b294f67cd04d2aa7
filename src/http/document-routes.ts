// Downloading the documents attached to a case: the bytes as they were attached, with their type,
// a file name the browser saves them under, and their SHA-256 (the one the case's log records).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../app/auth.ts';
import type { App } from '../app/context.ts';
import { contentDisposition, getCaseDocument } from '../app/documents.ts';

export async function registerDocumentRoutes(f: FastifyInstance, app: App, auth: (req: FastifyRequest) => Promise<SessionUser>): Promise<void> {
  f.get<{ Params: { id: string; docId: string } }>(
    '/api/cases/:id/documents/:docId',
    {
      schema: {
        summary: 'A document attached to a case (docId: the id in the case view\'s documents), for its applicant and the provider\'s staff',
        tags: ['cases'],
        security: [{ bearer: [] }],
      },
    },
    async (req, reply) => {
      const d = await getCaseDocument(app, await auth(req), req.params.id, req.params.docId);
      return reply
        .type(d.mime)
        .header('Content-Disposition', contentDisposition(d.name))
        .header('Content-Length', String(d.size))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Repr-Digest', `sha-256=:${Buffer.from(d.sha256, 'hex').toString('base64')}:`)
        .send(d.content);
    },
  );
}
