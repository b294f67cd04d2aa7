// The card readers of the NCA's counters and the ID cards put into them (seed 004 p.9, scenario
// "issue onto an ID card with a chip at a PSC or the provider"). The chip is modelled by
// src/pki/id-card.ts; this module keeps each card's memory in the `id_cards` table (which stands
// for the chips themselves: the emulator's cards) and runs the counter's operations on it:
//
// - the case names its card by the form field `idCardNumber` (the 9 digits printed on the card);
// - at the desk, the recipient enters the card's PIN (`enterCardPin`, the regulation's process 6):
//   the card checks it, generates the authentication and signing key pairs inside itself and
//   produces the two PKCS#10 requests, which wait on the card, bound to the case;
// - when the case reaches the issue (the outcome that `performs: 'issue_certificates'`,
//   nca-effects.ts), the CA issues from the card's requests and the certificates are written onto
//   the card in the same transaction (process 10): a refused issue writes nothing, on the card
//   either.
// Wrong PINs are counted on the card (3 tries, then blocked until unblocked with the PUK): that
// write to the card's memory is the only thing a refused PIN leaves behind; the CA's tables are
// untouched. The chips' keys are derived from the emulator secret (HKDF, one key per card
// number): QYZMET_ID_CARD_SECRET, or by default a value derived from the CA passphrase under its
// own label; a real card's chip key never leaves its hardware.
import type { Kysely } from 'kysely';
import { IdCard, IdCardError, chipKeyFor, CARD_NUMBER_FORMAT, type IdCardImage, type IdCardStatus } from '../pki/index.ts';
import type { Tables } from '../store/tables.ts';
import { holderFromStateDb, isNcaAdmin, isNcaOperator, refuseDismissedSession, type CaActor } from './ca.ts';
import type { App } from './context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from './errors.ts';
import type { CaseState } from '../core/case.ts';

/** The form field of the application that names the card (nca-certificates, sub-case issue_id_card). */
export const ID_CARD_FIELD = 'idCardNumber';

function emulatorSecret(app: App): string {
  return process.env.QYZMET_ID_CARD_SECRET || `qyzmet id-card emulator:${app.config.caPassphrase}`;
}

function parseNumber(v: unknown, field = 'number'): string {
  if (typeof v !== 'string' || !CARD_NUMBER_FORMAT.test(v.trim())) throw badRequest('card_number', 'an ID card number is 9 digits', field);
  return v.trim();
}

/** A card error as a problem: 422 naming the rule, with the tries left when a PIN was wrong. */
export function cardProblem(e: unknown, field = 'pin'): never {
  if (e instanceof IdCardError) {
    throw unprocessable(e.code, e.message, field, e.triesLeft !== undefined ? { triesLeft: e.triesLeft } : {});
  }
  throw e;
}

interface CardRow {
  card: IdCard;
  version: number;
}

