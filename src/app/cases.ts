// Case commands and queries. One command is one database transaction: the events it appends, the
// projection row, the result and the idempotency record commit together or not at all.
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import {
  applicationPayload,
  checkDocuments,
  decisionPayload,
  pausePayload,
  validateFields,
  type SubmittedDocument,
} from '../core/application.ts';
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import {
  apply,
  availableActions,
  CaseRuleError,
  decideOutcome,
  eventHash,
  GENESIS_HASH,
  isPaused,
  type Actor,
  type Applicant,
  type CaseEvent,
  type CaseEventData,
  type CaseState,
} from '../core/case.ts';
import { computeDeadlines, dueAt, type Deadlines } from '../core/clock.ts';
import { channelsOf, findStep, findSubcase, type Channel, type ServiceDefinition, type SubCase } from '../core/regulation.ts';
import { formatAlmaty } from '../core/time.ts';
import { isUniqueViolation } from '../store/db.ts';
import type { Tables } from '../store/tables.ts';
import { gatewayProblem, findUser, type SessionUser } from './auth.ts';
import type { App, SubmissionHook } from './context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from './errors.ts';
import { newId } from './ids.ts';
import { insertRows } from '../store/insert.ts';
import { prepared } from '../store/prepared.ts';
import { signedBytes, verifySigned, type VerifiedSignature } from './signing.ts';
import { automaticOutcome } from './checks.ts';

type Trx = Transaction<Tables>;

export interface CommandResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

// ---------------------------------------------------------------- idempotency

const MAX_IDEMPOTENCY_KEY = 200;

function requireKey(key: string | undefined): string {
  if (!key) throw badRequest('idempotency_key_required', 'send an Idempotency-Key header (any unique string per intended command) so that a retry cannot act twice', 'Idempotency-Key');
  if (key.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(key)) throw badRequest('idempotency_key_format', `the Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY} printable ASCII characters`, 'Idempotency-Key');
  return key;
}

/**
 * Runs `fn` in a transaction unless this user already sent this key: then the first response is
 * returned and nothing is written. The same key with a different request is a client bug and is
 * refused rather than silently answered with an unrelated result.
 */
function requestHashOf(request: unknown): string {
  // Signed commands pass the signed bytes: they are the canonical request already.
  return sha256Hex(request instanceof Uint8Array ? request : canonicalJson(request));
}

function replayFrom<T>(prior: Tables['idempotency'] | undefined, command: string, key: string, requestHash: string): CommandResult<T> | null {
  if (!prior) return null;
  if (prior.command !== command || prior.request_hash !== requestHash) {
    throw conflict('idempotency_key_reused', `Idempotency-Key "${key}" was already used for a different request; use a new key for a new command`, 'Idempotency-Key');
  }
  const saved = JSON.parse(prior.response) as { status: number; body: T };
  return { ...saved, replayed: true };
}

/** A retry answered before any work: the first response, if this key was already used. */
async function replayOf<T>(app: App, user: SessionUser, command: string, key: string, request: unknown): Promise<CommandResult<T> | null> {
  const [prior] = await prepared(app.store.db, 'idempotency-record', (db, p) => db.selectFrom('idempotency').selectAll().where('user_id', '=', p(0)).where('key', '=', p(1)), [user.id, key]);
  return replayFrom<T>(prior, command, key, requestHashOf(request));
}

/**
 * Runs `fn` in a transaction unless this user already sent this key: then the first response is
 * returned and nothing is written. The same key with a different request is a client bug and is
 * refused rather than silently answered with an unrelated result.
 */
async function idempotent<T>(
  app: App,
  user: SessionUser,
  command: string,
  key: string,
  request: unknown,
  fn: (trx: Trx) => Promise<{ status: number; body: T }>,
  opts: { optimistic?: boolean } = {},
): Promise<CommandResult<T>> {
  const requestHash = requestHashOf(request);
  for (let attempt = 0; ; attempt++) {
    try {
      return await app.store.db.transaction().execute(async (trx) => {
        // Optimistic (a command that can only succeed again when repeated, like a new application):
        // the first attempt does not look for an earlier record; a repeated key then fails the
        // insert of the record, which rolls the attempt back, and the next attempt replays.
        if (!(opts.optimistic && attempt === 0)) {
          const [prior] = await prepared(trx, 'idempotency-record', (db, p) => db.selectFrom('idempotency').selectAll().where('user_id', '=', p(0)).where('key', '=', p(1)), [user.id, key]);
          const replay = replayFrom<T>(prior, command, key, requestHash);
          if (replay) return replay;
        }
        const res = await fn(trx);
        await insertRows(trx, 'idempotency', [{ user_id: user.id, key, command, request_hash: requestHash, response: JSON.stringify(res), created_at: app.now().toISOString() }]);
        return { ...res, replayed: false };
      });
    } catch (e) {
      // An optimistic attempt that failed for any reason is made again with the look-up: a repeated
      // key then replays the first response (a repeat may fail where the first succeeded, e.g. its
      // payment is already bound), and any other failure recurs as itself. Two concurrent requests
      // with one key (PostgreSQL): the loser retries and finds the winner's record.
      if ((opts.optimistic && attempt === 0) || (isUniqueViolation(e) && attempt < 3)) continue;
      throw e;
    }
  }
}

// ---------------------------------------------------------------- event log

