import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import { OID } from './oids.ts';
import { PkiError } from './errors.ts';
import { DER_NULL, derOid, derTlv, encode, toBuffer } from './der.ts';
import { TAG, children, content, isContext, isUniversal, octets, oid, raw, readRoot, timeValue, type Tlv } from './tlv.ts';
import { keyAlgorithmOf, keysMatch, loadPrivateKey } from './keys.ts';
import { certificateDerFromPem, parseCertificateDer, allowsPurpose, type ParsedCertificate } from './certinfo.ts';
import { digestNameOf, signSha256, verifySignature, type DigestName } from './signatures.ts';
import type { TrustStore } from './trust.ts';
import type { CertificateInfo, Purpose, VerifyFailure, VerifyResult } from './types.ts';

export interface CmsSigner {
  certificatePem: string;
  privateKeyPem: string;
  chainPems?: string[];
}

const UTC_TIME_LIMIT = Date.UTC(2050, 0, 1);

function attribute(type: string, value: Uint8Array): Buffer {
  return derTlv(0x30, [derOid(type), derTlv(0x31, [value])]);
}

function cmsTime(d: Date): Buffer {
  return d.getTime() < UTC_TIME_LIMIT
    ? encode(new asn1js.UTCTime({ valueDate: d }))
    : encode(new asn1js.GeneralizedTime({ valueDate: d }));
}

/**
 * CMS SignedData (RFC 5652) with one signer identified by issuer and serial number. Encoded
 * by hand in DER so that the signed attributes are byte-for-byte what was signed and the
 * output is deterministic for a given signing time.
 */
export async function signCms(
  content: Uint8Array,
  signer: CmsSigner,
  opts: { detached?: boolean; signingTime?: Date } = {},
): Promise<Buffer> {
  const detached = opts.detached ?? true;
  const signingTime = opts.signingTime ?? new Date();
  if (Number.isNaN(signingTime.getTime())) throw new PkiError('bad_input', 'signingTime is not a valid date');
  const certDer = certificateDerFromPem(signer.certificatePem);
  const cert = parseCertificateDer(certDer);
  const key = loadPrivateKey(signer.privateKeyPem);
  if (!keysMatch(key, cert.publicKey)) throw new PkiError('bad_key', 'private key does not match the signer certificate');
  const algorithm = keyAlgorithmOf(key);

  const digest = crypto.createHash('sha256').update(content).digest();
  const attrs = [
    attribute(OID.contentType, derOid(OID.data)),
    attribute(OID.signingTime, cmsTime(new Date(Math.floor(signingTime.getTime() / 1000) * 1000))),
    attribute(OID.messageDigest, derTlv(0x04, [digest])),
  ].sort(Buffer.compare); // DER SET OF: elements in ascending order of their encodings
  const signedAttrsSet = derTlv(0x31, attrs);
  const signature = signSha256(key, signedAttrsSet);

  const sha256Alg = derTlv(0x30, [derOid(OID.sha256)]);
  // rsaEncryption (not sha256WithRSA) is what OpenSSL and most CMS verifiers write for PKCS#1 v1.5.
  const signatureAlg =
    algorithm === 'RSA-2048'
      ? derTlv(0x30, [derOid(OID.rsaEncryption), DER_NULL])
      : derTlv(0x30, [derOid(OID.ecdsaWithSha256)]);
  const version1 = Buffer.from([0x02, 0x01, 0x01]);
  const signerInfo = derTlv(0x30, [
    version1,
    derTlv(0x30, [cert.issuerRaw, derTlv(0x02, [cert.serialContent])]),
    sha256Alg,
    derTlv(0xa0, attrs),
    signatureAlg,
    derTlv(0x04, [signature]),
  ]);
  const chain = (signer.chainPems ?? []).map((pem) => certificateDerFromPem(pem)).filter((d) => !d.equals(certDer));
  const encap = detached
    ? derTlv(0x30, [derOid(OID.data)])
    : derTlv(0x30, [derOid(OID.data), derTlv(0xa0, [derTlv(0x04, [content])])]);
  const signedData = derTlv(0x30, [
    version1,
    derTlv(0x31, [sha256Alg]),
    encap,
    derTlv(0xa0, [certDer, ...chain]),
    derTlv(0x31, [signerInfo]),
  ]);
  return derTlv(0x30, [derOid(OID.signedData), derTlv(0xa0, [signedData])]);
}

class CmsFailure extends Error {
  constructor(
    readonly code: VerifyFailure,
    message: string,
    readonly signer?: CertificateInfo,
  ) {
    super(message);
  }
}

function malformed(message: string): never {
  throw new CmsFailure('malformed', message);
}

