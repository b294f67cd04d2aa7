// The instance's CA keys, loaded (decrypted) once per App and kept in memory: they never leave
// the process, and only src/pki functions use them.
import type { CaMaterial } from '../pki/index.ts';
import { ensureCa } from './bootstrap.ts';
import type { App } from './context.ts';

export interface InstanceCa {
  root: CaMaterial;
  issuing: CaMaterial;
}

const loaded = new WeakMap<App, Promise<InstanceCa>>();

export function instanceCa(app: App): Promise<InstanceCa> {
  let p = loaded.get(app);
  if (!p) {
    p = ensureCa(app).then(({ root, issuing }) => ({ root, issuing }));
    p.catch(() => loaded.delete(app));
    loaded.set(app, p);
  }
  return p;
}

/** Where the instance publishes its CA objects (and what goes into certificates it issues). */
export function pkiUrls(app: App) {
  const base = app.config.publicUrl.replace(/\/+$/, '');
  return { crlUrl: `${base}/pki/crl`, ocspUrl: `${base}/pki/ocsp`, issuerUrl: `${base}/pki/issuing.crt`, rootUrl: `${base}/pki/root.crt` };
}
