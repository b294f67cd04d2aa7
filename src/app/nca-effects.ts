// Acts of a regulation the platform itself carries out: when a case takes an outcome whose
// definition says `performs: 'issue_certificates'`, the instance's CA issues the applicant's
// authentication and signing certificates from the PKCS#10 requests in the application (form
// fields csrAuth, csrSign: the applicant's keys never reach the server); `performs:
// 'revoke_certificates'` revokes the applicant's certificate the application names (form field
// certificateSerial, reason from revocationReason when it is an RFC 5280 reason a holder may
// give, else cessationOfOperation). Both run inside the case command's transaction: a request
// that does not verify or names somebody else refuses the outcome with a 422 and nothing of the
// command is written. The acts on NCA operators' certificates (`issue_operator_certificates`,
// `revoke_operator_certificates`, `suspend_operator_certificates`) are in nca-operator-acts.ts.
// Names no service: only the outcome's `performs` and the field ids.
import type { Kysely } from 'kysely';
import { findStep } from '../core/regulation.ts';
import type { CaseState } from '../core/case.ts';
import { DbStateDatabases } from '../gov/gateway.ts';
import { isRevocationReason, normalizeSerialHex, type Purpose, type RevocationReason } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';
import type { SessionUser } from './auth.ts';
import { issueFromCsrIn, revokeIn } from './ca.ts';
import { cardForIssueIn, ID_CARD_FIELD } from './ca-id-cards.ts';
import { OPERATOR_ACTS } from './nca-operator-acts.ts';
import { instanceCa } from './ca-material.ts';
import type { App, CaseEffect, CaseEffectContext } from './context.ts';
import { forbidden, notFound, unprocessable } from './errors.ts';