function octetsOf(node: Tlv | undefined, what: string): Uint8Array {
  if (!isUniversal(node, TAG.OCTET_STRING)) return malformed(`${what} is not an OCTET STRING`);
  return octets(node);
}

interface ParsedSignedData {
  eContentType: string;
  eContent: Uint8Array | null;
  certificates: ParsedCertificate[];
  digest: DigestName;
  sid: { issuerRaw: Uint8Array; serial: Uint8Array } | { keyId: string };
  signedAttrs: {
    der: Buffer;
    contentType: string;
    messageDigest: Uint8Array;
    signingTime: Date | null;
  } | null;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

function parseSignedData(cmsDer: Uint8Array): ParsedSignedData {
  const [typeNode, wrapped] = children(readRoot(cmsDer, 'CMS'));
  if (oid(typeNode) !== OID.signedData) malformed('not a CMS SignedData ContentInfo');
  if (!isContext(wrapped, 0)) malformed('ContentInfo has no content');
  const parts = children(children(wrapped)[0]);
  if (parts.length < 4) malformed('SignedData is truncated');

  const encap = children(parts[2]);
  const eContentType = oid(encap[0]) ?? malformed('encapContentInfo has no content type');
  const eContent = isContext(encap[1], 0) ? octetsOf(children(encap[1])[0], 'eContent') : null;

  const certificates: ParsedCertificate[] = [];
  for (const node of parts.slice(3, -1)) {
    if (!isContext(node, 0)) continue; // [1] revocation info is not used
    for (const certNode of children(node)) {
      if (!isUniversal(certNode, TAG.SEQUENCE)) continue; // attribute certificates and other formats
      try {
        certificates.push(parseCertificateDer(raw(certNode)));
      } catch (err) {
        // An unsupported extra certificate (e.g. a GOST one) must not mask a usable signer.
        if (!(err instanceof PkiError)) throw err;
      }
    }
  }

  const signerInfos = children(parts[parts.length - 1]);
  if (signerInfos.length === 0) malformed('SignedData has no SignerInfo');
  if (signerInfos.length > 1) malformed(`SignedData has ${signerInfos.length} signers; exactly one is supported`);
  const si = children(signerInfos[0]);
  const sidNode = si[1];
  const digestAlgNode = si[2];
  let i = 3;
  const signedAttrsNode = isContext(si[i], 0) ? si[i++] : undefined;
  const sigAlgNode = si[i++];
  const signatureNode = si[i];

  let sid: ParsedSignedData['sid'];
  if (isUniversal(sidNode, TAG.SEQUENCE)) {
    const [issuer, serial] = children(sidNode);
    if (!issuer || !isUniversal(serial, TAG.INTEGER)) malformed('SignerInfo issuerAndSerialNumber is malformed');
    sid = { issuerRaw: raw(issuer), serial: content(serial) };
  } else if (isContext(sidNode, 0)) {
    sid = { keyId: Buffer.from(content(sidNode)).toString('hex') };
  } else {
    return malformed('SignerInfo has no signer identifier');
  }

  let digest: DigestName;
  try {
    digest = digestNameOf(oid(children(digestAlgNode)[0]) ?? '');
  } catch (err) {
    return malformed((err as Error).message);
  }

  let signedAttrs: ParsedSignedData['signedAttrs'] = null;
  if (signedAttrsNode) {
    // The signature covers the attributes as a DER SET (tag 0x31), not as the [0] IMPLICIT field.
    const der = Buffer.from(raw(signedAttrsNode));
    der[0] = 0x31;
    let contentType: string | undefined;
    let messageDigest: Uint8Array | undefined;
    let signingTime: Date | null = null;
    const seen = new Set<string>();
    for (const attr of children(signedAttrsNode)) {
      const [attrType, valuesNode] = children(attr);
      const type = oid(attrType) ?? malformed('signed attribute without a type');
      if (seen.has(type)) malformed(`signed attribute ${type} appears twice`);
      seen.add(type);
      const values = children(valuesNode);
      if (type !== OID.contentType && type !== OID.messageDigest && type !== OID.signingTime) continue;
      if (values.length !== 1) malformed(`signed attribute ${type} must have exactly one value`);
      if (type === OID.contentType) contentType = oid(values[0]) ?? malformed('contentType attribute is not an OID');
      else if (type === OID.messageDigest) messageDigest = octetsOf(values[0], 'messageDigest');
      else signingTime = timeValue(values[0]);
    }
    if (!contentType || !messageDigest) malformed('signed attributes lack contentType or messageDigest');
    signedAttrs = { der, contentType, messageDigest, signingTime };
  }

  const signatureAlgorithm = oid(children(sigAlgNode)[0]) ?? malformed('SignerInfo has no signature algorithm');
  const signature = octetsOf(signatureNode, 'signature');
  return { eContentType, eContent, certificates, digest, sid, signedAttrs, signatureAlgorithm, signature };
}

function findSigner(p: ParsedSignedData): ParsedCertificate | undefined {
  const sid = p.sid;
  if ('keyId' in sid) return p.certificates.find((c) => c.subjectKeyId === sid.keyId);
  const serial = Buffer.from(sid.serial);
  return p.certificates.find((c) => c.serialContent.equals(serial) && c.issuerRaw.equals(sid.issuerRaw));
}

export interface VerifyCmsOptions {
  /** The signed document, for a detached signature. */
  content?: Uint8Array;
  trust: TrustStore;
  /** When to judge validity; default: the signingTime attribute, else now. */
  at?: Date;
  purpose?: Purpose;
}

/**
 * Checks in order: structure, signer certificate present, content digest, signature,
 * chain and validity at `at`, purpose, revocation. Never throws for a bad signature:
 * every failure becomes a VerifyResult with a code.
 */
export async function verifyCms(cmsDer: Uint8Array, opts: VerifyCmsOptions): Promise<VerifyResult> {
  let signer: ParsedCertificate | undefined;
  try {
    let p: ParsedSignedData;
    try {
      p = parseSignedData(cmsDer);
    } catch (err) {
      if (err instanceof CmsFailure) throw err;
      throw new CmsFailure('malformed', `not a readable CMS SignedData: ${(err as Error).message}`);
    }
    signer = findSigner(p);
    if (!signer) throw new CmsFailure('untrusted_chain', 'the signer certificate is not included in the CMS');
    const info = signer.info;

    let content: Uint8Array;
    if (p.eContent && opts.content) {
      if (!toBuffer(p.eContent).equals(opts.content)) {
        throw new CmsFailure('content_mismatch', 'the given content differs from the content encapsulated in the CMS', info);
      }
      content = opts.content;
    } else if (p.eContent) {
      // A copy, so the result stays valid if the caller reuses the request buffer.
      content = Buffer.from(p.eContent);
    } else if (opts.content) {
      content = opts.content;
    } else {
      throw new CmsFailure('malformed', 'detached signature, but no content was given to verify it against', info);
    }

    let valid: boolean;
    try {
      if (p.signedAttrs) {
        if (p.signedAttrs.contentType !== p.eContentType) {
          throw new CmsFailure('malformed', 'contentType attribute differs from the encapsulated content type', info);
        }
        const actual = crypto.createHash(p.digest).update(content).digest();
        if (!actual.equals(p.signedAttrs.messageDigest)) {
          throw new CmsFailure('content_mismatch', `the ${p.digest} digest of the content does not match the signed messageDigest: the document was changed after signing`, info);
        }
        valid = verifySignature(signer.publicKey, p.signatureAlgorithm, p.signedAttrs.der, p.signature, p.digest);
      } else {
        valid = verifySignature(signer.publicKey, p.signatureAlgorithm, content, p.signature, p.digest);
      }
    } catch (err) {
      if (err instanceof CmsFailure) throw err;
      throw new CmsFailure('malformed', (err as Error).message, info);
    }
    if (!valid) throw new CmsFailure('bad_signature', `the signature does not verify with the public key of ${info.subjectDn}`, info);

    const signingTime = p.signedAttrs?.signingTime ?? null;
    const at = opts.at ?? signingTime ?? new Date();
    const chain = opts.trust.verifyParsed(signer, at, p.certificates);
    if (!chain.ok) throw new CmsFailure(chain.code, chain.message, info);

    if (signer.keyUsage && !signer.keyUsage.has('digitalSignature') && !signer.keyUsage.has('nonRepudiation')) {
      throw new CmsFailure('wrong_purpose', `certificate ${info.subjectDn} may not sign data (keyUsage has neither digitalSignature nor nonRepudiation)`, info);
    }
    if (opts.purpose && !allowsPurpose(signer, opts.purpose)) {
      throw new CmsFailure('wrong_purpose', `certificate ${info.subjectDn} is ${info.purpose ? `a '${info.purpose}'` : 'not a signing or authentication'} certificate; '${opts.purpose}' is required`, info);
    }

    const revocation = await opts.trust.checkRevocation(info, at);
    if (!revocation.ok) throw new CmsFailure(revocation.code, revocation.message, info);

    return { ok: true, signer: info, signingTime, chain: chain.chain, content };
  } catch (err) {
    if (err instanceof CmsFailure) {
      const s = err.signer ?? signer?.info;
      return { ok: false, code: err.code, message: err.message, ...(s ? { signer: s } : {}) };
    }
    return { ok: false, code: 'malformed', message: `cannot process CMS: ${(err as Error)?.message ?? String(err)}` };
  }
}
