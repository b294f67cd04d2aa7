// Opens a PKCS#12 key store in the browser, the format src/pki/pkcs12.ts writes (and OpenSSL 3 by
// default): certificates in an encrypted SafeContents, the key in a pkcs8ShroudedKeyBag, both PBES2
// (PBKDF2 + AES-CBC), and an HMAC integrity MAC keyed by the RFC 7292 KDF. All cryptography is
// WebCrypto; the private key is imported non-extractable and never leaves this page.
// `writeKeyStore` (below) writes the same format from a key generated in this browser.
import { DER_NULL, DerError, TAG, children, concat, content, encodeOid, encodeUnsigned, equalBytes, expect, int, isContext, octets, oid, raw, root, tlv, type Tlv, is } from './der.ts';
import { OID, parseCertificate, importAlgorithm, signAlgorithm, type Certificate } from './cert.ts';

export type KeyStoreErrorCode = 'bad_password' | 'not_pkcs12' | 'unsupported' | 'no_key';

export class KeyStoreError extends Error {
  constructor(
    readonly code: KeyStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface KeyStore {
  certificate: Certificate;
  /** The rest of the chain the file carries (issuing CA, root). */
  chain: Certificate[];
  privateKey: CryptoKey;
}

const HASHES: Record<string, { name: string; size: number; block: number }> = {
  [OID.sha1]: { name: 'SHA-1', size: 20, block: 64 },
  [OID.sha256]: { name: 'SHA-256', size: 32, block: 64 },
  [OID.sha384]: { name: 'SHA-384', size: 48, block: 128 },
  [OID.sha512]: { name: 'SHA-512', size: 64, block: 128 },
};
const PRFS: Record<string, string> = {
  [OID.hmacWithSha1]: 'SHA-1',
  [OID.hmacWithSha256]: 'SHA-256',
  [OID.hmacWithSha384]: 'SHA-384',
  [OID.hmacWithSha512]: 'SHA-512',
};
const CIPHERS: Record<string, number> = { [OID.aes128Cbc]: 128, [OID.aes192Cbc]: 192, [OID.aes256Cbc]: 256 };

function iterations(t: Tlv | undefined): number {
  const n = int(t);
  if (n < 1 || n > 10_000_000) throw new KeyStoreError('not_pkcs12', `implausible iteration count ${n}`);
  return n;
}

/** PKCS#12 passwords for the MAC are BMPString with a terminating NUL. */
function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    out[i * 2] = password.charCodeAt(i) >> 8;
    out[i * 2 + 1] = password.charCodeAt(i) & 0xff;
  }
  return out;
}

/** RFC 7292 appendix B.2 with id 3 (MAC key), for a key no longer than one hash output. */
async function macKey(hash: { name: string; size: number; block: number }, password: Uint8Array, salt: Uint8Array, rounds: number): Promise<Uint8Array> {
  const v = hash.block;
  const fill = (src: Uint8Array) => {
    if (src.length === 0) return new Uint8Array(0);
    const out = new Uint8Array(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  let a = new Uint8Array(await crypto.subtle.digest(hash.name, concat([new Uint8Array(v).fill(3), fill(salt), fill(password)]) as BufferSource));
  for (let r = 1; r < rounds; r++) a = new Uint8Array(await crypto.subtle.digest(hash.name, a as BufferSource));
  return a;
}

async function verifyMac(macData: Tlv, authSafe: Uint8Array, password: string): Promise<void> {
  const [digestInfo, saltNode, iterNode] = children(macData);
  const [algNode, macNode] = children(digestInfo);
  const hash = HASHES[oid(children(algNode)[0])];
  if (!hash) throw new KeyStoreError('unsupported', 'unsupported PKCS#12 MAC digest');
  const key = await macKey(hash, bmpPassword(password), octets(saltNode), iterNode ? iterations(iterNode) : 1);
  const hmac = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: hash.name }, false, ['sign']);
  const actual = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, authSafe as BufferSource));
  if (!equalBytes(actual, octets(macNode))) throw new KeyStoreError('bad_password', 'wrong password for the key store');
}

