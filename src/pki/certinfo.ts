import crypto, { type KeyObject } from 'node:crypto';
import { OID, ROLE_BY_OID } from './oids.ts';
import { PkiError } from './errors.ts';
import { BoundedCache } from './cache.ts';
import { pemToDer, serialBytesToHex } from './der.ts';
import { decodeName, formatName, readName } from './names.ts';
import {
  TAG,
  bitStringBytes,
  booleanValue,
  children,
  content,
  expect,
  integerValue,
  isContext,
  isUniversal,
  oid,
  raw,
  readRoot,
  timeValue,
} from './tlv.ts';
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

function decodeCertificate(der: Buffer, fingerprint: string): ParsedCertificate {
  const [tbsNode, sigAlgNode, sigNode] = children(readRoot(der, 'certificate'));
  if (!isUniversal(tbsNode, TAG.SEQUENCE) || !sigAlgNode || !sigNode) fail('not an X.509 Certificate');
  const tbsParts = children(tbsNode);
  const o = isContext(tbsParts[0], 0) ? 1 : 0;
  const serialNode = expect(tbsParts[o], TAG.INTEGER, 'serialNumber');
  const issuerNode = expect(tbsParts[o + 2], TAG.SEQUENCE, 'issuer');
  const validity = children(expect(tbsParts[o + 3], TAG.SEQUENCE, 'validity'));
  const subjectNode = expect(tbsParts[o + 4], TAG.SEQUENCE, 'subject');
  const spkiNode = expect(tbsParts[o + 5], TAG.SEQUENCE, 'subjectPublicKeyInfo');
  const extensionsNode = tbsParts.slice(o + 6).find((t) => isContext(t, 3));

  const publicKey = crypto.createPublicKey({ key: Buffer.from(raw(spkiNode)), format: 'der', type: 'spki' });
  const keyAlgorithm = keyAlgorithmOf(publicKey);
  const subjectAttrs = decodeName(subjectNode);
  const names = readName(subjectAttrs);

  let isCa = false;
  let pathLen: number | undefined;
  let keyUsage: Set<KeyUsageName> | null = null;
  let extKeyUsage: string[] | null = null;
  let subjectKeyId: string | undefined;
  let authorityKeyId: string | undefined;
  const unknownCritical: string[] = [];

  for (const ext of children(children(extensionsNode)[0])) {
    const parts = children(ext);
    const id = oid(parts[0]);
    const critical = isUniversal(parts[1], TAG.BOOLEAN) ? booleanValue(parts[1]) : false;
    const valueNode = parts[parts.length - 1];
    if (!id || !isUniversal(valueNode, TAG.OCTET_STRING)) fail('malformed extension');
    const inner = () => readRoot(content(valueNode), `extension ${id}`);
    switch (id) {
      case OID.basicConstraints:
        for (const item of children(inner())) {
          if (isUniversal(item, TAG.BOOLEAN)) isCa = booleanValue(item);
          if (isUniversal(item, TAG.INTEGER)) pathLen = integerValue(item);
        }
        break;
      case OID.keyUsage: {
        const bytes = bitStringBytes(inner());
        keyUsage = new Set(KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1));
        break;
      }
      case OID.extKeyUsage:
        extKeyUsage = children(inner()).map((n) => oid(n) ?? fail('extKeyUsage entry is not an OID'));
        break;
      case OID.subjectKeyIdentifier:
        subjectKeyId = Buffer.from(content(expect(inner(), TAG.OCTET_STRING, 'subjectKeyIdentifier'))).toString('hex');
        break;
      case OID.authorityKeyIdentifier: {
        const keyId = children(inner()).find((n) => isContext(n, 0));
        if (keyId) authorityKeyId = Buffer.from(content(keyId)).toString('hex');
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

  const notBefore = timeValue(validity[0]);
  const notAfter = timeValue(validity[1]);
  const partial = { isCa, keyUsage, extKeyUsage };
  const purpose: Purpose | undefined = allowsPurpose(partial, 'sign')
    ? 'sign'
    : allowsPurpose(partial, 'auth')
      ? 'auth'
      : undefined;

  const info: CertificateInfo = {
    serialHex: serialBytesToHex(content(serialNode)),
    fingerprintSha256: fingerprint,
    subjectDn: formatName(subjectAttrs),
    issuerDn: formatName(decodeName(issuerNode)),
    commonName: names.commonName,
    roles,
    notBefore,
    notAfter,
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
    tbs: raw(tbsNode),
    signatureAlgorithm: oid(children(sigAlgNode)[0]) ?? fail('signature algorithm missing'),
    signature: bitStringBytes(sigNode),
    publicKey,
    issuerRaw: Buffer.from(raw(issuerNode)),
    subjectRaw: Buffer.from(raw(subjectNode)),
    serialContent: Buffer.from(content(serialNode)),
    ...(subjectKeyId !== undefined ? { subjectKeyId } : {}),
    ...(authorityKeyId !== undefined ? { authorityKeyId } : {}),
    isCa,
    ...(pathLen !== undefined ? { pathLen } : {}),
    keyUsage,
    extKeyUsage,
    unknownCritical,
    notBeforeMs: notBefore.getTime(),
    notAfterMs: notAfter.getTime(),
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
