// PKCS#10 certificate requests made in the browser (RFC 2986): the applicant's key pair is generated
// here with WebCrypto (ECDSA P-256), the request carries its public key and a subject in the NCA's
// form (CN, SERIALNUMBER=IIN…, C=KZ; a company's O and OU=BIN…) and is signed by its own private key
// (proof of possession). Only the request leaves the browser. The reverse, `readCsr`, lets the NCA
// operator's desk show what a request holds and whether its signature verifies.
import { DerError, TAG, bitString, children, encodeOid, encodeUnsigned, expect, fromBase64, hex, oid, raw, root, text, tlv, toBase64 } from './der.ts';
import { OID, ecdsaDerToRaw } from './cert.ts';

export interface CsrSubject {
  /** The holder's full name as the state database has it. */
  commonName: string;
  iin: string;
  bin?: string | null;
  organization?: string | null;
}

export const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/**
 * A fresh ECDSA P-256 key pair. The private key is extractable only so that the applicant can later
 * put it into their own PKCS#12 file (in this browser); it is never sent anywhere.
 */
export async function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

const atv = (type: string, tag: number, value: string) => tlv(TAG.SET, tlv(TAG.SEQUENCE, encodeOid(type), tlv(tag, new TextEncoder().encode(value))));

/** The subject Name in the NCA's order (src/pki/names.ts): CN, SERIALNUMBER, C, then O and OU for a company. */
export function encodeSubject(s: CsrSubject): Uint8Array {
  if (!/^\d{12}$/.test(s.iin)) throw new DerError('the IIN must be 12 digits');
  if (s.bin && !/^\d{12}$/.test(s.bin)) throw new DerError('the BIN must be 12 digits');
  const rdns = [atv(OID.commonName, TAG.UTF8, s.commonName.trim() || s.iin), atv(OID.serialNumber, TAG.PRINTABLE, `IIN${s.iin}`), atv(COUNTRY, TAG.PRINTABLE, 'KZ')];
  if (s.bin) {
    if (s.organization) rdns.push(atv(OID.organization, TAG.UTF8, s.organization));
    rdns.push(atv(OID.organizationalUnit, TAG.PRINTABLE, `BIN${s.bin}`));
  }
  return tlv(TAG.SEQUENCE, ...rdns);
}
const COUNTRY = '2.5.4.6';

/** WebCrypto's r‖s as DER SEQUENCE { INTEGER r, INTEGER s }, as PKCS#10 carries it. */
function ecdsaRawToDer(sig: Uint8Array): Uint8Array {
  const half = sig.length / 2;
  return tlv(TAG.SEQUENCE, encodeUnsigned(sig.subarray(0, half)), encodeUnsigned(sig.subarray(half)));
}

export function toPem(der: Uint8Array, label: string): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function fromPem(pem: string, label: string): Uint8Array {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem);
  if (!m) throw new DerError(`not a PEM ${label}`);
  return fromBase64(m[1]!.replace(/\s+/g, ''));
}

/** All PEM blocks of one label, in order (a chain as GET /api/cases/:id/certificates returns it). */
export function pemBlocks(pem: string, label: string): Uint8Array[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(re)].map((m) => fromBase64(m[1]!.replace(/\s+/g, '')));
}

/** SHA-256 of the SubjectPublicKeyInfo, grouped for reading aloud at the counter. */
export async function keyFingerprint(spki: Uint8Array): Promise<string> {
  const h = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', spki as BufferSource))).toUpperCase();
  return h.match(/.{4}/g)!.join(' ');
}

