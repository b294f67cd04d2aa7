import crypto, { type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, ROLE_BY_OID } from './oids.ts';
import { PkiError } from './errors.ts';
import { BoundedCache } from './cache.ts';
import { childrenOf, oidOf, parseDer, pemToDer, rawOf, serialBytesToHex } from './der.ts';
import { formatName, readName } from './names.ts';
import { keyAlgorithmOf } from './keys.ts';
import type { CertificateInfo, HolderKind, LegalRole, Purpose } from './types.ts';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';
const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

// Extensions whose meaning this library enforces or that carry no constraint; a critical
// extension outside this list makes the certificate unusable (RFC 5280 §4.2).
const UNDERSTOOD_EXTENSIONS = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.subjectAltName,
  OID.certificatePolicies,
  OID.crlDistributionPoints,
  OID.authorityInfoAccess,
]);

/** Everything chain building and CMS verification need, decoded once per certificate. */
export interface ParsedCertificate {
  der: Buffer;
  fingerprint: string;
  info: CertificateInfo;
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  publicKey: KeyObject;
  issuerRaw: Buffer;
  subjectRaw: Buffer;
  serialContent: Buffer;
  subjectKeyId?: string;
  authorityKeyId?: string;
  isCa: boolean;
  pathLen?: number;
  /** null when the extension is absent (no restriction). */
  keyUsage: ReadonlySet<KeyUsageName> | null;
  extKeyUsage: readonly string[] | null;
  unknownCritical: readonly string[];
  notBeforeMs: number;
  notAfterMs: number;
}

const byFingerprint = new BoundedCache<string, ParsedCertificate>(20_000);

export function fingerprintOf(der: Uint8Array): string {
  return crypto.createHash('sha256').update(der).digest('hex');
}

export function parseCertificate(pem: string): CertificateInfo {
  return parseCertificateDer(pemToDer(pem, 'CERTIFICATE')).info;
}

export function certificateDerFromPem(pem: string): Buffer {
  return pemToDer(pem, 'CERTIFICATE');
}

/** Cached by SHA-256 fingerprint, so a certificate seen before costs one hash. */
export function parseCertificateDer(der: Uint8Array, knownFingerprint?: string): ParsedCertificate {
  const fingerprint = knownFingerprint ?? fingerprintOf(der);
  const cached = byFingerprint.get(fingerprint);
  if (cached) return cached;
  let parsed: ParsedCertificate;
  try {
    parsed = decodeCertificate(Buffer.from(der), fingerprint);
  } catch (err) {
    if (err instanceof PkiError && err.code === 'unsupported_algorithm') throw err;
    throw new PkiError('bad_certificate', `cannot parse certificate: ${(err as Error).message}`, { cause: err });
  }
  byFingerprint.set(fingerprint, parsed);
  return parsed;
}

function fail(msg: string): never {
  throw new PkiError('bad_certificate', msg);
}

function timeOf(node: asn1js.AsnType | undefined): number {
  if (node instanceof asn1js.UTCTime || node instanceof asn1js.GeneralizedTime) return node.toDate().getTime();
  return fail('validity time is neither UTCTime nor GeneralizedTime');
}

