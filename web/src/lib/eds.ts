// The app's door to the browser EDS: the PKI code is a separate chunk, fetched the first time a
// key store is opened (sign-in, signing) or a result is verified.
import type * as Pki from '../pki/index.ts';
import { canonicalJson } from '../../../src/core/canonical.ts';

let mod: Promise<typeof Pki> | null = null;
export function pki(): Promise<typeof Pki> {
  mod ??= import('../pki/index.ts');
  mod.catch(() => (mod = null));
  return mod;
}

export type KeyStore = Pki.KeyStore;
export type Purpose = Pki.Purpose;

export async function unlockFile(file: File, password: string, purpose: Purpose, holder?: { iin: string; bin: string | null }): Promise<KeyStore> {
  const p = await pki();
  return p.unlock(new Uint8Array(await file.arrayBuffer()), password, purpose, holder);
}

/** Base64 detached CMS over the UTF-8 bytes of the canonical JSON of `payload` (what the server verifies). */
export async function signPayload(ks: KeyStore, payload: unknown): Promise<string> {
  return (await pki()).signDetached(ks, new TextEncoder().encode(canonicalJson(payload)));
}

export async function signText(ks: KeyStore, text: string): Promise<string> {
  return (await pki()).signDetached(ks, new TextEncoder().encode(text));
}

export function isEdsError(e: unknown): e is Pki.EdsError {
  return e instanceof Error && (e as { eds?: unknown }).eds === true;
}
