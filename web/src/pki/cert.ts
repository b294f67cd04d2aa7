// X.509 certificates as the platform's CA issues them (src/pki/profiles.ts): the holder's IIN in
// the subject serialNumber ("IIN…"), a company's BIN in OU ("BIN…"), and the purpose in the
// extended key usage: clientAuth for authentication, emailProtection for signing.
import { DerError, TAG, bitString, children, content, expect, hex, isContext, oid, raw, text, time, type Tlv, root, is } from './der.ts';

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha256: '2.16.840.1.101.3.4.2.1',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  localKeyId: '1.2.840.113549.1.9.21',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha1: '1.2.840.113549.2.7',
  hmacWithSha256: '1.2.840.113549.2.9',
  hmacWithSha384: '1.2.840.113549.2.10',
  hmacWithSha512: '1.2.840.113549.2.11',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  sha1: '1.3.14.3.2.26',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

export type Purpose = 'auth' | 'sign';

export interface Certificate {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** INTEGER content bytes, as the CMS issuerAndSerialNumber repeats them. */
  serialContent: Uint8Array;
  /** Lower-case hex without leading zero bytes: the server's `serialHex`. */
  serialHex: string;
  issuerRaw: Uint8Array;
  subjectRaw: Uint8Array;
  commonName: string;
  iin?: string;
  bin?: string;
  organization?: string;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  keyAlgorithm: 'EC' | 'RSA';
  namedCurve?: 'P-256' | 'P-384';
  isCa: boolean;
  purpose?: Purpose;
}

function nameAttrs(name: Tlv): Array<{ type: string; value: string }> {
  const out: Array<{ type: string; value: string }> = [];
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [t, v] = children(atv);
      if (t && v) out.push({ type: oid(t), value: text(v) });
    }
  }
  return out;
}

export function parseCertificate(der: Uint8Array): Certificate {
  const [tbsNode, algNode, sigNode] = children(expect(root(der), TAG.SEQUENCE, 'certificate'));
  const tbsParts = children(expect(tbsNode, TAG.SEQUENCE, 'tbsCertificate'));
  let i = isContext(tbsParts[0], 0) ? 1 : 0;
  const serialNode = expect(tbsParts[i++], TAG.INTEGER, 'serial number');
  i++; // signature algorithm (repeated outside)
  const issuer = expect(tbsParts[i++], TAG.SEQUENCE, 'issuer');
  const [nb, na] = children(tbsParts[i++]);
  const subject = expect(tbsParts[i++], TAG.SEQUENCE, 'subject');
  const spkiNode = expect(tbsParts[i++], TAG.SEQUENCE, 'subject public key info');
  const [spkiAlg] = children(spkiNode);
  const [keyOidNode, keyParams] = children(spkiAlg);
  const keyOid = oid(keyOidNode);
  let keyAlgorithm: Certificate['keyAlgorithm'];
  let namedCurve: Certificate['namedCurve'];
  if (keyOid === OID.ecPublicKey) {
    keyAlgorithm = 'EC';
    const c = oid(keyParams);
    if (c === OID.p256) namedCurve = 'P-256';
    else if (c === OID.p384) namedCurve = 'P-384';
    else throw new DerError(`unsupported elliptic curve ${c}`);
  } else if (keyOid === OID.rsaEncryption) keyAlgorithm = 'RSA';
  else throw new DerError(`unsupported key algorithm ${keyOid}`);

  let isCa = false;
  let eku: string[] | null = null;
  const extWrap = tbsParts.slice(i).find((n) => isContext(n, 3));
  for (const ext of children(children(extWrap)[0])) {
    const parts = children(ext);
    const id = oid(parts[0]);
    const value = parts[parts.length - 1]!;
    const inner = root(content(expect(value, TAG.OCTET_STRING, 'extension value')));
    if (id === OID.basicConstraints) {
      const first = children(inner)[0];
      isCa = !!first && is(first, TAG.BOOLEAN) && content(first)[0] !== 0;
    } else if (id === OID.extKeyUsage) {
      eku = children(inner).map((n) => oid(n));
    }
  }

  const attrs = nameAttrs(subject);
  const get = (t: string) => attrs.find((a) => a.type === t)?.value;
  const serialNumber = get(OID.serialNumber);
  const ou = attrs.filter((a) => a.type === OID.organizationalUnit).map((a) => a.value).find((v) => /^BIN\d{12}$/.test(v));
  const serial = content(serialNode);
  let z = 0;
  while (z < serial.length - 1 && serial[z] === 0) z++;
  const cert: Certificate = {
    der,
    tbs: raw(tbsNode!),
    signatureAlgorithm: oid(children(algNode)[0]),
    signature: bitString(sigNode),
    serialContent: serial,
    serialHex: hex(serial.subarray(z)),
    issuerRaw: raw(issuer),
    subjectRaw: raw(subject),
    commonName: get(OID.commonName) ?? '',
    notBefore: time(nb),
    notAfter: time(na),
    spki: raw(spkiNode),
    keyAlgorithm,
    isCa,
  };
  if (namedCurve) cert.namedCurve = namedCurve;
  if (serialNumber && /^IIN\d{12}$/.test(serialNumber)) cert.iin = serialNumber.slice(3);
  if (ou) cert.bin = ou.slice(3);
  const org = get(OID.organization);
  if (org) cert.organization = org;
  if (!isCa && eku) {
    // The same reading as allowsPurpose in src/pki/certinfo.ts.
    if (eku.includes(OID.emailProtection)) cert.purpose = 'sign';
    else if (eku.includes(OID.clientAuth)) cert.purpose = 'auth';
  }
  return cert;
}

export function importAlgorithm(cert: Pick<Certificate, 'keyAlgorithm' | 'namedCurve'>): EcKeyImportParams | RsaHashedImportParams {
  return cert.keyAlgorithm === 'EC' ? { name: 'ECDSA', namedCurve: cert.namedCurve ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
}

export function signAlgorithm(cert: Pick<Certificate, 'keyAlgorithm'>): EcdsaParams | AlgorithmIdentifier {
  return cert.keyAlgorithm === 'EC' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}

/** ECDSA signatures are DER SEQUENCE { r, s } in CMS and X.509, r‖s in WebCrypto. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const [r, s] = children(root(der));
  const out = new Uint8Array(size * 2);
  const put = (v: Uint8Array, at: number) => {
    let k = 0;
    while (k < v.length - 1 && v[k] === 0) k++;
    const m = v.subarray(k);
    if (m.length > size) throw new DerError('ECDSA value too long');
    out.set(m, at + size - m.length);
  };
  put(content(expect(r, TAG.INTEGER, 'ECDSA r')), 0);
  put(content(expect(s, TAG.INTEGER, 'ECDSA s')), size);
  return out;
}

/** Verifies `signature` (as found in DER structures) over `data` with the certificate's key. */
export async function verifyWith(cert: Certificate, algorithmOid: string, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (algorithmOid !== OID.ecdsaWithSha256 && algorithmOid !== OID.sha256WithRsa && algorithmOid !== OID.rsaEncryption) {
    throw new DerError(`unsupported signature algorithm ${algorithmOid}`);
  }
  const key = await crypto.subtle.importKey('spki', cert.spki as BufferSource, importAlgorithm(cert), false, ['verify']);
  const sig = cert.keyAlgorithm === 'EC' ? ecdsaDerToRaw(signature, cert.namedCurve === 'P-384' ? 48 : 32) : signature;
  return crypto.subtle.verify(signAlgorithm(cert), key, sig as BufferSource, data as BufferSource);
}
