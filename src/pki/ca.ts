import crypto, { type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PkiError } from './errors.ts';
import { derToPem, encode, parseDer, signedEnvelope, serialBytesToHex, serialHexToBytes, toArrayBuffer } from './der.ts';
import { generateKeyPair, keyAlgorithmOf, keysMatch, loadPrivateKey, loadPublicKey, spkiDer } from './keys.ts';
import { caName, holderName } from './names.ts';
import { caExtensions, keyIdentifier, leafExtensions, ocspResponderExtensions, type ExtensionList, type Urls } from './profiles.ts';
import { signatureAlgorithmId, signSha256 } from './signatures.ts';
import { certificateDerFromPem, parseCertificateDer, type ParsedCertificate } from './certinfo.ts';
import { verifyCsr } from './csr.ts';
import type { CaMaterial, HolderSubject, KeyAlgorithm, Purpose } from './types.ts';

// Certificates issued "now" start a little in the past so that a client whose clock runs
// behind the server's does not see a fresh certificate as not yet valid.
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const UTC_TIME_LIMIT = Date.UTC(2050, 0, 1);

function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

function addYears(d: Date, years: number): Date {
  const out = new Date(d.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function x509Time(d: Date): pkijs.Time {
  return new pkijs.Time({ type: d.getTime() < UTC_TIME_LIMIT ? 0 : 1, value: d });
}

export function randomSerial(): Buffer {
  const bytes = crypto.randomBytes(16);
  // Positive and exactly 16 bytes long: clear the sign bit, keep the top byte non-zero.
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes;
}

interface CertificateTemplate {
  serial: Buffer;
  issuer: pkijs.RelativeDistinguishedNames;
  subject: pkijs.RelativeDistinguishedNames;
  notBefore: Date;
  notAfter: Date;
  subjectKey: KeyObject;
  extensions: ExtensionList;
  signerKey: KeyObject;
  signerAlgorithm: KeyAlgorithm;
}

function signCertificate(t: CertificateTemplate): Buffer {
  if (t.notAfter.getTime() <= t.notBefore.getTime()) throw new PkiError('bad_input', 'notAfter must be after notBefore');
  const sigAlg = signatureAlgorithmId(t.signerAlgorithm);
  const cert = new pkijs.Certificate({
    version: 2,
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(t.serial) }),
    signature: sigAlg,
    issuer: t.issuer,
    subject: t.subject,
    notBefore: x509Time(wholeSeconds(t.notBefore)),
    notAfter: x509Time(wholeSeconds(t.notAfter)),
    subjectPublicKeyInfo: new pkijs.PublicKeyInfo({ schema: parseDer(spkiDer(t.subjectKey), 'public key') }),
    extensions: t.extensions,
  });
  const tbs = Buffer.from(cert.encodeTBS().toBER(false));
  const signature = signSha256(t.signerKey, tbs);
  // The signed TBS bytes go in verbatim rather than being re-encoded.
  return signedEnvelope(tbs, encode(sigAlg.toSchema()), signature);
}

/** The issuer name is copied byte for byte from the CA certificate so name chaining never depends on re-encoding. */
function issuerNameOf(ca: ParsedCertificate): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({ schema: parseDer(ca.subjectRaw, 'CA subject') });
}

interface LoadedCa {
  cert: ParsedCertificate;
  key: KeyObject;
  algorithm: KeyAlgorithm;
}

// A CA issues many certificates with the same material: parsing it and matching its key once per
// CaMaterial object (treated as an immutable value) saves a key export and a parse per issue.
const loadedCas = new WeakMap<CaMaterial, { source: CaMaterial; loaded: LoadedCa }>();

function loadCa(ca: CaMaterial): LoadedCa {
  const hit = loadedCas.get(ca);
  if (hit && hit.source.certificatePem === ca.certificatePem && hit.source.privateKeyPem === ca.privateKeyPem && hit.source.algorithm === ca.algorithm) return hit.loaded;
  const loaded = loadCaUncached(ca);
  loadedCas.set(ca, { source: { ...ca }, loaded });
  return loaded;
}

