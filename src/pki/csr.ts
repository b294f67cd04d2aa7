import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PkiError } from './errors.ts';
import { childrenOf, derTlv, derToPem, encode, oidOf, signedEnvelope, parseDer, pemToDer, rawOf } from './der.ts';
import { keyAlgorithmOf, keysMatch, loadPrivateKey, loadPublicKey, spkiDer } from './keys.ts';
import { formatName, holderName, readName, type NameFields } from './names.ts';
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
  let info: asn1js.AsnType | undefined;
  let sigAlgOid: string | undefined;
  let signature: Uint8Array | undefined;
  let subjectNode: asn1js.AsnType | undefined;
  let spkiNode: asn1js.AsnType | undefined;
  try {
    const der = pemToDer(csrPem, 'CERTIFICATE REQUEST');
    const [infoNode, algNode, sigNode] = childrenOf(parseDer(der, 'CSR'));
    const infoParts = childrenOf(infoNode);
    info = infoNode;
    subjectNode = infoParts[1];
    spkiNode = infoParts[2];
    sigAlgOid = oidOf(childrenOf(algNode)[0]);
    if (sigNode instanceof asn1js.BitString) signature = sigNode.valueBlock.valueHexView;
  } catch (err) {
    throw new PkiError('bad_csr', `CSR is not a PKCS#10 request: ${(err as Error).message}`, { cause: err });
  }
  if (!info || !subjectNode || !spkiNode || !sigAlgOid || !signature) {
    throw new PkiError('bad_csr', 'CSR is not a PKCS#10 request');
  }
  let publicKey: crypto.KeyObject;
  let keyAlgorithm: KeyAlgorithm;
  try {
    publicKey = loadPublicKey(rawOf(spkiNode));
    keyAlgorithm = keyAlgorithmOf(publicKey);
  } catch (err) {
    throw new PkiError('bad_csr', `CSR public key: ${(err as Error).message}`, { cause: err });
  }
  let valid: boolean;
  try {
    valid = verifySignature(publicKey, sigAlgOid, rawOf(info), signature);
  } catch (err) {
    throw new PkiError('bad_csr', `CSR signature algorithm: ${(err as Error).message}`, { cause: err });
  }
  if (!valid) throw new PkiError('bad_csr_signature', 'CSR signature does not verify with its own public key');
  const subject = new pkijs.RelativeDistinguishedNames({ schema: subjectNode });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyAlgorithm,
    subject: readName(subject),
    subjectDn: formatName(subject),
  };
}
