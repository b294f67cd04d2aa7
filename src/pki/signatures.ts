import crypto, { type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, DIGEST_NAME_BY_OID } from './oids.ts';
import { PkiError } from './errors.ts';
import type { KeyAlgorithm } from './types.ts';

export type DigestName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** AlgorithmIdentifier for our own signatures: always SHA-256, PKCS#1 v1.5 for RSA. */
export function signatureAlgorithmId(alg: KeyAlgorithm): pkijs.AlgorithmIdentifier {
  return alg === 'RSA-2048'
    ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() })
    : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
}

export function signSha256(privateKey: KeyObject, data: Uint8Array): Buffer {
  // ECDSA signatures come out DER-encoded (dsaEncoding default), which is what X.509 and CMS carry.
  return crypto.sign('sha256', data, privateKey);
}

/**
 * Digest and key kind named by a signature AlgorithmIdentifier OID. `rsaEncryption` and
 * `ecPublicKey` appear in CMS SignerInfos (OpenSSL writes rsaEncryption); the digest then
 * comes from the SignerInfo's digestAlgorithm.
 */
export function describeSignatureAlgorithm(
  oid: string,
  fallbackDigest?: DigestName,
): { digest: DigestName; keyType: 'rsa' | 'ec' } {
  switch (oid) {
    case OID.sha256WithRsa:
      return { digest: 'sha256', keyType: 'rsa' };
    case OID.sha384WithRsa:
      return { digest: 'sha384', keyType: 'rsa' };
    case OID.sha512WithRsa:
      return { digest: 'sha512', keyType: 'rsa' };
    case OID.ecdsaWithSha256:
      return { digest: 'sha256', keyType: 'ec' };
    case OID.ecdsaWithSha384:
      return { digest: 'sha384', keyType: 'ec' };
    case OID.ecdsaWithSha512:
      return { digest: 'sha512', keyType: 'ec' };
    case OID.rsaEncryption:
      if (fallbackDigest) return { digest: fallbackDigest, keyType: 'rsa' };
      break;
    case OID.ecPublicKey:
      if (fallbackDigest) return { digest: fallbackDigest, keyType: 'ec' };
      break;
  }
  throw new PkiError('unsupported_algorithm', `unsupported signature algorithm ${oid}`);
}

export function digestNameOf(oid: string): DigestName {
  const name = DIGEST_NAME_BY_OID.get(oid);
  // SHA-1 is acceptable in a PKCS#12 MAC but never for a signature we judge.
  if (!name || name === 'sha1') throw new PkiError('unsupported_algorithm', `unsupported digest algorithm ${oid}`);
  return name;
}

/** Verifies with node:crypto; false (never a throw) for a signature that is simply wrong or garbled. */
export function verifySignature(
  publicKey: KeyObject,
  algOid: string,
  data: Uint8Array,
  signature: Uint8Array,
  fallbackDigest?: DigestName,
): boolean {
  const { digest, keyType } = describeSignatureAlgorithm(algOid, fallbackDigest);
  if (publicKey.asymmetricKeyType !== keyType) return false;
  try {
    return crypto.verify(digest, data, publicKey, signature);
  } catch {
    return false;
  }
}
