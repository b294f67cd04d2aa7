import crypto, { type KeyObject } from 'node:crypto';
import { OID } from './oids.ts';
import { PkiError } from './errors.ts';
import { encode, serialBytesToHex, serialHexToBytes } from './der.ts';
import { enumerated, explicit, extension, generalizedTime, integerFromContent, octetString, oidDer, seq, tlv } from './derw.ts';
import {
  TAG,
  bitStringBytes,
  children,
  content,
  isContext,
  isUniversal,
  oid,
  raw,
  readRoot,
  timeValue,
  type Tlv,
} from './tlv.ts';
import { keyAlgorithmOf, loadPrivateKey, keysMatch } from './keys.ts';
import { certificateDerFromPem, parseCertificateDer, type ParsedCertificate } from './certinfo.ts';
import { reasonCode, reasonName, type RevocationReason } from './revocation.ts';
import { signatureAlgorithmId, verifySignature } from './signatures.ts';

/*
 * OCSP (RFC 6960) over the DER reader of tlv.ts and the writer of derw.ts. A response is built by
 * concatenating precomputed parts (responder ID, algorithm, certificates) around what changes
 * per request (times, statuses, the nonce), and signed once with a cached KeyObject.
 */

export type OcspHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';
const HASH_BY_OID: ReadonlyMap<string, OcspHash> = new Map([
  [OID.sha1, 'sha1'],
  [OID.sha256, 'sha256'],
  [OID.sha384, 'sha384'],
  [OID.sha512, 'sha512'],
]);
const OID_BY_HASH: Readonly<Record<OcspHash, string>> = { sha1: OID.sha1, sha256: OID.sha256, sha384: OID.sha384, sha512: OID.sha512 };

export interface OcspCertId {
  hash: OcspHash;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  serialHex: string;
  /** The CertID as the client encoded it; echoed in the response. */
  der: Uint8Array;
}

export interface OcspRequest {
  certIds: OcspCertId[];
  /** The whole nonce Extension as received, echoed verbatim in the response (RFC 8954). */
  nonceExtension: Uint8Array | null;
  /** Nonce value (the inner OCTET STRING's content when there is one). */
  nonce: Uint8Array | null;
}

export type OcspCertStatus =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date; reason?: RevocationReason }
  | { status: 'unknown' };

export type OcspErrorStatus = 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized';
const ERROR_CODES: Readonly<Record<OcspErrorStatus, number>> = { malformedRequest: 1, internalError: 2, tryLater: 3, sigRequired: 5, unauthorized: 6 };
const STATUS_NAMES = ['successful', 'malformedRequest', 'internalError', 'tryLater', '4', 'sigRequired', 'unauthorized'] as const;

/** Requests carrying more certificates than this are refused as malformed (a cheap DoS guard). */
export const MAX_CERTS_PER_REQUEST = 32;
const MAX_NONCE_BYTES = 32; // RFC 8954 §2.1

function malformed(msg: string): never {
  throw new PkiError('bad_input', `OCSP request: ${msg}`);
}

function parseCertId(node: Tlv | undefined): OcspCertId {
  if (!isUniversal(node, TAG.SEQUENCE)) malformed('CertID is not a SEQUENCE');
  const [alg, nameHash, keyHash, serial] = children(node);
  const hash = HASH_BY_OID.get(oid(children(alg)[0]) ?? '');
  if (!hash) malformed('unsupported CertID hash algorithm');
  if (!isUniversal(nameHash, TAG.OCTET_STRING) || !isUniversal(keyHash, TAG.OCTET_STRING)) malformed('CertID hashes are not OCTET STRINGs');
  if (!isUniversal(serial, TAG.INTEGER) || serial.constructed) malformed('CertID serialNumber is not an INTEGER');
  const serialContent = content(serial);
  if (serialContent.length === 0 || serialContent.length > 21 || (serialContent[0]! & 0x80) !== 0) malformed('CertID serialNumber out of range');
  return { hash, issuerNameHash: content(nameHash), issuerKeyHash: content(keyHash), serialHex: serialBytesToHex(serialContent), der: raw(node) };
}

