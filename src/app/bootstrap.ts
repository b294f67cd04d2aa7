// First start of an instance: the certification authority (root and issuing CA, keys encrypted
// at rest in the database), the state databases' demo population, and the demo users with their
// certificates. Each user's private key is generated here only because these are demo users
// whose key stores we hand out; the server never keeps them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createIssuingCa,
  createRootCa,
  decryptPrivateKeyPem,
  encryptPrivateKeyPem,
  exportPkcs12,
  generateKeyPair,
  issueCertificate,
  TrustStore,
  type CaMaterial,
  type HolderSubject,
  type KeyAlgorithm,
  type LegalRole,
  type Purpose,
} from '../pki/index.ts';
import { DEMO_ENTITIES, DEMO_PEOPLE, generatePopulation, type DemoRole } from '../gov/population.ts';
import { seedGov } from '../gov/schema.ts';
import type { App } from './context.ts';
import { newId } from './ids.ts';
import { recordCertificate } from './certificate-records.ts';
import { appendCaAudit } from './ca-audit.ts';
import { revocationFromTable } from './ca-status.ts';

export interface KeyMaterial {
  certificatePem: string;
  privateKeyPem: string;
  chainPems: string[];
}

export interface DemoUser {
  role: DemoRole | 'nca_operator';
  /** The provider whose staff the user is, when not the licensing provider (PROVIDER_ID). */
  providerId?: string;
  userId: string;
  iin: string;
  bin: string | null;
  displayName: string;
  roles: string[];
  auth: KeyMaterial;
  sign: KeyMaterial;
}

export type DemoUsers = Record<DemoRole, DemoUser> & { nca_operator: DemoUser };

/** Password of the demo key stores written under data/keys (printed at start; demo only). */
export const DEMO_KEYSTORE_PASSWORD = 'qyzmet-demo';

/** How demo people map onto the roles of the regulations and onto certificate profiles. */
const CAST: Record<DemoRole, { staffRoles?: string[]; entity?: 'applicant_company' | 'provider'; certRoles?: LegalRole[]; algorithm: KeyAlgorithm }> = {
  applicant: { algorithm: 'ECDSA-P256' },
  company_head: { entity: 'applicant_company', certRoles: ['first_head'], algorithm: 'ECDSA-P256' },
  // One demo user holds RSA keys so that both algorithms run through every path.
  company_employee: { entity: 'applicant_company', certRoles: ['employee'], algorithm: 'RSA-2048' },
  provider_chancellery: { entity: 'provider', staffRoles: ['chancellery'], certRoles: ['employee'], algorithm: 'ECDSA-P256' },
  provider_licensing_head: { entity: 'provider', staffRoles: ['head_of_licensing'], certRoles: ['employee'], algorithm: 'ECDSA-P256' },
  provider_executor: { entity: 'provider', staffRoles: ['executor'], certRoles: ['employee'], algorithm: 'ECDSA-P256' },
  provider_head: { entity: 'provider', staffRoles: ['head_of_provider'], certRoles: ['first_head'], algorithm: 'ECDSA-P256' },
};

export const PROVIDER_ID = 'knb';
/** The NCA (provider of nca-certificates) and the role of its operators at the desk. */
export const NCA_PROVIDER_ID = 'nca';
export const NCA_OPERATOR_ROLE = 'nca_operator';
/** The demo NCA operator's appointment order (seed 004 p.15(1): operators are appointed by order). */
export const DEMO_OPERATOR_ORDER = 'ДЕМО-НУЦ-1';

