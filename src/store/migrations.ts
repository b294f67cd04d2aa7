// Migrations are code, ordered by name, recorded by Kysely's migrator (which takes a lock on
// PostgreSQL so several app instances starting at once migrate once).
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_platform': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('iin', 'text', (c) => c.notNull())
        .addColumn('bin', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('provider_id', 'text')
        .addColumn('email', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('users_iin_bin', ['iin', 'bin'])
        .execute();

      await db.schema
        .createTable('certificates')
        .addColumn('serial', 'text', (c) => c.primaryKey())
        .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text')
        .addColumn('subject_iin', 'text')
        .addColumn('subject_bin', 'text')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('pem', 'text', (c) => c.notNull())
        .addColumn('not_before', 'text', (c) => c.notNull())
        .addColumn('not_after', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revocation_reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('certificates_user').on('certificates').column('user_id').execute();

      await db.schema
        .createTable('challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('cert_fingerprint', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('subcase', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('provider_id', 'text', (c) => c.notNull())
        .addColumn('applicant_user_id', 'text', (c) => c.notNull())
        .addColumn('applicant_iin', 'text', (c) => c.notNull())
        .addColumn('applicant_bin', 'text')
        .addColumn('mark', 'text', (c) => c.notNull())
        .addColumn('current_step', 'text')
        .addColumn('current_role', 'text')
        .addColumn('assignee', 'text')
        .addColumn('step_due', 'text')
        .addColumn('overall_due', 'text', (c) => c.notNull())
        .addColumn('paused', 'integer', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_applicant').on('cases').columns(['applicant_user_id', 'submitted_at']).execute();
      await db.schema.createIndex('cases_inbox').on('cases').columns(['provider_id', 'current_role', 'step_due']).execute();

      await db.schema
        .createTable('case_events')
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('cert_serial', 'text')
        .addColumn('idempotency_key', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('signature', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
        .execute();

      await db.schema
        .createTable('idempotency')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_pk', ['user_id', 'key'])
        .execute();

      await db.schema
        .createTable('results')
        .addColumn('number', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('signature', 'text')
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_ca': {
    async up(db: Kysely<any>) {
      // Every use of a CA private key (issuing, signing a CRL) and every revocation, hash-chained:
      // hash = SHA-256(prev_hash + canonical JSON of the entry). seq comes from the counter
      // 'pki.audit_seq', whose row lock serialises appenders on PostgreSQL.
      await db.schema
        .createTable('ca_audit')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('actor_iin', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('serial', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ca_audit_serial').on('ca_audit').column('serial').execute();
      // The CRL lists the revoked certificates; a holder's certificates are looked up for re-issue.
      await db.schema.createIndex('certificates_status').on('certificates').columns(['status', 'revoked_at']).execute();
      await db.schema.createIndex('certificates_holder').on('certificates').columns(['subject_iin', 'subject_bin']).execute();
    },
  },
  '0003_integrations': {
    // Payment gateway, notifications (cabinet notices and the durable outbox), registries of results.
    // Amounts are integers in tiyn (1/100 tenge) as bigint; PostgreSQL returns bigint as text, so
    // readers convert with Number(). Registry search terms are compared byte-wise ("C" collation on
    // PostgreSQL, BINARY on SQLite) so a prefix range [p, p + U+FFFF) is an index range on both.
    async up(db: Kysely<any>) {
      const pg = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable('payments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('payer_iin', 'text', (c) => c.notNull())
        .addColumn('payer_bin', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('subcase', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.unique())
        .addColumn('amount_tiyn', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('fee_basis', 'text', (c) => c.notNull())
        .addColumn('mci', 'real')
        .addColumn('mci_value', 'integer')
        .addColumn('budget_code', 'text')
        .addColumn('purpose_code', 'text')
        .addColumn('gateway', 'text', (c) => c.notNull())
        .addColumn('gateway_ref', 'text', (c) => c.notNull().unique())
        .addColumn('pay_url', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addColumn('confirmed_at', 'text')
        .addColumn('notice_id', 'text')
        .execute();
      await db.schema.createIndex('payments_payer').on('payments').columns(['payer_iin', 'payer_bin', 'created_at']).execute();

      await db.schema
        .createTable('payment_notices')
        .addColumn('notice_id', 'text', (c) => c.primaryKey())
        .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text', (c) => c.notNull())
        .addColumn('amount_tiyn', 'bigint', (c) => c.notNull())
        .addColumn('signer', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('cms', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('payment_notices_payment').on('payment_notices').column('payment_id').execute();

      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_number', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('event_seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addUniqueConstraint('notices_event', ['case_id', 'event_seq', 'kind'])
        .execute();
      await db.schema.createIndex('notices_user').on('notices').columns(['user_id', 'created_at']).execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('provider_ref', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('outbox_notice_channel', ['notice_id', 'channel'])
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

      await db.schema
        .createTable('registry_entries')
        .addColumn('number', 'text', (c) => c.primaryKey())
        .addColumn('registry', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('subcase', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text')
        .addColumn('holder_kind', 'text', (c) => c.notNull())
        .addColumn('holder_iin', 'text', (c) => c.notNull())
        .addColumn('holder_bin', 'text', (c) => c.notNull())
        .addColumn('holder_name', 'text', (c) => c.notNull())
        .addColumn('issuer_id', 'text', (c) => c.notNull())
        .addColumn('issuer_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_at', 'text', (c) => c.notNull())
        .addColumn('status_reason', 'text')
        .addColumn('predecessor_number', 'text')
        .addColumn('predecessor_ref', 'text')
        .addColumn('successor_number', 'text')
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registry_entries_bin').on('registry_entries').columns(['registry', 'holder_bin', 'issued_at']).execute();
      await db.schema.createIndex('registry_entries_iin').on('registry_entries').columns(['registry', 'holder_iin', 'issued_at']).execute();
      await db.schema.createIndex('registry_entries_recent').on('registry_entries').columns(['registry', 'issued_at']).execute();

      await db.schema
        .createTable('registry_terms')
        .addColumn('registry', 'text', (c) => c.notNull())
        .addColumn('term', 'text', (c) => (pg ? c.notNull().modifyFront(sql`collate "C"`) : c.notNull()))
        .addColumn('number', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('registry_terms_pk', ['registry', 'term', 'number'])
        .execute();
      await db.schema.createIndex('registry_terms_number').on('registry_terms').column('number').execute();
    },
  },
  '0005_nca_operators_id_cards': {
    // The NCA's personnel events of its operators (seed 004 p.15(1)) and the ID cards' chips the
    // counters' card readers hold (src/app/ca-operators.ts, src/app/ca-id-cards.ts).
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('nca_operators')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('iin', 'text', (c) => c.notNull())
        .addColumn('bin', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('order_number', 'text', (c) => c.notNull())
        .addColumn('order_date', 'text', (c) => c.notNull())
        .addColumn('appointed_on', 'text', (c) => c.notNull())
        .addColumn('dismissal_date', 'text')
        .addColumn('dismissal_cause', 'text')
        .addColumn('dismissal_recorded_at', 'text')
        .addColumn('dismissal_late', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('nca_operators_order', ['iin', 'bin', 'order_number'])
        .execute();
      await db.schema.createIndex('nca_operators_dismissal').on('nca_operators').column('dismissal_date').execute();
      await db.schema
        .createTable('nca_operator_absences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('operator_id', 'text', (c) => c.notNull().references('nca_operators.id'))
        .addColumn('from_date', 'text', (c) => c.notNull())
        .addColumn('to_date', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('held_at', 'text')
        .addColumn('settled_at', 'text')
        .execute();
      await db.schema.createIndex('nca_operator_absences_open').on('nca_operator_absences').columns(['settled_at', 'operator_id']).execute();
      await db.schema
        .createTable('nca_operator_certificates')
        .addColumn('serial', 'text', (c) => c.primaryKey())
        .addColumn('operator_id', 'text', (c) => c.notNull().references('nca_operators.id'))
        .addColumn('held_by_absence', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('nca_operator_certificates_operator').on('nca_operator_certificates').column('operator_id').execute();
      await db.schema
        .createTable('id_cards')
        .addColumn('number', 'text', (c) => c.primaryKey())
        .addColumn('holder_iin', 'text', (c) => c.notNull())
        .addColumn('image', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/**
 * On PostgreSQL, case numbers come from a sequence: a counter row would be locked by every
 * submission until its commit and serialise all of them across connections. SQLite has one writer
 * anyway and keeps the counter table.
 */
const postgresOnly: Record<string, Migration> = {
  '0004_case_number_sequence': {
    async up(db: Kysely<any>) {
      await sql`create sequence if not exists case_number_seq`.execute(db);
    },
  },
};

export async function migrate(db: Kysely<any>, schema?: string, engine: 'sqlite' | 'postgres' = 'sqlite'): Promise<void> {
  // Each engine records the migrations it ran; a PostgreSQL-only one is a no-op record on SQLite.
  const all: Record<string, Migration> = { ...migrations };
  for (const [name, m] of Object.entries(postgresOnly)) all[name] = engine === 'postgres' ? m : { up: async () => {} };
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
}
