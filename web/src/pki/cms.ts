// Detached CMS SignedData (RFC 5652) as src/pki/cms.ts writes it: one signer identified by issuer
// and serial number, SHA-256, signed attributes contentType, signingTime and messageDigest (DER SET
// OF, sorted), the signer's certificate and chain. And the reverse, for checking a result.
import { DER_NULL, DerError, TAG, children, compareBytes, concat, content, encodeOid, encodeTime, encodeUnsigned, equalBytes, expect, isContext, octets, oid, raw, root, time, tlv, toBase64 } from './der.ts';
import { OID, parseCertificate, signAlgorithm, verifyWith, type Certificate } from './cert.ts';
import type { KeyStore } from './pkcs12.ts';

const attribute = (type: string, value: Uint8Array) => tlv(TAG.SEQUENCE, encodeOid(type), tlv(TAG.SET, value));

/** WebCrypto's r‖s as DER SEQUENCE { INTEGER r, INTEGER s }. */
function ecdsaRawToDer(sig: Uint8Array): Uint8Array {
  const half = sig.length / 2;
  return tlv(TAG.SEQUENCE, encodeUnsigned(sig.subarray(0, half)), encodeUnsigned(sig.subarray(half)));
}

export async function signDetached(ks: KeyStore, data: Uint8Array, signingTime = new Date()): Promise<string> {
  const cert = ks.certificate;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
  const attrs = [
    attribute(OID.contentType, encodeOid(OID.data)),
    attribute(OID.signingTime, encodeTime(new Date(Math.floor(signingTime.getTime() / 1000) * 1000))),
    attribute(OID.messageDigest, tlv(TAG.OCTET_STRING, digest)),
  ].sort(compareBytes); // DER SET OF: ascending order of the encodings
  const signedAttrs = tlv(TAG.SET, ...attrs);
  const rawSig = new Uint8Array(await crypto.subtle.sign(signAlgorithm(cert), ks.privateKey, signedAttrs as BufferSource));
  const signature = cert.keyAlgorithm === 'EC' ? ecdsaRawToDer(rawSig) : rawSig;
  const sha256 = tlv(TAG.SEQUENCE, encodeOid(OID.sha256));
  const sigAlg = cert.keyAlgorithm === 'RSA' ? tlv(TAG.SEQUENCE, encodeOid(OID.rsaEncryption), DER_NULL) : tlv(TAG.SEQUENCE, encodeOid(OID.ecdsaWithSha256));
  const version1 = Uint8Array.of(0x02, 0x01, 0x01);
  const signerInfo = tlv(
    TAG.SEQUENCE,
    version1,
    tlv(TAG.SEQUENCE, cert.issuerRaw, tlv(TAG.INTEGER, cert.serialContent)),
    sha256,
    tlv(0xa0, ...attrs),
    sigAlg,
    tlv(TAG.OCTET_STRING, signature),
  );
  const chain = ks.chain.filter((c) => !equalBytes(c.der, cert.der)).map((c) => c.der);
  const signedData = tlv(TAG.SEQUENCE, version1, tlv(TAG.SET, sha256), tlv(TAG.SEQUENCE, encodeOid(OID.data)), tlv(0xa0, cert.der, ...chain), tlv(TAG.SET, signerInfo));
  return toBase64(tlv(TAG.SEQUENCE, encodeOid(OID.signedData), tlv(0xa0, signedData)));
}

export interface CmsCheck {
  signer: Certificate;
  certificates: Certificate[];
  signingTime: Date | null;
  digestMatches: boolean;
  signatureValid: boolean;
}

/** Reads a detached SignedData and checks the digest of `data` and the signature (not the chain). */
export async function checkDetached(cmsDer: Uint8Array, data: Uint8Array): Promise<CmsCheck> {
  const [typeNode, wrapped] = children(root(cmsDer));
  if (oid(typeNode) !== OID.signedData || !isContext(wrapped, 0)) throw new DerError('not a CMS SignedData');
  const parts = children(children(wrapped)[0]);
  const certificates: Certificate[] = [];
  for (const node of parts.slice(3, -1)) {
    if (!isContext(node, 0)) continue;
    for (const c of children(node)) {
      try {
        certificates.push(parseCertificate(raw(c)));
      } catch {
        // other certificate formats
      }
    }
  }
  const infos = children(parts[parts.length - 1]);
  if (infos.length !== 1) throw new DerError('exactly one signer is expected');
  const si = children(infos[0]);
  const [issuer, serial] = children(expect(si[1], TAG.SEQUENCE, 'issuerAndSerialNumber'));
  const signer = certificates.find((c) => equalBytes(c.issuerRaw, raw(issuer!)) && equalBytes(c.serialContent, content(expect(serial, TAG.INTEGER, 'serial'))));
  if (!signer) throw new DerError('the signer certificate is not in the signature');
  if (oid(children(si[2])[0]) !== OID.sha256) throw new DerError('only SHA-256 signatures are checked here');
  let k = 3;
  const attrsNode = isContext(si[k], 0) ? si[k++] : undefined;
  if (!attrsNode) throw new DerError('the signature has no signed attributes');
  const sigAlg = oid(children(si[k++])[0]);
  const signature = octets(si[k]);
  let messageDigest: Uint8Array | null = null;
  let signingTime: Date | null = null;
  for (const a of children(attrsNode)) {
    const [t, vals] = children(a);
    const type = oid(t);
    if (type === OID.messageDigest) messageDigest = octets(children(vals)[0]);
    else if (type === OID.signingTime) signingTime = time(children(vals)[0]);
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));
  // The signature covers the attributes as a SET (tag 0x31), not as the [0] IMPLICIT field.
  const signedAttrs = concat([Uint8Array.of(TAG.SET), raw(attrsNode).subarray(1)]);
  const signatureValid = await verifyWith(signer, sigAlg === OID.rsaEncryption ? OID.sha256WithRsa : sigAlg, signedAttrs, signature);
  return { signer, certificates, signingTime, digestMatches: !!messageDigest && equalBytes(messageDigest, digest), signatureValid };
}
