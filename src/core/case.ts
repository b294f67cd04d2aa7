// A case is an append-only log of events; everything the system shows about it is a fold over
// that log. Events never change once written: a correction is a new event.
import {
  findStep,
  resolveNext,
  type ApplicantKind,
  type Channel,
  type Outcome,
  type ServiceDefinition,
  type Step,
  type SubCase,
} from './regulation.ts';
import { canonicalJson, sha256Hex } from './canonical.ts';

export interface Actor {
  userId: string;
  role: string;
  iin?: string;
  bin?: string;
  /** Serial and fingerprint of the certificate whose signature authorised the event. */
  certSerial?: string;
  certFingerprint?: string;
}

export interface AttachedDocument {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** The regulation's document requirement this file answers. */
  requirement?: string;
}

export interface Applicant {
  kind: ApplicantKind;
  iin: string;
  bin?: string;
  name: string;
  organization?: string;
  address?: string;
  email?: string;
  lang: 'kk' | 'ru' | 'en';
}

export type CaseEventData =
  | {
      type: 'submitted';
      serviceId: string;
      version: string;
      subcase: string;
      channel: Channel;
      providerId: string;
      applicant: Applicant;
      /** The user whose personal cabinet shows the case. */
      applicantUserId: string;
      fields: Record<string, unknown>;
      documents: AttachedDocument[];
      /** The staff member who accepted a paper application (office, PSC); absent on the portal. */
      acceptedBy?: string;
    }
  | {
      type: 'step_completed';
      stepId: string;
      outcomeId: string;
      assignee?: string;
      decision?: 'approve' | 'refuse';
      grounds?: string[];
      comment?: string;
    }
  | { type: 'paused'; pauseId: string; request: string; applicantDue: string }
  | { type: 'resumed'; pauseId: string; response: string; documents: AttachedDocument[] }
  /** The applicant's term ran out: the clock runs again from `endedAt` and the ground is open to cite. */
  | { type: 'pause_expired'; pauseId: string; endedAt: string; ground?: string }
  | { type: 'result_issued'; number: string; decision: 'approve' | 'refuse'; documentSha256: string; grounds?: string[] };

export type CaseEventType = CaseEventData['type'];

export interface CaseEvent {
  caseId: string;
  seq: number;
  at: string;
  actor: Actor;
  data: CaseEventData;
  idempotencyKey?: string;
  /** Base64 DER CMS over the canonical JSON of `signedPayload(event)`, where the law asks for EDS. */
  signature?: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The part of an event its hash covers: everything except the hash itself. */
export function eventHash(e: Omit<CaseEvent, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      caseId: e.caseId,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      data: e.data,
      idempotencyKey: e.idempotencyKey ?? null,
      signature: e.signature ?? null,
      prevHash: e.prevHash,
    }),
  );
}

/** Checks the per-case hash chain; returns the first broken seq, or null when the log is intact. */
export function verifyChain(events: CaseEvent[]): number | null {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev || eventHash(e) !== e.hash) return e.seq;
    prev = e.hash;
  }
  return null;
}

/**
 * Status marks as the regulations name them for the personal cabinet: delivered, registered,
 * in execution, and the answer (a result) or a refusal.
 */
export type StatusMark = 'delivered' | 'registered' | 'in_execution' | 'paused' | 'result' | 'refused';

export interface StepRecord {
  stepId: string;
  role: string;
  startedAt: string;
  completedAt?: string;
  outcomeId?: string;
  actorId?: string;
}

export interface PauseRecord {
  pauseId: string;
  from: string;
  to?: string;
  /** The applicant did not answer within their term. */
  expired?: boolean;
  request: string;
  applicantDue: string;
}

export interface CaseState {
  caseId: string;
  serviceId: string;
  version: string;
  subcase: string;
  channel: Channel;
  providerId: string;
  applicant: Applicant;
  applicantUserId: string;
  fields: Record<string, unknown>;
  documents: AttachedDocument[];
  submittedAt: string;
  mark: StatusMark;
  /** Null once the case has ended. */
  currentStep: string | null;
  /** Staff assigned to roles by an `assigns` outcome (role -> user id). */
  assignees: Record<string, string>;
  decision?: 'approve' | 'refuse';
  grounds?: string[];
  steps: StepRecord[];
  pauses: PauseRecord[];
  result?: { number: string; decision: 'approve' | 'refuse'; documentSha256: string; issuedAt: string };
  lastSeq: number;
  lastHash: string;
}

export class CaseRuleError extends Error {
  constructor(
    readonly code: 'wrong_step' | 'wrong_role' | 'not_assignee' | 'unknown_outcome' | 'grounds_required' | 'ground_not_allowed' | 'assignee_required' | 'case_closed' | 'paused' | 'not_paused' | 'pause_not_allowed',
    message: string,
  ) {
    super(message);
  }
}

