import crypto, { type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, ROLE_OIDS } from './oids.ts';
import { toArrayBuffer } from './der.ts';
import { bitStringBytes, children, readRoot } from './tlv.ts';
import { spkiDer } from './keys.ts';
import type { KeyUsageName } from './certinfo.ts';
import type { HolderSubject, KeyAlgorithm, Purpose } from './types.ts';

/** Extension set of one certificate, ready to put into a TBSCertificate. */
export type ExtensionList = pkijs.Extension[];

export interface Urls {
  crlUrl?: string;
  ocspUrl?: string;
  issuerUrl?: string;
}

const KU_ORDER: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

function ext(extnID: string, critical: boolean, value: { toBER(sizeOnly?: boolean): ArrayBuffer }): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (OpenSSL computes the same). */
export function keyIdentifier(publicKey: KeyObject): Buffer {
  const bits = bitStringBytes(children(readRoot(spkiDer(publicKey), 'public key'))[1]);
  return crypto.createHash('sha1').update(bits).digest();
}

function keyUsage(usages: readonly KeyUsageName[]): pkijs.Extension {
  // DER: a named BIT STRING drops trailing zero bits, so its length follows the highest bit set.
  const highest = Math.max(...usages.map((u) => KU_ORDER.indexOf(u)));
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const u of usages) {
    const i = KU_ORDER.indexOf(u);
    bytes[i >> 3]! |= 0x80 >> (i & 7);
  }
  const unusedBits = bytes.length * 8 - (highest + 1);
  return ext(OID.keyUsage, true, new asn1js.BitString({ valueHex: bytes.buffer, unusedBits }));
}

function uri(url: string): pkijs.GeneralName {
  return new pkijs.GeneralName({ type: 6, value: url });
}

function distributionAndAccess(urls: Urls): ExtensionList {
  const out: ExtensionList = [];
  if (urls.crlUrl) {
    const dp = new pkijs.DistributionPoint({ distributionPoint: [uri(urls.crlUrl)] });
    out.push(ext(OID.crlDistributionPoints, false, new pkijs.CRLDistributionPoints({ distributionPoints: [dp] }).toSchema()));
  }
  const access: pkijs.AccessDescription[] = [];
  if (urls.ocspUrl) access.push(new pkijs.AccessDescription({ accessMethod: OID.ocsp, accessLocation: uri(urls.ocspUrl) }));
  if (urls.issuerUrl) {
    access.push(new pkijs.AccessDescription({ accessMethod: OID.caIssuers, accessLocation: uri(urls.issuerUrl) }));
  }
  if (access.length) {
    out.push(ext(OID.authorityInfoAccess, false, new pkijs.InfoAccess({ accessDescriptions: access }).toSchema()));
  }
  return out;
}

function keyIds(subjectKey: KeyObject, issuerKeyId: Buffer | null): ExtensionList {
  const out = [ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(keyIdentifier(subjectKey)) }))];
  if (issuerKeyId) {
    const aki = new pkijs.AuthorityKeyIdentifier({
      keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(issuerKeyId) }),
    });
    out.push(ext(OID.authorityKeyIdentifier, false, aki.toSchema()));
  }
  return out;
}

/**
 * Root: unconstrained path length. Issuing CA: pathLen 0, so it can only issue end-entity
 * certificates; it gets the root's CRL/AIA URLs when given.
 */
export function caExtensions(opts: {
  subjectKey: KeyObject;
  issuerKeyId: Buffer | null;
  pathLen?: number;
  urls?: Urls;
}): ExtensionList {
  const bc = new pkijs.BasicConstraints({
    cA: true,
    ...(opts.pathLen !== undefined ? { pathLenConstraint: opts.pathLen } : {}),
  });
  return [
    ext(OID.basicConstraints, true, bc.toSchema()),
    keyUsage(['keyCertSign', 'cRLSign']),
    ...keyIds(opts.subjectKey, opts.issuerKeyId),
    ...distributionAndAccess(opts.urls ?? {}),
  ];
}

/** NCA subject-kind and role OIDs that go into the EKU next to the technical usage. */
export function holderEkuOids(subject: HolderSubject): string[] {
  if (subject.kind === 'individual') return [OID.ncaIndividual];
  const roles = [...new Set(subject.roles ?? [])];
  return [OID.ncaLegalEntity, ...roles.map((r) => ROLE_OIDS[r])];
}

export function leafExtensions(opts: {
  subject: HolderSubject;
  purpose: Purpose;
  subjectKey: KeyObject;
  subjectAlgorithm: KeyAlgorithm;
  issuerKeyId: Buffer | null;
  urls?: Urls;
}): ExtensionList {
  const usages: KeyUsageName[] =
    opts.purpose === 'sign'
      ? ['digitalSignature', 'nonRepudiation']
      : opts.subjectAlgorithm === 'RSA-2048'
        ? ['digitalSignature', 'keyEncipherment']
        : ['digitalSignature'];
  const technical = opts.purpose === 'sign' ? OID.emailProtection : OID.clientAuth;
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: [technical, ...holderEkuOids(opts.subject)] });
  const out: ExtensionList = [
    ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    keyUsage(usages),
    ext(OID.extKeyUsage, false, eku.toSchema()),
    ...keyIds(opts.subjectKey, opts.issuerKeyId),
  ];
  if (opts.subject.email) {
    const san = new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 1, value: opts.subject.email })] });
    out.push(ext(OID.subjectAltName, false, san.toSchema()));
  }
  out.push(...distributionAndAccess(opts.urls ?? {}));
  return out;
}

/**
 * Delegated OCSP responder (RFC 6960 §4.2.2.2): issued by the CA whose certificates it answers
 * for, EKU id-kp-OCSPSigning, and id-pkix-ocsp-nocheck (§4.2.2.2.1) so that clients do not ask
 * about the responder's own status; its validity is kept short instead.
 */
export function ocspResponderExtensions(opts: { subjectKey: KeyObject; issuerKeyId: Buffer | null }): ExtensionList {
  return [
    ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    keyUsage(['digitalSignature']),
    ext(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.ocspSigning] }).toSchema()),
    ext(OID.ocspNoCheck, false, new asn1js.Null()),
    ...keyIds(opts.subjectKey, opts.issuerKeyId),
  ];
}
