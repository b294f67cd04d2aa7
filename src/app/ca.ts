// The National Certification Centre's operations: issue a certificate from a PKCS#10 request,
// re-issue one for the same holder, revoke (or suspend and release) one, and report a
// certificate's status. Holder data comes from the state databases, never from the request;
// every CA key use and every status change is written to the hash-chained CA audit log in the
// transaction that makes it; a certificate is revoked once (compare-and-set on its row).
import { recordCertificate } from './certificate-records.ts';
import { sha256Hex } from '../core/canonical.ts';
import {
  issueCertificate,
  normalizeSerialHex,
  parseCertificate,
  PkiError,
  verifyCsr,
  isRevocationReason,
  REVOCATION_REASONS,
  type CertificateInfo,
  type HolderSubject,
  type LegalRole,
  type Purpose,
  type RevocationReason,
  type VerifiedCsr,
} from '../pki/index.ts';
import type { SessionUser } from './auth.ts';
import { gatewayProblem } from './auth.ts';
import type { App } from './context.ts';
import type { StateDatabases } from '../gov/gateway.ts';
import type { Kysely } from 'kysely';
import type { Tables } from '../store/tables.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from './errors.ts';
import { appendCaAudit } from './ca-audit.ts';
import { regenerateCrl } from './ca-crl.ts';
import { instanceCa, pkiUrls, type InstanceCa } from './ca-material.ts';
import { signedBytes, verifyOrThrow } from './signing.ts';
import { dismissedAt, dismissedMessage } from './ca-operator-status.ts';

/** Staff roles that may operate the CA (issue for others, revoke any certificate). */
export const NCA_OPERATOR_ROLES: readonly string[] = ['nca_operator', 'nca_admin'];

/**
 * Who asks. A signed-in user (an NCA operator, or a holder acting on their own certificate),
 * somebody identified only by the signature they present, or the instance's local operator (the
 * CLI, run by whoever holds the database and the CA passphrase).
 */
export type CaActor = { kind: 'user'; user: SessionUser } | { kind: 'anonymous' } | { kind: 'local'; name: string };

const HOLDER_REASONS: ReadonlySet<RevocationReason> = new Set([
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'removeFromCRL',
]);
const REQUEST_WINDOW_MS = 10 * 60_000;
const DEFAULT_VALIDITY_DAYS = 365;
const MAX_VALIDITY_DAYS = 3 * 365;

export function isNcaOperator(actor: CaActor): boolean {
  if (actor.kind === 'local') return true;
  return actor.kind === 'user' && actor.user.kind === 'staff' && actor.user.roles.some((r) => NCA_OPERATOR_ROLES.includes(r));
}

export function actorLabel(actor: CaActor): { actor: string; actorIin: string | null } {
  if (actor.kind === 'local') return { actor: `cli:${actor.name}`, actorIin: null };
  if (actor.kind === 'user') return { actor: `user:${actor.user.id}`, actorIin: actor.user.iin };
  return { actor: 'holder', actorIin: null };
}

/** An NCA administrator (`nca_admin` staff role) or the local CLI: records operators' personnel events. */
export function isNcaAdmin(actor: CaActor): boolean {
  if (actor.kind === 'local') return true;
  return actor.kind === 'user' && actor.user.kind === 'staff' && actor.user.roles.includes('nca_admin');
}

/**
 * An operator signed in with an NCA operator certificate of a dismissed holder may do nothing
 * with the CA, even on a session opened before the dismissal (seed 004 p.15(1)).
 */
export async function refuseDismissedSession(app: App, actor: CaActor): Promise<void> {
  if (actor.kind !== 'user' || !actor.user.certFingerprint) return;
  const cert = await app.store.db.selectFrom('certificates').select('serial').where('fingerprint', '=', actor.user.certFingerprint).executeTakeFirst();
  if (!cert) return;
  const d = await dismissedAt(app, cert.serial, app.now());
  if (d) throw forbidden('operator_dismissed', `this session was opened with ${dismissedMessage(cert.serial, d)}`);
}

function requireOperator(actor: CaActor, what: string): void {
  if (!isNcaOperator(actor)) throw forbidden('not_nca_operator', `only an NCA operator or administrator may ${what}`);
}

