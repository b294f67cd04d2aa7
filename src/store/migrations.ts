// Migrations are code, ordered by name, recorded by Kysely's migrator (which takes a lock on
// PostgreSQL so several app instances starting at once migrate once).
import { Migrator, type Kysely, type Migration } from 'kysely';

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
};

export async function migrate(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
}
