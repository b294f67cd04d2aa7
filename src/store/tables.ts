// Row types of the platform's tables (the state-database tables of src/gov have their own).
// Timestamps are ISO 8601 UTC strings and JSON is text on both engines.
export interface UsersTable {
  id: string;
  kind: 'applicant' | 'staff';
  iin: string;
  bin: string; // '' for individuals: part of the unique key on both engines
  display_name: string;
  roles: string; // JSON array of role ids (staff) or ["applicant"]
  provider_id: string | null;
  email: string | null;
  lang: string;
  created_at: string;
}

export interface CertificatesTable {
  serial: string;
  fingerprint: string;
  user_id: string | null;
  subject_iin: string | null;
  subject_bin: string | null;
  purpose: string;
  pem: string;
  not_before: string;
  not_after: string;
  status: 'good' | 'revoked';
  revoked_at: string | null;
  revocation_reason: string | null;
  created_at: string;
}

export interface ChallengesTable {
  id: string;
  nonce: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  cert_fingerprint: string;
  created_at: string;
  expires_at: string;
}

export interface CasesTable {
  id: string;
  number: string;
  service_id: string;
  version: string;
  subcase: string;
  channel: string;
  provider_id: string;
  applicant_user_id: string;
  applicant_iin: string;
  applicant_bin: string | null;
  mark: string;
  current_step: string | null;
  current_role: string | null;
  assignee: string | null;
  step_due: string | null;
  overall_due: string;
  paused: number;
  submitted_at: string;
  updated_at: string;
  last_seq: number;
  state: string; // JSON projection (CaseState), rebuilt from events on every write
}

export interface CaseEventsTable {
  case_id: string;
  seq: number;
  type: string;
  at: string;
  actor_user_id: string;
  actor_role: string;
  cert_serial: string | null;
  idempotency_key: string | null;
  data: string;
  signature: string | null;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyTable {
  user_id: string;
  key: string;
  command: string;
  request_hash: string;
  response: string;
  created_at: string;
}

export interface ResultsTable {
  number: string;
  case_id: string;
  service_id: string;
  decision: string;
  sha256: string;
  document: string; // JSON of the result document
  signature: string | null;
  issued_at: string;
}

export interface AttachmentsTable {
  id: string;
  owner_user_id: string;
  case_id: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: string; // base64
  created_at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** One entry of the CA's hash-chained audit log (src/app/ca-audit.ts). */
export interface CaAuditTable {
  seq: number;
  at: string;
  /** `user:<id>` for a signed-in operator or holder, `cli:<name>` / `system:<what>` otherwise. */
  actor: string;
  actor_iin: string | null;
  /** issue | reissue | revoke | release_hold | crl_sign | ocsp_responder_issue */
  action: string;
  serial: string | null;
  detail: string; // JSON
  prev_hash: string;
  hash: string;
}

export interface Tables {
  users: UsersTable;
  certificates: CertificatesTable;
  challenges: ChallengesTable;
  sessions: SessionsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  idempotency: IdempotencyTable;
  results: ResultsTable;
  attachments: AttachmentsTable;
  counters: CountersTable;
  settings: SettingsTable;
  ca_audit: CaAuditTable;
}
