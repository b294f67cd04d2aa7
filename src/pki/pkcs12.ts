import crypto from 'node:crypto';
import { OID } from './oids.ts';
import { PkiError } from './errors.ts';
import { DER_NULL, derInteger, derOid, derTlv, derToPem } from './der.ts';
import { TAG, children, integerValue, isUniversal, octets, oid, raw, readRoot, type Tlv } from './tlv.ts';
import { keysMatch, loadPrivateKey } from './keys.ts';
import { certificateDerFromPem, parseCertificateDer } from './certinfo.ts';

/*
 * PKCS#12 (RFC 7292) written the way OpenSSL 3 writes it by default: certificates in an
 * encrypted SafeContents, the key in a pkcs8ShroudedKeyBag, both PBES2 (PBKDF2-HMAC-SHA256,
 * AES-256-CBC), and an HMAC-SHA256 integrity MAC. node-forge can only write 3DES/SHA-1 files,
 * so the structure is encoded here and the cryptography is node:crypto's.
 */

const ITERATIONS = 10_000;
const SALT_BYTES = 16;

type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';
const HASH_BY_OID: ReadonlyMap<string, HashName> = new Map([
  [OID.sha1, 'sha1'],
  [OID.sha256, 'sha256'],
  [OID.sha384, 'sha384'],
  [OID.sha512, 'sha512'],
]);
const HMAC_BY_OID: ReadonlyMap<string, HashName> = new Map([
  [OID.hmacWithSha1, 'sha1'],
  [OID.hmacWithSha256, 'sha256'],
  [OID.hmacWithSha384, 'sha384'],
  [OID.hmacWithSha512, 'sha512'],
]);
const CIPHER_BY_OID: ReadonlyMap<string, { name: string; keyLength: number }> = new Map([
  [OID.aes128Cbc, { name: 'aes-128-cbc', keyLength: 16 }],
  [OID.aes192Cbc, { name: 'aes-192-cbc', keyLength: 24 }],
  [OID.aes256Cbc, { name: 'aes-256-cbc', keyLength: 32 }],
  [OID.desEde3Cbc, { name: 'des-ede3-cbc', keyLength: 24 }],
]);

/** PKCS#12 passwords for the MAC and the legacy PBEs are BMPString with a terminating NUL. */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** RFC 7292 appendix B.2 key derivation; id 1 = key, 2 = IV, 3 = MAC key. */
function pkcs12Kdf(hash: HashName, password: Buffer, salt: Buffer, id: number, iterations: number, length: number): Buffer {
  const u = crypto.createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const fill = (src: Buffer): Buffer => {
    if (src.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(password)]);
  const chunks: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let A = crypto.createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = crypto.createHash(hash).update(A).digest();
    chunks.push(A);
    if (produced + u >= length) break;
    const B = Buffer.alloc(v);
    for (let i = 0; i < v; i++) B[i] = A[i % u]!;
    // I_j = (I_j + B + 1) mod 2^(8v), block by block, big-endian with carry.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(chunks).subarray(0, length);
}

/** PBES2 AlgorithmIdentifier + ciphertext; PBES2 takes the password as its UTF-8 bytes. */
function pbes2Encrypt(plaintext: Buffer, password: string): { algorithm: Buffer; ciphertext: Buffer } {
  const salt = crypto.randomBytes(SALT_BYTES);
  const iv = crypto.randomBytes(16);
  const key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, ITERATIONS, 32, 'sha256');
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const kdf = derTlv(0x30, [
    derOid(OID.pbkdf2),
    derTlv(0x30, [derTlv(0x04, [salt]), derInteger(ITERATIONS), derTlv(0x30, [derOid(OID.hmacWithSha256), DER_NULL])]),
  ]);
  const scheme = derTlv(0x30, [derOid(OID.aes256Cbc), derTlv(0x04, [iv])]);
  return { algorithm: derTlv(0x30, [derOid(OID.pbes2), derTlv(0x30, [kdf, scheme])]), ciphertext };
}

