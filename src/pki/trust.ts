import { PkiError } from './errors.ts';
import { BoundedCache } from './cache.ts';
import { certificateDerFromPem, parseCertificateDer, type ParsedCertificate } from './certinfo.ts';
import { verifySignature } from './signatures.ts';
import type { CertificateInfo, ChainResult, RevocationCheck, VerifyFailure } from './types.ts';

const MAX_DEPTH = 8;

type Failure = { ok: false; code: VerifyFailure; message: string };
type PathResult = { ok: true; path: ParsedCertificate[] } | Failure;

interface CachedPath {
  path: ParsedCertificate[];
  infos: CertificateInfo[];
}

function describe(cert: ParsedCertificate): string {
  return `"${cert.info.subjectDn}" (serial ${cert.info.serialHex})`;
}

function failure(code: VerifyFailure, message: string): Failure {
  return { ok: false, code, message };
}

/**
 * Trust anchors plus known intermediates. Built paths and verified issuer signatures are
 * cached per store: the anchor set never shrinks, so a path that verified once stays
 * cryptographically sound, and only validity dates (and revocation) depend on the call.
 */
export class TrustStore {
  revocation?: RevocationCheck;

  private readonly anchors = new Map<string, ParsedCertificate>();
  private readonly intermediates = new Map<string, ParsedCertificate>();
  private readonly bySubject = new Map<string, ParsedCertificate[]>();
  private readonly verifiedLinks = new BoundedCache<string, true>(50_000);
  private readonly paths = new BoundedCache<string, CachedPath>(20_000);

  constructor(anchorsPem: string[], intermediatesPem: string[] = []) {
    if (anchorsPem.length === 0) throw new PkiError('bad_input', 'a TrustStore needs at least one trust anchor');
    for (const pem of anchorsPem) {
      const cert = parseCertificateDer(certificateDerFromPem(pem));
      this.anchors.set(cert.fingerprint, cert);
      this.index(cert);
    }
    for (const pem of intermediatesPem) this.addIntermediate(pem);
  }

  addIntermediate(pem: string): void {
    const cert = parseCertificateDer(certificateDerFromPem(pem));
    if (this.anchors.has(cert.fingerprint) || this.intermediates.has(cert.fingerprint)) return;
    this.intermediates.set(cert.fingerprint, cert);
    this.index(cert);
  }

  anchorsInfo(): CertificateInfo[] {
    return [...this.anchors.values()].map((c) => c.info);
  }

  async verifyChain(leafPem: string, at: Date): Promise<ChainResult> {
    let leaf: ParsedCertificate;
    try {
      leaf = parseCertificateDer(certificateDerFromPem(leafPem));
    } catch (err) {
      return failure('malformed', (err as Error).message);
    }
    return this.verifyParsed(leaf, at);
  }

  /**
   * Synchronous core shared with CMS verification. `extra` are untrusted certificates that
   * came with the signature (like `openssl verify -untrusted`); they can complete a path but
   * never end one.
   */
  verifyParsed(leaf: ParsedCertificate, at: Date, extra: readonly ParsedCertificate[] = []): ChainResult {
    const atMs = at.getTime();
    if (Number.isNaN(atMs)) return failure('malformed', 'verification time is not a valid date');
    let cached = this.paths.get(leaf.fingerprint);
    if (!cached) {
      const built = this.build(leaf, extra, new Set(), 0);
      if (!built.ok) return built;
      const structural = checkStructure(built.path);
      if (structural) return structural;
      cached = { path: built.path, infos: built.path.map((c) => c.info) };
      this.paths.set(leaf.fingerprint, cached);
    }
    for (const cert of cached.path) {
      if (atMs < cert.notBeforeMs) {
        return failure('not_yet_valid', `certificate ${describe(cert)} is not valid before ${cert.info.notBefore.toISOString()} (checked at ${at.toISOString()})`);
      }
      if (atMs > cert.notAfterMs) {
        return failure('expired', `certificate ${describe(cert)} expired at ${cert.info.notAfter.toISOString()} (checked at ${at.toISOString()})`);
      }
    }
    return { ok: true, chain: cached.infos };
  }