function pkiProblem(e: unknown, field: string): never {
  if (e instanceof PkiError) {
    const rule = e.code === 'bad_csr_signature' ? 'bad_csr_signature' : e.code === 'bad_csr' ? 'bad_csr' : e.code === 'unsupported_algorithm' ? 'unsupported_algorithm' : 'bad_csr';
    throw unprocessable(rule, e.message, field);
  }
  throw e;
}

function parsePurpose(p: unknown): Purpose {
  if (p === 'auth' || p === 'sign') return p;
  throw badRequest('purpose', `purpose must be 'auth' or 'sign', got ${JSON.stringify(p)}`, 'purpose');
}

function parseSerial(serial: unknown): string {
  if (typeof serial !== 'string' || serial.trim() === '') throw badRequest('serial', 'the certificate serial number (hex) is required', 'serial');
  try {
    return normalizeSerialHex(serial);
  } catch (e) {
    throw badRequest('serial', (e as Error).message, 'serial');
  }
}

function parseReason(reason: unknown): RevocationReason {
  if (isRevocationReason(reason)) return reason;
  throw badRequest('reason', `unknown revocation reason ${JSON.stringify(reason)}; one of ${Object.keys(REVOCATION_REASONS).join(', ')}`, 'reason');
}

async function verifyCsrOrThrow(csrPem: unknown): Promise<VerifiedCsr> {
  if (typeof csrPem !== 'string' || !csrPem.includes('CERTIFICATE REQUEST')) throw badRequest('csr', 'a PEM PKCS#10 request (-----BEGIN CERTIFICATE REQUEST-----) is required', 'csr');
  try {
    return await verifyCsr(csrPem);
  } catch (e) {
    return pkiProblem(e, 'csr');
  }
}

/**
 * The holder as the state databases know them. A person or organisation they do not know, a
 * deceased person or a liquidated organisation gets no certificate. Roles of a legal-entity
 * holder default to first_head for the head on record and employee otherwise.
 */
export async function holderFromStateDb(app: App, iin: string, bin: string | null, roles?: readonly LegalRole[], stateDb: StateDatabases = app.stateDb): Promise<HolderSubject> {
  let person;
  try {
    person = await stateDb.findIndividual(iin);
  } catch (e) {
    throw gatewayProblem(e);
  }
  if (!person) throw unprocessable('holder_unknown', `the state database of individuals has no record of IIN ${iin}: no certificate can be issued`, 'iin');
  if (person.deceased) throw unprocessable('holder_deceased', `IIN ${iin} is recorded as deceased: no certificate can be issued`, 'iin');
  const base = {
    iin,
    surname: person.surname.ru,
    givenName: person.givenName.ru,
    ...(person.patronymic ? { patronymic: person.patronymic.ru } : {}),
    ...(person.email && /^[\x21-\x7e]+@[\x21-\x7e]+$/.test(person.email) ? { email: person.email } : {}),
  };
  if (!bin) {
    if (roles && roles.length) throw badRequest('roles', 'roles apply to certificates of a legal entity only', 'roles');
    return { kind: 'individual', ...base };
  }
  let entity;
  try {
    entity = await stateDb.findLegalEntity(bin);
  } catch (e) {
    throw gatewayProblem(e);
  }
  if (!entity) throw unprocessable('holder_unknown', `the state database of legal entities has no record of BIN ${bin}: no certificate can be issued`, 'bin');
  if (entity.status !== 'active') throw unprocessable('entity_not_active', `BIN ${bin} is ${entity.status}: no certificate can be issued`, 'bin');
  const isHead = entity.headIin === iin;
  const wanted: LegalRole[] = roles && roles.length ? [...new Set(roles)] : [isHead ? 'first_head' : 'employee'];
  if (wanted.includes('first_head') && !isHead) throw unprocessable('not_first_head', `IIN ${iin} is not the head of BIN ${bin} on record`, 'roles');
  return { kind: 'legal_entity', ...base, bin, organization: entity.name.ru, roles: wanted };
}

function parseRoles(roles: unknown): LegalRole[] | undefined {
  if (roles === undefined || roles === null) return undefined;
  const known: LegalRole[] = ['first_head', 'signer', 'financial', 'hr', 'employee'];
  if (!Array.isArray(roles) || !roles.every((r) => known.includes(r))) throw badRequest('roles', `roles must be a list of ${known.join(', ')}`, 'roles');
  return roles as LegalRole[];
}