function bytesOf(t: Tlv | undefined): Buffer {
  if (!t) throw new PkiError('bad_pkcs12', 'PKCS#12 structure is missing a value');
  return Buffer.from(octets(t));
}

/** A hostile file could ask for billions of KDF rounds; real ones use 1 to a few hundred thousand. */
function iterationCount(t: Tlv | undefined): number {
  const n = integerValue(t);
  if (n < 1 || n > 10_000_000) throw new PkiError('bad_pkcs12', `implausible iteration count ${n}`);
  return n;
}

function badPassword(): never {
  throw new PkiError('bad_password', 'wrong password for the PKCS#12 file');
}

function pbeDecrypt(algorithmNode: Tlv | undefined, ciphertext: Buffer, password: string): Buffer {
  const [algOidNode, params] = children(algorithmNode);
  const alg = oid(algOidNode);
  let cipherName: string;
  let key: Buffer;
  let iv: Buffer;
  if (alg === OID.pbes2) {
    const [kdfNode, schemeNode] = children(params);
    const [kdfOid, kdfParams] = children(kdfNode);
    if (oid(kdfOid) !== OID.pbkdf2) throw new PkiError('unsupported_algorithm', `PBES2 key derivation ${oid(kdfOid)} is not supported`);
    const kp = children(kdfParams);
    const salt = bytesOf(kp[0]);
    const iterations = iterationCount(kp[1]);
    let prf: HashName = 'sha1';
    for (const extra of kp.slice(2)) {
      if (isUniversal(extra, TAG.SEQUENCE)) {
        const found = HMAC_BY_OID.get(oid(children(extra)[0]) ?? '');
        if (!found) throw new PkiError('unsupported_algorithm', 'unsupported PBKDF2 PRF');
        prf = found;
      }
    }
    const [schemeOid, ivNode] = children(schemeNode);
    const cipher = CIPHER_BY_OID.get(oid(schemeOid) ?? '');
    if (!cipher) throw new PkiError('unsupported_algorithm', `PBES2 cipher ${oid(schemeOid)} is not supported`);
    cipherName = cipher.name;
    key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
    iv = bytesOf(ivNode);
  } else if (alg === OID.pbeWithShaAnd3KeyTripleDesCbc) {
    // Files from older tools (and node-forge) use the PKCS#12 PBE with 3DES.
    const [saltNode, iterNode] = children(params);
    const salt = bytesOf(saltNode);
    const iterations = iterationCount(iterNode);
    const pw = bmpPassword(password);
    cipherName = 'des-ede3-cbc';
    key = pkcs12Kdf('sha1', pw, salt, 1, iterations, 24);
    iv = pkcs12Kdf('sha1', pw, salt, 2, iterations, 8);
  } else {
    throw new PkiError('unsupported_algorithm', `PKCS#12 encryption ${alg ?? '?'} is not supported (RC2 and other legacy ciphers are not)`);
  }
  try {
    const decipher = crypto.createDecipheriv(cipherName, key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // Padding failure: the key derived from the password is wrong.
    return badPassword();
  }
}

function bagAttributes(friendlyName: string | undefined, localKeyId: Buffer): Buffer {
  const attrs = [derTlv(0x30, [derOid(OID.localKeyId), derTlv(0x31, [derTlv(0x04, [localKeyId])])])];
  if (friendlyName) {
    const bmp = Buffer.from(friendlyName, 'utf16le').swap16();
    attrs.unshift(derTlv(0x30, [derOid(OID.friendlyName), derTlv(0x31, [derTlv(0x1e, [bmp])])]));
  }
  return derTlv(0x31, attrs);
}

function dataContentInfo(content: Buffer): Buffer {
  return derTlv(0x30, [derOid(OID.data), derTlv(0xa0, [derTlv(0x04, [content])])]);
}

export function exportPkcs12(opts: {
  certificatePem: string;
  privateKeyPem: string;
  chainPems: string[];
  password: string;
  friendlyName?: string;
}): Buffer {
  if (!opts.password) throw new PkiError('bad_input', 'a PKCS#12 password is required');
  const certDer = certificateDerFromPem(opts.certificatePem);
  const cert = parseCertificateDer(certDer);
  const key = loadPrivateKey(opts.privateKeyPem);
  if (!keysMatch(key, cert.publicKey)) throw new PkiError('bad_key', 'private key does not match the certificate');
  const localKeyId = crypto.createHash('sha1').update(certDer).digest();

  const certBag = (der: Buffer, attrs: Buffer | null) =>
    derTlv(0x30, [
      derOid(OID.certBag),
      derTlv(0xa0, [derTlv(0x30, [derOid(OID.x509Certificate), derTlv(0xa0, [derTlv(0x04, [der])])])]),
      ...(attrs ? [attrs] : []),
    ]);
  const chain = opts.chainPems.map((pem) => certificateDerFromPem(pem)).filter((d) => !d.equals(certDer));
  const certSafe = derTlv(0x30, [certBag(certDer, bagAttributes(opts.friendlyName, localKeyId)), ...chain.map((d) => certBag(d, null))]);
  const certEnc = pbes2Encrypt(certSafe, opts.password);
  const encryptedCerts = derTlv(0x30, [
    derOid(OID.encryptedData),
    derTlv(0xa0, [
      derTlv(0x30, [
        derInteger(0),
        derTlv(0x30, [derOid(OID.data), certEnc.algorithm, derTlv(0x80, [certEnc.ciphertext])]),
      ]),
    ]),
  ]);

  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const keyEnc = pbes2Encrypt(pkcs8, opts.password);
  const shrouded = derTlv(0x30, [keyEnc.algorithm, derTlv(0x04, [keyEnc.ciphertext])]);
  const keySafe = derTlv(0x30, [
    derTlv(0x30, [derOid(OID.pkcs8ShroudedKeyBag), derTlv(0xa0, [shrouded]), bagAttributes(opts.friendlyName, localKeyId)]),
  ]);

  const authSafe = derTlv(0x30, [encryptedCerts, dataContentInfo(keySafe)]);
  const macSalt = crypto.randomBytes(SALT_BYTES);
  const macKey = pkcs12Kdf('sha256', bmpPassword(opts.password), macSalt, 3, ITERATIONS, 32);
  const mac = crypto.createHmac('sha256', macKey).update(authSafe).digest();
  const macData = derTlv(0x30, [
    derTlv(0x30, [derTlv(0x30, [derOid(OID.sha256), DER_NULL]), derTlv(0x04, [mac])]),
    derTlv(0x04, [macSalt]),
    derInteger(ITERATIONS),
  ]);
  return derTlv(0x30, [derInteger(3), dataContentInfo(authSafe), macData]);
}

function explicitOctets(contentInfo: Tlv | undefined, what: string): Buffer {
  const [typeNode, wrapped] = children(contentInfo);
  if (oid(typeNode) !== OID.data) throw new PkiError('bad_pkcs12', `${what} is not id-data (public-key integrity mode is not supported)`);
  return bytesOf(children(wrapped)[0]);
}

function verifyMac(macData: Tlv, authSafe: Buffer, password: string): void {
  const [digestInfo, saltNode, iterNode] = children(macData);
  const [algNode, macNode] = children(digestInfo);
  const hash = HASH_BY_OID.get(oid(children(algNode)[0]) ?? '');
  if (!hash) throw new PkiError('unsupported_algorithm', 'unsupported PKCS#12 MAC digest');
  const expected = bytesOf(macNode);
  const salt = bytesOf(saltNode);
  const iterations = iterNode ? iterationCount(iterNode) : 1;
  const keyLength = crypto.createHash(hash).digest().length;
  const macKey = pkcs12Kdf(hash, bmpPassword(password), salt, 3, iterations, keyLength);
  const actual = crypto.createHmac(hash, macKey).update(authSafe).digest();
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) badPassword();
}