/** Folds one event into the state. The first event must be `submitted`. */
export function apply(state: CaseState | null, e: CaseEvent, sc: SubCase): CaseState {
  const d = e.data;
  if (d.type === 'submitted') {
    if (state) throw new Error(`case ${e.caseId}: submitted twice`);
    return {
      caseId: e.caseId,
      serviceId: d.serviceId,
      version: d.version,
      subcase: d.subcase,
      channel: d.channel,
      providerId: d.providerId,
      applicant: d.applicant,
      applicantUserId: d.applicantUserId,
      fields: d.fields,
      documents: d.documents,
      submittedAt: e.at,
      mark: 'delivered',
      currentStep: sc.firstStep,
      assignees: {},
      steps: [{ stepId: sc.firstStep, role: roleOf(sc, sc.firstStep), startedAt: e.at }],
      pauses: [],
      lastSeq: e.seq,
      lastHash: e.hash,
    };
  }
  if (!state) throw new Error(`case ${e.caseId}: first event must be submitted, got ${d.type}`);
  const s: CaseState = { ...state, steps: state.steps.slice(), pauses: state.pauses.slice(), assignees: { ...state.assignees }, lastSeq: e.seq, lastHash: e.hash };
  switch (d.type) {
    case 'step_completed': {
      const step = findStep(sc, d.stepId);
      const outcome = step?.outcomes.find((o) => o.id === d.outcomeId);
      if (!step || !outcome) throw new Error(`case ${e.caseId}: unknown step/outcome ${d.stepId}/${d.outcomeId}`);
      const open = s.steps[s.steps.length - 1];
      if (open && open.stepId === d.stepId && !open.completedAt) {
        s.steps[s.steps.length - 1] = { ...open, completedAt: e.at, outcomeId: d.outcomeId, actorId: e.actor.userId };
      }
      if (d.assignee && outcome.assigns) s.assignees[outcome.assigns] = d.assignee;
      if (d.decision) {
        s.decision = d.decision;
        s.grounds = d.grounds;
      }
      if (outcome.mark) s.mark = outcome.mark;
      const next = resolveNext(outcome, { channel: s.channel, applicantKind: s.applicant.kind, fields: s.fields });
      if (next === 'end' || next === undefined) {
        s.currentStep = null;
      } else {
        s.currentStep = next;
        s.steps.push({ stepId: next, role: roleOf(sc, next), startedAt: e.at });
      }
      return s;
    }
    case 'paused':
      s.pauses.push({ pauseId: d.pauseId, from: e.at, request: d.request, applicantDue: d.applicantDue });
      s.mark = 'paused';
      return s;
    case 'resumed': {
      const i = s.pauses.length - 1;
      const p = s.pauses[i];
      if (p && !p.to) s.pauses[i] = { ...p, to: e.at };
      s.documents = [...s.documents, ...d.documents];
      s.mark = 'in_execution';
      return s;
    }
    case 'pause_expired': {
      const i = s.pauses.length - 1;
      const p = s.pauses[i];
      if (p && !p.to) s.pauses[i] = { ...p, to: d.endedAt, expired: true };
      s.mark = 'in_execution';
      return s;
    }
    case 'result_issued':
      s.result = { number: d.number, decision: d.decision, documentSha256: d.documentSha256, issuedAt: e.at };
      s.mark = d.decision === 'approve' ? 'result' : 'refused';
      s.currentStep = null;
      return s;
  }
}

export function fold(events: CaseEvent[], sc: SubCase): CaseState {
  let s: CaseState | null = null;
  for (const e of events) s = apply(s, e, sc);
  if (!s) throw new Error('empty event log');
  return s;
}

function roleOf(sc: SubCase, stepId: string): string {
  const st = findStep(sc, stepId);
  if (!st) throw new Error(`unknown step ${stepId}`);
  return st.role;
}

export function isPaused(s: CaseState): boolean {
  const p = s.pauses[s.pauses.length - 1];
  return !!p && !p.to;
}

export interface AvailableAction {
  kind: 'outcome' | 'pause' | 'resume';
  stepId: string;
  outcomeId?: string;
  pauseId?: string;
  label: Outcome['label'];
  decision?: 'approve' | 'refuse';
  grounds?: string[];
  assigns?: string;
  signed: boolean;
}

/**
 * What a user holding `roles` may do on the case now. A step assigned to a named person (the
 * executor) is offered only to that person; unassigned steps to anyone holding the role at the
 * case's provider (checked by the caller).
 */