function decodeCertificate(der: Buffer, fingerprint: string): ParsedCertificate {
  const root = parseDer(der, 'certificate');
  const [tbsNode, sigAlgNode, sigNode] = childrenOf(root);
  if (!tbsNode || !sigAlgNode || !(sigNode instanceof asn1js.BitString)) fail('not an X.509 Certificate');
  const tbsParts = childrenOf(tbsNode);
  const hasVersion = tbsParts[0]?.idBlock.tagClass === 3 && tbsParts[0]?.idBlock.tagNumber === 0;
  const o = hasVersion ? 1 : 0;
  const serialNode = tbsParts[o];
  const issuerNode = tbsParts[o + 2];
  const validity = childrenOf(tbsParts[o + 3]);
  const subjectNode = tbsParts[o + 4];
  const spkiNode = tbsParts[o + 5];
  if (!(serialNode instanceof asn1js.Integer) || !issuerNode || !subjectNode || !spkiNode) fail('truncated TBSCertificate');

  let extensionsNode: asn1js.AsnType | undefined;
  for (const part of tbsParts.slice(o + 6)) {
    if (part.idBlock.tagClass === 3 && part.idBlock.tagNumber === 3) extensionsNode = childrenOf(part)[0];
  }

  const publicKey = crypto.createPublicKey({ key: Buffer.from(rawOf(spkiNode)), format: 'der', type: 'spki' });
  const keyAlgorithm = keyAlgorithmOf(publicKey);
  const subject = new pkijs.RelativeDistinguishedNames({ schema: subjectNode });
  const issuer = new pkijs.RelativeDistinguishedNames({ schema: issuerNode });
  const names = readName(subject);

  let isCa = false;
  let pathLen: number | undefined;
  let keyUsage: Set<KeyUsageName> | null = null;
  let extKeyUsage: string[] | null = null;
  let subjectKeyId: string | undefined;
  let authorityKeyId: string | undefined;
  const unknownCritical: string[] = [];

  for (const ext of childrenOf(extensionsNode)) {
    const parts = childrenOf(ext);
    const id = oidOf(parts[0]);
    const critical = parts[1] instanceof asn1js.Boolean ? parts[1].valueBlock.value : false;
    const valueNode = parts[parts.length - 1];
    if (!id || !(valueNode instanceof asn1js.OctetString)) fail('malformed extension');
    const inner = () => parseDer(new Uint8Array(valueNode.valueBlock.valueHexView), `extension ${id}`);
    switch (id) {
      case OID.basicConstraints: {
        for (const item of childrenOf(inner())) {
          if (item instanceof asn1js.Boolean) isCa = item.valueBlock.value;
          if (item instanceof asn1js.Integer) pathLen = item.valueBlock.valueDec;
        }
        break;
      }
      case OID.keyUsage: {
        const bits = inner();
        if (!(bits instanceof asn1js.BitString)) fail('keyUsage is not a BIT STRING');
        const bytes = bits.valueBlock.valueHexView;
        keyUsage = new Set(KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1));
        break;
      }
      case OID.extKeyUsage:
        extKeyUsage = childrenOf(inner()).map((n) => oidOf(n) ?? fail('extKeyUsage entry is not an OID'));
        break;
      case OID.subjectKeyIdentifier: {
        const v = inner();
        if (v instanceof asn1js.OctetString) subjectKeyId = Buffer.from(v.valueBlock.valueHexView).toString('hex');
        break;
      }
      case OID.authorityKeyIdentifier: {
        const keyId = childrenOf(inner()).find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 0);
        if (keyId) authorityKeyId = Buffer.from((keyId as asn1js.Primitive).valueBlock.valueHexView).toString('hex');
        break;
      }
    }
    if (critical && !UNDERSTOOD_EXTENSIONS.has(id)) unknownCritical.push(id);
  }

  const roles: LegalRole[] = [];
  let holderKind: HolderKind | undefined;
  for (const eku of extKeyUsage ?? []) {
    const role = ROLE_BY_OID.get(eku);
    if (role && !roles.includes(role)) roles.push(role);
    if (eku === OID.ncaIndividual) holderKind = 'individual';
    if (eku === OID.ncaLegalEntity || role) holderKind = 'legal_entity';
  }
  if (!holderKind && !isCa && names.iin) holderKind = names.bin ? 'legal_entity' : 'individual';

  const notBeforeMs = timeOf(validity[0]);
  const notAfterMs = timeOf(validity[1]);
  const partial = { isCa, keyUsage, extKeyUsage };
  const purpose: Purpose | undefined = isCa
    ? undefined
    : allowsPurpose(partial, 'sign')
      ? 'sign'
      : allowsPurpose(partial, 'auth')
        ? 'auth'
        : undefined;

  const info: CertificateInfo = {
    serialHex: serialBytesToHex(serialNode.valueBlock.valueHexView),
    fingerprintSha256: fingerprint,
    subjectDn: formatName(subject),
    issuerDn: formatName(issuer),
    commonName: names.commonName,
    roles,
    notBefore: new Date(notBeforeMs),
    notAfter: new Date(notAfterMs),
    keyAlgorithm,
    isCa,
  };
  if (names.iin) info.iin = names.iin;
  if (names.bin) info.bin = names.bin;
  if (names.organization) info.organization = names.organization;
  if (holderKind) info.holderKind = holderKind;
  if (purpose) info.purpose = purpose;
  Object.freeze(roles);

  return {
    der,
    fingerprint,
    info: Object.freeze(info),
    tbs: rawOf(tbsNode),
    signatureAlgorithm: oidOf(childrenOf(sigAlgNode)[0]) ?? fail('signature algorithm missing'),
    signature: sigNode.valueBlock.valueHexView,
    publicKey,
    issuerRaw: Buffer.from(rawOf(issuerNode)),
    subjectRaw: Buffer.from(rawOf(subjectNode)),
    serialContent: Buffer.from(serialNode.valueBlock.valueHexView),
    ...(subjectKeyId !== undefined ? { subjectKeyId } : {}),
    ...(authorityKeyId !== undefined ? { authorityKeyId } : {}),
    isCa,
    ...(pathLen !== undefined ? { pathLen } : {}),
    keyUsage,
    extKeyUsage,
    unknownCritical,
    notBeforeMs,
    notAfterMs,
  };
}

/**
 * A sign certificate needs EKU emailProtection and KU digitalSignature+nonRepudiation; an auth
 * certificate needs EKU clientAuth and KU digitalSignature. The EKU must be present: NCA profiles
 * always carry one, and an unrestricted certificate should not pass as either.
 */
export function allowsPurpose(
  cert: Pick<ParsedCertificate, 'isCa' | 'keyUsage' | 'extKeyUsage'>,
  purpose: Purpose,
): boolean {
  if (cert.isCa || !cert.extKeyUsage) return false;
  const ku = cert.keyUsage;
  if (purpose === 'sign') {
    return (
      cert.extKeyUsage.includes(OID.emailProtection) &&
      (!ku || (ku.has('digitalSignature') && ku.has('nonRepudiation')))
    );
  }
  return cert.extKeyUsage.includes(OID.clientAuth) && (!ku || ku.has('digitalSignature'));
}
