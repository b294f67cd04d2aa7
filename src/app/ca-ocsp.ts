// The instance's OCSP responder (RFC 6960): a delegated responder certificate issued by the
// issuing CA (EKU OCSPSigning, id-pkix-ocsp-nocheck, 90 days, renewed when 30 remain), its key
// encrypted at rest next to the CA's, and answers read from the certificates table.
import { recordCertificate } from './certificate-records.ts';
import {
  decryptPrivateKeyPem,
  encryptPrivateKeyPem,
  generateKeyPair,
  issueOcspResponderCertificate,
  OcspResponder,
  parseCertificate,
  type OcspCertStatus,
} from '../pki/index.ts';
import type { App } from './context.ts';
import { appendCaAudit } from './ca-audit.ts';
import { instanceCa } from './ca-material.ts';
import { recordedStatus } from './ca-status.ts';

const SETTING = 'pki.ocsp';
const VALIDITY_DAYS = 90;
const RENEW_BEFORE_MS = 30 * 86_400_000;

interface StoredResponder {
  certificatePem: string;
  privateKeyPem: string; // encrypted PKCS#8
  serial: string;
}

interface Loaded {
  responder: OcspResponder;
  certificatePem: string;
}

const responders = new WeakMap<App, Promise<Loaded>>();

async function load(app: App): Promise<Loaded> {
  const { issuing } = await instanceCa(app);
  const row = await app.store.db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirst();
  const now = app.now().getTime();
  if (row) {
    const s = JSON.parse(row.value) as StoredResponder;
    const info = parseCertificate(s.certificatePem);
    if (info.notAfter.getTime() - now > RENEW_BEFORE_MS && info.notBefore.getTime() <= now) {
      const responder = new OcspResponder({ issuerCertificatePem: issuing.certificatePem, responderCertificatePem: s.certificatePem, responderPrivateKeyPem: decryptPrivateKeyPem(s.privateKeyPem, app.config.caPassphrase) });
      return { responder, certificatePem: s.certificatePem };
    }
  }
  return issueResponder(app, 'system:ocsp');
}

/**
 * Issues a delegated responder certificate for `publicKeyPem` (a CA key use: audited and recorded
 * in the certificates table). With `store`, it becomes the instance's responder, its key encrypted at rest.
 */
async function issueResponderCertificate(app: App, actor: string, publicKeyPem: string, commonName: string, store?: { privateKeyPem: string }): Promise<string> {
  const { issuing } = await instanceCa(app);
  const now = app.now();
  const cert = await issueOcspResponderCertificate(issuing, { publicKeyPem, commonName, notBefore: new Date(now.getTime() - 5 * 60_000), validityDays: VALIDITY_DAYS });
  const info = parseCertificate(cert.certificatePem);
  await app.store.db.transaction().execute(async (trx) => {
    await appendCaAudit(trx, { at: now.toISOString(), actor, action: 'ocsp_responder_issue', serial: cert.serialHex, detail: { subject: info.subjectDn, notAfter: info.notAfter.toISOString(), instanceResponder: !!store } });
    await recordCertificate(trx, cert.certificatePem, { userId: null, purpose: 'ocsp', at: now });
    if (store) {
      const stored: StoredResponder = { certificatePem: cert.certificatePem, privateKeyPem: encryptPrivateKeyPem(store.privateKeyPem, app.config.caPassphrase), serial: cert.serialHex };
      await trx
        .insertInto('settings')
        .values({ key: SETTING, value: JSON.stringify(stored) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(stored) }))
        .execute();
    }
  });
  return cert.certificatePem;
}

/** A new key and responder certificate for this instance. */
async function issueResponder(app: App, actor: string): Promise<Loaded> {
  const { issuing } = await instanceCa(app);
  const keys = await generateKeyPair('ECDSA-P256');
  const certificatePem = await issueResponderCertificate(app, actor, keys.publicKeyPem, 'qyzmet NCA OCSP Responder', { privateKeyPem: keys.privateKeyPem });
  const responder = new OcspResponder({ issuerCertificatePem: issuing.certificatePem, responderCertificatePem: certificatePem, responderPrivateKeyPem: keys.privateKeyPem });
  return { responder, certificatePem };
}

/**
 * A delegated responder certificate for a key held elsewhere (another OCSP responder answering
 * from the same revocation data, e.g. `openssl ocsp -index`). Only the public key comes in.
 */
export async function issueExternalResponder(app: App, actor: string, publicKeyPem: string, commonName = 'qyzmet NCA OCSP Responder (external)'): Promise<string> {
  return issueResponderCertificate(app, actor, publicKeyPem, commonName);
}

/** The responder of this instance, loaded once per process and renewed when it nears its end. */
export async function ocspResponder(app: App): Promise<Loaded> {
  let p = responders.get(app);
  if (p) {
    const l = await p.catch(() => null);
    if (l && l.responder.notAfterMs - app.now().getTime() > RENEW_BEFORE_MS) return l;
    responders.delete(app);
  }
  p = load(app);
  p.catch(() => responders.delete(app));
  responders.set(app, p);
  return p;
}

/** Status of a serial of the issuing CA as OCSP reports it, from the certificates table at `now`. */
export async function ocspStatus(app: App, serial: string, now: Date): Promise<OcspCertStatus> {
  const s = await recordedStatus(app, serial);
  if (!s) return { status: 'unknown' };
  if (s.status === 'revoked' && s.revokedAt && s.revokedAt <= now.toISOString()) {
    return { status: 'revoked', revokedAt: new Date(s.revokedAt), ...(s.reason ? { reason: s.reason } : {}) };
  }
  return { status: 'good' };
}

/** The DER OCSPResponse to a DER OCSPRequest. */
export async function answerOcsp(app: App, requestDer: Uint8Array): Promise<Buffer> {
  const { responder } = await ocspResponder(app);
  const now = app.now();
  return responder.respond(requestDer, (serial) => ocspStatus(app, serial, now), now);
}