function toEvent(r: Tables['case_events']): CaseEvent {
  return {
    caseId: r.case_id,
    seq: r.seq,
    at: r.at,
    actor: JSON.parse(r.data).__actor as Actor,
    data: stripActor(JSON.parse(r.data)),
    ...(r.idempotency_key ? { idempotencyKey: r.idempotency_key } : {}),
    ...(r.signature ? { signature: r.signature } : {}),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function stripActor(d: Record<string, unknown>): CaseEventData {
  const { __actor: _a, ...rest } = d;
  return rest as unknown as CaseEventData;
}

export async function loadEvents(db: App['store']['db'], caseId: string): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map(toEvent);
}

interface Draft {
  data: CaseEventData;
  actor: Actor;
  signature?: string;
  idempotencyKey?: string;
}

/** Chains drafts onto the case's log in memory: the new events and the state they fold into. */
function chain(sc: SubCase, caseId: string, state: CaseState | null, drafts: Draft[], at: string): { state: CaseState; events: CaseEvent[] } {
  let s = state;
  let prevHash = state?.lastHash ?? GENESIS_HASH;
  let seq = state?.lastSeq ?? 0;
  const events: CaseEvent[] = [];
  for (const d of drafts) {
    seq += 1;
    const partial: Omit<CaseEvent, 'hash'> = {
      caseId,
      seq,
      at,
      actor: d.actor,
      data: d.data,
      ...(d.idempotencyKey ? { idempotencyKey: d.idempotencyKey } : {}),
      ...(d.signature ? { signature: d.signature } : {}),
      prevHash,
    };
    const e: CaseEvent = { ...partial, hash: eventHash(partial) };
    events.push(e);
    s = apply(s, e, sc);
    prevHash = e.hash;
  }
  if (!s) throw new Error('no events to chain');
  return { state: s, events };
}

/** Events appended in each open transaction, for the effects that run before it commits. */
const appendedIn = new WeakMap<object, CaseEvent[]>();

async function writeEvents(trx: Trx, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  const seen = appendedIn.get(trx) ?? [];
  seen.push(...events);
  appendedIn.set(trx, seen);
  await insertRows(
    trx,
    'case_events',
    events.map((e) => ({
        case_id: e.caseId,
        seq: e.seq,
        type: e.data.type,
        at: e.at,
        actor_user_id: e.actor.userId,
        actor_role: e.actor.role,
        cert_serial: e.actor.certSerial ?? null,
        idempotency_key: e.idempotencyKey ?? null,
        // The actor rides inside the JSON so the row can be turned back into the exact hashed event.
        data: JSON.stringify({ ...e.data, __actor: e.actor }),
        signature: e.signature ?? null,
        prev_hash: e.prevHash,
        hash: e.hash,
      })),
  );
}

/** Appends events to a case inside `trx`, chaining their hashes, and returns the new state. */
export async function append(trx: Trx, sc: SubCase, caseId: string, state: CaseState | null, drafts: Draft[], at: string): Promise<{ state: CaseState; events: CaseEvent[] }> {
  const r = chain(sc, caseId, state, drafts, at);
  await writeEvents(trx, r.events);
  return r;
}

function clockCase(s: CaseState) {
  return {
    submittedAt: new Date(s.submittedAt),
    steps: s.steps.map((st) => ({ stepId: st.stepId, startedAt: new Date(st.startedAt), ...(st.completedAt ? { completedAt: new Date(st.completedAt) } : {}), ...(st.outcomeId ? { outcomeId: st.outcomeId } : {}) })),
    pauses: s.pauses.map((p) => ({ pauseId: p.pauseId, from: new Date(p.from), ...(p.to ? { to: new Date(p.to) } : {}) })),
    ...(s.result ? { completedAt: new Date(s.result.issuedAt) } : {}),
  };
}

export function deadlinesOf(app: App, svc: ServiceDefinition, sc: SubCase, s: CaseState): Deadlines {
  return computeDeadlines(svc, sc, clockCase(s), app.now(), app.calendar);
}

function projection(app: App, svc: ServiceDefinition, sc: SubCase, s: CaseState) {
  const dl = deadlinesOf(app, svc, sc, s);
  const open = s.currentStep ? dl.steps.find((x) => x.stepId === s.currentStep && !x.completedAt) : undefined;
  const role = s.currentStep ? findStep(sc, s.currentStep)?.role ?? null : null;
  return {
    mark: s.mark,
    current_step: s.currentStep,
    current_role: role,
    assignee: role ? s.assignees[role] ?? null : null,
    step_due: open ? open.due.toISOString() : null,
    overall_due: dl.overall.due.toISOString(),
    paused: isPaused(s) ? 1 : 0,
    updated_at: app.now().toISOString(),
    last_seq: s.lastSeq,
    state: JSON.stringify(s),
  };
}

/**
 * The end of every command that changed a case: the effects see the events this transaction
 * appended (registries, notices, payments), then the projection row is rewritten — all before the
 * transaction commits, so a result is never delivered without its registry entry or its notice.
 */
export async function settle(app: App, trx: Trx, svc: ServiceDefinition, sc: SubCase, state: CaseState, known: { alreadyProjected?: CaseState; caseNumber?: string } = {}): Promise<void> {
  const events = appendedIn.get(trx) ?? [];
  appendedIn.delete(trx);
  for (const fx of app.effects) await fx.afterEvents({ app, trx, svc, sc, state, events, ...(known.caseNumber ? { caseNumber: known.caseNumber } : {}) });
  if (state !== known.alreadyProjected) await trx.updateTable('cases').set(projection(app, svc, sc, state)).where('id', '=', state.caseId).execute();
}

// Written once as text: Kysely's upsert builder cost more than the statement on every submission.
const NEXT_NUMBER = {
  sqlite: 'insert into counters (name, value) values (?, 1) on conflict (name) do update set value = counters.value + 1 returning value',
  postgres: 'insert into counters (name, value) values ($1, 1) on conflict (name) do update set value = counters.value + 1 returning value',
} as const;

async function nextNumber(app: App, trx: Trx, name: string): Promise<number> {
  const r = await trx.executeQuery<{ value: number | string }>(CompiledQuery.raw(NEXT_NUMBER[app.store.engine], [name]));
  return Number(r.rows[0]!.value);
}

/** Case numbers: per year on SQLite; from a sequence on PostgreSQL (no lock held to the commit). */
async function nextCaseNumber(app: App, trx: Trx, year: string): Promise<number> {
  if (app.store.engine === 'postgres') {
    const r = await sql<{ n: string }>`select nextval('case_number_seq') as n`.execute(trx);
    return Number(r.rows[0]!.n);
  }
  return nextNumber(app, trx, `case:${year}`);
}

/**
 * After a human step, information systems take their automatic steps (the portal delivering the
 * result) and, when the path reaches its end, the result is issued and recorded in the same
 * transaction.
 */
async function runToRest(app: App, trx: Trx, svc: ServiceDefinition, sc: SubCase, caseId: string, s: CaseState, at: string): Promise<CaseState> {
  let state = s;
  for (let guard = 0; guard < 50; guard++) {
    if (state.currentStep) {
      const step = findStep(sc, state.currentStep)!;
      if (!step.automatic) return state;
      // The single outcome, or the one the step's declared check decides (src/app/checks.ts).
      const data = await automaticOutcome(app, trx, svc, sc, state, step);
      ({ state } = await append(trx, sc, caseId, state, [{ actor: { userId: `system:${step.role}`, role: step.role }, data }], at));
      continue;
    }
    if (state.result) return state;
    const spec = svc.result;
    if (!spec) throw new Error(`service ${svc.id} reached the end of its path but defines no result`);
    const decision = state.decision ?? 'approve';
    const year = at.slice(0, 4);
    const n = await nextNumber(app, trx, `result:${spec.numberPrefix}:${year}`);
    const number = `${spec.numberPrefix}-${year}-${String(n).padStart(6, '0')}`;
    const signedEvent = (await loadEvents(trx as never, caseId)).filter((e) => e.signature && e.data.type === 'step_completed').pop();
    const document = {
      number,
      kind: decision === 'approve' ? spec.document : spec.refusal,
      serviceId: svc.id,
      serviceVersion: svc.version,
      serviceName: svc.name,
      subcase: sc.id,
      caseId,
      applicant: { name: state.applicant.name, iin: state.applicant.iin, ...(state.applicant.bin ? { bin: state.applicant.bin, organization: state.applicant.organization } : {}) },
      decision,
      ...(decision === 'refuse' ? { grounds: (state.grounds ?? []).map((g) => ({ id: g, text: svc.refusalGrounds.find((x) => x.id === g)?.text })) } : {}),
      issuedAt: at,
      provider: svc.provider.name,
      ...(signedEvent ? { signedBy: { userId: signedEvent.actor.userId, iin: signedEvent.actor.iin, certSerial: signedEvent.actor.certSerial, decisionHash: signedEvent.hash } } : {}),
    };
    const docHash = sha256Hex(canonicalJson(document));
    ({ state } = await append(trx, sc, caseId, state, [{ actor: { userId: `system:registry`, role: 'system' }, data: { type: 'result_issued', number, decision, documentSha256: docHash, ...(state.grounds ? { grounds: state.grounds } : {}) } }], at));
    await trx
      .insertInto('results')
      .values({ number, case_id: caseId, service_id: svc.id, decision, sha256: docHash, document: canonicalJson(document), signature: signedEvent?.signature ?? null, issued_at: at })
      .execute();
    return state;
  }
  throw new Error(`case ${caseId}: automatic steps did not come to rest`);
}

// ---------------------------------------------------------------- submit

export interface SubmitInput {
  serviceId?: unknown;
  subcase?: unknown;
  channel?: unknown;
  /** For applications accepted at an office on the applicant's behalf. */
  applicant?: { iin?: unknown; bin?: unknown };
  fields?: unknown;
  documents?: unknown;
  signature?: unknown;
  /** Read by submission hooks (app.submissions): the id of a gateway payment made for this draft, in place of a receipt. */
  payment?: unknown;
}

interface DocumentInput {
  requirement: string;
  name: string;
  mime: string;
  contentBase64: string;
}

function parseDocuments(raw: unknown): { docs: SubmittedDocument[]; contents: Buffer[] } {
  if (raw === undefined) return { docs: [], contents: [] };
  if (!Array.isArray(raw)) throw badRequest('type', 'documents must be an array', 'documents');
  const docs: SubmittedDocument[] = [];
  const contents: Buffer[] = [];
  for (const [i, d] of raw.entries()) {
    const x = d as Partial<DocumentInput>;
    for (const k of ['requirement', 'name', 'mime', 'contentBase64'] as const) {
      if (typeof x?.[k] !== 'string' || x[k] === '') throw badRequest('required', `documents[${i}].${k} is required`, `documents.${i}.${k}`);
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(x.contentBase64!)) throw badRequest('not_base64', `documents[${i}].contentBase64 is not base64`, `documents.${i}.contentBase64`);
    const buf = Buffer.from(x.contentBase64!, 'base64');
    contents.push(buf);
    docs.push({ requirement: x.requirement!, name: x.name!.slice(0, 255), mime: x.mime!, size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') });
  }
  return { docs, contents };
}

export interface CaseSummary {
  id: string;
  number: string;
  serviceId: string;
  subcase: string;
  channel: string;
  mark: string;
  currentStep: string | null;
  stepDue: string | null;
  overallDue: string;
  overdue: boolean;
  submittedAt: string;
}

const CHANNELS_BY_KIND: Record<SessionUser['kind'], Channel[]> = { applicant: ['portal'], staff: ['provider_office', 'mail', 'psc'] };

export async function submitApplication(app: App, user: SessionUser, input: SubmitInput, idempotencyKey: string | undefined): Promise<CommandResult<CaseSummary>> {
  const key = requireKey(idempotencyKey);
  if (typeof input.serviceId !== 'string') throw badRequest('required', 'serviceId is required', 'serviceId');
  const now = app.now();
  const svc = app.catalog.inForce(input.serviceId, now);
  if (!svc) throw notFound('unknown_service', `no service "${input.serviceId}" is in force; see GET /api/catalog`, 'serviceId');
  if (typeof input.subcase !== 'string') throw badRequest('required', 'subcase is required', 'subcase');
  const sc = findSubcase(svc, input.subcase);
  if (!sc) throw unprocessable('unknown_subcase', `service "${svc.id}" has no sub-case "${input.subcase}"; it has: ${svc.subcases.map((s) => s.id).join(', ')}`, 'subcase');
  const channel = (input.channel ?? (user.kind === 'applicant' ? 'portal' : undefined)) as Channel | undefined;
  if (!channel || !CHANNELS_BY_KIND[user.kind].includes(channel)) {
    throw forbidden('channel_not_allowed', user.kind === 'applicant' ? 'applicants submit through the portal channel' : `staff accept applications on channels ${CHANNELS_BY_KIND.staff.join(', ')}`);
  }
  const offered = channelsOf(svc, sc);
  if (!offered.includes(channel)) throw unprocessable('channel_not_offered', `"${svc.id}/${sc.id}" is not offered through ${channel}; channels: ${offered.join(', ')}`, 'channel');
  if (user.kind === 'staff') {
    if (user.providerId !== svc.provider.id || !user.roles.includes(sc.steps.find((s) => s.id === sc.firstStep)!.role)) {
      throw forbidden('wrong_role', `only the provider's ${sc.steps.find((s) => s.id === sc.firstStep)!.role} accepts applications for this service`);
    }
  }
  if (input.fields !== undefined && (typeof input.fields !== 'object' || input.fields === null || Array.isArray(input.fields))) throw badRequest('type', 'fields must be an object', 'fields');
  const fields = (input.fields ?? {}) as Record<string, unknown>;
  const { docs, contents } = parseDocuments(input.documents);

  // Who applies: on the portal, the signed-in person (for a company, its BIN from the certificate);
  // at an office, the person named in the request, identified from the state databases.
  const iin = user.kind === 'applicant' ? user.iin : typeof input.applicant?.iin === 'string' ? input.applicant.iin : '';
  const bin = user.kind === 'applicant' ? user.bin ?? undefined : typeof input.applicant?.bin === 'string' && input.applicant.bin ? input.applicant.bin : undefined;
  if (!iin) throw badRequest('required', 'applicant.iin is required when staff accept an application', 'applicant.iin');
  const applicant = await identifyApplicant(app, iin, bin);
  if (!svc.applicantKinds.includes(applicant.kind)) throw unprocessable('applicant_kind', `this service is not provided to applicants of kind ${applicant.kind}`, 'applicant');

  const ctx = { channel, applicantKind: applicant.kind };
  // Submission hooks may answer a document alternative without a file (a gateway payment id):
  // requirements they answer are no longer required of the files.
  const hooked: Array<NonNullable<Awaited<ReturnType<SubmissionHook['prepare']>>>> = [];
  for (const h of app.submissions) {
    const r = await h.prepare({ app, user, svc, sc, channel, applicant, input: input as Record<string, unknown> });
    if (r) hooked.push(r);
  }
  const answered = new Set(hooked.flatMap((r) => r.satisfies));
  const docSc = answered.size ? { ...sc, documents: sc.documents.map((d) => ((d.satisfiedBy ?? []).some((a) => answered.has(a)) ? { ...d, required: false } : d)) } : sc;
  const problems = [...validateFields(sc, fields, ctx), ...checkDocuments(docSc, docs, { ...ctx, fields })];
  if (problems.length) {
    const first = problems[0]!;
    throw unprocessable(first.rule, problems.map((p) => p.detail).join('; '), first.field, { errors: problems });
  }

  const payload = applicationPayload({ serviceId: svc.id, subcase: sc.id, channel, applicant: { iin, ...(bin ? { bin } : {}) }, fields, documents: docs });
  // On the portal the applicant signs; at an office the accepting officer signs for the paper the applicant signed.
  const bytes = signedBytes(payload);
  const sig = await verifySigned(app, input.signature, bytes, { iin: user.iin, bin: user.bin, purpose: 'sign' });

  return idempotent(app, user, 'submit', key, bytes, async (trx) => {
    const at = now.toISOString();
    const caseId = newId();
    const n = await nextCaseNumber(app, trx, at.slice(0, 4));
    const number = `${at.slice(0, 4)}${at.slice(5, 7)}-${String(n).padStart(6, '0')}`;
    const actor: Actor = actorOf(user, user.kind === 'applicant' ? 'applicant' : sc.steps.find((s) => s.id === sc.firstStep)!.role, sig);
    const applicantUserId = user.kind === 'applicant' ? user.id : await applicantUserFor(app, trx, applicant);
    const data: CaseEventData = {
      type: 'submitted',
      applicantUserId,
      serviceId: svc.id,
      version: svc.version,
      subcase: sc.id,
      channel,
      providerId: svc.provider.id,
      applicant,
      fields,
      documents: docs.map((d, i) => ({ id: `${caseId}:${i}`, name: d.name, mime: d.mime, size: d.size, sha256: d.sha256, requirement: d.requirement })),
      ...(user.kind === 'staff' ? { acceptedBy: user.id } : {}),
    };
    const first = chain(sc, caseId, null, [{ actor, data, signature: String(input.signature), idempotencyKey: key }], at);
    // The case row goes in first (events reference it), already carrying its projection.
    await insertRows(trx, 'cases', [
      {
        id: caseId, number, service_id: svc.id, version: svc.version, subcase: sc.id, channel, provider_id: svc.provider.id,
        applicant_user_id: applicantUserId, applicant_iin: iin, applicant_bin: bin ?? null, submitted_at: at,
        ...projection(app, svc, sc, first.state),
      },
    ]);
    await writeEvents(trx, first.events);
    for (const r of hooked) await r.inTransaction?.(trx, caseId);
    // A first step done by an information system runs at once.
    const state = await runToRest(app, trx, svc, sc, caseId, first.state, at);
    await settle(app, trx, svc, sc, state, { alreadyProjected: first.state, caseNumber: number });
    await insertRows(trx, 'attachments', docs.map((d, i) => ({ id: `${caseId}:${i}`, owner_user_id: applicantUserId, case_id: caseId, name: d.name, mime: d.mime, size: d.size, sha256: d.sha256, content: contents[i]!.toString('base64'), created_at: at })));
    return { status: 201, body: summary(app, { id: caseId, number, svc, sc, state }) };
  }, { optimistic: true });
}

/** An application accepted at an office belongs to the applicant's cabinet once they sign in. */
async function applicantUserFor(app: App, trx: Trx, a: Applicant): Promise<string> {
  const row = await trx.selectFrom('users').select('id').where('iin', '=', a.iin).where('bin', '=', a.bin ?? '').executeTakeFirst();
  if (row) return row.id;
  const id = newId();
  await trx
    .insertInto('users')
    .values({ id, kind: 'applicant', iin: a.iin, bin: a.bin ?? '', display_name: a.organization ? `${a.name} (${a.organization})` : a.name, roles: '["applicant"]', provider_id: null, email: a.email ?? null, lang: a.lang, created_at: app.now().toISOString() })
    .execute();
  return id;
}

async function identifyApplicant(app: App, iin: string, bin: string | undefined): Promise<Applicant> {
  let person;
  try {
    person = await app.stateDb.findIndividual(iin);
  } catch (e) {
    throw gatewayProblem(e);
  }
  if (!person) throw unprocessable('applicant_unknown', `the state database of individuals has no record of IIN ${iin}; the application cannot be accepted without the applicant's identity confirmed there`, 'applicant.iin');
  const name = [person.surname.ru, person.givenName.ru, person.patronymic?.ru].filter(Boolean).join(' ');
  if (!bin) return { kind: 'individual', iin, name, address: person.address.ru, ...(person.email ? { email: person.email } : {}), lang: 'ru' };
  let entity;
  try {
    entity = await app.stateDb.findLegalEntity(bin);
  } catch (e) {
    throw gatewayProblem(e);
  }
  if (!entity) throw unprocessable('applicant_unknown', `the state database of legal entities has no record of BIN ${bin}`, 'applicant.bin');
  if (entity.status !== 'active') throw unprocessable('entity_not_active', `the legal entity with BIN ${bin} is ${entity.status} in the state database`, 'applicant.bin');
  const kind = entity.legalForm === 'IP' ? 'entrepreneur' : 'legal_entity';
  return { kind, iin, bin, name, organization: entity.name.ru, address: entity.address.ru, ...(person.email ? { email: person.email } : {}), lang: 'ru' };
}

function actorOf(user: SessionUser, role: string, sig?: VerifiedSignature): Actor {
  return {
    userId: user.id,
    role,
    iin: user.iin,
    ...(user.bin ? { bin: user.bin } : {}),
    ...(sig ? { certSerial: sig.certSerial, certFingerprint: sig.certFingerprint } : {}),
  };
}

function summary(app: App, c: { id: string; number: string; svc: ServiceDefinition; sc: SubCase; state: CaseState }, dl: Deadlines = deadlinesOf(app, c.svc, c.sc, c.state)): CaseSummary {
  const open = dl.steps.find((x) => x.stepId === c.state.currentStep && !x.completedAt);
  return {
    id: c.id,
    number: c.number,
    serviceId: c.svc.id,
    subcase: c.sc.id,
    channel: c.state.channel,
    mark: c.state.mark,
    currentStep: c.state.currentStep,
    stepDue: open ? formatAlmaty(open.due) : null,
    overallDue: formatAlmaty(dl.overall.due),
    overdue: dl.overall.overdue || !!open?.overdue,
    submittedAt: c.state.submittedAt,
  };
}

// ---------------------------------------------------------------- staff decisions

export interface ActionInput {
  stepId?: unknown;
  outcomeId?: unknown;
  assignee?: unknown;
  grounds?: unknown;
  comment?: unknown;
  signature?: unknown;
}

export async function lockCase(app: App, trx: Trx, caseId: string) {
  let q = trx.selectFrom('cases').selectAll().where('id', '=', caseId);
  // A row lock serialises commands on one case across app instances; SQLite has one writer anyway.
  if (app.store.engine === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export function definitionOf(app: App, row: { service_id: string; version: string; subcase: string }) {
  const svc = app.catalog.version(row.service_id, row.version);
  const sc = svc && findSubcase(svc, row.subcase);
  if (!svc || !sc) throw new Error(`case references ${row.service_id}@${row.version}/${row.subcase}, which the catalog no longer holds`);
  return { svc, sc };
}

/** Staff see their provider's cases; applicants their own; anyone else gets "not found" (no existence leak). */
function assertVisible(user: SessionUser, row: { applicant_user_id: string; provider_id: string; id: string }) {
  const ok = user.kind === 'staff' ? user.providerId === row.provider_id : row.applicant_user_id === user.id;
  if (!ok) throw notFound('case_not_found', `no case ${row.id} is visible to you`);
}

export async function takeAction(app: App, user: SessionUser, caseId: string, input: ActionInput, idempotencyKey: string | undefined): Promise<CommandResult<CaseView>> {
  const key = requireKey(idempotencyKey);
  for (const k of ['stepId', 'outcomeId'] as const) if (typeof input[k] !== 'string' || input[k] === '') throw badRequest('required', `${k} is required`, k);
  if (input.assignee !== undefined && typeof input.assignee !== 'string') throw badRequest('type', 'assignee must be a user id', 'assignee');
  if (input.grounds !== undefined && (!Array.isArray(input.grounds) || !input.grounds.every((g) => typeof g === 'string'))) throw badRequest('type', 'grounds must be an array of ground ids', 'grounds');
  if (input.comment !== undefined && (typeof input.comment !== 'string' || input.comment.length > 4000)) throw badRequest('type', 'comment must be text of at most 4000 characters', 'comment');
  const payload = decisionPayload({
    caseId,
    stepId: input.stepId as string,
    outcomeId: input.outcomeId as string,
    ...(input.assignee ? { assignee: input.assignee as string } : {}),
    ...(input.grounds ? { grounds: input.grounds as string[] } : {}),
    ...(input.comment ? { comment: input.comment as string } : {}),
  });

  const command = `act:${caseId}`;
  const replay = await replayOf<CaseView>(app, user, command, key, payload);
  if (replay) return replay;

  // Checked before the transaction: the regulation's rules (so a wrong role learns that first) and
  // the signature, whose chain and revocation checks need no lock and may read the database.
  const current = await app.store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!current) throw notFound('case_not_found', `no case ${caseId}`);
  assertVisible(user, current);
  const pre = checkOutcome(app, user, current, payload);
  const sig = pre.outcome.signed ? await verifySigned(app, input.signature, signedBytes(payload), { iin: user.iin, bin: user.bin, purpose: 'sign' }) : undefined;

  return idempotent(app, user, command, key, payload, async (trx) => {
    const row = await lockCase(app, trx, caseId);
    if (!row) throw notFound('case_not_found', `no case ${caseId}`);
    // The case may have moved on while the signature was checked: the rules are applied again under the lock.
    const { svc, sc, state, data, step, outcome } = checkOutcome(app, user, row, payload);
    for (const g of app.guards) await g.beforeOutcome({ app, trx, svc, sc, state, step, outcome, user });
    if (outcome.assigns) {
      const assignee = await findUser(trx, payload.assignee!);
      if (!assignee || assignee.kind !== 'staff' || assignee.providerId !== row.provider_id || !assignee.roles.includes(outcome.assigns)) {
        throw unprocessable('bad_assignee', `user ${payload.assignee} is not a ${outcome.assigns} of this provider`, 'assignee');
      }
    }
    const at = app.now().toISOString();
    let { state: next } = await append(trx, sc, caseId, state, [{ actor: actorOf(user, step.role, sig), data, ...(sig ? { signature: String(input.signature) } : {}), idempotencyKey: key }], at);
    next = await runToRest(app, trx, svc, sc, caseId, next, at);
    await settle(app, trx, svc, sc, next, { caseNumber: row.number });
    return { status: 200, body: await viewOf(app, trx as never, user, { ...row, state: JSON.stringify(next) }) };
  });
}

/** The regulation's rules for a staff decision on the case as it stands in `row`. */
function checkOutcome(app: App, user: SessionUser, row: Tables['cases'], payload: ReturnType<typeof decisionPayload>) {
  const { svc, sc } = definitionOf(app, row);
  const state = JSON.parse(row.state) as CaseState;
  let data;
  try {
    data = decideOutcome(svc, sc, state, { userId: user.id, roles: user.roles }, payload);
  } catch (e) {
    if (e instanceof CaseRuleError) throw ruleProblem(e);
    throw e;
  }
  const step = findStep(sc, payload.stepId)!;
  const outcome = step.outcomes.find((o) => o.id === payload.outcomeId)!;
  return { svc, sc, state, data, step, outcome };
}

function ruleProblem(e: CaseRuleError): AppError {
  const status = e.code === 'wrong_role' || e.code === 'not_assignee' ? 403 : e.code === 'wrong_step' || e.code === 'case_closed' || e.code === 'paused' || e.code === 'not_paused' ? 409 : 422;
  const field = e.code === 'wrong_step' ? 'stepId' : e.code === 'unknown_outcome' ? 'outcomeId' : e.code.startsWith('ground') ? 'grounds' : e.code === 'assignee_required' ? 'assignee' : undefined;
  return new AppError(status, e.code, e.message, field);
}

// ---------------------------------------------------------------- pauses

export async function openPause(app: App, user: SessionUser, caseId: string, input: { pauseId?: unknown; request?: unknown; signature?: unknown }, idempotencyKey: string | undefined): Promise<CommandResult<CaseView>> {
  const key = requireKey(idempotencyKey);
  if (user.kind !== 'staff') throw forbidden('wrong_role', 'only staff request something from the applicant');
  if (typeof input.pauseId !== 'string') throw badRequest('required', 'pauseId is required', 'pauseId');
  if (typeof input.request !== 'string' || !input.request.trim() || input.request.length > 4000) throw badRequest('required', 'request must say what the applicant is to provide (at most 4000 characters)', 'request');
  const payload = pausePayload({ caseId, pauseId: input.pauseId, request: input.request });
  const command = `pause:${caseId}`;
  const replay = await replayOf<CaseView>(app, user, command, key, payload);
  if (replay) return replay;
  const current = await app.store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!current) throw notFound('case_not_found', `no case ${caseId}`);
  assertVisible(user, current);
  checkPause(app, user, current, input.pauseId);
  const sig = await verifySigned(app, input.signature, signedBytes(payload), { iin: user.iin, bin: user.bin, purpose: 'sign' });
  return idempotent(app, user, command, key, payload, async (trx) => {
    const row = await lockCase(app, trx, caseId);
    if (!row) throw notFound('case_not_found', `no case ${caseId}`);
    const { svc, sc, state, def } = checkPause(app, user, row, input.pauseId as string);
    const now = app.now();
    const due = dueAt(now, def.applicantTerm, svc.provider.workingHours, app.calendar);
    const { state: next } = await append(trx, sc, caseId, state, [{ actor: actorOf(user, def.role, sig), data: { type: 'paused', pauseId: def.id, request: input.request as string, applicantDue: due.toISOString() }, signature: String(input.signature), idempotencyKey: key }], now.toISOString());
    await settle(app, trx, svc, sc, next, { caseNumber: row.number });
    return { status: 200, body: await viewOf(app, trx as never, user, { ...row, state: JSON.stringify(next) }) };
  });
}

function checkPause(app: App, user: SessionUser, row: Tables['cases'], pauseId: string) {
  const { svc, sc } = definitionOf(app, row);
  const state = JSON.parse(row.state) as CaseState;
  const def = sc.pauses.find((p) => p.id === pauseId);
  if (!def) throw unprocessable('unknown_pause', `this regulation has no pause "${pauseId}"`, 'pauseId');
  if (!state.currentStep || !def.atSteps.includes(state.currentStep)) throw conflict('pause_not_allowed', `pause "${def.id}" cannot be opened at step "${state.currentStep}"`, 'pauseId');
  if (!user.roles.includes(def.role)) throw forbidden('wrong_role', `pause "${def.id}" is opened by role ${def.role}`);
  if (isPaused(state)) throw conflict('paused', 'the case is already waiting for the applicant');
  return { svc, sc, state, def };
}

export async function answerPause(app: App, user: SessionUser, caseId: string, input: { response?: unknown; documents?: unknown; signature?: unknown }, idempotencyKey: string | undefined): Promise<CommandResult<CaseView>> {
  const key = requireKey(idempotencyKey);
  if (typeof input.response !== 'string' || input.response.length > 4000) throw badRequest('required', 'response is required (at most 4000 characters)', 'response');
  const { docs, contents } = parseDocuments(input.documents);
  const command = `resume:${caseId}`;
  const request = { caseId, response: input.response, docs };
  const replay = await replayOf<CaseView>(app, user, command, key, request);
  if (replay) return replay;
  const current = await app.store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!current) throw notFound('case_not_found', `no case ${caseId}`);
  assertVisible(user, current);
  const pre = checkAnswer(app, user, current);
  const payload = pausePayload({ caseId, pauseId: pre.open.pauseId, response: input.response, documents: docs });
  const sig = await verifySigned(app, input.signature, signedBytes(payload), { iin: user.iin, bin: user.bin, purpose: 'sign' });
  return idempotent(app, user, command, key, request, async (trx) => {
    const row = await lockCase(app, trx, caseId);
    if (!row) throw notFound('case_not_found', `no case ${caseId}`);
    const { svc, sc, state, open } = checkAnswer(app, user, row);
    if (open.pauseId !== pre.open.pauseId || open.from !== pre.open.from) throw conflict('not_paused', 'the request you answered is no longer open; reload the case');
    const at = app.now().toISOString();
    const attached = docs.map((d, i) => ({ id: `${caseId}:r${state.lastSeq + 1}:${i}`, name: d.name, mime: d.mime, size: d.size, sha256: d.sha256 }));
    const { state: next } = await append(trx, sc, caseId, state, [{ actor: actorOf(user, 'applicant', sig), data: { type: 'resumed', pauseId: open.pauseId, response: input.response as string, documents: attached }, signature: String(input.signature), idempotencyKey: key }], at);
    if (docs.length) {
      await trx.insertInto('attachments').values(attached.map((d, i) => ({ ...d, owner_user_id: user.id, case_id: caseId, content: contents[i]!.toString('base64'), created_at: at }))).execute();
    }
    await settle(app, trx, svc, sc, next, { caseNumber: row.number });
    return { status: 200, body: await viewOf(app, trx as never, user, { ...row, state: JSON.stringify(next) }) };
  });
}

function checkAnswer(app: App, user: SessionUser, row: Tables['cases']) {
  if (row.applicant_user_id !== user.id) throw forbidden('wrong_role', 'only the applicant answers a request');
  const { svc, sc } = definitionOf(app, row);
  const state = JSON.parse(row.state) as CaseState;
  if (!isPaused(state)) throw conflict('not_paused', 'the case is not waiting for anything from you');
  return { svc, sc, state, open: state.pauses[state.pauses.length - 1]! };
}

// ---------------------------------------------------------------- queries

export interface CaseView extends CaseSummary {
  /** The regulation version the case runs on (the one in force when it was submitted). */
  version: string;
  serviceName: ServiceDefinition['name'];
  subcaseName: SubCase['name'];
  applicant: Applicant;
  fields: Record<string, unknown>;
  documents: CaseState['documents'];
  decision?: 'approve' | 'refuse';
  grounds?: Array<{ id: string; text: unknown }>;
  result?: CaseState['result'];
  paused: boolean;
  pauses: CaseState['pauses'];
  deadlines: {
    received: string;
    overall: { due: string; completedAt?: string; overdue: boolean };
    steps: Array<{ stepId: string; role: string; action: unknown; startedAt: string; due: string; completedAt?: string; overdue: boolean; outcomeDue?: Array<{ outcomeId: string; due: string }> }>;
  };
  timeline: Array<{ seq: number; at: string; type: string; actor: { userId: string; role: string; certSerial?: string }; stepId?: string; outcomeId?: string; grounds?: string[]; signed: boolean; hash: string }>;
  actions: ReturnType<typeof availableActions>;
}

async function viewOf(app: App, db: App['store']['db'], user: SessionUser, row: Tables['cases']): Promise<CaseView> {
  const { svc, sc } = definitionOf(app, row);
  const state = JSON.parse(row.state) as CaseState;
  const dl = deadlinesOf(app, svc, sc, state);
  const events = await loadEvents(db, row.id);
  const base = summary(app, { id: row.id, number: row.number, svc, sc, state }, dl);
  return {
    ...base,
    version: svc.version,
    serviceName: svc.name,
    subcaseName: sc.name,
    applicant: state.applicant,
    fields: state.fields,
    documents: state.documents,
    ...(state.decision ? { decision: state.decision } : {}),
    ...(state.grounds ? { grounds: state.grounds.map((g) => ({ id: g, text: svc.refusalGrounds.find((x) => x.id === g)?.text })) } : {}),
    ...(state.result ? { result: state.result } : {}),
    paused: isPaused(state),
    pauses: state.pauses,
    deadlines: {
      received: formatAlmaty(dl.received),
      overall: { due: formatAlmaty(dl.overall.due), ...(dl.overall.completedAt ? { completedAt: formatAlmaty(dl.overall.completedAt) } : {}), overdue: dl.overall.overdue },
      steps: dl.steps.map((s) => ({
        stepId: s.stepId,
        role: s.role,
        action: findStep(sc, s.stepId)?.action,
        startedAt: formatAlmaty(s.startedAt),
        due: formatAlmaty(s.due),
        ...(s.completedAt ? { completedAt: formatAlmaty(s.completedAt) } : {}),
        overdue: s.overdue,
        ...(s.outcomeDue ? { outcomeDue: s.outcomeDue.map((o) => ({ outcomeId: o.outcomeId, due: formatAlmaty(o.due) })) } : {}),
      })),
    },
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.data.type,
      actor: { userId: e.actor.userId, role: e.actor.role, ...(e.actor.certSerial ? { certSerial: e.actor.certSerial } : {}) },
      ...(e.data.type === 'step_completed' ? { stepId: e.data.stepId, outcomeId: e.data.outcomeId, ...(e.data.grounds ? { grounds: e.data.grounds } : {}) } : {}),
      signed: !!e.signature,
      hash: e.hash,
    })),
    actions: user.kind === 'staff' || user.id === state.applicantUserId ? availableActions(svc, sc, state, { userId: user.id, roles: user.kind === 'staff' ? user.roles : [] }) : [],
  };
}

