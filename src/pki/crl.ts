import { OID } from './oids.ts';
import { PkiError } from './errors.ts';
import { derToPem, encode, pemToDer, serialBytesToHex, serialHexToBytes, signedEnvelope } from './der.ts';
import { TAG, bitStringBytes, children, content, isContext, isUniversal, oid, raw, readRoot, timeValue } from './tlv.ts';
import { enumerated, explicit, extension, integer, integerFromContent, seq, tlv, x509Time } from './derw.ts';
import { keyAlgorithmOf, keysMatch, loadPrivateKey } from './keys.ts';
import { certificateDerFromPem, parseCertificateDer } from './certinfo.ts';
import { keyIdentifier } from './profiles.ts';
import { reasonCode, reasonName, type RevocationReason } from './revocation.ts';
import { signatureAlgorithmId, signSha256, verifySignature } from './signatures.ts';
import type { CaMaterial } from './types.ts';

export interface CrlEntry {
  serialHex: string;
  revokedAt: Date;
  reason: RevocationReason;
}

export interface CrlOptions {
  /** Monotonically increasing CRL number (RFC 5280 §5.2.3). */
  number: number | bigint;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: readonly CrlEntry[];
  /**
   * Makes this a delta CRL (RFC 5280 §5.2.4): the critical Delta CRL Indicator names the CRL
   * number of the complete CRL it updates, and entries may carry `removeFromCRL` (a hold lifted).
   */
  deltaBase?: number | bigint;
  /** Freshest CRL (§5.2.6) of a complete CRL: where its delta CRLs are published. */
  freshestCrlUrl?: string;
}

/**
 * An X.509 v2 CRL (RFC 5280 §5) signed by `issuer`: thisUpdate/nextUpdate, the CRL number and
 * authority key identifier extensions, and per entry its revocation date and reason code. The
 * reason code is left out for `unspecified`, as §5.3.1 asks; `removeFromCRL` is not a reason a
 * certificate can be listed with in a full CRL, only in a delta CRL (`deltaBase`). A complete
 * CRL may name its delta CRLs' URL (`freshestCrlUrl`); a delta CRL may not (§5.2.6).
 */
export function buildCrl(issuer: CaMaterial, opts: CrlOptions): Buffer {
  const cert = parseCertificateDer(certificateDerFromPem(issuer.certificatePem));
  const key = loadPrivateKey(issuer.privateKeyPem);
  if (!cert.isCa) throw new PkiError('bad_input', `"${cert.info.subjectDn}" is not a CA certificate`);
  if (cert.keyUsage && !cert.keyUsage.has('cRLSign')) throw new PkiError('bad_input', `"${cert.info.subjectDn}" may not sign CRLs (no cRLSign)`);
  if (!keysMatch(key, cert.publicKey)) throw new PkiError('bad_key', 'CA private key does not match its certificate');
  if (opts.nextUpdate.getTime() <= opts.thisUpdate.getTime()) throw new PkiError('bad_input', 'nextUpdate must be after thisUpdate');
  const delta = opts.deltaBase !== undefined;
  if (delta && BigInt(opts.deltaBase!) >= BigInt(opts.number)) throw new PkiError('bad_input', 'a delta CRL\'s number must be greater than its base CRL number');
  if (delta && opts.freshestCrlUrl) throw new PkiError('bad_input', 'a delta CRL does not carry the Freshest CRL extension');

  const sigAlg = encode(signatureAlgorithmId(keyAlgorithmOf(key)).toSchema());
  const entries = [...opts.entries]
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime() || a.serialHex.localeCompare(b.serialHex))
    .map((e) => {
      if (e.reason === 'removeFromCRL' && !delta) throw new PkiError('bad_input', `serial ${e.serialHex}: removeFromCRL lifts a hold; it is not listed in a full CRL`);
      const when = new Date(Math.floor(e.revokedAt.getTime() / 1000) * 1000);
      const parts = [integerFromContent(serialHexToBytes(e.serialHex)), x509Time(when)];
      if (e.reason !== 'unspecified') parts.push(seq(extension(OID.cRLReason, false, enumerated(reasonCode(e.reason)))));
      return seq(...parts);
    });
  const akid = cert.subjectKeyId ? Buffer.from(cert.subjectKeyId, 'hex') : keyIdentifier(cert.publicKey);
  const extensions = explicit(
    0,
    seq(
      extension(OID.authorityKeyIdentifier, false, seq(tlv(0x80, akid))),
      extension(OID.cRLNumber, false, integer(opts.number)),
      // DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
      ...(opts.freshestCrlUrl ? [extension(OID.freshestCRL, false, seq(seq(explicit(0, explicit(0, tlv(0x86, Buffer.from(opts.freshestCrlUrl, 'latin1')))))))] : []),
      ...(delta ? [extension(OID.deltaCRLIndicator, true, integer(opts.deltaBase!))] : []),
    ),
  );
  const whole = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
  const tbs = seq(
    integer(1), // v2
    sigAlg,
    cert.subjectRaw,
    x509Time(whole(opts.thisUpdate)),
    x509Time(whole(opts.nextUpdate)),
    ...(entries.length ? [seq(...entries)] : []),
    extensions,
  );
  return signedEnvelope(tbs, sigAlg, signSha256(key, tbs));
}