interface Bag {
  kind: 'key' | 'cert';
  der: Buffer;
  localKeyId?: string;
}

function readBags(safeContents: Buffer, password: string, out: Bag[]): void {
  for (const bag of children(readRoot(safeContents, 'SafeContents'))) {
    const [idNode, valueWrap, attrsNode] = children(bag);
    const id = oid(idNode);
    const value = children(valueWrap)[0];
    let localKeyId: string | undefined;
    for (const attr of children(attrsNode)) {
      const [t, vals] = children(attr);
      if (oid(t) === OID.localKeyId) localKeyId = bytesOf(children(vals)[0]).toString('hex');
    }
    const withId = localKeyId !== undefined ? { localKeyId } : {};
    if (id === OID.pkcs8ShroudedKeyBag) {
      const [algNode, encNode] = children(value);
      out.push({ kind: 'key', der: pbeDecrypt(algNode, bytesOf(encNode), password), ...withId });
    } else if (id === OID.keyBag && value) {
      out.push({ kind: 'key', der: Buffer.from(raw(value)), ...withId });
    } else if (id === OID.certBag) {
      const [certType, certWrap] = children(value);
      if (oid(certType) === OID.x509Certificate) out.push({ kind: 'cert', der: bytesOf(children(certWrap)[0]), ...withId });
    }
  }
}