/** A PKCS#10 request for `keys`, signed with its private key (ecdsa-with-SHA256). */
export async function buildCsr(keys: CryptoKeyPair, subject: CsrSubject): Promise<{ der: Uint8Array; pem: string; spki: Uint8Array }> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  // CertificationRequestInfo: version 0, subject, key, and an empty [0] attribute set.
  const info = tlv(TAG.SEQUENCE, Uint8Array.of(0x02, 0x01, 0x00), encodeSubject(subject), spki, Uint8Array.of(0xa0, 0x00));
  const sig = ecdsaRawToDer(new Uint8Array(await crypto.subtle.sign(SIGN, keys.privateKey, info as BufferSource)));
  const der = tlv(TAG.SEQUENCE, info, tlv(TAG.SEQUENCE, encodeOid(OID.ecdsaWithSha256)), tlv(TAG.BIT_STRING, Uint8Array.of(0), sig));
  return { der, pem: toPem(der, 'CERTIFICATE REQUEST'), spki };
}

export interface CsrInfo {
  commonName?: string;
  iin?: string;
  bin?: string;
  organization?: string;
  /** 'ECDSA P-256', 'ECDSA P-384' or 'RSA'. */
  keyAlgorithm: string;
  fingerprint: string;
  /** The request is signed by the key it carries. */
  signatureValid: boolean;
}

/** Reads a PEM PKCS#10 request and checks its proof of possession, in the browser. */
export async function readCsr(pem: string): Promise<CsrInfo> {
  const der = fromPem(pem, 'CERTIFICATE REQUEST');
  const [infoNode0, algNode, sigNode] = children(expect(root(der), TAG.SEQUENCE, 'certification request'));
  const infoNode = expect(infoNode0, TAG.SEQUENCE, 'certification request info');
  const [, subjectNode, spkiNode] = children(infoNode);
  const attrs: Array<{ type: string; value: string }> = [];
  for (const rdn of children(expect(subjectNode, TAG.SEQUENCE, 'subject'))) {
    for (const a of children(rdn)) {
      const [t, v] = children(a);
      if (t && v) attrs.push({ type: oid(t), value: text(v) });
    }
  }
  const get = (t: string) => attrs.find((a) => a.type === t)?.value;
  const serialNumber = get(OID.serialNumber);
  const binOu = attrs.filter((a) => a.type === OID.organizationalUnit).map((a) => a.value).find((v) => /^BIN\d{12}$/.test(v));
  const spki = raw(expect(spkiNode, TAG.SEQUENCE, 'subject public key info'));
  const [keyAlg] = children(spkiNode);
  const [keyOid, params] = children(keyAlg);
  const sigAlg = oid(children(algNode)[0]);
  const signature = bitString(sigNode);
  let keyAlgorithm = 'RSA';
  let signatureValid = false;
  try {
    if (oid(keyOid) === OID.ecPublicKey) {
      const curve = oid(params) === OID.p384 ? 'P-384' : oid(params) === OID.p256 ? 'P-256' : null;
      if (!curve) throw new DerError('unsupported curve');
      keyAlgorithm = `ECDSA ${curve}`;
      if (sigAlg === OID.ecdsaWithSha256) {
        const key = await crypto.subtle.importKey('spki', spki as BufferSource, { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
        signatureValid = await crypto.subtle.verify(SIGN, key, ecdsaDerToRaw(signature, curve === 'P-384' ? 48 : 32) as BufferSource, raw(infoNode) as BufferSource);
      }
    } else if (oid(keyOid) === OID.rsaEncryption && sigAlg === OID.sha256WithRsa) {
      const key = await crypto.subtle.importKey('spki', spki as BufferSource, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
      signatureValid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature as BufferSource, raw(infoNode) as BufferSource);
    }
  } catch {
    signatureValid = false;
  }
  const out: CsrInfo = { keyAlgorithm, fingerprint: await keyFingerprint(spki), signatureValid };
  const cn = get(OID.commonName);
  if (cn) out.commonName = cn;
  if (serialNumber && /^IIN\d{12}$/.test(serialNumber)) out.iin = serialNumber.slice(3);
  if (binOu) out.bin = binOu.slice(3);
  const org = get(OID.organization);
  if (org) out.organization = org;
  return out;
}

/** The bytes of a key as PKCS#8 (for the key store the applicant downloads). */
export async function pkcs8Of(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
}