export function crlToPem(der: Uint8Array): string {
  return derToPem(der, 'X509 CRL');
}

export interface ParsedCrl {
  number: bigint | null;
  /** The base CRL number of a delta CRL (Delta CRL Indicator); null for a complete CRL. */
  deltaBase: bigint | null;
  /** The URIs of the Freshest CRL extension (where the delta CRLs are). */
  freshestCrlUrls: string[];
  thisUpdate: Date;
  nextUpdate: Date | null;
  issuerRaw: Buffer;
  entries: CrlEntry[];
  /** Signed by `issuerCertificatePem` (false when no issuer was given). */
  signatureValid: boolean;
}

/** Reads a DER or PEM CRL; checks its signature when the issuer is given. */
export function parseCrl(input: Uint8Array | string, issuerCertificatePem?: string): ParsedCrl {
  const der = typeof input === 'string' ? pemToDer(input, 'X509 CRL') : input;
  const [tbsNode, , sigNode] = children(readRoot(der, 'CRL'));
  const algOid = oid(children(children(tbsNode)[1])[0]) ?? '';
  const parts = children(tbsNode);
  let i = isUniversal(parts[0], TAG.INTEGER) ? 1 : 0;
  i++; // signature algorithm
  const issuerRaw = Buffer.from(raw(parts[i++]!));
  const thisUpdate = timeValue(parts[i++]);
  let nextUpdate: Date | null = null;
  if (isUniversal(parts[i], TAG.UTCTime) || isUniversal(parts[i], TAG.GeneralizedTime)) nextUpdate = timeValue(parts[i++]);
  const entries: CrlEntry[] = [];
  if (isUniversal(parts[i], TAG.SEQUENCE)) {
    for (const e of children(parts[i++])) {
      const [serial, when, exts] = children(e);
      let reason: RevocationReason = 'unspecified';
      for (const ext of children(exts)) {
        const p = children(ext);
        if (oid(p[0]) === OID.cRLReason) reason = reasonName(content(readRoot(content(p[p.length - 1]!), 'reasonCode'))[0]!);
      }
      entries.push({ serialHex: serialBytesToHex(content(serial!)), revokedAt: timeValue(when), reason });
    }
  }
  let number: bigint | null = null;
  let deltaBase: bigint | null = null;
  const freshestCrlUrls: string[] = [];
  const int = (bytes: Uint8Array, what: string) => BigInt('0x' + (Buffer.from(content(readRoot(bytes, what))).toString('hex') || '0'));
  if (isContext(parts[i], 0)) {
    for (const ext of children(children(parts[i])[0])) {
      const p = children(ext);
      const value = content(p[p.length - 1]!);
      const id = oid(p[0]);
      if (id === OID.cRLNumber) number = int(value, 'cRLNumber');
      else if (id === OID.deltaCRLIndicator) deltaBase = int(value, 'BaseCRLNumber');
      else if (id === OID.freshestCRL) {
        for (const dp of children(readRoot(value, 'FreshestCRL'))) {
          const name = children(dp)[0];
          if (!isContext(name, 0)) continue;
          const full = children(name)[0];
          if (!isContext(full, 0)) continue;
          for (const g of children(full)) if (isContext(g, 6)) freshestCrlUrls.push(Buffer.from(content(g)).toString('latin1'));
        }
      }
    }
  }
  let signatureValid = false;
  if (issuerCertificatePem) {
    const issuer = parseCertificateDer(certificateDerFromPem(issuerCertificatePem));
    signatureValid = issuer.subjectRaw.equals(issuerRaw) && verifySignature(issuer.publicKey, algOid, raw(tbsNode!), bitStringBytes(sigNode));
  }
  return { number, deltaBase, freshestCrlUrls, thisUpdate, nextUpdate, issuerRaw, entries, signatureValid };
}
