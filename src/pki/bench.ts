import { performance } from 'node:perf_hooks';
import { createIssuingCa, createRootCa, issueCertificate } from './ca.ts';
import { generateKeyPair } from './keys.ts';
import { signCms, verifyCms } from './cms.ts';
import { TrustStore } from './trust.ts';
import type { KeyAlgorithm } from './types.ts';

export interface BenchResult {
  /** Verifications per second on one core, chain already seen (the steady state of a busy server). */
  p256PerSecond: number;
  rsa2048PerSecond: number;
  iterations: number;
}

async function rate(alg: KeyAlgorithm, n: number): Promise<number> {
  const root = await createRootCa({ commonName: `Bench Root ${alg}`, algorithm: alg });
  const issuing = await createIssuingCa(root, { commonName: `Bench Issuing ${alg}`, algorithm: alg });
  const keys = await generateKeyPair(alg);
  const { certificatePem } = await issueCertificate(issuing, {
    publicKeyPem: keys.publicKeyPem,
    subject: { kind: 'individual', iin: '900101300123', surname: 'Bench', givenName: 'Mark' },
    purpose: 'sign',
  });
  const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
  const content = Buffer.from(JSON.stringify({ service: 'bench', payload: 'x'.repeat(1500) }));
  const cms = await signCms(content, { certificatePem, privateKeyPem: keys.privateKeyPem }, { detached: true });
  const once = await verifyCms(cms, { content, trust, purpose: 'sign' });
  if (!once.ok) throw new Error(`bench setup: ${once.code}: ${once.message}`);
  for (let i = 0; i < Math.min(200, n); i++) await verifyCms(cms, { content, trust, purpose: 'sign' });
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await verifyCms(cms, { content, trust, purpose: 'sign' });
    if (!r.ok) throw new Error(`bench: ${r.code}`);
  }
  return Math.round((n * 1000) / (performance.now() - start));
}

export async function benchVerify(n: number): Promise<BenchResult> {
  return { p256PerSecond: await rate('ECDSA-P256', n), rsa2048PerSecond: await rate('RSA-2048', n), iterations: n };
}
