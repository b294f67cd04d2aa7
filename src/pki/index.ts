// EDS / PKI library: NCA-style certificates, CMS signatures, PKCS#12. Pure functions plus caches.

export type {
  KeyAlgorithm,
  HolderKind,
  LegalRole,
  Purpose,
  HolderSubject,
  CaMaterial,
  KeyPairPem,
  CertificateInfo,
  VerifyFailure,
  VerifyResult,
  ChainResult,
  RevocationStatus,
  RevocationCheck,
} from './types.ts';
export { PkiError, type PkiErrorCode } from './errors.ts';
export { OID, ROLE_OIDS } from './oids.ts';
export { generateKeyPair, encryptPrivateKeyPem, decryptPrivateKeyPem } from './keys.ts';
export type { NameFields } from './names.ts';
export { createRootCa, createIssuingCa, issueCertificate, issueOcspResponderCertificate } from './ca.ts';
export { createCsr, verifyCsr, type VerifiedCsr } from './csr.ts';
export { parseCertificate } from './certinfo.ts';
export { TrustStore } from './trust.ts';
export { signCms, verifyCms, type CmsSigner, type VerifyCmsOptions } from './cms.ts';
export { exportPkcs12, importPkcs12 } from './pkcs12.ts';
export { benchVerify, type BenchResult } from './bench.ts';
export {
  REVOCATION_REASONS,
  isRevocationReason,
  normalizeSerialHex,
  parseRevocationReason,
  reasonCode,
  reasonName,
  type RevocationReason,
} from './revocation.ts';
export { buildCrl, crlToPem, parseCrl, type CrlEntry, type CrlOptions, type ParsedCrl } from './crl.ts';
export {
  OcspResponder,
  buildOcspRequest,
  ocspErrorResponse,
  parseOcspRequest,
  parseOcspResponse,
  MAX_CERTS_PER_REQUEST,
  type OcspCertId,
  type OcspCertStatus,
  type OcspErrorStatus,
  type OcspHash,
  type OcspRequest,
  type OcspResponderOptions,
  type OcspResponseInfo,
  type OcspSingleResult,
} from './ocsp.ts';
export { IdCard, IdCardError, chipKeyFor, CARD_SLOTS, CARD_NUMBER_FORMAT, DEFAULT_PIN_TRIES, type CardSlot, type IdCardImage, type IdCardStatus, type IdCardErrorCode } from './id-card.ts';
