// The NCA's public repository (CA certificates, CRL, OCSP) and its certificate operations.
// /pki/* is public and speaks the PKIX media types; /api/pki/* is JSON like the rest of the API.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app/context.ts';
import type { SessionUser } from '../app/auth.ts';
import { certificateStatusFor, issueFromCsr, reissueCertificate, revokeCertificate, type CaActor } from '../app/ca.ts';
import { currentCrl, currentDeltaCrl } from '../app/ca-crl.ts';
import { answerOcsp, ocspResponder } from '../app/ca-ocsp.ts';
import { instanceCa } from '../app/ca-material.ts';
import { ocspErrorResponse } from '../pki/index.ts';
import { rateLimitHook, type RateLimitOptions } from './rate-limit.ts';

const OCSP_REQUEST = 'application/ocsp-request';
const OCSP_RESPONSE = 'application/ocsp-response';
/** An OCSP request about a few certificates is a few hundred bytes. */
const MAX_OCSP_REQUEST = 16 * 1024;

function pemToDerBuffer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export async function registerPkiRoutes(f: FastifyInstance, app: App, auth: (req: FastifyRequest) => Promise<SessionUser>, limits: RateLimitOptions = { pki: null, challenge: null }): Promise<void> {
  f.addContentTypeParser(OCSP_REQUEST, { parseAs: 'buffer', bodyLimit: MAX_OCSP_REQUEST }, (_req, body, done) => done(null, body));

  const actorOf = async (req: FastifyRequest): Promise<CaActor> => (req.headers.authorization ? { kind: 'user', user: await auth(req) } : { kind: 'anonymous' });

  let certs: { root: Buffer; issuing: Buffer } | undefined;
  const caCerts = async () => {
    if (!certs) {
      const { root, issuing } = await instanceCa(app);
      certs = { root: pemToDerBuffer(root.certificatePem), issuing: pemToDerBuffer(issuing.certificatePem) };
    }
    return certs;
  };
  const tags = ['pki'];
  // Per client address, a bucket for each: the certificates, the CRLs, the OCSP responder.
  const limited = (what: string) => (limits.pki ? { onRequest: rateLimitHook(what, limits.pki, limits) } : {});
  const certLimit = limited('the CA certificates');
  const crlLimit = limited('the CRLs');
  const ocspLimit = limited('the OCSP responder');

  f.get('/pki/root.crt', { ...certLimit, schema: { summary: 'The root CA certificate (DER)', tags } }, async (_req, reply) => reply.type('application/pkix-cert').header('cache-control', 'public, max-age=86400').send((await caCerts()).root));
  f.get('/pki/issuing.crt', { ...certLimit, schema: { summary: 'The issuing CA certificate (DER); AIA caIssuers of every certificate', tags } }, async (_req, reply) => reply.type('application/pkix-cert').header('cache-control', 'public, max-age=86400').send((await caCerts()).issuing));
  f.get('/pki/ocsp.crt', { ...certLimit, schema: { summary: 'The current delegated OCSP responder certificate (DER)', tags } }, async (_req, reply) => {
    const { responder } = await ocspResponder(app);
    return reply.type('application/pkix-cert').header('cache-control', 'no-cache').send(responder.responder.der);
  });

  const sendCrl = (req: FastifyRequest, reply: FastifyReply, crl: { der: Buffer; number: number; thisUpdate: string; nextUpdate: string }) => {
    const etag = `"crl-${crl.number}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache').header('last-modified', new Date(crl.thisUpdate).toUTCString()).header('expires', new Date(crl.nextUpdate).toUTCString());
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/pkix-crl').send(crl.der);
  };
  f.get('/pki/crl', { ...crlLimit, schema: { summary: 'The issuing CA\'s complete CRL (DER); re-signed on every revocation; its Freshest CRL extension names /pki/crl/delta', tags } }, async (req, reply) =>
    sendCrl(req, reply, await currentCrl(app)),
  );
  f.get('/pki/crl/delta', { ...crlLimit, schema: { summary: 'The delta CRL (DER, RFC 5280 §5.2.4): every status change since the base CRL its Delta CRL Indicator names; re-signed on every revocation', tags } }, async (req, reply) =>
    sendCrl(req, reply, await currentDeltaCrl(app)),
  );

  const ocsp = async (der: Buffer | undefined) => {
    if (!der || der.length === 0) return ocspErrorResponse('malformedRequest');
    try {
      return await answerOcsp(app, der);
    } catch (e) {
      // An OCSP client understands only OCSP: a failure is internalError, never a 'good'.
      console.error(e);
      return ocspErrorResponse('internalError');
    }
  };
  f.post<{ Body: Buffer }>('/pki/ocsp', { ...ocspLimit, schema: { summary: 'OCSP responder (RFC 6960), POST application/ocsp-request', tags } }, async (req, reply) =>
    reply.type(OCSP_RESPONSE).header('cache-control', 'no-store').send(await ocsp(Buffer.isBuffer(req.body) ? req.body : undefined)),
  );
  f.get('/pki/ocsp/*', { ...ocspLimit, schema: { summary: 'OCSP responder (RFC 6960 appendix A.1), GET with the URL-encoded base64 request', tags } }, async (req, reply) => {
    const path = req.url.slice(req.url.indexOf('/pki/ocsp/') + '/pki/ocsp/'.length).split('?')[0] ?? '';
    let der: Buffer | undefined;
    try {
      const b64 = decodeURIComponent(path);
      if (b64.length <= (MAX_OCSP_REQUEST * 4) / 3 + 4 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) der = Buffer.from(b64, 'base64');
    } catch {
      der = undefined;
    }
    return reply.type(OCSP_RESPONSE).header('cache-control', 'no-store').send(await ocsp(der));
  });

  // ---- operations
  const obj = { type: 'object' } as const;
  const secured = [{ bearer: [] }];
  f.post<{ Body: Record<string, unknown> }>(
    '/api/pki/certificates',
    { schema: { summary: 'Issue a certificate from a PKCS#10 request (NCA operator); the holder must be on record in the state databases', tags, body: obj, security: secured } },
    async (req, reply) => {
      const r = await issueFromCsr(app, { kind: 'user', user: await auth(req) }, req.body ?? {});
      return reply.code(201).send({ serial: r.serial, certificatePem: r.certificatePem, chainPems: r.chainPems, subject: r.certificate.subjectDn, notAfter: r.certificate.notAfter.toISOString() });
    },
  );
  f.get<{ Params: { serial: string } }>('/api/pki/certificates/:serial', { schema: { summary: 'A certificate\'s record and status (its holder or an NCA operator)', tags, security: secured } }, async (req) =>
    certificateStatusFor(app, { kind: 'user', user: await auth(req) }, req.params.serial),
  );
  f.post<{ Params: { serial: string }; Body: Record<string, unknown> }>(
    '/api/pki/certificates/:serial/revoke',
    { schema: { summary: 'Revoke, suspend (certificateHold) or release (removeFromCRL) a certificate: its holder with a signed request, or an NCA operator', tags, body: obj, security: secured } },
    async (req) => revokeCertificate(app, await actorOf(req), req.params.serial, req.body ?? {}),
  );
  f.post<{ Params: { serial: string }; Body: Record<string, unknown> }>(
    '/api/pki/certificates/:serial/reissue',
    { schema: { summary: 'Re-issue a certificate for the same holder, for the key of a new PKCS#10 request', tags, body: obj, security: secured } },
    async (req, reply) => {
      const r = await reissueCertificate(app, await actorOf(req), req.params.serial, req.body ?? {});
      return reply.code(201).send({ serial: r.serial, certificatePem: r.certificatePem, chainPems: r.chainPems, subject: r.certificate.subjectDn, notAfter: r.certificate.notAfter.toISOString() });
    },
  );
}