/** Parses an OCSPRequest; throws PkiError('bad_input') for anything that is not one. */
export function parseOcspRequest(der: Uint8Array): OcspRequest {
  let tbsParts: Tlv[];
  try {
    const [tbs] = children(readRoot(der, 'OCSPRequest'));
    if (!isUniversal(tbs, TAG.SEQUENCE)) malformed('tbsRequest missing');
    tbsParts = children(tbs);
  } catch (err) {
    if (err instanceof PkiError) throw err;
    return malformed((err as Error).message);
  }
  let i = 0;
  if (isContext(tbsParts[i], 0)) i++; // version
  if (isContext(tbsParts[i], 1)) i++; // requestorName
  const list = tbsParts[i++];
  if (!isUniversal(list, TAG.SEQUENCE)) malformed('requestList missing');
  const requests = children(list);
  if (requests.length === 0) malformed('requestList is empty');
  if (requests.length > MAX_CERTS_PER_REQUEST) malformed(`more than ${MAX_CERTS_PER_REQUEST} certificates in one request`);
  const certIds = requests.map((r) => parseCertId(children(r)[0]));
  let nonceExtension: Uint8Array | null = null;
  let nonce: Uint8Array | null = null;
  const exts = tbsParts[i];
  if (isContext(exts, 2)) {
    for (const ext of children(children(exts)[0])) {
      const parts = children(ext);
      if (oid(parts[0]) !== OID.ocspNonce) continue;
      const value = parts[parts.length - 1];
      if (!isUniversal(value, TAG.OCTET_STRING)) malformed('nonce extension value is not an OCTET STRING');
      const inner = content(value);
      // RFC 8954: the value is an OCTET STRING of 1..32 octets; some clients put raw bytes.
      let n = inner;
      if (inner[0] === 0x04) {
        try {
          n = content(readRoot(inner, 'nonce'));
        } catch {
          n = inner;
        }
      }
      if (n.length === 0 || n.length > MAX_NONCE_BYTES) malformed(`nonce must be 1..${MAX_NONCE_BYTES} octets`);
      nonceExtension = raw(ext);
      nonce = n;
    }
  }
  return { certIds, nonceExtension, nonce };
}

/** An OCSPResponse with an error status and no response bytes. */
export function ocspErrorResponse(status: OcspErrorStatus): Buffer {
  return seq(enumerated(ERROR_CODES[status]));
}

interface IssuerHashes {
  name: Buffer;
  key: Buffer;
}

function keyBits(cert: ParsedCertificate): Buffer {
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return Buffer.from(bitStringBytes(children(readRoot(spki, 'public key'))[1]));
}

export interface OcspResponderOptions {
  /** The CA the responder answers for. */
  issuerCertificatePem: string;
  /** Delegated responder certificate (EKU OCSPSigning, issued by that CA), or the CA itself. */
  responderCertificatePem: string;
  responderPrivateKeyPem: string;
  /** How long a 'good' or 'revoked' answer may be relied on; omitted: nextUpdate is left out (status is live). */
  nextUpdateSeconds?: number;
}

const GOOD = Buffer.from([0x80, 0x00]);
const UNKNOWN = Buffer.from([0x82, 0x00]);
const SUCCESSFUL = enumerated(0);

/**
 * Answers OCSP requests about the certificates of one CA. Holds the responder's key as a
 * KeyObject and every constant part of a response pre-encoded; a response costs one parse, one
 * status lookup per certificate and one signature.
 */
export class OcspResponder {
  readonly responder: ParsedCertificate;
  readonly issuer: ParsedCertificate;
  readonly notAfterMs: number;
  private readonly key: KeyObject;
  private readonly sigAlg: Buffer;
  private readonly responderId: Buffer;
  private readonly certs: Buffer;
  private readonly issuerHashes = new Map<OcspHash, IssuerHashes>();
  private readonly nextUpdateMs: number | null;

  constructor(opts: OcspResponderOptions) {
    this.issuer = parseCertificateDer(certificateDerFromPem(opts.issuerCertificatePem));
    this.responder = parseCertificateDer(certificateDerFromPem(opts.responderCertificatePem));
    this.key = loadPrivateKey(opts.responderPrivateKeyPem);
    if (!keysMatch(this.key, this.responder.publicKey)) throw new PkiError('bad_key', 'the responder key does not match the responder certificate');
    const delegated = !this.responder.der.equals(this.issuer.der);
    if (delegated) {
      if (!this.responder.issuerRaw.equals(this.issuer.subjectRaw)) throw new PkiError('bad_input', 'the responder certificate is not issued by the CA it answers for');
      if (!verifySignature(this.issuer.publicKey, this.responder.signatureAlgorithm, this.responder.tbs, this.responder.signature)) {
        throw new PkiError('bad_input', 'the responder certificate does not verify with the CA key');
      }
      if (!this.responder.extKeyUsage?.includes(OID.ocspSigning)) throw new PkiError('bad_input', 'the responder certificate lacks EKU id-kp-OCSPSigning');
    }
    this.notAfterMs = this.responder.notAfterMs;
    this.sigAlg = encode(signatureAlgorithmId(keyAlgorithmOf(this.key)).toSchema());
    const responderKeyHash = crypto.createHash('sha1').update(keyBits(this.responder)).digest();
    this.responderId = explicit(2, octetString(responderKeyHash)); // ResponderID byKey
    this.certs = explicit(0, seq(this.responder.der));
    const issuerKey = keyBits(this.issuer);
    for (const h of ['sha1', 'sha256', 'sha384', 'sha512'] as const) {
      this.issuerHashes.set(h, {
        name: crypto.createHash(h).update(this.issuer.subjectRaw).digest(),
        key: crypto.createHash(h).update(issuerKey).digest(),
      });
    }
    this.nextUpdateMs = opts.nextUpdateSeconds ? opts.nextUpdateSeconds * 1000 : null;
  }