async function pbes2Decrypt(algorithm: Tlv | undefined, ciphertext: Uint8Array, password: string): Promise<Uint8Array> {
  const [algOid, params] = children(algorithm);
  const alg = oid(algOid);
  if (alg !== OID.pbes2) {
    throw new KeyStoreError('unsupported', 'this key store uses a legacy encryption (3DES or RC2) that browsers do not implement; re-export it with AES (OpenSSL 3 does by default)');
  }
  const [kdf, scheme] = children(params);
  const [kdfOid, kdfParams] = children(kdf);
  if (oid(kdfOid) !== OID.pbkdf2) throw new KeyStoreError('unsupported', 'unsupported key derivation');
  const kp = children(kdfParams);
  const salt = octets(kp[0]);
  const rounds = iterations(kp[1]);
  let prf = 'SHA-1';
  for (const extra of kp.slice(2)) {
    if (is(extra, TAG.SEQUENCE)) {
      const p = PRFS[oid(children(extra)[0])];
      if (!p) throw new KeyStoreError('unsupported', 'unsupported PBKDF2 PRF');
      prf = p;
    }
  }
  const [schemeOid, ivNode] = children(scheme);
  const bits = CIPHERS[oid(schemeOid)];
  if (!bits) throw new KeyStoreError('unsupported', 'unsupported cipher (AES-CBC is expected)');
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password) as BufferSource, 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt: salt as BufferSource, iterations: rounds, hash: prf }, base, { name: 'AES-CBC', length: bits }, false, ['decrypt']);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: octets(ivNode) as BufferSource }, key, ciphertext as BufferSource));
  } catch {
    // Bad padding: the key derived from the password is wrong.
    throw new KeyStoreError('bad_password', 'wrong password for the key store');
  }
}

interface Bag {
  kind: 'key' | 'cert';
  der: Uint8Array;
  localKeyId?: Uint8Array;
}

async function readBags(safeContents: Uint8Array, password: string, out: Bag[]): Promise<void> {
  let top: Tlv;
  try {
    top = root(safeContents);
  } catch {
    // Decrypted to garbage that happened to end in valid padding: also a wrong password.
    throw new KeyStoreError('bad_password', 'wrong password for the key store');
  }
  for (const bag of children(top)) {
    const [idNode, valueWrap, attrsNode] = children(bag);
    const id = oid(idNode);
    const value = children(valueWrap)[0];
    let localKeyId: Uint8Array | undefined;
    for (const attr of children(attrsNode)) {
      const [t, vals] = children(attr);
      if (oid(t) === OID.localKeyId) localKeyId = octets(children(vals)[0]);
    }
    if (id === OID.pkcs8ShroudedKeyBag) {
      const [alg, enc] = children(value);
      out.push({ kind: 'key', der: await pbes2Decrypt(alg, octets(enc), password), ...(localKeyId ? { localKeyId } : {}) });
    } else if (id === OID.keyBag && value) {
      out.push({ kind: 'key', der: raw(value), ...(localKeyId ? { localKeyId } : {}) });
    } else if (id === OID.certBag) {
      const [certType, certWrap] = children(value);
      if (oid(certType) === OID.x509Certificate) out.push({ kind: 'cert', der: octets(children(certWrap)[0]), ...(localKeyId ? { localKeyId } : {}) });
    }
  }
}

function dataOctets(contentInfo: Tlv | undefined): Uint8Array {
  const [typeNode, wrapped] = children(contentInfo);
  if (oid(typeNode) !== OID.data) throw new KeyStoreError('unsupported', 'public-key integrity mode is not supported');
  if (!isContext(wrapped, 0)) throw new DerError('content missing');
  return octets(children(wrapped)[0]);
}

async function keyMatches(key: CryptoKey, cert: Certificate): Promise<boolean> {
  try {
    const probe = new TextEncoder().encode('qyzmet key check');
    const sig = new Uint8Array(await crypto.subtle.sign(signAlgorithm(cert), key, probe));
    const pub = await crypto.subtle.importKey('spki', cert.spki as BufferSource, importAlgorithm(cert), false, ['verify']);
    return await crypto.subtle.verify(signAlgorithm(cert), pub, sig, probe);
  } catch {
    return false;
  }
}