export async function getCase(app: App, user: SessionUser, caseId: string): Promise<CaseView> {
  const row = await app.store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('case_not_found', `no case ${caseId} is visible to you`);
  assertVisible(user, row);
  return viewOf(app, app.store.db, user, row);
}

export async function getEvents(app: App, user: SessionUser, caseId: string): Promise<CaseEvent[]> {
  const row = await app.store.db.selectFrom('cases').select(['id', 'applicant_user_id', 'provider_id']).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('case_not_found', `no case ${caseId} is visible to you`);
  assertVisible(user, row);
  return loadEvents(app.store.db, caseId);
}

function rowSummary(app: App, r: Tables['cases']): CaseSummary {
  const now = app.now().toISOString();
  const overdue = r.mark !== 'result' && r.mark !== 'refused' && !r.paused && ((r.step_due !== null && r.step_due < now) || r.overall_due < now);
  return {
    id: r.id,
    number: r.number,
    serviceId: r.service_id,
    subcase: r.subcase,
    channel: r.channel,
    mark: r.mark,
    currentStep: r.current_step,
    stepDue: r.step_due ? formatAlmaty(new Date(r.step_due)) : null,
    overallDue: formatAlmaty(new Date(r.overall_due)),
    overdue,
    submittedAt: r.submitted_at,
  };
}