  /** True when the CertID names this responder's CA. */
  isOurs(id: OcspCertId): boolean {
    const h = this.issuerHashes.get(id.hash);
    return !!h && h.name.equals(id.issuerNameHash) && h.key.equals(id.issuerKeyHash);
  }

  /**
   * The DER OCSPResponse for a DER request. `lookup` gives the status of a serial of this CA;
   * a certificate of another CA is 'unknown'. A malformed request gets malformedRequest, a
   * failing lookup internalError: never a 'good' that was not established.
   */
  async respond(requestDer: Uint8Array, lookup: (serialHex: string) => OcspCertStatus | Promise<OcspCertStatus>, now: Date): Promise<Buffer> {
    let req: OcspRequest;
    try {
      req = parseOcspRequest(requestDer);
    } catch {
      return ocspErrorResponse('malformedRequest');
    }
    const statuses: OcspCertStatus[] = [];
    try {
      for (const id of req.certIds) statuses.push(this.isOurs(id) ? await lookup(id.serialHex) : { status: 'unknown' });
    } catch {
      return ocspErrorResponse('internalError');
    }
    return this.sign(req, statuses, now);
  }

  /** Builds and signs the BasicOCSPResponse for already-established statuses. */
  sign(req: OcspRequest, statuses: readonly OcspCertStatus[], now: Date): Buffer {
    const produced = generalizedTime(now);
    const nextUpdate = this.nextUpdateMs ? explicit(0, generalizedTime(new Date(now.getTime() + this.nextUpdateMs))) : null;
    const singles: Buffer[] = [];
    for (let i = 0; i < req.certIds.length; i++) {
      const s = statuses[i] ?? { status: 'unknown' };
      let certStatus: Buffer;
      if (s.status === 'good') certStatus = GOOD;
      else if (s.status === 'revoked') {
        const when = generalizedTime(s.revokedAt);
        certStatus = s.reason && s.reason !== 'unspecified' ? tlv(0xa1, when, explicit(0, enumerated(reasonCode(s.reason)))) : tlv(0xa1, when);
      } else certStatus = UNKNOWN;
      singles.push(nextUpdate && s.status !== 'unknown' ? seq(req.certIds[i]!.der, certStatus, produced, nextUpdate) : seq(req.certIds[i]!.der, certStatus, produced));
    }
    const tbs = req.nonceExtension
      ? seq(this.responderId, produced, seq(...singles), explicit(1, seq(req.nonceExtension)))
      : seq(this.responderId, produced, seq(...singles));
    const signature = crypto.sign('sha256', tbs, this.key);
    const basic = seq(tbs, this.sigAlg, tlv(0x03, BIT_STRING_PAD, signature), this.certs);
    return seq(SUCCESSFUL, explicit(0, seq(oidDer(OID.ocspBasic), octetString(basic))));
  }
}

const BIT_STRING_PAD = Buffer.from([0]);

// ------------------------------------------------------------------ client side (CLI, bench, tests)

