// The browser's EDS, loaded on demand (its own chunk): open a key store, check that it is the
// right kind of certificate for what the user is doing, sign, and verify a result.
import { KeyStoreError, openKeyStore, type KeyStore } from './pkcs12.ts';
import type { Purpose } from './cert.ts';

export { signDetached } from './cms.ts';
export { verifyResult, isBundle, type ResultBundle, type Report, type Check, type CheckId } from './verify.ts';
export type { KeyStore } from './pkcs12.ts';
export type { Certificate, Purpose } from './cert.ts';

export type EdsErrorCode = 'bad_password' | 'not_pkcs12' | 'unsupported' | 'no_key' | 'need_auth' | 'need_sign' | 'expired' | 'not_yet_valid' | 'not_yours';

export class EdsError extends Error {
  /** A brand that survives minification (class names do not). */
  readonly eds = true;
  constructor(
    readonly code: EdsErrorCode,
    message: string,
    readonly info: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Opens the key store and checks, before anything is sent, what the browser can know: the password,
 * the kind of certificate (authentication for sign-in, signing for documents), its validity period
 * and, when signing, that it is the signed-in person's. Revocation is the server's verdict.
 */
export async function unlock(file: Uint8Array, password: string, purpose: Purpose, holder?: { iin: string; bin: string | null }, now = new Date()): Promise<KeyStore> {
  let ks: KeyStore;
  try {
    ks = await openKeyStore(file, password);
  } catch (e) {
    if (e instanceof KeyStoreError) throw new EdsError(e.code, e.message);
    throw e;
  }
  const c = ks.certificate;
  if (c.purpose !== purpose) throw new EdsError(purpose === 'auth' ? 'need_auth' : 'need_sign', `a ${purpose} certificate is needed`);
  if (now >= c.notAfter) throw new EdsError('expired', 'the certificate has expired', { date: c.notAfter.toISOString() });
  if (now < c.notBefore) throw new EdsError('not_yet_valid', 'the certificate is not valid yet', { date: c.notBefore.toISOString() });
  if (holder && (c.iin !== holder.iin || (c.bin ?? null) !== (holder.bin ?? null))) {
    throw new EdsError('not_yours', 'the key store is not the signed-in user\'s', { iin: c.iin ?? '?', bin: c.bin ?? '', me: holder.iin });
  }
  return ks;
}
