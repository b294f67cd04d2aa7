// Public verification of an issued result, with nothing but public material: the result file (the
// document, its SHA-256 as registered, the CMS signature of the decision and the decision it covers)
// and the platform's CA certificates and CRL under /pki. Every check is computed here.
import { canonicalJson } from '../../../src/core/canonical.ts';
import { DerError, TAG, bitString, children, content, equalBytes, expect, fromBase64, hex, oid, raw, root, time, type Tlv, is } from './der.ts';
import { parseCertificate, verifyWith, type Certificate } from './cert.ts';
import { checkDetached } from './cms.ts';

export interface ResultBundle {
  format: 'qyzmet-result/1';
  number: string;
  decision: 'approve' | 'refuse';
  issuedAt: string;
  sha256: string;
  document: Record<string, unknown>;
  signature: string | null;
  /** The canonical JSON of the decision the signature covers. */
  signedContent?: string;
}

export type CheckId = 'document_hash' | 'number' | 'decision_of_case' | 'digest' | 'signature' | 'signer_named' | 'purpose' | 'chain' | 'validity' | 'revocation';

export interface Check {
  id: CheckId;
  ok: boolean;
  /** Values for the message (dates as ISO strings). */
  info?: Record<string, string>;
}

export interface Report {
  ok: boolean;
  checks: Check[];
  signer?: { commonName: string; iin?: string; bin?: string; organization?: string; serialHex: string; notBefore: string; notAfter: string };
  signingTime?: string;
}

export function isBundle(v: unknown): v is ResultBundle {
  const b = v as ResultBundle;
  return !!b && typeof b === 'object' && b.format === 'qyzmet-result/1' && typeof b.number === 'string' && typeof b.sha256 === 'string' && !!b.document && typeof b.document === 'object';
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource)));
}

interface Crl {
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  issuerRaw: Uint8Array;
  thisUpdate: Date;
  revoked: Array<{ serial: Uint8Array; at: Date }>;
}

function parseCrl(der: Uint8Array): Crl {
  const [tbsNode, alg, sig] = children(expect(root(der), TAG.SEQUENCE, 'CRL'));
  const parts = children(tbsNode);
  let i = is(parts[0], TAG.INTEGER) ? 1 : 0;
  i++; // signature algorithm
  const issuer = parts[i++]!;
  const thisUpdate = time(parts[i++]);
  if (is(parts[i], TAG.UTC_TIME) || is(parts[i], TAG.GENERALIZED_TIME)) i++;
  const revoked: Crl['revoked'] = [];
  const list: Tlv | undefined = is(parts[i], TAG.SEQUENCE) ? parts[i] : undefined;
  for (const entry of children(list)) {
    const [serial, at] = children(entry);
    revoked.push({ serial: content(expect(serial, TAG.INTEGER, 'serial')), at: time(at) });
  }
  return { tbs: raw(tbsNode!), signatureAlgorithm: oid(children(alg)[0]), signature: bitString(sig), issuerRaw: raw(issuer), thisUpdate, revoked };
}

async function fetchDer(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function issuedBy(child: Certificate, issuer: Certificate): Promise<boolean> {
  return equalBytes(child.issuerRaw, issuer.subjectRaw) && (await verifyWith(issuer, child.signatureAlgorithm, child.tbs, child.signature));
}

export async function verifyResult(b: ResultBundle): Promise<Report> {
  const checks: Check[] = [];
  const add = (id: CheckId, ok: boolean, info?: Record<string, string>) => checks.push({ id, ok, ...(info ? { info } : {}) });
  const doc = b.document as { number?: string; caseId?: string; signedBy?: { certSerial?: string } };

  add('document_hash', (await sha256Hex(new TextEncoder().encode(canonicalJson(b.document)))) === b.sha256.toLowerCase(), { sha256: b.sha256 });
  add('number', doc.number === b.number, { number: b.number });
  if (!b.signature || !b.signedContent) {
    add('signature', false);
    return { ok: false, checks };
  }
  let decision: { kind?: string; caseId?: string } = {};
  try {
    decision = JSON.parse(b.signedContent) as typeof decision;
  } catch {
    // reported below
  }
  add('decision_of_case', decision.kind === 'decision' && decision.caseId === doc.caseId && canonicalJson(decision) === b.signedContent, { caseId: String(doc.caseId ?? '') });

  let cms;
  try {
    cms = await checkDetached(fromBase64(b.signature), new TextEncoder().encode(b.signedContent));
  } catch (e) {
    add('signature', false, { reason: e instanceof DerError ? e.message : String(e) });
    return { ok: false, checks };
  }
  const s = cms.signer;
  const signer = { commonName: s.commonName, ...(s.iin ? { iin: s.iin } : {}), ...(s.bin ? { bin: s.bin } : {}), ...(s.organization ? { organization: s.organization } : {}), serialHex: s.serialHex, notBefore: s.notBefore.toISOString(), notAfter: s.notAfter.toISOString() };
  add('digest', cms.digestMatches);
  add('signature', cms.signatureValid);
  add('signer_named', doc.signedBy?.certSerial === s.serialHex, { serial: s.serialHex });
  add('purpose', s.purpose === 'sign');

  // Judged at the moment the result was issued (the server judged the signature when it received it).
  const at = new Date(b.issuedAt);
  const [issuingDer, rootDer, crlDer] = await Promise.all([fetchDer('/pki/issuing.crt'), fetchDer('/pki/root.crt'), fetchDer('/pki/crl')]);
  const issuing = parseCertificate(issuingDer);
  const rootCert = parseCertificate(rootDer);
  const chainOk = (await issuedBy(s, issuing)) && (await issuedBy(issuing, rootCert)) && (await issuedBy(rootCert, rootCert));
  add('chain', chainOk, { issuer: issuing.commonName, root: rootCert.commonName });
  const inForce = (c: Certificate) => c.notBefore <= at && at < c.notAfter;
  add('validity', inForce(s) && inForce(issuing) && inForce(rootCert), { at: at.toISOString(), notAfter: s.notAfter.toISOString() });

  const crl = parseCrl(crlDer);
  const crlTrusted = equalBytes(crl.issuerRaw, issuing.subjectRaw) && (await verifyWith(issuing, crl.signatureAlgorithm, crl.tbs, crl.signature));
  const entry = crl.revoked.find((r) => equalBytes(r.serial, s.serialContent));
  // A certificate revoked after the decision was signed does not undo the decision.
  const revokedBefore = !!entry && entry.at <= at;
  add('revocation', crlTrusted && !revokedBefore, { crlDate: crl.thisUpdate.toISOString(), ...(entry ? { revokedAt: entry.at.toISOString() } : {}) });

  return { ok: checks.every((c) => c.ok), checks, signer, ...(cms.signingTime ? { signingTime: cms.signingTime.toISOString() } : {}) };
}