export function availableActions(svc: ServiceDefinition, sc: SubCase, s: CaseState, user: { userId: string; roles: string[] }): AvailableAction[] {
  if (!s.currentStep) return [];
  const step = findStep(sc, s.currentStep);
  if (!step || step.automatic) return [];
  const out: AvailableAction[] = [];
  if (isPaused(s)) {
    if (user.userId === s.applicantUserId) {
      const p = s.pauses[s.pauses.length - 1]!;
      const def = sc.pauses.find((x) => x.id === p.pauseId);
      if (def) out.push({ kind: 'resume', stepId: step.id, pauseId: def.id, label: def.name, signed: true });
    }
    return out;
  }
  if (!mayActOnStep(svc, step, s, user)) return out;
  for (const o of step.outcomes) {
    out.push({ kind: 'outcome', stepId: step.id, outcomeId: o.id, label: o.label, decision: o.decision, grounds: o.grounds, assigns: o.assigns, signed: o.signed });
  }
  for (const p of sc.pauses) {
    if (p.atSteps.includes(step.id) && user.roles.includes(p.role)) out.push({ kind: 'pause', stepId: step.id, pauseId: p.id, label: p.name, signed: true });
  }
  return out;
}

/** True when the step's role is the applicant's own (signing a contract, presenting an object). */
export function isApplicantStep(svc: ServiceDefinition, step: Step): boolean {
  return svc.roles.find((r) => r.id === step.role)?.kind === 'applicant';
}

function mayActOnStep(svc: ServiceDefinition, step: Step, s: CaseState, user: { userId: string; roles: string[] }): boolean {
  if (isApplicantStep(svc, step)) return user.userId === s.applicantUserId;
  if (!user.roles.includes(step.role)) return false;
  const assignee = s.assignees[step.role];
  return !assignee || assignee === user.userId;
}

export interface OutcomeInput {
  stepId: string;
  outcomeId: string;
  assignee?: string;
  grounds?: string[];
  comment?: string;
}

/**
 * Checks a staff decision against the regulation and the case, and returns the event data to
 * append. Throws CaseRuleError naming the rule that failed.
 */
export function decideOutcome(svc: ServiceDefinition, sc: SubCase, s: CaseState, user: { userId: string; roles: string[] }, input: OutcomeInput): Extract<CaseEventData, { type: 'step_completed' }> {
  if (!s.currentStep) throw new CaseRuleError('case_closed', `case ${s.caseId} has ended; no step is open`);
  if (input.stepId !== s.currentStep) throw new CaseRuleError('wrong_step', `case ${s.caseId} is at step "${s.currentStep}", not "${input.stepId}"`);
  if (isPaused(s)) throw new CaseRuleError('paused', `case ${s.caseId} is paused waiting for the applicant`);
  const step = findStep(sc, input.stepId)!;
  if (isApplicantStep(svc, step)) {
    if (user.userId !== s.applicantUserId) throw new CaseRuleError('wrong_role', `step "${step.id}" is taken by the applicant of this case`);
  } else if (!user.roles.includes(step.role)) {
    throw new CaseRuleError('wrong_role', `step "${step.id}" is taken by role "${step.role}"; you hold ${user.roles.join(', ') || 'no staff role'}`);
  }
  const assignee = s.assignees[step.role];
  if (assignee && assignee !== user.userId) throw new CaseRuleError('not_assignee', `step "${step.id}" is assigned to another ${step.role}`);
  const outcome = step.outcomes.find((o) => o.id === input.outcomeId);
  if (!outcome) throw new CaseRuleError('unknown_outcome', `step "${step.id}" has no outcome "${input.outcomeId}"; allowed: ${step.outcomes.map((o) => o.id).join(', ')}`);
  let grounds: string[] | undefined;
  if (outcome.decision === 'refuse') {
    if (!input.grounds || input.grounds.length === 0) throw new CaseRuleError('grounds_required', 'a refusal must cite at least one ground that the regulation lists');
    const allowed = new Set(outcome.grounds ?? []);
    const known = new Set(svc.refusalGrounds.map((g) => g.id));
    for (const g of input.grounds) {
      if (!allowed.has(g)) {
        throw new CaseRuleError('ground_not_allowed', known.has(g) ? `ground "${g}" cannot be cited at step "${step.id}"` : `"${g}" is not a refusal ground of this regulation; the standard allows only: ${[...allowed].join(', ')}`);
      }
    }
    grounds = [...new Set(input.grounds)];
  } else if (input.grounds && input.grounds.length > 0) {
    throw new CaseRuleError('ground_not_allowed', `outcome "${outcome.id}" is not a refusal and takes no grounds`);
  }
  if (outcome.assigns && !input.assignee) throw new CaseRuleError('assignee_required', `outcome "${outcome.id}" must name the ${outcome.assigns} who takes the next step`);
  return {
    type: 'step_completed',
    stepId: step.id,
    outcomeId: outcome.id,
    ...(outcome.assigns && input.assignee ? { assignee: input.assignee } : {}),
    ...(outcome.decision ? { decision: outcome.decision } : {}),
    ...(grounds ? { grounds } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
  };
}
