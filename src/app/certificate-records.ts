// Every certificate the CA signs is recorded once, the same way, in the table that revocation
// checks, the CRL and the OCSP responder read.
import type { Kysely } from 'kysely';
import { parseCertificate, type CertificateInfo } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';

export async function recordCertificate(db: Kysely<Tables>, certificatePem: string, o: { userId: string | null; purpose: string; at: Date }): Promise<CertificateInfo> {
  const info = parseCertificate(certificatePem);
  await db
    .insertInto('certificates')
    .values({
      serial: info.serialHex,
      fingerprint: info.fingerprintSha256,
      user_id: o.userId,
      subject_iin: info.iin ?? null,
      subject_bin: info.bin ?? null,
      purpose: o.purpose,
      pem: certificatePem,
      not_before: info.notBefore.toISOString(),
      not_after: info.notAfter.toISOString(),
      status: 'good',
      revoked_at: null,
      revocation_reason: null,
      created_at: o.at.toISOString(),
    })
    .execute();
  return info;
}
