// The application's wiring: one object that use cases receive, holding the store, the catalog,
// the calendar, the trust store and the gateways. Tests build it with an in-memory database and
// a frozen clock; the server builds it from configuration.
import { openStore, type Store } from '../store/db.ts';
import { makeCatalog, type Catalog } from '../services/index.ts';
import { WorkingCalendar } from '../core/calendar.ts';
import type { TrustStore } from '../pki/index.ts';
import { DbStateDatabases, type StateDatabases } from '../gov/gateway.ts';
import { migrateGov } from '../gov/schema.ts';
import { ensureCa } from './bootstrap.ts';
import type { Transaction } from 'kysely';
import type { Tables } from '../store/tables.ts';
import type { Applicant, CaseEvent, CaseState } from '../core/case.ts';
import type { AutomaticCheck, Channel, Outcome, ServiceDefinition, Step, SubCase } from '../core/regulation.ts';
import type { SessionUser } from './auth.ts';
import { installIntegrations, integrationsFromEnv, type IntegrationsConfig } from './integrations.ts';

export interface CaseEffectContext {
  app: App;
  trx: Transaction<Tables>;
  svc: ServiceDefinition;
  sc: SubCase;
  /** The case after the command. */
  state: CaseState;
  /** The events this command appended, in order. */
  events: CaseEvent[];
  /** The case's number when the command already has it (saves effects a look-up). */
  caseNumber?: string;
}

/** Something the platform does whenever a case changes, in the same transaction (no service names). */
export interface CaseEffect {
  name: string;
  afterEvents(ctx: CaseEffectContext): Promise<void>;
}

export interface OutcomeGuard {
  name: string;
  /** Throws an AppError when the outcome may not be taken yet. */
  beforeOutcome(ctx: { app: App; trx: Transaction<Tables>; svc: ServiceDefinition; sc: SubCase; state: CaseState; step: Step; outcome: Outcome; user: SessionUser }): Promise<void>;
}

/**
 * An information system's check behind an automatic step that declares `check` (no service
 * names: the step names the capability). Runs inside the command's transaction when the step
 * becomes current; answers pass, or a refusal with what was found. A check that cannot be made
 * (a state database unavailable) throws an AppError: the command rolls back, never a pass.
 */
export interface AutomaticChecker {
  capability: AutomaticCheck['capability'];
  check(ctx: { app: App; trx: Transaction<Tables>; svc: ServiceDefinition; sc: SubCase; state: CaseState; step: Step }): Promise<{ pass: true; detail?: string } | { pass: false; detail: string }>;
}

/**
 * Lets a submission carry something other than a file that answers a document requirement (a
 * gateway payment id answering `payment_gateway`). `prepare` runs before the document check and
 * must not write; `inTransaction` runs in the submission's transaction once the case row exists.
 */
export interface SubmissionHook {
  name: string;
  prepare(ctx: { app: App; user: SessionUser; svc: ServiceDefinition; sc: SubCase; channel: Channel; applicant: Applicant; input: Record<string, unknown> }): Promise<{
    /** Document alternatives (satisfiedBy entries) the input answers without a file. */
    satisfies: string[];
    inTransaction?(trx: Transaction<Tables>, caseId: string): Promise<void>;
  } | null>;
}

export interface AppConfig {
  /** `postgres://…` or a SQLite file path / `:memory:`. */
  databaseUrl: string;
  pgSchema?: string;
  /** Protects the CA private keys at rest. */
  caPassphrase: string;
  /** Base URL published in certificates (CRL, OCSP, issuer). */
  publicUrl: string;
  /** Where demo key stores are written (null: keep them only in the returned objects). */
  dataDir: string | null;
  stateDbTimeoutMs?: number;
  sessionTtlMinutes?: number;
  challengeTtlSeconds?: number;
  /** Payment gateway, notices, registries (src/app/integrations.ts); absent: simulator, cabinet-only notices. */
  integrations?: IntegrationsConfig;
}

export interface App {
  config: AppConfig;
  store: Store;
  catalog: Catalog;
  calendar: WorkingCalendar;
  /** Set by ensureCa when the instance opens; null only for catalog-only uses that verify nothing. */
  trust: TrustStore | null;
  stateDb: StateDatabases;
  /** Run inside every case command's transaction after its events are appended (registries, notices). */
  effects: CaseEffect[];
  /** Checked before a staff member takes an outcome (e.g. the fee confirmed before registration). */
  guards: OutcomeGuard[];
  /** Consulted by submitApplication before the document check (e.g. a gateway payment instead of a receipt). */
  submissions: SubmissionHook[];
  /** The checkers of automatic steps that declare `check`, by capability (src/app/checks.ts). */
  checks: AutomaticChecker[];
  /** Injectable so tests and the demo can run the legal clock at chosen moments. */
  now: () => Date;
  close(): Promise<void>;
}

export async function openApp(config: AppConfig, opts: { now?: () => Date; withoutCa?: boolean } = {}): Promise<App> {
  const store = await openStore({ url: config.databaseUrl, schema: config.pgSchema });
  await migrateGov(store.db as never);
  const app: App = {
    config,
    store,
    catalog: makeCatalog(),
    calendar: WorkingCalendar.kz(),
    trust: null,
    stateDb: new DbStateDatabases(store.db as never, { timeoutMs: config.stateDbTimeoutMs ?? 2000 }),
    now: opts.now ?? (() => new Date()),
    effects: [],
    guards: [],
    submissions: [],
    checks: [],
    close: () => store.close(),
  };
  if (!opts.withoutCa) await ensureCa(app);
  await installIntegrations(app);
  return app;
}

export function defaultConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 8080);
  const dataDir = env.QYZMET_DATA_DIR ?? './data';
  return {
    databaseUrl: env.QYZMET_DATABASE_URL || `${dataDir}/qyzmet.sqlite`,
    ...(env.QYZMET_DATABASE_SCHEMA ? { pgSchema: env.QYZMET_DATABASE_SCHEMA } : {}),
    caPassphrase: env.QYZMET_CA_PASSPHRASE ?? 'qyzmet-demo-ca-passphrase',
    publicUrl: env.QYZMET_PUBLIC_URL ?? `http://localhost:${port}`,
    dataDir,
    integrations: integrationsFromEnv(env),
  };
}

export function trustOf(app: App): TrustStore {
  if (!app.trust) throw new Error('this instance was opened without its certification authority');
  return app.trust;
}