  /** Runs the revocation hook; anything but a clear 'good' or 'revoked' is "cannot tell". */
  async checkRevocation(cert: CertificateInfo, at: Date): Promise<{ ok: true } | Failure> {
    if (!this.revocation) return { ok: true };
    let status: unknown;
    try {
      status = await this.revocation(cert, at);
    } catch (err) {
      return failure('status_unavailable', `revocation status of ${cert.subjectDn} (serial ${cert.serialHex}) could not be obtained: ${(err as Error)?.message ?? String(err)}`);
    }
    if (status === 'good') return { ok: true };
    if (status === 'revoked') {
      return failure('revoked', `certificate ${cert.subjectDn} (serial ${cert.serialHex}) is revoked as of ${at.toISOString()}`);
    }
    return failure('status_unavailable', `revocation status of ${cert.subjectDn} (serial ${cert.serialHex}) is ${String(status)}`);
  }

  private index(cert: ParsedCertificate): void {
    const key = cert.subjectRaw.toString('hex');
    const list = this.bySubject.get(key);
    if (list) list.push(cert);
    else this.bySubject.set(key, [cert]);
  }

  private issuerCandidates(cert: ParsedCertificate, extra: readonly ParsedCertificate[]): ParsedCertificate[] {
    const key = cert.issuerRaw.toString('hex');
    const known = this.bySubject.get(key) ?? [];
    const fromMessage = extra.filter((c) => c.subjectRaw.equals(cert.issuerRaw));
    const all = [...known, ...fromMessage];
    // Anchors first so that the shortest trusted path wins; a key-id mismatch rules a candidate out.
    all.sort((a, b) => Number(this.anchors.has(b.fingerprint)) - Number(this.anchors.has(a.fingerprint)));
    return all.filter((c) => !cert.authorityKeyId || !c.subjectKeyId || c.subjectKeyId === cert.authorityKeyId);
  }

  private build(cert: ParsedCertificate, extra: readonly ParsedCertificate[], seen: Set<string>, depth: number): PathResult {
    if (this.anchors.has(cert.fingerprint)) return { ok: true, path: [cert] };
    if (depth >= MAX_DEPTH) return failure('untrusted_chain', `no trusted path within ${MAX_DEPTH} certificates`);
    seen.add(cert.fingerprint);
    const candidates = this.issuerCandidates(cert, extra).filter((c) => !seen.has(c.fingerprint));
    if (candidates.length === 0) {
      return failure('untrusted_chain', `no trusted issuer found for ${describe(cert)}, issued by "${cert.info.issuerDn}"`);
    }
    let last: Failure | undefined;
    for (const issuer of candidates) {
      const link = this.checkLink(cert, issuer);
      if (link) {
        last = link;
        continue;
      }
      const rest = this.build(issuer, extra, seen, depth + 1);
      if (rest.ok) return { ok: true, path: [cert, ...rest.path] };
      last = rest;
    }
    seen.delete(cert.fingerprint);
    return last ?? failure('untrusted_chain', `no trusted path for ${describe(cert)}`);
  }

  private checkLink(child: ParsedCertificate, issuer: ParsedCertificate): Failure | null {
    if (!issuer.isCa) return failure('untrusted_chain', `issuer ${describe(issuer)} is not a CA (basicConstraints)`);
    if (issuer.keyUsage && !issuer.keyUsage.has('keyCertSign')) {
      return failure('untrusted_chain', `issuer ${describe(issuer)} lacks keyCertSign`);
    }
    const linkKey = `${child.fingerprint}>${issuer.fingerprint}`;
    if (this.verifiedLinks.has(linkKey)) return null;
    let valid = false;
    try {
      valid = verifySignature(issuer.publicKey, child.signatureAlgorithm, child.tbs, child.signature);
    } catch (err) {
      return failure('untrusted_chain', `${describe(child)}: ${(err as Error).message}`);
    }
    if (!valid) return failure('untrusted_chain', `signature on ${describe(child)} does not verify with the key of ${describe(issuer)}`);
    this.verifiedLinks.set(linkKey, true);
    return null;
  }
}

/** Checks that depend only on the certificates, not on time: done once per cached path. */
function checkStructure(path: ParsedCertificate[]): Failure | null {
  for (const cert of path) {
    if (cert.unknownCritical.length > 0) {
      return failure('untrusted_chain', `certificate ${describe(cert)} has unsupported critical extension(s) ${cert.unknownCritical.join(', ')}`);
    }
  }
  // pathLenConstraint counts the CA certificates below an issuer, excluding the leaf (RFC 5280 §4.2.1.9).
  for (let i = 2; i < path.length; i++) {
    const ca = path[i]!;
    if (ca.pathLen !== undefined && i - 1 > ca.pathLen) {
      return failure('untrusted_chain', `path length constraint ${ca.pathLen} of ${describe(ca)} exceeded`);
    }
  }
  return null;
}
