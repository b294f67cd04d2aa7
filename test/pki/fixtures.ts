// Shared PKI material for the pki tests. Each test file runs in its own process, so every
// file that imports this pays for the RSA key generation once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  createIssuingCa,
  createRootCa,
  generateKeyPair,
  issueCertificate,
  type CaMaterial,
  type HolderSubject,
  type KeyAlgorithm,
  type KeyPairPem,
  type Purpose,
} from '../../src/pki/index.ts';

export const OPENSSL = '/usr/bin/openssl';
export const hasOpenssl = fs.existsSync(OPENSSL);

export const individual: HolderSubject = {
  kind: 'individual',
  iin: '900101300123',
  surname: 'Сейткали',
  givenName: 'Асан',
  patronymic: 'Ерланулы',
  email: 'asan@example.kz',
};

export const director: HolderSubject = {
  kind: 'legal_entity',
  iin: '850505400456',
  surname: 'Омарова',
  givenName: 'Айгерим',
  bin: '120340005678',
  organization: 'ТОО "Дала Сервис"',
  roles: ['first_head', 'signer', 'financial'],
};

export interface Leaf {
  certificatePem: string;
  serialHex: string;
  keys: KeyPairPem;
}

export interface Hierarchy {
  root: CaMaterial;
  issuing: CaMaterial;
}

const keyCache = new Map<KeyAlgorithm, Promise<KeyPairPem>>();

/** One leaf key per algorithm and file: RSA generation dominates test time otherwise. */
export function sharedKeys(alg: KeyAlgorithm): Promise<KeyPairPem> {
  let keys = keyCache.get(alg);
  if (!keys) {
    keys = generateKeyPair(alg);
    keyCache.set(alg, keys);
  }
  return keys;
}

export async function hierarchy(rootAlg: KeyAlgorithm, issuingAlg: KeyAlgorithm, label = ''): Promise<Hierarchy> {
  const root = await createRootCa({ commonName: `Qyzmet Test Root ${rootAlg}${label}`, algorithm: rootAlg });
  const issuing = await createIssuingCa(root, {
    commonName: `Qyzmet Test Issuing ${issuingAlg}${label}`,
    algorithm: issuingAlg,
    crlUrl: 'http://pki.qyzmet.test/root.crl',
    issuerUrl: 'http://pki.qyzmet.test/root.cer',
  });
  return { root, issuing };
}

export async function leaf(
  issuing: CaMaterial,
  alg: KeyAlgorithm,
  purpose: Purpose,
  subject: HolderSubject = individual,
  extra: { notBefore?: Date; validityDays?: number } = {},
): Promise<Leaf> {
  const keys = await sharedKeys(alg);
  const cert = await issueCertificate(issuing, {
    publicKeyPem: keys.publicKeyPem,
    subject,
    purpose,
    crlUrl: 'http://pki.qyzmet.test/issuing.crl',
    ocspUrl: 'http://pki.qyzmet.test/ocsp',
    issuerUrl: 'http://pki.qyzmet.test/issuing.cer',
    ...extra,
  });
  return { ...cert, keys };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qyzmet-pki-'));
}

export function write(dir: string, name: string, data: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

export function openssl(args: string[], input?: Uint8Array): { status: number; stdout: string; stderr: string } {
  const res = spawnSync(OPENSSL, args, { input, encoding: 'buffer' });
  return { status: res.status ?? -1, stdout: res.stdout.toString('utf8'), stderr: res.stderr.toString('utf8') };
}
