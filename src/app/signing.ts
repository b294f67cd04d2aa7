// Every signature the platform accepts is verified here, never trusted: the CMS must verify
// over exactly the canonical bytes of what the command carries, the chain must reach our trust
// store, the certificate must be valid when the server receives the signature (the moment we
// can vouch for; a signer-supplied signingTime is not evidence), and its holder must be the actor.
import { canonicalJson } from '../core/canonical.ts';
import { verifyCms, type CertificateInfo, type Purpose } from '../pki/index.ts';
import { trustOf, type App } from './context.ts';
import { AppError, badRequest, forbidden } from './errors.ts';
import { dismissedAt, dismissedMessage } from './ca-operator-status.ts';

export interface VerifiedSignature {
  signer: CertificateInfo;
  certSerial: string;
  certFingerprint: string;
}

const MAX_SIGNATURE_BYTES = 64 * 1024;

/** Decodes and verifies a base64 CMS over `content`; throws a problem naming the failed check. */
export async function verifyOrThrow(app: App, signatureB64: unknown, content: Uint8Array, purpose: Purpose, field = 'signature'): Promise<CertificateInfo> {
  if (typeof signatureB64 !== 'string' || signatureB64.length === 0) throw badRequest('signature_required', 'this action must be signed with EDS: send a base64 CMS signature', field);
  if (signatureB64.length > (MAX_SIGNATURE_BYTES * 4) / 3 + 4) throw new AppError(413, 'signature_too_large', `the signature exceeds ${MAX_SIGNATURE_BYTES} bytes`, field);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureB64)) throw badRequest('signature_not_base64', 'the signature is not base64', field);
  const res = await verifyCms(Buffer.from(signatureB64, 'base64'), { content, trust: trustOf(app), at: app.now(), purpose });
  if (!res.ok) throw new AppError(422, res.code, `signature rejected: ${res.message}`, field);
  // An NCA operator's certificate dies with the appointment, revoked or not (seed 004 p.15(1)).
  const dismissed = await dismissedAt(app, res.signer.serialHex, app.now(), res.signer);
  if (dismissed) throw new AppError(422, 'operator_dismissed', `signature rejected: ${dismissedMessage(res.signer.serialHex, dismissed)}`, field);
  return res.signer;
}

export async function verifySigned(
  app: App,
  signatureB64: unknown,
  content: Uint8Array,
  expect: { iin: string; bin?: string | null; purpose: Purpose; field?: string },
): Promise<VerifiedSignature> {
  const s = await verifyOrThrow(app, signatureB64, content, expect.purpose, expect.field);
  if (s.iin !== expect.iin) throw forbidden('signer_mismatch', `the signature was made by IIN ${s.iin ?? 'unknown'}, but the action is taken by IIN ${expect.iin}`);
  if ((expect.bin ?? undefined) !== (s.bin ?? undefined)) {
    throw forbidden('signer_mismatch', `the signing certificate is for ${s.bin ? `BIN ${s.bin}` : 'an individual'}, but the action is taken for ${expect.bin ? `BIN ${expect.bin}` : 'an individual'}`);
  }
  return { signer: s, certSerial: s.serialHex, certFingerprint: s.fingerprintSha256 };
}

export function signedBytes(payload: unknown): Uint8Array {
  return Buffer.from(canonicalJson(payload), 'utf8');
}