/** A DER OCSPRequest about `serialHex` of the CA `issuerCertificatePem`, with a nonce unless `nonce: null`. */
export function buildOcspRequest(issuerCertificatePem: string, serialHex: string | string[], opts: { hash?: OcspHash; nonce?: Uint8Array | null } = {}): Buffer {
  const issuer = parseCertificateDer(certificateDerFromPem(issuerCertificatePem));
  const hash = opts.hash ?? 'sha1';
  const alg = seq(oidDer(OID_BY_HASH[hash]), Buffer.from([0x05, 0x00]));
  const nameHash = crypto.createHash(hash).update(issuer.subjectRaw).digest();
  const keyHash = crypto.createHash(hash).update(keyBits(issuer)).digest();
  const serials = Array.isArray(serialHex) ? serialHex : [serialHex];
  const list = seq(...serials.map((s) => seq(seq(alg, octetString(nameHash), octetString(keyHash), integerFromContent(serialHexToBytes(s))))));
  const nonce = opts.nonce === undefined ? crypto.randomBytes(16) : opts.nonce;
  const tbs = nonce ? seq(list, explicit(2, seq(extension(OID.ocspNonce, false, octetString(nonce))))) : seq(list);
  return seq(tbs);
}

export interface OcspSingleResult {
  serialHex: string;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  reason?: RevocationReason;
  thisUpdate: Date;
  nextUpdate?: Date;
}

export interface OcspResponseInfo {
  responseStatus: (typeof STATUS_NAMES)[number];
  producedAt?: Date;
  responses: OcspSingleResult[];
  nonce: Uint8Array | null;
  /** The signature verifies with the embedded responder certificate, which the issuer signed (or is the issuer) and which may sign OCSP responses. */
  signatureValid: boolean;
}

/**
 * Reads an OCSPResponse and checks its signature against the embedded responder certificate,
 * which must be `issuerCertificatePem` itself or issued by it with EKU OCSPSigning.
 */
export function parseOcspResponse(der: Uint8Array, issuerCertificatePem: string): OcspResponseInfo {
  const [statusNode, bytesNode] = children(readRoot(der, 'OCSPResponse'));
  const code = content(statusNode!)[0] ?? 255;
  const responseStatus = STATUS_NAMES[code] ?? 'internalError';
  if (code !== 0 || !isContext(bytesNode, 0)) return { responseStatus, responses: [], nonce: null, signatureValid: false };
  const [typeNode, basicOctets] = children(children(bytesNode)[0]);
  if (oid(typeNode) !== OID.ocspBasic) throw new PkiError('bad_input', 'not a basic OCSP response');
  const [tbsNode, algNode, sigNode, certsNode] = children(readRoot(content(basicOctets!), 'BasicOCSPResponse'));
  const tbsParts = children(tbsNode);
  let i = 0;
  if (isContext(tbsParts[i], 0)) i++;
  i++; // responderID
  const producedAt = timeValue(tbsParts[i++]);
  const responses: OcspSingleResult[] = children(tbsParts[i++]).map((single) => {
    const parts = children(single);
    const certId = parseCertId(parts[0]);
    const st = parts[1]!;
    const out: OcspSingleResult = { serialHex: certId.serialHex, status: 'unknown', thisUpdate: timeValue(parts[2]) };
    if (isContext(st, 0)) out.status = 'good';
    else if (isContext(st, 1)) {
      out.status = 'revoked';
      const [when, reason] = children(st);
      out.revokedAt = timeValue(when);
      if (isContext(reason, 0)) out.reason = reasonName(content(children(reason)[0]!)[0]!);
    }
    const next = parts.slice(3).find((p) => isContext(p, 0));
    if (next) out.nextUpdate = timeValue(children(next)[0]);
    return out;
  });
  let nonce: Uint8Array | null = null;
  const exts = tbsParts[i];
  if (isContext(exts, 1)) {
    for (const ext of children(children(exts)[0])) {
      const parts = children(ext);
      if (oid(parts[0]) === OID.ocspNonce) nonce = content(readRoot(content(parts[parts.length - 1]!), 'nonce'));
    }
  }
  const issuer = parseCertificateDer(certificateDerFromPem(issuerCertificatePem));
  const embedded = isContext(certsNode, 0) ? children(children(certsNode)[0]).map((c) => parseCertificateDer(raw(c))) : [];
  const sigAlg = oid(children(algNode)[0]) ?? '';
  const signature = bitStringBytes(sigNode);
  const candidates = [issuer, ...embedded];
  let signatureValid = false;
  for (const signer of candidates) {
    const authorised =
      signer === issuer ||
      (signer.issuerRaw.equals(issuer.subjectRaw) &&
        !!signer.extKeyUsage?.includes(OID.ocspSigning) &&
        verifySignature(issuer.publicKey, signer.signatureAlgorithm, signer.tbs, signer.signature));
    if (authorised && verifySignature(signer.publicKey, sigAlg, raw(tbsNode!), signature)) {
      signatureValid = true;
      break;
    }
  }
  return { responseStatus, producedAt, responses, nonce, signatureValid };
}