function parseValidity(days: unknown): number {
  if (days === undefined || days === null) return DEFAULT_VALIDITY_DAYS;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS) throw badRequest('validity_days', `validityDays must be a whole number of days from 1 to ${MAX_VALIDITY_DAYS}`, 'validityDays');
  return days;
}

export interface IssuedCertificate {
  serial: string;
  certificatePem: string;
  /** Issuing CA, then root. */
  chainPems: string[];
  certificate: CertificateInfo;
}

/** Signs, records and audits a certificate in one transaction: it exists only if all three happened. */
async function issueAndRecord(
  app: App,
  opts: { publicKeyPem: string; subject: HolderSubject; purpose: Purpose; validityDays: number; actor: CaActor; action: 'issue' | 'reissue'; detail?: Record<string, unknown> },
): Promise<IssuedCertificate> {
  const ca = await instanceCa(app);
  const user = await app.store.db.selectFrom('users').select('id').where('iin', '=', opts.subject.iin).where('bin', '=', opts.subject.bin ?? '').executeTakeFirst();
  const who = actorLabel(opts.actor);
  return app.store.db.transaction().execute((trx) => issueAndRecordIn(app, trx, ca, { ...opts, who, userId: user?.id ?? null }));
}

/** issueAndRecord inside the caller's transaction (the CA loaded by the caller before it opened). */
async function issueAndRecordIn(
  app: App,
  trx: Kysely<Tables>,
  ca: InstanceCa,
  opts: { publicKeyPem: string; subject: HolderSubject; purpose: Purpose; validityDays: number; who: { actor: string; actorIin: string | null }; userId: string | null; action: 'issue' | 'reissue'; detail?: Record<string, unknown> },
): Promise<IssuedCertificate> {
  const { root, issuing } = ca;
  const now = app.now();
  const { actor, actorIin } = opts.who;
  {
    let cert: { certificatePem: string; serialHex: string };
    try {
      cert = await issueCertificate(issuing, {
        publicKeyPem: opts.publicKeyPem,
        subject: opts.subject,
        purpose: opts.purpose,
        notBefore: new Date(now.getTime() - 60_000),
        validityDays: opts.validityDays,
        ...pkiUrls(app),
      });
    } catch (e) {
      return pkiProblem(e, 'csr');
    }
    const info = parseCertificate(cert.certificatePem);
    await appendCaAudit(trx, {
      at: now.toISOString(),
      actor,
      actorIin,
      action: opts.action,
      serial: info.serialHex,
      detail: { subject: info.subjectDn, purpose: opts.purpose, notAfter: info.notAfter.toISOString(), fingerprint: info.fingerprintSha256, ...(opts.detail ?? {}) },
    });
    await recordCertificate(trx, cert.certificatePem, { userId: opts.userId, purpose: opts.purpose, at: now });
    return { serial: info.serialHex, certificatePem: cert.certificatePem, chainPems: [issuing.certificatePem, root.certificatePem], certificate: info };
  }
}

export interface IssueInput {
  csr?: unknown;
  purpose?: unknown;
  /** When given, must agree with the CSR's SERIALNUMBER=IIN… (if it has one). */
  iin?: unknown;
  bin?: unknown;
  roles?: unknown;
  validityDays?: unknown;
}

/**
 * Issues a certificate for the key of a PKCS#10 request. The request must be signed by its key;
 * the holder is named by IIN (and BIN) in the request or the input, and must be on record in the
 * state databases, whose data fill the subject. Nothing is written when anything fails.
 */
export async function issueFromCsr(app: App, actor: CaActor, input: IssueInput): Promise<IssuedCertificate> {
  requireOperator(actor, 'issue certificates');
  await refuseDismissedSession(app, actor);
  const purpose = parsePurpose(input.purpose);
  const roles = parseRoles(input.roles);
  const validityDays = parseValidity(input.validityDays);
  const csr = await verifyCsrOrThrow(input.csr);
  const iin = pickId(csr.subject.iin, input.iin, 'iin', 'IIN');
  if (!iin) throw unprocessable('iin_required', 'the request names no IIN (SERIALNUMBER=IIN…) and none was given', 'iin');
  const bin = pickId(csr.subject.bin, input.bin, 'bin', 'BIN');
  const subject = await holderFromStateDb(app, iin, bin, roles);
  return issueAndRecord(app, { publicKeyPem: csr.publicKeyPem, subject, purpose, validityDays, actor, action: 'issue' });
}