function loadCaUncached(ca: CaMaterial): LoadedCa {
  const cert = parseCertificateDer(certificateDerFromPem(ca.certificatePem));
  const key = loadPrivateKey(ca.privateKeyPem);
  if (!cert.isCa) throw new PkiError('bad_input', `"${cert.info.subjectDn}" is not a CA certificate`);
  if (cert.keyUsage && !cert.keyUsage.has('keyCertSign')) {
    throw new PkiError('bad_input', `"${cert.info.subjectDn}" may not sign certificates (no keyCertSign)`);
  }
  if (!keysMatch(key, cert.publicKey)) throw new PkiError('bad_key', 'CA private key does not match its certificate');
  const algorithm = keyAlgorithmOf(key);
  if (algorithm !== ca.algorithm) {
    throw new PkiError('bad_input', `CaMaterial says ${ca.algorithm} but its key is ${algorithm}`);
  }
  return { cert, key, algorithm };
}

function caIssuerKeyId(ca: LoadedCa): Buffer {
  return ca.cert.subjectKeyId ? Buffer.from(ca.cert.subjectKeyId, 'hex') : keyIdentifier(ca.cert.publicKey);
}

function validityFrom(now: Date | undefined): Date {
  return now ? new Date(now.getTime()) : new Date(Date.now() - CLOCK_SKEW_MS);
}

export async function createRootCa(opts: {
  commonName: string;
  algorithm: KeyAlgorithm;
  now?: Date;
  validityYears?: number;
}): Promise<CaMaterial> {
  const keys = await generateKeyPair(opts.algorithm);
  const key = loadPrivateKey(keys.privateKeyPem);
  const publicKey = loadPublicKey(keys.publicKeyPem);
  const name = caName(opts.commonName);
  const notBefore = validityFrom(opts.now);
  const der = signCertificate({
    serial: randomSerial(),
    issuer: name,
    subject: name,
    notBefore,
    notAfter: addYears(notBefore, opts.validityYears ?? 20),
    subjectKey: publicKey,
    extensions: caExtensions({ subjectKey: publicKey, issuerKeyId: null }),
    signerKey: key,
    signerAlgorithm: opts.algorithm,
  });
  return { certificatePem: derToPem(der, 'CERTIFICATE'), privateKeyPem: keys.privateKeyPem, algorithm: opts.algorithm };
}

export async function createIssuingCa(
  root: CaMaterial,
  opts: { commonName: string; algorithm: KeyAlgorithm; now?: Date; validityYears?: number; crlUrl?: string; issuerUrl?: string },
): Promise<CaMaterial> {
  const parent = loadCa(root);
  const keys = await generateKeyPair(opts.algorithm);
  const publicKey = loadPublicKey(keys.publicKeyPem);
  const notBefore = validityFrom(opts.now);
  const urls: Urls = {
    ...(opts.crlUrl ? { crlUrl: opts.crlUrl } : {}),
    ...(opts.issuerUrl ? { issuerUrl: opts.issuerUrl } : {}),
  };
  const der = signCertificate({
    serial: randomSerial(),
    issuer: issuerNameOf(parent.cert),
    subject: caName(opts.commonName),
    notBefore,
    notAfter: clampToIssuer(addYears(notBefore, opts.validityYears ?? 10), parent.cert),
    subjectKey: publicKey,
    extensions: caExtensions({ subjectKey: publicKey, issuerKeyId: caIssuerKeyId(parent), pathLen: 0, urls }),
    signerKey: parent.key,
    signerAlgorithm: parent.algorithm,
  });
  return { certificatePem: derToPem(der, 'CERTIFICATE'), privateKeyPem: keys.privateKeyPem, algorithm: opts.algorithm };
}

/** A certificate cannot usefully outlive its issuer: chain validation would fail past that date anyway. */
function clampToIssuer(notAfter: Date, issuer: ParsedCertificate): Date {
  return notAfter.getTime() > issuer.notAfterMs ? new Date(issuer.notAfterMs) : notAfter;
}

