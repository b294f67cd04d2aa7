// The applicant's (or officer's) side of EDS, used by the CLI demo, tests and benchmarks: sign a
// challenge or a command with one's own key. The same canonical payload builders as the server
// are used, so what is signed is exactly what is sent.
import { signCms } from '../pki/index.ts';
import { signedBytes } from './signing.ts';
import type { KeyMaterial } from './bootstrap.ts';

export async function signPayload(key: KeyMaterial, payload: unknown): Promise<string> {
  const der = await signCms(signedBytes(payload), key, { detached: true });
  return Buffer.from(der).toString('base64');
}

export async function signText(key: KeyMaterial, text: string): Promise<string> {
  const der = await signCms(Buffer.from(text, 'utf8'), key, { detached: true });
  return Buffer.from(der).toString('base64');
}