async function getSetting(app: App, key: string): Promise<string | undefined> {
  const r = await app.store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

/** Loads the CA from the database, creating it on the instance's first start. */
export async function ensureCa(app: App): Promise<{ root: CaMaterial; issuing: CaMaterial; created: boolean }> {
  const pass = app.config.caPassphrase;
  const stored = await getSetting(app, 'pki.ca');
  if (stored) {
    const s = JSON.parse(stored) as { root: CaMaterial; issuing: CaMaterial };
    const root = { ...s.root, privateKeyPem: decryptPrivateKeyPem(s.root.privateKeyPem, pass) };
    const issuing = { ...s.issuing, privateKeyPem: decryptPrivateKeyPem(s.issuing.privateKeyPem, pass) };
    installTrust(app, root, issuing);
    return { root, issuing, created: false };
  }
  const now = app.now();
  const root = await createRootCa({ commonName: 'qyzmet Root CA (demo)', algorithm: 'RSA-2048', now, validityYears: 20 });
  const issuing = await createIssuingCa(root, {
    commonName: 'qyzmet National Certification Centre (demo)',
    algorithm: 'ECDSA-P256',
    now,
    validityYears: 10,
    crlUrl: `${app.config.publicUrl}/pki/crl`,
    issuerUrl: `${app.config.publicUrl}/pki/root.crt`,
  });
  const sealed = {
    root: { ...root, privateKeyPem: encryptPrivateKeyPem(root.privateKeyPem, pass) },
    issuing: { ...issuing, privateKeyPem: encryptPrivateKeyPem(issuing.privateKeyPem, pass) },
  };
  try {
    await app.store.db.insertInto('settings').values({ key: 'pki.ca', value: JSON.stringify(sealed) }).execute();
  } catch {
    // Another instance created the CA first: use theirs.
    return ensureCa(app);
  }
  installTrust(app, root, issuing);
  return { root, issuing, created: true };
}

function installTrust(app: App, root: CaMaterial, issuing: CaMaterial) {
  const trust = new TrustStore([root.certificatePem], [issuing.certificatePem]);
  // Every verification asks the certificates table (ca-status.ts) unless a hook is already set.
  trust.revocation = app.trust?.revocation ?? revocationFromTable(app);
  app.trust = trust;
}

function holderOf(role: DemoRole): HolderSubject {
  const p = DEMO_PEOPLE.find((x) => x.role === role)!;
  const cast = CAST[role];
  const entity = cast.entity ? DEMO_ENTITIES.find((e) => e.role === cast.entity)! : undefined;
  return {
    kind: entity ? 'legal_entity' : 'individual',
    iin: p.iin,
    surname: p.surname.ru,
    givenName: p.givenName.ru,
    ...(p.patronymic ? { patronymic: p.patronymic.ru } : {}),
    ...(entity ? { bin: entity.bin, organization: entity.name.ru, roles: cast.certRoles ?? ['employee'] } : {}),
    ...(p.email ? { email: p.email } : {}),
  };
}

/** Issues an authentication or signing certificate and records it. */
export async function issueFor(app: App, issuing: CaMaterial, root: CaMaterial, subject: HolderSubject, purpose: Purpose, userId: string | null, algorithm: KeyAlgorithm = 'ECDSA-P256', opts: { notBefore?: Date; validityDays?: number } = {}): Promise<KeyMaterial> {
  const keys = await generateKeyPair(algorithm);
  const cert = await issueCertificate(issuing, {
    publicKeyPem: keys.publicKeyPem,
    subject,
    purpose,
    notBefore: opts.notBefore ?? new Date(app.now().getTime() - 60_000),
    validityDays: opts.validityDays ?? 365,
    crlUrl: `${app.config.publicUrl}/pki/crl`,
    ocspUrl: `${app.config.publicUrl}/pki/ocsp`,
    issuerUrl: `${app.config.publicUrl}/pki/issuing.crt`,
  });
  // Recorded with its audit entry in one transaction, as the CA's own issuance is.
  await app.store.db.transaction().execute(async (trx) => {
    const info = await recordCertificate(trx, cert.certificatePem, { userId, purpose, at: app.now() });
    await appendCaAudit(trx, { at: app.now().toISOString(), actor: 'system:bootstrap', action: 'issue', serial: info.serialHex, detail: { subject: info.subjectDn, purpose, notAfter: info.notAfter.toISOString(), fingerprint: info.fingerprintSha256, demo: true } });
  });
  return { certificatePem: cert.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: [issuing.certificatePem, root.certificatePem] };
}

/**
 * Creates the demo instance's data on first start: population, users and their key stores.
 * Returns the demo users with their keys (so the demo and tests can sign), or null when the
 * instance was already set up.
 */
export async function bootstrapDemo(app: App, opts: { population?: { individuals: number; legalEntities: number } } = {}): Promise<DemoUsers | null> {
  const { root, issuing } = await ensureCa(app);
  if (await getSetting(app, 'demo.bootstrapped')) return null;
  const pop = generatePopulation({ seed: 20260101, individuals: opts.population?.individuals ?? 2000, legalEntities: opts.population?.legalEntities ?? 300 });
  await seedGov(app.store.db as never, pop);

  const users = {} as DemoUsers;
  for (const p of DEMO_PEOPLE) {
    const cast = CAST[p.role];
    const subject = holderOf(p.role);
    const userId = newId();
    const display = `${p.surname.ru} ${p.givenName.ru}`;
    await app.store.db
      .insertInto('users')
      .values({
        id: userId,
        kind: cast.staffRoles ? 'staff' : 'applicant',
        iin: p.iin,
        bin: subject.bin ?? '',
        display_name: display,
        roles: JSON.stringify(cast.staffRoles ?? ['applicant']),
        provider_id: cast.staffRoles ? PROVIDER_ID : null,
        email: p.email ?? null,
        lang: 'ru',
        created_at: app.now().toISOString(),
      })
      .execute();
    const auth = await issueFor(app, issuing, root, subject, 'auth', userId, cast.algorithm);
    const sign = await issueFor(app, issuing, root, subject, 'sign', userId, cast.algorithm);
    users[p.role] = { role: p.role, userId, iin: p.iin, bin: subject.bin ?? null, displayName: display, roles: cast.staffRoles ?? ['applicant'], auth, sign };
  }
  users.nca_operator = await demoNcaOperator(app, pop.individuals);
  if (app.config.dataDir) writeKeyStores(app.config.dataDir, users, root.certificatePem);
  await app.store.db.insertInto('settings').values({ key: 'demo.bootstrapped', value: app.now().toISOString() }).execute();
  return users;
}

/**
 * The demo NCA operator: a person of the generated population (the fixed cast stays as it is),
 * employed by the provider entity as staff of the NCA with the operator role of nca-certificates,
 * appointed by order through ca-operators.ts (so the appointment is on record) and holding operator
 * certificates issued on it from requests made with keys generated here (demo key stores only).
 * The NCA IS's check of the operator's signature (operator_signature) accepts only such
 * certificates.
 */
async function demoNcaOperator(app: App, population: ReadonlyArray<{ iin: string; deceased?: boolean; surname: { ru: string }; givenName: { ru: string } }>): Promise<DemoUser> {
  const { appointOperator, issueOperatorCertificate } = await import('./ca-operators.ts');
  const { holderFromStateDb } = await import('./ca.ts');
  const { createCsr } = await import('../pki/index.ts');
  const cast = new Set(DEMO_PEOPLE.map((p) => p.iin));
  const living = population.filter((p) => !p.deceased && !cast.has(p.iin)).sort((a, b) => (a.iin < b.iin ? -1 : 1));
  const person = living[Math.min(30, living.length - 1)];
  if (!person) throw new Error('the demo population has nobody to employ as the NCA operator');
  const employer = DEMO_ENTITIES.find((e) => e.role === 'provider')!;
  const userId = newId();
  const display = `${person.surname.ru} ${person.givenName.ru}`;
  await app.store.db
    .insertInto('users')
    .values({ id: userId, kind: 'staff', iin: person.iin, bin: employer.bin, display_name: display, roles: JSON.stringify([NCA_OPERATOR_ROLE]), provider_id: NCA_PROVIDER_ID, email: null, lang: 'ru', created_at: app.now().toISOString() })
    .execute();
  const admin = { kind: 'local' as const, name: 'bootstrap' };
  const today = app.now().toISOString();
  const { formatAlmaty } = await import('../core/time.ts');
  const orderDate = formatAlmaty(new Date(today)).slice(0, 10);
  const op = await appointOperator(app, admin, { iin: person.iin, bin: employer.bin, orderNumber: DEMO_OPERATOR_ORDER, orderDate, userId });
  const subject = await holderFromStateDb(app, person.iin, employer.bin, ['employee']);
  const material = {} as Record<Purpose, KeyMaterial>;
  for (const purpose of ['auth', 'sign'] as const) {
    const keys = await generateKeyPair('ECDSA-P256');
    const issued = await issueOperatorCertificate(app, admin, op.id, { csr: await createCsr(keys, subject, 'ECDSA-P256'), purpose });
    material[purpose] = { certificatePem: issued.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: issued.chainPems };
  }
  return { role: 'nca_operator', providerId: NCA_PROVIDER_ID, userId, iin: person.iin, bin: employer.bin, displayName: display, roles: [NCA_OPERATOR_ROLE], auth: material.auth, sign: material.sign };
}

function writeKeyStores(dataDir: string, users: DemoUsers, rootPem: string) {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true });
  const lines = [`Demo key stores (PKCS#12). Password: ${DEMO_KEYSTORE_PASSWORD}`, ''];
  for (const u of Object.values(users)) {
    for (const purpose of ['auth', 'sign'] as const) {
      const k = u[purpose];
      const file = `${u.role}-${purpose}.p12`;
      writeFileSync(join(dir, file), exportPkcs12({ certificatePem: k.certificatePem, privateKeyPem: k.privateKeyPem, chainPems: k.chainPems, password: DEMO_KEYSTORE_PASSWORD, friendlyName: `${u.displayName} (${purpose})` }));
      lines.push(`${file}\t${u.displayName}\tIIN ${u.iin}${u.bin ? `\tBIN ${u.bin}` : ''}\troles ${u.roles.join(',')}`);
    }
  }
  writeFileSync(join(dir, 'root-ca.pem'), rootPem);
  writeFileSync(join(dir, 'README.txt'), lines.join('\n') + '\n');
}