/** The application's form fields the acts read. */
export const CSR_FIELDS: ReadonlyArray<{ field: string; purpose: Purpose }> = [
  { field: 'csrAuth', purpose: 'auth' },
  { field: 'csrSign', purpose: 'sign' },
];
export const SERIAL_FIELD = 'certificateSerial';
export const REASON_FIELD = 'revocationReason';
export const DEFAULT_REVOCATION_REASON: RevocationReason = 'cessationOfOperation';
/** Reasons an applicant may name in a revocation application (a hold or its release is not a revocation). */
const APPLICANT_REASONS: ReadonlySet<RevocationReason> = new Set(['unspecified', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation']);

const settingKey = (caseId: string) => `case.certificates:${caseId}`;

interface CaseCertificates {
  serials: Array<{ serial: string; purpose: Purpose }>;
}

/** The state databases as seen from inside `trx` (on SQLite a read outside the open transaction would wait for it). */
export function stateDbIn(app: App, trx: Kysely<Tables>) {
  return app.stateDb instanceof DbStateDatabases ? new DbStateDatabases(trx, { timeoutMs: app.stateDb.timeoutMs }) : app.stateDb;
}

function field(state: CaseState, id: string): string | null {
  const v = state.fields[id];
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

async function issueCertificates(ctx: CaseEffectContext, stepId: string): Promise<void> {
  const { app, trx, state } = ctx;
  // A case that names an ID card (idCardNumber) is issued from the requests the card generated
  // when the recipient entered its PIN, and the certificates are written onto it (ca-id-cards.ts);
  // the CSR fields are then not read.
  const card = await cardForIssueIn(app, trx, state, stepId);
  const wanted = card
    ? card.requests.map((r) => ({ field: ID_CARD_FIELD, purpose: r.slot as Purpose, csr: r.csrPem as string | null }))
    : CSR_FIELDS.map((f) => ({ ...f, csr: field(state, f.field) })).filter((f) => f.csr !== null);
  if (wanted.length === 0) {
    throw unprocessable('csr_required', `step ${stepId} issues the applicant's certificates from the PKCS#10 requests of the application, and it has none (${CSR_FIELDS.map((f) => f.field).join(', ')})`, CSR_FIELDS[0]!.field);
  }
  const ca = await instanceCa(app);
  const stateDb = stateDbIn(app, trx);
  const who = { actor: `case:${state.caseId}`, actorIin: state.applicant.iin };
  const serials: CaseCertificates['serials'] = [];
  const written: Array<{ certificatePem: string; chainPems: string[] }> = [];
  for (const w of wanted) {
    const issued = await issueFromCsrIn(app, trx, ca, {
      csr: w.csr,
      field: w.field,
      purpose: w.purpose,
      iin: state.applicant.iin,
      bin: state.applicant.bin ?? null,
      userId: state.applicantUserId,
      who,
      stateDb,
      detail: { caseId: state.caseId, stepId, ...(card ? { idCard: field(state, ID_CARD_FIELD) } : {}) },
    });
    serials.push({ serial: issued.serial, purpose: w.purpose });
    written.push({ certificatePem: issued.certificatePem, chainPems: issued.chainPems });
  }
  if (card) await card.write(written);
  await recordCaseCertificates(trx, state.caseId, serials);
}

/** Records the certificates a case issued (downloadable by its applicant, `caseCertificatesPem`). */
export async function recordCaseCertificates(trx: Kysely<Tables>, caseId: string, serials: CaseCertificates['serials']): Promise<void> {
  const value: CaseCertificates = { serials };
  await trx.insertInto('settings').values({ key: settingKey(caseId), value: JSON.stringify(value) }).execute();
}

async function revokeCertificates(ctx: CaseEffectContext, stepId: string): Promise<void> {
  const { app, trx, state } = ctx;
  const raw = field(state, SERIAL_FIELD);
  if (!raw) throw unprocessable('serial_required', `step ${stepId} revokes the certificate the application names, and it names none (${SERIAL_FIELD})`, SERIAL_FIELD);
  let serial: string;
  try {
    serial = normalizeSerialHex(raw.trim());
  } catch (e) {
    throw unprocessable('serial', (e as Error).message, SERIAL_FIELD);
  }
  const given = field(state, REASON_FIELD)?.trim() ?? null;
  let reason = DEFAULT_REVOCATION_REASON;
  if (given && isRevocationReason(given)) {
    if (!APPLICANT_REASONS.has(given)) throw unprocessable('reason_not_allowed', `an application may not ask for ${given}; one of ${[...APPLICANT_REASONS].join(', ')}`, REASON_FIELD);
    reason = given;
  }
  const ca = await instanceCa(app);
  const row = await trx.selectFrom('certificates').select(['serial', 'subject_iin', 'subject_bin', 'purpose']).where('serial', '=', serial).executeTakeFirst();
  if (!row) throw unprocessable('unknown_certificate', `this CA has no certificate with serial ${serial}`, SERIAL_FIELD);
  const a = state.applicant;
  const own = row.subject_iin === a.iin && (row.subject_bin ?? null) === (a.bin ?? null);
  const company = !!a.bin && row.subject_bin === a.bin && a.kind === 'legal_entity';
  if (!own && !company) throw unprocessable('not_holder', `certificate ${serial} is not the applicant's`, SERIAL_FIELD);
  if (row.purpose !== 'auth' && row.purpose !== 'sign') throw unprocessable('not_a_holder_certificate', `certificate ${serial} is not a holder's certificate`, SERIAL_FIELD);
  await revokeIn(app, trx, ca, serial, reason, { actor: `case:${state.caseId}`, actorIin: a.iin });
}

/**
 * The effect; loads the CA first when the instance has one, so that the acts never read it
 * outside the command's transaction.
 */
export async function ncaEffect(app: App): Promise<CaseEffect> {
  if (app.trust) await instanceCa(app);
  return {
    name: 'performs',
    async afterEvents(ctx) {
      for (const e of ctx.events) {
        if (e.data.type !== 'step_completed' || e.caseId !== ctx.state.caseId) continue;
        const outcome = findStep(ctx.sc, e.data.stepId)?.outcomes.find((o) => o.id === (e.data as { outcomeId: string }).outcomeId);
        const performs = outcome?.performs;
        if (performs === 'issue_certificates') await issueCertificates(ctx, e.data.stepId);
        else if (performs === 'revoke_certificates') await revokeCertificates(ctx, e.data.stepId);
        else if (performs) await OPERATOR_ACTS[performs](ctx, e.data.stepId);
      }
    },
  };
}

/** The certificates a case issued, as one PEM: each certificate (of `purpose`, when given), then the issuing CA and the root. Only for the case's applicant. */
export async function caseCertificatesPem(app: App, user: SessionUser, caseId: string, purpose?: string): Promise<string> {
  const row = await app.store.db.selectFrom('cases').select(['id', 'applicant_user_id']).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('case_not_found', `no case ${caseId} is visible to you`);
  if (row.applicant_user_id !== user.id) throw forbidden('not_applicant', 'only the applicant may download the certificates of a case');
  const stored = await app.store.db.selectFrom('settings').select('value').where('key', '=', settingKey(caseId)).executeTakeFirst();
  if (!stored) throw notFound('no_certificates', 'this case has issued no certificates');
  const { serials } = JSON.parse(stored.value) as CaseCertificates;
  const wanted = purpose ? serials.filter((s) => s.purpose === purpose) : serials;
  if (wanted.length === 0) throw notFound('no_certificates', `this case has issued no ${purpose} certificate`);
  const certs = await app.store.db.selectFrom('certificates').select(['serial', 'pem']).where('serial', 'in', wanted.map((s) => s.serial)).execute();
  const bySerial = new Map(certs.map((c) => [c.serial, c.pem]));
  const { root, issuing } = await instanceCa(app);
  const pems = [...wanted.map((s) => bySerial.get(s.serial)!), issuing.certificatePem, root.certificatePem];
  return pems.map((p) => `${p.trim()}\n`).join('');
}