export async function openKeyStore(file: Uint8Array, password: string): Promise<KeyStore> {
  const bags: Bag[] = [];
  try {
    const [, authSafeInfo, macData] = children(expect(root(file), TAG.SEQUENCE, 'PFX'));
    const authSafe = dataOctets(authSafeInfo);
    if (macData) await verifyMac(macData, authSafe, password);
    for (const ci of children(root(authSafe))) {
      const [typeNode, wrapped] = children(ci);
      const type = oid(typeNode);
      if (type === OID.data) await readBags(octets(children(wrapped)[0]), password, bags);
      else if (type === OID.encryptedData) {
        const [, encInfo] = children(children(wrapped)[0]);
        const [, alg, enc] = children(encInfo);
        if (!enc || !isContext(enc, 0)) throw new DerError('encrypted content missing');
        await readBags(await pbes2Decrypt(alg, content(enc), password), password, bags);
      } else throw new KeyStoreError('unsupported', 'public-key privacy mode is not supported');
    }
  } catch (e) {
    if (e instanceof KeyStoreError) throw e;
    throw new KeyStoreError('not_pkcs12', `not a readable PKCS#12 key store: ${(e as Error).message}`);
  }
  const keys = bags.filter((b) => b.kind === 'key');
  if (keys.length !== 1) throw new KeyStoreError('no_key', `the key store holds ${keys.length} private keys; exactly one is expected`);
  const certs: Certificate[] = [];
  for (const b of bags) {
    if (b.kind !== 'cert') continue;
    try {
      certs.push(parseCertificate(b.der));
    } catch {
      // A certificate we cannot read (another algorithm) must not hide the holder's own.
    }
  }
  const keyDer = keys[0]!.der;
  const keyAlgOid = oid(children(children(root(keyDer))[1])[0]);
  const candidates = certs.filter((c) => !c.isCa && (c.keyAlgorithm === 'EC' ? keyAlgOid === OID.ecPublicKey : keyAlgOid === OID.rsaEncryption));
  for (const cert of candidates) {
    let privateKey: CryptoKey;
    try {
      privateKey = await crypto.subtle.importKey('pkcs8', keyDer as BufferSource, importAlgorithm(cert), false, ['sign']);
    } catch {
      continue;
    }
    if (await keyMatches(privateKey, cert)) {
      return { certificate: cert, chain: certs.filter((c) => c !== cert), privateKey };
    }
  }
  throw new KeyStoreError('no_key', 'the key store has no certificate for its private key');
}

// ---------------------------------------------------------------- writing

// The format src/pki/pkcs12.ts writes on the server (and OpenSSL 3 by default): the certificates in
// an encrypted SafeContents, the key in a pkcs8ShroudedKeyBag, both PBES2 with PBKDF2-HMAC-SHA256
// and AES-256-CBC, and an HMAC-SHA256 MAC keyed by the RFC 7292 KDF. Built in the browser from a
// key generated here, so the private key is never anywhere but on this page and in the file.

const WRITE_ITERATIONS = 10_000;
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function encodeInt(n: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return encodeUnsigned(Uint8Array.from(bytes.length ? bytes : [0]));
}

const octetString = (b: Uint8Array) => tlv(TAG.OCTET_STRING, b);

async function pbes2Encrypt(plaintext: Uint8Array, password: string): Promise<{ algorithm: Uint8Array; ciphertext: Uint8Array }> {
  const salt = random(16);
  const iv = random(16);
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password) as BufferSource, 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt: salt as BufferSource, iterations: WRITE_ITERATIONS, hash: 'SHA-256' }, base, { name: 'AES-CBC', length: 256 }, false, ['encrypt']);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: iv as BufferSource }, key, plaintext as BufferSource));
  const kdf = tlv(TAG.SEQUENCE, encodeOid(OID.pbkdf2), tlv(TAG.SEQUENCE, octetString(salt), encodeInt(WRITE_ITERATIONS), tlv(TAG.SEQUENCE, encodeOid(OID.hmacWithSha256), DER_NULL)));
  const scheme = tlv(TAG.SEQUENCE, encodeOid(OID.aes256Cbc), octetString(iv));
  return { algorithm: tlv(TAG.SEQUENCE, encodeOid(OID.pbes2), tlv(TAG.SEQUENCE, kdf, scheme)), ciphertext };
}

