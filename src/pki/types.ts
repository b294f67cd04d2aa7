export type KeyAlgorithm = 'ECDSA-P256' | 'RSA-2048';
export type HolderKind = 'individual' | 'legal_entity';
export type LegalRole = 'first_head' | 'signer' | 'financial' | 'hr' | 'employee';
/** auth: TLS client / login certificate; sign: document signing (non-repudiation) certificate. */
export type Purpose = 'auth' | 'sign';

export interface HolderSubject {
  kind: HolderKind;
  /** 12 digits; stored as subject serialNumber 'IIN' + iin. */
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  /** Legal entity only: stored as OU 'BIN' + bin. */
  bin?: string;
  /** Legal entity only: stored as O. */
  organization?: string;
  roles?: LegalRole[];
  email?: string;
}

export interface CaMaterial {
  certificatePem: string;
  /** PKCS#8, unencrypted: only ever held in memory. */
  privateKeyPem: string;
  algorithm: KeyAlgorithm;
}

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

export interface CertificateInfo {
  serialHex: string;
  fingerprintSha256: string;
  subjectDn: string;
  issuerDn: string;
  commonName: string;
  iin?: string;
  bin?: string;
  organization?: string;
  holderKind?: HolderKind;
  roles: LegalRole[];
  purpose?: Purpose;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: KeyAlgorithm;
  isCa: boolean;
}

export type VerifyFailure =
  | 'malformed'
  | 'bad_signature'
  | 'content_mismatch'
  | 'untrusted_chain'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_purpose'
  | 'revoked'
  | 'status_unavailable';

export type VerifyResult =
  | {
      ok: true;
      signer: CertificateInfo;
      signingTime: Date | null;
      chain: CertificateInfo[];
      content: Uint8Array;
    }
  | { ok: false; code: VerifyFailure; message: string; signer?: CertificateInfo };

export type ChainResult =
  | { ok: true; chain: CertificateInfo[] }
  | { ok: false; code: VerifyFailure; message: string };

export type RevocationStatus = 'good' | 'revoked' | 'unknown';
export type RevocationCheck = (cert: CertificateInfo, at: Date) => Promise<RevocationStatus>;