export function importPkcs12(
  der: Uint8Array,
  password: string,
): { certificatePem: string; privateKeyPem: string; chainPems: string[] } {
  const bags: Bag[] = [];
  try {
    const [, authSafeInfo, macData] = children(readRoot(der, 'PKCS#12'));
    const authSafe = explicitOctets(authSafeInfo, 'PKCS#12 authSafe');
    if (macData) verifyMac(macData, authSafe, password);
    for (const contentInfo of children(readRoot(authSafe, 'AuthenticatedSafe'))) {
      const [typeNode, wrapped] = children(contentInfo);
      const type = oid(typeNode);
      if (type === OID.data) {
        readBags(bytesOf(children(wrapped)[0]), password, bags);
      } else if (type === OID.encryptedData) {
        const [, encInfo] = children(children(wrapped)[0]);
        const [, algNode, encContent] = children(encInfo);
        readBags(pbeDecrypt(algNode, bytesOf(encContent), password), password, bags);
      } else {
        throw new PkiError('unsupported_algorithm', `PKCS#12 content type ${type ?? '?'} (public-key privacy) is not supported`);
      }
    }
  } catch (err) {
    if (err instanceof PkiError && err.code !== 'bad_input') throw err;
    throw new PkiError('bad_pkcs12', `not a readable PKCS#12 file: ${(err as Error).message}`, { cause: err });
  }

  const keys = bags.filter((b) => b.kind === 'key');
  if (keys.length !== 1) throw new PkiError('bad_pkcs12', `PKCS#12 holds ${keys.length} private keys; exactly one is expected`);
  let privateKey: crypto.KeyObject;
  try {
    privateKey = crypto.createPrivateKey({ key: keys[0]!.der, format: 'der', type: 'pkcs8' });
  } catch (err) {
    throw new PkiError('bad_pkcs12', `private key in PKCS#12 is unreadable: ${(err as Error).message}`, { cause: err });
  }
  const certs = bags.filter((b) => b.kind === 'cert');
  const keyId = keys[0]!.localKeyId;
  const leaf =
    certs.find((c) => keyId !== undefined && c.localKeyId === keyId && keysMatchDer(privateKey, c.der)) ??
    certs.find((c) => keysMatchDer(privateKey, c.der));
  if (!leaf) throw new PkiError('bad_pkcs12', 'PKCS#12 has no certificate for its private key');
  return {
    certificatePem: derToPem(leaf.der, 'CERTIFICATE'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    chainPems: certs.filter((c) => c !== leaf).map((c) => derToPem(c.der, 'CERTIFICATE')),
  };
}

function keysMatchDer(privateKey: crypto.KeyObject, certDer: Buffer): boolean {
  try {
    return keysMatch(privateKey, new crypto.X509Certificate(certDer).publicKey);
  } catch {
    return false;
  }
}