async function loadCard(app: App, db: Kysely<Tables>, number: string, lock = false): Promise<CardRow> {
  let q = db.selectFrom('id_cards').select(['number', 'image', 'version']).where('number', '=', number);
  if (lock && app.store.engine === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('unknown_card', `no ID card ${number} is in the reader (this instance knows no such card)`, 'idCardNumber');
  return { card: IdCard.open(JSON.parse(row.image) as IdCardImage, chipKeyFor(emulatorSecret(app), number)), version: Number(row.version) };
}

/** Writes the card's memory back; compare-and-set on its version, so two readers never interleave. */
async function saveCard(app: App, db: Kysely<Tables>, c: CardRow): Promise<void> {
  const r = await db
    .updateTable('id_cards')
    .set({ image: JSON.stringify(c.card.image()), version: c.version + 1, updated_at: app.now().toISOString() })
    .where('number', '=', c.card.number)
    .where('version', '=', c.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw conflict('card_busy', `ID card ${c.card.number} was used by another operation at the same time: try again`, 'idCardNumber');
  c.version += 1;
}

/**
 * Runs `fn` on the card and saves its memory whatever happens (a wrong PIN must count), then
 * rethrows a card failure as a problem.
 */
async function withCard<T>(app: App, number: string, fn: (card: IdCard) => Promise<T> | T): Promise<T> {
  const c = await loadCard(app, app.store.db, number);
  let result: T;
  try {
    result = await fn(c.card);
  } catch (e) {
    if (e instanceof IdCardError) {
      await saveCard(app, app.store.db, c);
      return cardProblem(e);
    }
    throw e;
  }
  await saveCard(app, app.store.db, c);
  return result;
}

export interface PersonaliseInput {
  number?: unknown;
  iin?: unknown;
  pin?: unknown;
  puk?: unknown;
}

/**
 * A card as the document office hands it out (the stand-in for that office: an NCA
 * administrator, the CLI or the demo): holder, PIN and PUK set, no keys.
 */
export async function personaliseCard(app: App, actor: CaActor, input: PersonaliseInput): Promise<IdCardStatus> {
  if (!isNcaAdmin(actor)) throw forbidden('not_nca_admin', 'only an NCA administrator may put a new ID card into the emulator');
  const number = parseNumber(input.number);
  if (typeof input.iin !== 'string' || !/^\d{12}$/.test(input.iin)) throw badRequest('iin', 'the holder\'s IIN (12 digits) is required', 'iin');
  await holderFromStateDb(app, input.iin, null);
  let card: IdCard;
  try {
    card = IdCard.personalise({ number, holderIin: input.iin, pin: input.pin as string, puk: input.puk as string, chipKey: chipKeyFor(emulatorSecret(app), number) });
  } catch (e) {
    if (e instanceof IdCardError) return cardProblem(e, 'pin');
    throw e;
  }
  const now = app.now().toISOString();
  const exists = await app.store.db.selectFrom('id_cards').select('number').where('number', '=', number).executeTakeFirst();
  if (exists) throw conflict('card_exists', `ID card ${number} already exists`, 'number');
  await app.store.db.insertInto('id_cards').values({ number, holder_iin: input.iin, image: JSON.stringify(card.image()), version: 1, created_at: now, updated_at: now }).execute();
  return card.status();
}

function requireDesk(actor: CaActor): void {
  if (!isNcaOperator(actor)) throw forbidden('not_nca_operator', 'only an NCA operator at a counter may use the card reader');
}

/** What the card shows without its PIN (holder, tries left, the certificates on it). */
export async function cardStatus(app: App, actor: CaActor, numberIn: unknown): Promise<IdCardStatus> {
  requireDesk(actor);
  return (await loadCard(app, app.store.db, parseNumber(numberIn))).card.status();
}

/** Unblocks the card with its PUK and sets a new PIN (the recipient types both at the desk). */
export async function unblockCard(app: App, actor: CaActor, numberIn: unknown, input: { puk?: unknown; newPin?: unknown }): Promise<IdCardStatus> {
  requireDesk(actor);
  await refuseDismissedSession(app, actor);
  return withCard(app, parseNumber(numberIn), (card) => {
    card.unblock(input.puk, input.newPin);
    return card.status();
  });
}

const CLOSED_MARKS = new Set(['result', 'refused']);

/**
 * The recipient enters the card's PIN at the desk (seed 004 p.9 process 6): the card generates
 * the key pairs and the requests for the case. Refused (422, the CA's tables untouched) for a
 * case that names no card, a card of somebody else, a wrong PIN or a blocked card.
 */
export async function enterCardPin(app: App, actor: CaActor, caseId: unknown, input: { pin?: unknown }): Promise<{ card: IdCardStatus; requests: Array<{ slot: string; csrPem: string }> }> {
  requireDesk(actor);
  await refuseDismissedSession(app, actor);
  if (typeof caseId !== 'string' || caseId === '') throw badRequest('case', 'the case id is required', 'caseId');
  const row = await app.store.db.selectFrom('cases').select(['id', 'state', 'provider_id', 'mark']).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('case_not_found', `no case ${caseId}`);
  if (actor.kind === 'user' && actor.user.providerId && actor.user.providerId !== row.provider_id) throw notFound('case_not_found', `no case ${caseId} is visible to you`);
  if (CLOSED_MARKS.has(row.mark)) throw conflict('case_closed', `case ${caseId} is closed (${row.mark}): the card can no longer be prepared for it`);
  const state = JSON.parse(row.state) as CaseState;
  const raw = state.fields[ID_CARD_FIELD];
  if (typeof raw !== 'string' || raw.trim() === '') throw unprocessable('no_card', `case ${caseId} names no ID card (field ${ID_CARD_FIELD})`, ID_CARD_FIELD);
  const number = parseNumber(raw, ID_CARD_FIELD);
  const subject = await holderFromStateDb(app, state.applicant.iin, state.applicant.bin ?? null);
  const c = await loadCard(app, app.store.db, number);
  if (c.card.holderIin !== state.applicant.iin) throw unprocessable('card_not_applicants', `ID card ${number} belongs to IIN ${c.card.holderIin}, not to the applicant (IIN ${state.applicant.iin})`, ID_CARD_FIELD);
  return withCard(app, number, async (card) => {
    const requests = await card.generateRequests(input.pin, subject, caseId);
    return { card: card.status(), requests };
  });
}

/**
 * Inside a case command's transaction: the card's requests for the case, and a function that
 * writes the issued certificates onto it and saves it (nca-effects.ts).
 */
export async function cardForIssueIn(app: App, trx: Kysely<Tables>, state: CaseState, stepId: string): Promise<{ requests: Array<{ slot: 'auth' | 'sign'; csrPem: string }>; write(certs: Array<{ certificatePem: string; chainPems: string[] }>): Promise<void> } | null> {
  const raw = state.fields[ID_CARD_FIELD];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const number = raw.trim();
  if (!CARD_NUMBER_FORMAT.test(number)) throw unprocessable('card_number', `the application's ID card number ${JSON.stringify(number)} is not 9 digits`, ID_CARD_FIELD);
  const c = await loadCard(app, trx, number, true);
  if (c.card.holderIin !== state.applicant.iin) throw unprocessable('card_not_applicants', `ID card ${number} belongs to IIN ${c.card.holderIin}, not to the applicant`, ID_CARD_FIELD);
  const requests = c.card.pendingRequests(state.caseId);
  if (requests.length === 0) {
    throw unprocessable('card_pin_not_entered', `step ${stepId} issues onto ID card ${number}, and the card holds no requests for this case: the recipient enters the card's PIN first (POST /api/nca/cases/${state.caseId}/id-card/pin)`, ID_CARD_FIELD);
  }
  return {
    requests,
    async write(certs) {
      try {
        for (const x of certs) c.card.writeCertificate(x.certificatePem, x.chainPems);
      } catch (e) {
        if (e instanceof IdCardError) throw new AppError(422, e.code, e.message, ID_CARD_FIELD);
        throw e;
      }
      await saveCard(app, trx, c);
    },
  };
}

/** A signature made by the card (PIN required), e.g. to sign in; the counter counts as always. */
export async function signWithCard(app: App, numberIn: unknown, pin: unknown, slot: 'auth' | 'sign', content: Uint8Array): Promise<string> {
  const der = await withCard(app, parseNumber(numberIn), (card) => card.signCms(pin, slot, content, { signingTime: app.now() }));
  return der.toString('base64');
}
