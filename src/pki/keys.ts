import crypto, { type KeyObject } from 'node:crypto';
import { PkiError } from './errors.ts';
import type { KeyAlgorithm, KeyPairPem } from './types.ts';
import { BoundedCache } from './cache.ts';

const PEM_ENCODING = {
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const;

/** Runs in libuv's thread pool, so RSA generation does not block the event loop. */
export function generateKeyPair(alg: KeyAlgorithm): Promise<KeyPairPem> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, publicKeyPem: string, privateKeyPem: string) =>
      err ? reject(err) : resolve({ privateKeyPem, publicKeyPem });
    if (alg === 'ECDSA-P256') crypto.generateKeyPair('ec', { namedCurve: 'prime256v1', ...PEM_ENCODING }, done);
    else if (alg === 'RSA-2048') crypto.generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001, ...PEM_ENCODING }, done);
    else unsupported(alg);
  });
}

function unsupported(alg: unknown): never {
  throw new PkiError('unsupported_algorithm', `unsupported key algorithm ${String(alg)}`);
}

/** The library's algorithm name for a key, or a PkiError for anything other than P-256 / RSA-2048. */
export function keyAlgorithmOf(key: KeyObject): KeyAlgorithm {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return 'ECDSA-P256';
  if (key.asymmetricKeyType === 'rsa' && details.modulusLength === 2048) return 'RSA-2048';
  const what =
    key.asymmetricKeyType === 'ec'
      ? `EC ${details.namedCurve ?? '?'}`
      : key.asymmetricKeyType === 'rsa'
        ? `RSA-${details.modulusLength ?? '?'}`
        : String(key.asymmetricKeyType);
  throw new PkiError('unsupported_algorithm', `key type ${what} is not supported (ECDSA-P256 or RSA-2048 only)`);
}

// Parsing a PEM key costs tens of microseconds; CAs sign repeatedly with the same key.
const privateKeys = new BoundedCache<string, KeyObject>(256);

export function loadPrivateKey(pem: string): KeyObject {
  let key = privateKeys.get(pem);
  if (!key) {
    try {
      key = crypto.createPrivateKey({ key: pem, format: 'pem' });
    } catch (err) {
      throw new PkiError('bad_key', `cannot read private key: ${(err as Error).message}`, { cause: err });
    }
    privateKeys.set(pem, key);
  }
  return key;
}

export function loadPublicKey(pemOrDer: string | Uint8Array): KeyObject {
  try {
    return typeof pemOrDer === 'string'
      ? crypto.createPublicKey({ key: pemOrDer, format: 'pem' })
      : crypto.createPublicKey({ key: Buffer.from(pemOrDer), format: 'der', type: 'spki' });
  } catch (err) {
    throw new PkiError('bad_key', `cannot read public key: ${(err as Error).message}`, { cause: err });
  }
}

// Exporting a key costs tens of microseconds; issuing a certificate needs the subject's SPKI
// more than once (the TBS, the key identifier). Callers only read the returned bytes.
const spkiByKey = new WeakMap<KeyObject, Buffer>();

export function spkiDer(key: KeyObject): Buffer {
  let der = spkiByKey.get(key);
  if (!der) {
    der = key.export({ type: 'spki', format: 'der' });
    spkiByKey.set(key, der);
  }
  return der;
}

export function publicKeyPemOf(privateKey: KeyObject): string {
  return crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

export function keysMatch(privateKey: KeyObject, publicKey: KeyObject): boolean {
  return spkiDer(crypto.createPublicKey(privateKey)).equals(spkiDer(publicKey));
}

export function encryptPrivateKeyPem(pkcs8Pem: string, passphrase: string): string {
  if (!passphrase) throw new PkiError('bad_input', 'passphrase must not be empty');
  const key = loadPrivateKey(pkcs8Pem);
  return key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

export function decryptPrivateKeyPem(encPem: string, passphrase: string): string {
  let key: KeyObject;
  try {
    key = crypto.createPrivateKey({ key: encPem, format: 'pem', passphrase });
  } catch (err) {
    // OpenSSL reports a wrong passphrase as a decrypt/"bad decrypt" failure; anything else is a broken file.
    const msg = (err as Error).message;
    const code = /decrypt|passphrase|password/i.test(msg) ? 'bad_password' : 'bad_key';
    throw new PkiError(code, `cannot decrypt private key: ${msg}`, { cause: err });
  }
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}