export async function issueCertificate(
  issuer: CaMaterial,
  opts: {
    csrPem?: string;
    publicKeyPem?: string;
    subject: HolderSubject;
    purpose: Purpose;
    notBefore?: Date;
    validityDays?: number;
    serialHex?: string;
    crlUrl?: string;
    ocspUrl?: string;
    issuerUrl?: string;
  },
): Promise<{ certificatePem: string; serialHex: string }> {
  if (opts.purpose !== 'auth' && opts.purpose !== 'sign') {
    throw new PkiError('bad_input', `purpose must be 'auth' or 'sign', got ${String(opts.purpose)}`);
  }
  if (!!opts.csrPem === !!opts.publicKeyPem) throw new PkiError('bad_input', 'give exactly one of csrPem or publicKeyPem');
  const ca = loadCa(issuer);
  let publicKey: KeyObject;
  if (opts.csrPem) {
    const csr = await verifyCsr(opts.csrPem);
    // The CA's subject data is authoritative, but a CSR made for somebody else is a mistake worth stopping.
    if (csr.subject.iin && csr.subject.iin !== opts.subject.iin) {
      throw new PkiError('bad_csr', `CSR is for IIN ${csr.subject.iin}, not ${opts.subject.iin}`);
    }
    publicKey = loadPublicKey(csr.publicKeyPem);
  } else {
    publicKey = loadPublicKey(opts.publicKeyPem!);
  }
  const subjectAlgorithm = keyAlgorithmOf(publicKey);
  const validityDays = opts.validityDays ?? 365;
  if (!(validityDays > 0)) throw new PkiError('bad_input', 'validityDays must be positive');
  const notBefore = opts.notBefore ? new Date(opts.notBefore.getTime()) : new Date(Date.now() - CLOCK_SKEW_MS);
  const serial = opts.serialHex ? serialHexToBytes(opts.serialHex) : randomSerial();
  const urls: Urls = {
    ...(opts.crlUrl ? { crlUrl: opts.crlUrl } : {}),
    ...(opts.ocspUrl ? { ocspUrl: opts.ocspUrl } : {}),
    ...(opts.issuerUrl ? { issuerUrl: opts.issuerUrl } : {}),
  };
  const der = signCertificate({
    serial,
    issuer: issuerNameOf(ca.cert),
    subject: holderName(opts.subject),
    notBefore,
    notAfter: clampToIssuer(new Date(notBefore.getTime() + validityDays * DAY_MS), ca.cert),
    subjectKey: publicKey,
    extensions: leafExtensions({
      subject: opts.subject,
      purpose: opts.purpose,
      subjectKey: publicKey,
      subjectAlgorithm,
      issuerKeyId: caIssuerKeyId(ca),
      urls,
    }),
    signerKey: ca.key,
    signerAlgorithm: ca.algorithm,
  });
  return { certificatePem: derToPem(der, 'CERTIFICATE'), serialHex: serialBytesToHex(serial) };
}

/**
 * A delegated OCSP responder certificate for `publicKeyPem`, issued by `issuer` (the CA whose
 * certificates it will answer for). Short-lived by default: it carries id-pkix-ocsp-nocheck.
 */
export async function issueOcspResponderCertificate(
  issuer: CaMaterial,
  opts: { publicKeyPem: string; commonName: string; notBefore?: Date; validityDays?: number; serialHex?: string },
): Promise<{ certificatePem: string; serialHex: string }> {
  const ca = loadCa(issuer);
  const publicKey = loadPublicKey(opts.publicKeyPem);
  keyAlgorithmOf(publicKey);
  const validityDays = opts.validityDays ?? 90;
  if (!(validityDays > 0)) throw new PkiError('bad_input', 'validityDays must be positive');
  const notBefore = opts.notBefore ? new Date(opts.notBefore.getTime()) : new Date(Date.now() - CLOCK_SKEW_MS);
  const serial = opts.serialHex ? serialHexToBytes(opts.serialHex) : randomSerial();
  const der = signCertificate({
    serial,
    issuer: issuerNameOf(ca.cert),
    subject: caName(opts.commonName),
    notBefore,
    notAfter: clampToIssuer(new Date(notBefore.getTime() + validityDays * DAY_MS), ca.cert),
    subjectKey: publicKey,
    extensions: ocspResponderExtensions({ subjectKey: publicKey, issuerKeyId: caIssuerKeyId(ca) }),
    signerKey: ca.key,
    signerAlgorithm: ca.algorithm,
  });
  return { certificatePem: derToPem(der, 'CERTIFICATE'), serialHex: serialBytesToHex(serial) };
}