export async function cabinet(app: App, user: SessionUser, opts: { limit?: number } = {}): Promise<CaseSummary[]> {
  const rows = await app.store.db.selectFrom('cases').selectAll().where('applicant_user_id', '=', user.id).orderBy('submitted_at', 'desc').limit(Math.min(opts.limit ?? 100, 500)).execute();
  return rows.map((r) => rowSummary(app, r));
}

/** The staff inbox: cases waiting for one of the user's roles at their provider, most urgent first. */
export async function inbox(app: App, user: SessionUser, opts: { role?: string; limit?: number } = {}): Promise<{ counts: { total: number; overdue: number; dueToday: number; paused: number }; items: CaseSummary[] }> {
  if (user.kind !== 'staff' || !user.providerId) throw forbidden('wrong_role', 'the inbox is for the provider\'s staff');
  const roles = opts.role ? user.roles.filter((r) => r === opts.role) : user.roles;
  if (roles.length === 0) throw forbidden('wrong_role', `you do not hold role ${opts.role}`);
  const rows = await app.store.db
    .selectFrom('cases')
    .selectAll()
    .where('provider_id', '=', user.providerId)
    .where('current_role', 'in', roles)
    .where((eb) => eb.or([eb('assignee', 'is', null), eb('assignee', '=', user.id)]))
    .orderBy('step_due')
    .limit(Math.min(opts.limit ?? 200, 1000))
    .execute();
  const items = rows.map((r) => rowSummary(app, r));
  const today = formatAlmaty(app.now()).slice(0, 10);
  return {
    counts: {
      total: items.length,
      overdue: items.filter((i) => i.overdue).length,
      dueToday: items.filter((i) => i.stepDue?.slice(0, 10) === today).length,
      paused: rows.filter((r) => r.paused).length,
    },
    items,
  };
}

export async function getResult(app: App, user: SessionUser, caseId: string) {
  const row = await app.store.db.selectFrom('cases').select(['id', 'applicant_user_id', 'provider_id']).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('case_not_found', `no case ${caseId} is visible to you`);
  assertVisible(user, row);
  const r = await app.store.db.selectFrom('results').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  if (!r) throw notFound('no_result', 'this case has no result yet');
  return { number: r.number, decision: r.decision, sha256: r.sha256, issuedAt: r.issued_at, document: JSON.parse(r.document) as unknown, signature: r.signature };
}
