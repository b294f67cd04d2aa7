import crypto from 'node:crypto';
import { PkiError } from './errors.ts';
import { derTlv, derToPem, encode, pemToDer, signedEnvelope } from './der.ts';
import { TAG, bitStringBytes, children, expect, oid, raw, readRoot, type Tlv } from './tlv.ts';
import { keyAlgorithmOf, keysMatch, loadPrivateKey, loadPublicKey, spkiDer } from './keys.ts';
import { decodeName, formatName, holderName, readName, type NameAttr, type NameFields } from './names.ts';
import { signatureAlgorithmId, signSha256, verifySignature } from './signatures.ts';
import type { HolderSubject, KeyAlgorithm, KeyPairPem } from './types.ts';

export interface VerifiedCsr {
  publicKeyPem: string;
  keyAlgorithm: KeyAlgorithm;
  subject: NameFields;
  subjectDn: string;
}

export async function createCsr(keys: KeyPairPem, subject: HolderSubject, alg: KeyAlgorithm): Promise<string> {
  const privateKey = loadPrivateKey(keys.privateKeyPem);
  const publicKey = loadPublicKey(keys.publicKeyPem);
  if (keyAlgorithmOf(privateKey) !== alg) throw new PkiError('bad_key', `private key is not ${alg}`);
  if (!keysMatch(privateKey, publicKey)) throw new PkiError('bad_key', 'public key does not belong to the private key');
  const sigAlg = signatureAlgorithmId(alg);
  // CertificationRequestInfo: version 0, subject, key, and an empty [0] attribute set.
  const info = derTlv(0x30, [
    Buffer.from([0x02, 0x01, 0x00]),
    encode(holderName(subject).toSchema()),
    spkiDer(publicKey),
    Buffer.from([0xa0, 0x00]),
  ]);
  const signature = signSha256(privateKey, info);
  const outer = signedEnvelope(info, encode(sigAlg.toSchema()), signature);
  return derToPem(outer, 'CERTIFICATE REQUEST');
}

/** Proof of possession: the request must be signed by the key it carries. */
export async function verifyCsr(csrPem: string): Promise<VerifiedCsr> {
  let info: Tlv, subjectNode: Tlv, spkiNode: Tlv, sigAlgOid: string | undefined, signature: Uint8Array;
  try {
    const der = pemToDer(csrPem, 'CERTIFICATE REQUEST');
    const [infoNode, algNode, sigNode] = children(readRoot(der, 'CSR'));
    info = expect(infoNode, TAG.SEQUENCE, 'certificationRequestInfo');
    const infoParts = children(info);
    subjectNode = expect(infoParts[1], TAG.SEQUENCE, 'subject');
    spkiNode = expect(infoParts[2], TAG.SEQUENCE, 'subjectPKInfo');
    sigAlgOid = oid(children(algNode)[0]);
    signature = bitStringBytes(sigNode);
  } catch (err) {
    throw new PkiError('bad_csr', `CSR is not a PKCS#10 request: ${(err as Error).message}`, { cause: err });
  }
  if (!sigAlgOid) throw new PkiError('bad_csr', 'CSR has no signature algorithm');
  let publicKey: crypto.KeyObject;
  let keyAlgorithm: KeyAlgorithm;
  try {
    publicKey = loadPublicKey(raw(spkiNode));
    keyAlgorithm = keyAlgorithmOf(publicKey);
  } catch (err) {
    throw new PkiError('bad_csr', `CSR public key: ${(err as Error).message}`, { cause: err });
  }
  let valid: boolean;
  try {
    valid = verifySignature(publicKey, sigAlgOid, raw(info), signature);
  } catch (err) {
    throw new PkiError('bad_csr', `CSR signature algorithm: ${(err as Error).message}`, { cause: err });
  }
  if (!valid) throw new PkiError('bad_csr_signature', 'CSR signature does not verify with its own public key');
  let subject: NameAttr[];
  try {
    subject = decodeName(subjectNode);
  } catch (err) {
    throw new PkiError('bad_csr', `CSR subject: ${(err as Error).message}`, { cause: err });
  }
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyAlgorithm,
    subject: readName(subject),
    subjectDn: formatName(subject),
  };
}