/**
 * issueFromCsr for a holder the caller has already established (an applicant whose case reached
 * the act of issue), inside the caller's transaction: the request must be signed by its key and,
 * when it names an IIN (BIN), name this holder's; the subject comes from the state databases
 * (`stateDb` reading through `trx`). The CA must be loaded before the transaction opened.
 */
export async function issueFromCsrIn(
  app: App,
  trx: Kysely<Tables>,
  ca: InstanceCa,
  o: { csr: unknown; field: string; purpose: Purpose; iin: string; bin: string | null; userId: string | null; who: { actor: string; actorIin: string | null }; stateDb: StateDatabases; detail?: Record<string, unknown> },
): Promise<IssuedCertificate> {
  if (typeof o.csr !== 'string' || !o.csr.includes('CERTIFICATE REQUEST')) throw unprocessable('bad_csr', 'a PEM PKCS#10 request (-----BEGIN CERTIFICATE REQUEST-----) is required', o.field);
  let csr: VerifiedCsr;
  try {
    csr = await verifyCsr(o.csr);
  } catch (e) {
    return pkiProblem(e, o.field);
  }
  if (csr.subject.iin && csr.subject.iin !== o.iin) throw unprocessable('csr_subject_mismatch', `the request is for IIN ${csr.subject.iin}, not the applicant's IIN ${o.iin}`, o.field);
  if (csr.subject.bin && csr.subject.bin !== (o.bin ?? undefined)) throw unprocessable('csr_subject_mismatch', `the request is for BIN ${csr.subject.bin}, not ${o.bin ? `the applicant's BIN ${o.bin}` : 'an individual applicant'}`, o.field);
  const subject = await holderFromStateDb(app, o.iin, o.bin, undefined, o.stateDb);
  return issueAndRecordIn(app, trx, ca, { publicKeyPem: csr.publicKeyPem, subject, purpose: o.purpose, validityDays: DEFAULT_VALIDITY_DAYS, who: o.who, userId: o.userId, action: 'issue', ...(o.detail ? { detail: o.detail } : {}) });
}

function pickId(fromCsr: string | undefined, given: unknown, field: string, label: string): string | null {
  if (given !== undefined && given !== null && given !== '') {
    if (typeof given !== 'string' || !/^\d{12}$/.test(given)) throw badRequest(field, `${label} must be 12 digits`, field);
    if (fromCsr && fromCsr !== given) throw unprocessable('csr_subject_mismatch', `the request is for ${label} ${fromCsr}, not ${given}`, field);
    return given;
  }
  return fromCsr ?? null;
}

/** What a holder signs to ask for a revocation (or suspension, or its lifting). */
export function revocationPayload(p: { serial: string; reason: RevocationReason; requestedAt: string }) {
  return { type: 'qyzmet.pki.revoke', serial: normalizeSerialHex(p.serial), reason: p.reason, requestedAt: p.requestedAt };
}

/** What a holder signs, with the certificate being replaced, to ask for a re-issue. */
export function reissuePayload(p: { serial: string; csrPem: string }) {
  return { type: 'qyzmet.pki.reissue', serial: normalizeSerialHex(p.serial), csrSha256: sha256Hex(p.csrPem.trim()) };
}

/** A holder's signature: made with a signing or an authentication certificate of theirs. */
async function verifyHolderSignature(app: App, signature: unknown, bytes: Uint8Array): Promise<CertificateInfo> {
  try {
    return await verifyOrThrow(app, signature, bytes, 'sign');
  } catch (e) {
    if (e instanceof AppError && e.rule === 'wrong_purpose') return verifyOrThrow(app, signature, bytes, 'auth');
    throw e;
  }
}

function sameHolder(signer: CertificateInfo, row: { subject_iin: string | null; subject_bin: string | null }): boolean {
  return !!row.subject_iin && signer.iin === row.subject_iin && (signer.bin ?? null) === (row.subject_bin ?? null);
}

async function certificateRow(app: App, serial: string) {
  const row = await app.store.db.selectFrom('certificates').selectAll().where('serial', '=', serial).executeTakeFirst();
  if (!row) throw notFound('unknown_certificate', `this CA has no certificate with serial ${serial}`, 'serial');
  return row;
}

function checkFresh(app: App, requestedAt: unknown): string {
  if (typeof requestedAt !== 'string' || Number.isNaN(Date.parse(requestedAt))) throw badRequest('requested_at', 'requestedAt (the ISO time the request was signed) is required', 'requestedAt');
  if (Math.abs(Date.parse(requestedAt) - app.now().getTime()) > REQUEST_WINDOW_MS) {
    throw unprocessable('stale_request', `the request was signed at ${requestedAt}; sign a fresh one (within ${REQUEST_WINDOW_MS / 60_000} minutes)`, 'requestedAt');
  }
  return requestedAt;
}

export interface ReissueInput {
  csr?: unknown;
  purpose?: unknown;
  validityDays?: unknown;
  /** The holder's CMS over reissuePayload, made with the current certificate. Not needed from an operator. */
  signature?: unknown;
}

/**
 * A new certificate for the holder of `serial`, for the key of a new request. Refused when the
 * current certificate is revoked (or on hold) or expired. A holder proves possession by signing
 * the request with the current certificate; an operator needs no signature.
 */
export async function reissueCertificate(app: App, actor: CaActor, serialIn: unknown, input: ReissueInput): Promise<IssuedCertificate> {
  const serial = parseSerial(serialIn);
  const row = await certificateRow(app, serial);
  if (row.purpose !== 'auth' && row.purpose !== 'sign') throw unprocessable('not_a_holder_certificate', `certificate ${serial} is not a holder's certificate`, 'serial');
  const now = app.now();
  const operator = isNcaOperator(actor);
  if (operator) await refuseDismissedSession(app, actor);
  if (!operator || input.signature !== undefined) {
    if (typeof input.csr !== 'string') throw badRequest('csr', 'a PEM PKCS#10 request is required', 'csr');
    const signer = await verifyHolderSignature(app, input.signature, signedBytes(reissuePayload({ serial, csrPem: input.csr })));
    const byOperator = operator && actor.kind === 'user' && signer.iin === actor.user.iin;
    if (signer.fingerprintSha256 !== row.fingerprint && !byOperator) {
      throw forbidden('not_holder', `the re-issue request must be signed with certificate ${serial} itself`);
    }
  }
  if (row.status === 'revoked') {
    throw unprocessable('revoked', `certificate ${serial} is ${row.revocation_reason === 'certificateHold' ? 'on hold' : 'revoked'} (${row.revocation_reason ?? 'unspecified'}, ${row.revoked_at}): it cannot be re-issued; apply for a new certificate`, 'serial');
  }
  if (row.not_after <= now.toISOString()) throw unprocessable('expired', `certificate ${serial} expired at ${row.not_after}: it cannot be re-issued; apply for a new certificate`, 'serial');
  if (row.not_before > now.toISOString()) throw unprocessable('not_yet_valid', `certificate ${serial} is not valid before ${row.not_before}`, 'serial');
  const csr = await verifyCsrOrThrow(input.csr);
  if (csr.subject.iin && csr.subject.iin !== row.subject_iin) throw unprocessable('csr_subject_mismatch', `the request is for IIN ${csr.subject.iin}, not ${row.subject_iin}`, 'csr');
  const purpose = input.purpose === undefined ? (row.purpose as Purpose) : parsePurpose(input.purpose);
  const current = parseCertificate(row.pem);
  const subject = await holderFromStateDb(app, row.subject_iin!, row.subject_bin, current.roles.length ? current.roles : undefined);
  return issueAndRecord(app, { publicKeyPem: csr.publicKeyPem, subject, purpose, validityDays: parseValidity(input.validityDays), actor, action: 'reissue', detail: { previous: serial } });
}

export interface RevokeInput {
  reason?: unknown;
  /** The holder's CMS over revocationPayload. Not needed from an operator. */
  signature?: unknown;
  requestedAt?: unknown;
}

export interface RevocationResult {
  serial: string;
  status: 'good' | 'revoked' | 'on_hold';
  reason: RevocationReason | null;
  revokedAt: string | null;
  crlNumber: number;
}

/**
 * Revokes `serial` with an RFC 5280 reason, suspends it (certificateHold) or lifts a hold
 * (removeFromCRL). An NCA operator may do any of it; the holder, proven by a signature over
 * revocationPayload made with any currently valid certificate of theirs, may revoke or suspend
 * their own certificate for the reasons a holder can know. A certificate is revoked once: a
 * second revocation is a conflict (a hold may still be made permanent). The CRL is re-signed in
 * the same transaction.
 */
export async function revokeCertificate(app: App, actor: CaActor, serialIn: unknown, input: RevokeInput): Promise<RevocationResult> {
  const serial = parseSerial(serialIn);
  const reason = parseReason(input.reason);
  const row = await certificateRow(app, serial);
  let who = actorLabel(actor);
  const operator = isNcaOperator(actor);
  if (operator) await refuseDismissedSession(app, actor);
  if (input.signature !== undefined || !operator) {
    if (input.signature === undefined) throw forbidden('not_holder', 'only the holder (with a signed request) or an NCA operator may change the status of a certificate');
    const requestedAt = checkFresh(app, input.requestedAt);
    const signer = await verifyHolderSignature(app, input.signature, signedBytes(revocationPayload({ serial, reason, requestedAt })));
    // The holder's request, or an operator confirming with their own EDS.
    const byOperator = operator && actor.kind === 'user' && signer.iin === actor.user.iin;
    if (!sameHolder(signer, row) && !byOperator) {
      throw forbidden('not_holder', `the request is signed by ${signer.subjectDn}, who does not hold certificate ${serial}`);
    }
    if (!operator && !HOLDER_REASONS.has(reason)) {
      throw forbidden('reason_not_allowed', `a holder may not revoke for ${reason}; ask the NCA`);
    }
    if (!operator) who = { actor: `holder:${signer.serialHex}`, actorIin: signer.iin ?? null };
  }
  const ca = await instanceCa(app);
  return app.store.db.transaction().execute((trx) => revokeIn(app, trx, ca, serial, reason, who));
}

/**
 * The status change of revokeCertificate inside the caller's transaction (the CA loaded by the
 * caller before it opened), for a caller that has already decided who may ask: the row's
 * compare-and-set, the audit entry and the new CRL.
 */
export async function revokeIn(app: App, trx: Kysely<Tables>, ca: InstanceCa, serial: string, reason: RevocationReason, who: { actor: string; actorIin: string | null }): Promise<RevocationResult> {
  const now = app.now().toISOString();
  {
    let status: RevocationResult['status'];
    let at: string | null;
    if (reason === 'removeFromCRL') {
      const r = await trx
        .updateTable('certificates')
        .set({ status: 'good', revoked_at: null, revocation_reason: null })
        .where('serial', '=', serial)
        .where('status', '=', 'revoked')
        .where('revocation_reason', '=', 'certificateHold')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('not_on_hold', `certificate ${serial} is not on hold: only a hold (certificateHold) can be lifted`, 'reason');
      await appendCaAudit(trx, { at: now, ...who, action: 'release_hold', serial, detail: { reason } });
      status = 'good';
      at = null;
    } else {
      const r = await trx
        .updateTable('certificates')
        .set({ status: 'revoked', revoked_at: now, revocation_reason: reason })
        .where('serial', '=', serial)
        .where('status', '=', 'good')
        .executeTakeFirst();
      at = now;
      if (Number(r.numUpdatedRows) !== 1) {
        // A hold may be made permanent; its date stays the date the certificate stopped being usable.
        const permanent =
          reason === 'certificateHold'
            ? null
            : await trx
                .updateTable('certificates')
                .set({ revocation_reason: reason })
                .where('serial', '=', serial)
                .where('status', '=', 'revoked')
                .where('revocation_reason', '=', 'certificateHold')
                .returning('revoked_at')
                .executeTakeFirst();
        if (!permanent) {
          const cur = await trx.selectFrom('certificates').select(['revoked_at', 'revocation_reason']).where('serial', '=', serial).executeTakeFirst();
          throw conflict('already_revoked', `certificate ${serial} is already ${cur?.revocation_reason === 'certificateHold' ? 'on hold' : 'revoked'} (${cur?.revocation_reason ?? 'unspecified'}, since ${cur?.revoked_at})`, 'serial');
        }
        at = permanent.revoked_at;
      }
      await appendCaAudit(trx, { at: now, ...who, action: 'revoke', serial, detail: { reason, revokedAt: at } });
      status = reason === 'certificateHold' ? 'on_hold' : 'revoked';
    }
    const crl = await regenerateCrl(app, trx, ca, who.actor);
    return { serial, status, reason: status === 'good' ? null : reason, revokedAt: at, crlNumber: crl.number };
  }
}

export interface CertificateStatusView {
  serial: string;
  status: 'good' | 'revoked' | 'on_hold' | 'expired';
  reason: RevocationReason | null;
  revokedAt: string | null;
  purpose: string;
  subject: string;
  iin: string | null;
  bin: string | null;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
}

/** The status of a certificate of this CA now. */
export async function certificateStatus(app: App, serialIn: unknown): Promise<CertificateStatusView> {
  const serial = parseSerial(serialIn);
  const row = await certificateRow(app, serial);
  const now = app.now().toISOString();
  const reason = isRevocationReason(row.revocation_reason) ? row.revocation_reason : null;
  const status: CertificateStatusView['status'] =
    row.status === 'revoked' && row.revoked_at && row.revoked_at <= now ? (reason === 'certificateHold' ? 'on_hold' : 'revoked') : row.not_after <= now ? 'expired' : 'good';
  return {
    serial,
    status,
    reason: row.status === 'revoked' ? reason : null,
    revokedAt: row.status === 'revoked' ? row.revoked_at : null,
    purpose: row.purpose,
    subject: parseCertificate(row.pem).subjectDn,
    iin: row.subject_iin,
    bin: row.subject_bin,
    notBefore: row.not_before,
    notAfter: row.not_after,
    fingerprint: row.fingerprint,
  };
}

/** Who may see a certificate's record: an operator, or its holder. */
export async function certificateStatusFor(app: App, actor: CaActor, serialIn: unknown): Promise<CertificateStatusView> {
  const view = await certificateStatus(app, serialIn);
  if (isNcaOperator(actor)) return view;
  if (actor.kind === 'user' && actor.user.iin === view.iin && (actor.user.bin ?? null) === (view.bin ?? null)) return view;
  throw forbidden('not_holder', 'only the holder or an NCA operator may see this certificate');
}

// OpenSSL's index knows the reasons of RFC 3280 up to removeFromCRL (a hold needs its instruction).
const OPENSSL_REASON: Record<string, string> = {
  keyCompromise: ',keyCompromise',
  cACompromise: ',CACompromise',
  affiliationChanged: ',affiliationChanged',
  superseded: ',superseded',
  cessationOfOperation: ',cessationOfOperation',
  certificateHold: ',certificateHold,holdInstructionNone',
};

/**
 * OpenSSL's CA database (index.txt) for the certificates of this CA, so that `openssl ocsp
 * -index` (or `openssl ca`) can answer from the same revocation data.
 */
export async function opensslIndex(app: App): Promise<string> {
  const rows = await app.store.db.selectFrom('certificates').select(['serial', 'pem', 'not_after', 'status', 'revoked_at', 'revocation_reason']).orderBy('created_at').execute();
  const t = (iso: string) => {
    const d = new Date(iso);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  };
  const lines = rows.map((r) => {
    const info = parseCertificate(r.pem);
    const subject = '/' + info.subjectDn.split(/,\s(?=[A-Z]+=)/).map((x) => x.replace(/\//g, '\\/')).join('/');
    const revoked = r.status === 'revoked' && r.revoked_at ? `${t(r.revoked_at)}${OPENSSL_REASON[r.revocation_reason ?? ''] ?? ''}` : '';
    let hex = r.serial.toUpperCase();
    if (hex.length % 2) hex = `0${hex}`;
    return [r.status === 'revoked' ? 'R' : 'V', t(r.not_after), revoked, hex, 'unknown', subject].join('\t');
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