function bmpString(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[i * 2] = s.charCodeAt(i) >> 8;
    out[i * 2 + 1] = s.charCodeAt(i) & 0xff;
  }
  return out;
}

function bagAttributes(friendlyName: string | undefined, localKeyId: Uint8Array): Uint8Array {
  const attrs = [tlv(TAG.SEQUENCE, encodeOid(OID.localKeyId), tlv(TAG.SET, octetString(localKeyId)))];
  if (friendlyName) attrs.unshift(tlv(TAG.SEQUENCE, encodeOid(FRIENDLY_NAME), tlv(TAG.SET, tlv(TAG.BMP, bmpString(friendlyName)))));
  return tlv(TAG.SET, ...attrs);
}

const dataContentInfo = (c: Uint8Array) => tlv(TAG.SEQUENCE, encodeOid(OID.data), tlv(0xa0, octetString(c)));

const certBag = (der: Uint8Array, attrs: Uint8Array | null) =>
  tlv(TAG.SEQUENCE, encodeOid(OID.certBag), tlv(0xa0, tlv(TAG.SEQUENCE, encodeOid(OID.x509Certificate), tlv(0xa0, octetString(der)))), ...(attrs ? [attrs] : []));

export interface KeyStoreInput {
  /** The holder's private key (extractable: it is written into the file, encrypted). */
  privateKey: CryptoKey;
  /** The holder's certificate (DER). */
  certificate: Uint8Array;
  /** The rest of the chain: issuing CA, root (DER). */
  chain: Uint8Array[];
  password: string;
  friendlyName?: string;
}

/**
 * Writes a PKCS#12 key store. The certificate must be for the private key: a key store whose key and
 * certificate do not belong together would fail at the first signature, so it is refused here.
 */
export async function writeKeyStore(o: KeyStoreInput): Promise<Uint8Array> {
  if (!o.password) throw new KeyStoreError('bad_password', 'a key store password is required');
  const cert = parseCertificate(o.certificate);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', o.privateKey));
  const signer = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, importAlgorithm(cert), false, ['sign']);
  if (!(await keyMatches(signer, cert))) throw new KeyStoreError('no_key', 'the certificate is not for this private key');
  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-1', o.certificate as BufferSource));

  const chain = o.chain.filter((d) => !equalBytes(d, o.certificate));
  const certSafe = tlv(TAG.SEQUENCE, certBag(o.certificate, bagAttributes(o.friendlyName, localKeyId)), ...chain.map((d) => certBag(d, null)));
  const certEnc = await pbes2Encrypt(certSafe, o.password);
  const encryptedCerts = tlv(
    TAG.SEQUENCE,
    encodeOid(OID.encryptedData),
    tlv(0xa0, tlv(TAG.SEQUENCE, encodeInt(0), tlv(TAG.SEQUENCE, encodeOid(OID.data), certEnc.algorithm, tlv(0x80, certEnc.ciphertext)))),
  );

  const keyEnc = await pbes2Encrypt(pkcs8, o.password);
  const shrouded = tlv(TAG.SEQUENCE, keyEnc.algorithm, octetString(keyEnc.ciphertext));
  const keySafe = tlv(TAG.SEQUENCE, tlv(TAG.SEQUENCE, encodeOid(OID.pkcs8ShroudedKeyBag), tlv(0xa0, shrouded), bagAttributes(o.friendlyName, localKeyId)));

  const authSafe = tlv(TAG.SEQUENCE, encryptedCerts, dataContentInfo(keySafe));
  const macSalt = random(16);
  const key = await macKey(HASHES[OID.sha256]!, bmpPassword(o.password), macSalt, WRITE_ITERATIONS);
  const hmac = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, authSafe as BufferSource));
  const macData = tlv(TAG.SEQUENCE, tlv(TAG.SEQUENCE, tlv(TAG.SEQUENCE, encodeOid(OID.sha256), DER_NULL), octetString(mac)), octetString(macSalt), encodeInt(WRITE_ITERATIONS));
  return tlv(TAG.SEQUENCE, encodeInt(3), dataContentInfo(authSafe), macData);
}
