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

/** A payment order for a draft application at the payment gateway (src/app/payments.ts). */
export interface PaymentsTable {
  id: string;
  created_by: string;
  payer_iin: string;
  payer_bin: string; // '' for individuals
  service_id: string;
  version: string;
  subcase: string;
  /** The case whose submission referenced this payment; set once. */
  case_id: string | null;
  amount_tiyn: number | string; // bigint: text on PostgreSQL
  currency: string;
  /** 'mci' (fee × MCI of the year) or 'configured' (amount from configuration per service/sub-case). */
  fee_basis: string;
  mci: number | null;
  mci_value: number | null;
  budget_code: string | null;
  purpose_code: string | null;
  gateway: string;
  gateway_ref: string;
  pay_url: string | null;
  status: 'pending' | 'confirmed';
  created_at: string;
  expires_at: string;
  paid_at: string | null;
  confirmed_at: string | null;
  notice_id: string | null;
}

/** A gateway payment notice accepted for a payment: the signed evidence, kept as received. */
export interface PaymentNoticesTable {
  notice_id: string;
  payment_id: string;
  received_at: string;
  paid_at: string;
  amount_tiyn: number | string;
  signer: string;
  sha256: string;
  cms: string; // base64 DER
}

/** A status notice in the applicant's personal cabinet (src/app/notices.ts). */
export interface NoticesTable {
  id: string;
  user_id: string;
  case_id: string;
  case_number: string;
  service_id: string;
  event_seq: number;
  /** delivered | registered | in_execution | paused | resumed | pause_expired | result | refused */
  kind: string;
  lang: string;
  subject: string;
  body: string;
  data: string; // JSON
  created_at: string;
  read_at: string | null;
}

/** One message of a notice on one channel, sent by the dispatcher (src/gov/notify/dispatcher.ts). */
export interface OutboxTable {
  /** Also the message id (e-mail Message-ID) so a re-send after a crash carries the same id. */
  id: string;
  notice_id: string;
  channel: string;
  recipient: string;
  lang: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  provider_ref: string | null;
  created_at: string;
}

/** An issued result in the registry its definition names (src/gov/registries). */
export interface RegistryEntriesTable {
  number: string;
  registry: string;
  service_id: string;
  version: string;
  subcase: string;
  case_id: string | null;
  holder_kind: string;
  holder_iin: string;
  holder_bin: string; // '' for individuals
  holder_name: string;
  issuer_id: string;
  issuer_name: string; // JSON {kk, ru, en}
  status: 'valid' | 'reissued' | 'revoked' | 'suspended';
  status_at: string;
  status_reason: string | null;
  predecessor_number: string | null;
  /** The applicant's reference to the previous result as written, when it is not a number of ours. */
  predecessor_ref: string | null;
  successor_number: string | null;
  issued_at: string;
  sha256: string;
}

/** Words of holder names for prefix search. */
export interface RegistryTermsTable {
  registry: string;
  term: string;
  number: string;
}

/** An NCA operator appointed by order at a PSC or the provider (seed 004 p.15(1); src/app/ca-operators.ts). */
export interface NcaOperatorsTable {
  id: string;
  iin: string;
  /** The employer (PSC or provider). */
  bin: string;
  user_id: string | null;
  order_number: string;
  order_date: string; // YYYY-MM-DD
  appointed_on: string; // YYYY-MM-DD
  dismissal_date: string | null; // YYYY-MM-DD
  dismissal_cause: string | null; // dismissal | transfer
  dismissal_recorded_at: string | null;
  /** 1 when the PSC's notice came less than 2 days before the dismissal. */
  dismissal_late: number;
  created_at: string;
}

/** An absence of an NCA operator; more than 15 days puts the operator's certificates on hold. */
export interface NcaOperatorAbsencesTable {
  id: string;
  operator_id: string;
  from_date: string; // YYYY-MM-DD, first day absent
  to_date: string | null; // YYYY-MM-DD, last day absent (null: not known yet)
  recorded_at: string;
  held_at: string | null;
  settled_at: string | null;
}

/** A certificate issued to an NCA operator under an appointment. */
export interface NcaOperatorCertificatesTable {
  serial: string;
  operator_id: string;
  /** The absence whose hold this certificate is under (released when it ends). */
  held_by_absence: string | null;
  created_at: string;
}

/** The chip of an ID card as the card readers' emulator keeps it (src/pki/id-card.ts). */
export interface IdCardsTable {
  number: string;
  holder_iin: string;
  image: string; // JSON IdCardImage: private keys sealed under the chip's key
  version: number;
  created_at: string;
  updated_at: string;
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
  payments: PaymentsTable;
  payment_notices: PaymentNoticesTable;
  notices: NoticesTable;
  outbox: OutboxTable;
  registry_entries: RegistryEntriesTable;
  registry_terms: RegistryTermsTable;
  nca_operators: NcaOperatorsTable;
  nca_operator_absences: NcaOperatorAbsencesTable;
  nca_operator_certificates: NcaOperatorCertificatesTable;
  id_cards: IdCardsTable;
}
