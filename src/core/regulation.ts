// The regulation model: a state service as data. A service module under src/services/ exports a
// definition that this schema validates at load time, so a typo in a regulation fails at start-up
// and in tests, never in front of an applicant. The engine reads only this shape; it has no
// knowledge of any particular service.
import { z } from 'zod';

export const Text = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

export const Channel = z.enum(['portal', 'provider_office', 'psc', 'mail']);
export type Channel = z.infer<typeof Channel>;

export const ApplicantKind = z.enum(['individual', 'entrepreneur', 'legal_entity']);
export type ApplicantKind = z.infer<typeof ApplicantKind>;

/** Where a fact comes from: the seed file and its line, so every figure can be checked. */
export const SourceRef = z.object({
  seed: z.string(),
  lines: z.string().optional(),
  paragraph: z.string().optional(),
  note: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const LegalSource = z.object({
  act: Text,
  number: z.string(),
  date: z.iso.date(),
  registered: z.string().optional(),
  effectiveFrom: z.iso.date().optional(),
  effectiveTo: z.iso.date().optional(),
  repealedBy: z.string().optional(),
  ref: SourceRef.optional(),
});
export type LegalSource = z.infer<typeof LegalSource>;

/**
 * Units the seeds use. `same_day` means "on the day of the triggering event" (в день поступления,
 * в день подписания); `working_hours` and `minutes` count inside the provider's working hours.
 */
export const DurationUnit = z.enum(['working_days', 'calendar_days', 'working_hours', 'minutes', 'same_day']);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const Duration = z
  .object({ amount: z.number().int().nonnegative(), unit: DurationUnit, ref: SourceRef.optional() })
  .refine((d) => d.unit === 'same_day' || d.amount > 0, { message: 'a duration other than same_day needs a positive amount' });
export type Duration = z.infer<typeof Duration>;

/**
 * What a term is counted from. `received` is the legal moment of receipt of the application
 * (normalised to working hours), `step_start` the moment the step became active, `event:<step>`
 * the completion of another step (e.g. a refusal "within 2 working days from registration").
 */
export const TermAnchor = z.union([z.literal('received'), z.literal('step_start'), z.string().regex(/^completed:[a-z0-9_]+$/)]);
export type TermAnchor = z.infer<typeof TermAnchor>;

export const Term = z.object({ duration: Duration, from: TermAnchor.default('step_start') });
export type Term = z.infer<typeof Term>;

export const WeekdayHours = z.object({
  /** ISO weekdays 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1),
  open: z.string().regex(/^\d\d:\d\d$/),
  close: z.string().regex(/^\d\d:\d\d$/),
  break: z.object({ from: z.string().regex(/^\d\d:\d\d$/), to: z.string().regex(/^\d\d:\d\d$/) }).optional(),
});
export type WeekdayHours = z.infer<typeof WeekdayHours>;

export const Office = z.object({
  id: z.string(),
  name: Text,
  address: Text,
  phone: z.string().optional(),
  reception: WeekdayHours.optional(),
});
export type Office = z.infer<typeof Office>;

export const Provider = z.object({
  id: z.string(),
  name: Text,
  /** Working hours of the provider's staff: the frame for working-hour terms and for when a portal submission counts as received. */
  workingHours: WeekdayHours,
  offices: z.array(Office).default([]),
});
export type Provider = z.infer<typeof Provider>;

export const Role = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: Text,
  /** `system` roles are information systems that act automatically (the portal delivering a result). */
  kind: z.enum(['staff', 'applicant', 'system', 'psc_operator']).default('staff'),
});
export type Role = z.infer<typeof Role>;

const Condition = z.object({
  channels: z.array(Channel).optional(),
  applicantKinds: z.array(ApplicantKind).optional(),
  /** Applies when each named form field holds one of the listed values (e.g. activity = development). */
  fields: z.record(z.string(), z.array(z.string()).min(1)).optional(),
});
export type Condition = z.infer<typeof Condition>;

export const FieldType = z.enum(['text', 'textarea', 'number', 'date', 'iin', 'bin', 'email', 'phone', 'select', 'boolean', 'reference']);
export const Field = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
  label: Text,
  type: FieldType,
  required: z.boolean().default(true),
  options: z.array(z.object({ value: z.string(), label: Text })).optional(),
  maxLength: z.number().int().positive().optional(),
  when: Condition.optional(),
  /** The portal fills this field from the state databases (the applicant may not have to type it). */
  prefill: z.enum(['iin', 'bin', 'fullName', 'surname', 'givenName', 'patronymic', 'birthDate', 'address', 'email', 'phone', 'legalEntityName', 'legalAddress', 'headIin', 'headFullName', 'registeredOn']).optional(),
  ref: SourceRef.optional(),
});
export type Field = z.infer<typeof Field>;
export type PrefillSource = NonNullable<Field['prefill']>;

export const DocumentRequirement = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: Text,
  required: z.boolean().default(true),
  /** Documents the provider obtains itself from state systems are listed but never asked from the applicant. */
  obtainedByProvider: z.boolean().default(false),
  /** Alternatives: this requirement is satisfied by any one of these (e.g. gateway payment OR a receipt scan). */
  satisfiedBy: z.array(z.string()).optional(),
  /** File types this document is accepted in, where they differ from the platform's (PDF, images, XML, ZIP): a spreadsheet. */
  mime: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1).optional(),
  when: Condition.optional(),
  ref: SourceRef.optional(),
});
export type DocumentRequirement = z.infer<typeof DocumentRequirement>;

export const Fee = z.object({
  kind: z.enum(['free', 'licence_fee', 'state_duty', 'fixed']),
  /** Amount in monthly calculation indices (MCI); the tenge value per year is configuration. */
  mci: z.number().nonnegative().optional(),
  budgetCode: z.string().optional(),
  paymentPurposeCode: z.string().optional(),
  ref: SourceRef.optional(),
});
export type Fee = z.infer<typeof Fee>;

export const RefusalGround = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  text: Text,
  ref: SourceRef.optional(),
});
export type RefusalGround = z.infer<typeof RefusalGround>;

/**
 * An outcome of a step: what the actor decided and where the case goes next. `decision` marks
 * the branch the result will carry (approval or motivated refusal); `term` overrides the step's
 * term when this outcome is chosen (the incomplete-documents refusal has its own, shorter term).
 */
export const Outcome = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: Text,
  next: z.union([
    z.string(),
    z.array(z.object({ when: Condition, step: z.string() })).min(1),
  ]),
  decision: z.enum(['approve', 'refuse']).optional(),
  /** Refusal grounds that may be cited with this outcome; a refusal must cite at least one. */
  grounds: z.array(z.string()).optional(),
  term: Term.optional(),
  /** The actor must name a staff member who takes the next step (assigning an executor). */
  assigns: z.string().optional(),
  /** The decision must carry the actor's CMS signature (decisions the law asks to be signed with EDS). */
  signed: z.boolean().default(true),
  /** The status mark the personal cabinet shows once this outcome is taken (the regulations' own words). */
  mark: z.enum(['registered', 'in_execution']).optional(),
  /**
   * Taking this outcome extends the sub-case's overall term by these terms, added in order (a
   * re-check after non-conformities brings terms of its own, sometimes in mixed units).
   */
  extendsTerm: z.array(Duration).min(1).optional(),
  /**
   * The platform carries out this act of the regulation when the outcome is taken, inside the
   * command's transaction; refused (the command rolls back, nothing written) when it cannot:
   * - `issue_certificates`: the CA issues the applicant's certificates from the requests in the
   *   application; `revoke_certificates`: it revokes the certificate the application names;
   * - `issue_operator_certificates`: the CA issues an NCA operator's certificates from the
   *   operator's requests in the application, only on an appointment on record for the operator
   *   at the applicant (the employer);
   * - `record_operator_dismissal`: records the operator's dismissal (or transfer) the application
   *   gives, if it gives one, so that the rules revoke on time (dismissal date − 2) whenever the
   *   revocation step is taken; nothing for an application that gives none;
   * - `revoke_operator_certificates`: records the operator's dismissal (or transfer) the
   *   application gives (or finds it recorded) and revokes the operator's certificates;
   * - `suspend_operator_certificates`: records the operator's absence the application gives and
   *   puts the operator's certificates on hold (lifted when the absence ends).
   */
  performs: z.enum(['issue_certificates', 'revoke_certificates', 'issue_operator_certificates', 'record_operator_dismissal', 'revoke_operator_certificates', 'suspend_operator_certificates']).optional(),
});
export type Outcome = z.infer<typeof Outcome>;

/**
 * What an information system checks at an automatic step whose answer decides the branch: the
 * engine asks the checker registered for `capability` (src/app/checks.ts) and takes `pass` or
 * `refuse` (a refusal outcome, citing its grounds), recorded as the system's event.
 * - `state_database_identity`: the state databases hold the data a certificate subject needs
 *   (the applicant's living record; for a company, the active legal entity);
 * - `operator_signature`: the decision that brought the case here was signed with an NCA
 *   operator certificate of an operator whose appointment is in force;
 * - `operator_certified_request`: the same as `operator_signature`, and the PKCS#10 requests the
 *   certificates are to be issued from verify (signature, key type), name the applicant and are
 *   there for every purpose (auth and sign);
 * - `applicant_request`: the certificate the applicant's own signed request names is the
 *   applicant's and in force.
 */
export const AutomaticCheck = z.object({
  capability: z.enum(['state_database_identity', 'operator_signature', 'operator_certified_request', 'applicant_request']),
  pass: z.string(),
  refuse: z.string(),
});
export type AutomaticCheck = z.infer<typeof AutomaticCheck>;

export const Step = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  role: z.string(),
  action: Text,
  term: Term,
  outcomes: z.array(Outcome).min(1),
  /** Steps done by an information system run immediately when the case reaches them. */
  automatic: z.boolean().default(false),
  /** An automatic step that decides between two outcomes by a check (see AutomaticCheck). */
  check: AutomaticCheck.optional(),
  /**
   * False where the law does not count the time this step takes against the overall term: the
   * applicant's own steps (signing contracts, eliminating non-conformities) stop the overall clock
   * like a pause, while the step keeps its own term.
   */
  counted: z.boolean().default(true),
  /** A terminal step issues the result (`end`) when completed. */
  ref: SourceRef.optional(),
});
export type Step = z.infer<typeof Step>;

/** A period the law does not count: the clock stops while the applicant owes something. */
export const Pause = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: Text,
  /** Steps during which staff may open this pause. */
  atSteps: z.array(z.string()).min(1),
  role: z.string(),
  /** How long the applicant has to answer. */
  applicantTerm: Duration,
  /** What happens when the applicant does not answer in time: the case is refused on this ground. */
  onExpiry: z.object({ refuseWith: z.string() }).optional(),
  ref: SourceRef.optional(),
});
export type Pause = z.infer<typeof Pause>;

export const SubCase = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: Text,
  /** The standard's overall term, counted from receipt. */
  term: Term,
  fields: z.array(Field).default([]),
  documents: z.array(DocumentRequirement).default([]),
  fee: Fee,
  /** Channels of this sub-case where they differ from the service's (e.g. a paper-only duplicate). */
  channels: z.array(Channel).optional(),
  firstStep: z.string(),
  steps: z.array(Step).min(1),
  pauses: z.array(Pause).default([]),
  /** Sub-cases that supersede an earlier result (re-issue, duplicate) name the kind of result they act on. */
  actsOnPrevious: z.boolean().default(false),
});
export type SubCase = z.infer<typeof SubCase>;

export const ResultSpec = z.object({
  document: Text,
  refusal: Text,
  registry: z.string(),
  numberPrefix: z.string().regex(/^[A-Z0-9-]+$/),
});
export type ResultSpec = z.infer<typeof ResultSpec>;

/** A documented choice where the source is ambiguous or contradicts itself. */
export const Interpretation = z.object({
  topic: z.string(),
  readings: z.array(z.string()).min(1),
  chosen: z.string(),
  configurable: z.string().optional(),
  refs: z.array(SourceRef).default([]),
});
export type Interpretation = z.infer<typeof Interpretation>;

export const ServiceDefinition = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}(\.\d+)?$/),
    name: Text,
    shortName: Text,
    status: z.enum(['active', 'repealed']),
    /** In force from `from` (inclusive) until `to` (exclusive: the first day it no longer applies). */
    effective: z.object({ from: z.iso.date(), to: z.iso.date().optional() }),
    sources: z.array(LegalSource).min(1),
    provider: Provider,
    channels: z.array(Channel).min(1),
    applicantKinds: z.array(ApplicantKind).min(1),
    roles: z.array(Role).min(1),
    refusalGrounds: z.array(RefusalGround),
    /** True where the standard forbids refusing on any ground outside the list. */
    exhaustiveGrounds: z.boolean().default(true),
    /** Empty only for a repealed entry kept for its legal history (no runnable version). */
    subcases: z.array(SubCase),
    result: ResultSpec.optional(),
    interpretations: z.array(Interpretation).default([]),
  })
  .superRefine((svc, ctx) => {
    if (svc.status === 'active' && svc.subcases.length === 0) ctx.addIssue({ code: 'custom', path: ['subcases'], message: 'an active service needs at least one sub-case' });
    if (svc.status === 'active' && !svc.result) ctx.addIssue({ code: 'custom', path: ['result'], message: 'an active service must say what result it issues' });
    const roles = new Set(svc.roles.map((r) => r.id));
    const grounds = new Set(svc.refusalGrounds.map((g) => g.id));
    for (const [si, sc] of svc.subcases.entries()) {
      const steps = new Set(sc.steps.map((s) => s.id));
      const at = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path: ['subcases', si, ...path], message });
      if (steps.size !== sc.steps.length) at(['steps'], 'step ids must be unique');
      if (!steps.has(sc.firstStep)) at(['firstStep'], `unknown step "${sc.firstStep}"`);
      for (const [i, st] of sc.steps.entries()) {
        if (!roles.has(st.role)) at(['steps', i, 'role'], `unknown role "${st.role}"`);
        const anchors = [st.term.from, ...st.outcomes.map((o) => o.term?.from)];
        for (const a of anchors) {
          if (a?.startsWith('completed:') && !steps.has(a.slice('completed:'.length))) at(['steps', i, 'term'], `term counted from unknown step "${a}"`);
        }
        for (const [oi, o] of st.outcomes.entries()) {
          const targets = typeof o.next === 'string' ? [o.next] : o.next.map((n) => n.step);
          for (const t of targets) if (t !== 'end' && !steps.has(t)) at(['steps', i, 'outcomes', oi, 'next'], `unknown next step "${t}"`);
          if (o.decision === 'refuse' && (!o.grounds || o.grounds.length === 0)) at(['steps', i, 'outcomes', oi, 'grounds'], 'a refusal outcome must list the grounds it may cite');
          for (const g of o.grounds ?? []) if (!grounds.has(g)) at(['steps', i, 'outcomes', oi, 'grounds'], `unknown refusal ground "${g}"`);
          if (o.assigns && !roles.has(o.assigns)) at(['steps', i, 'outcomes', oi, 'assigns'], `unknown role "${o.assigns}"`);
        }
        if (st.check) {
          const pass = st.outcomes.find((o) => o.id === st.check!.pass);
          const refuse = st.outcomes.find((o) => o.id === st.check!.refuse);
          if (!st.automatic) at(['steps', i, 'check'], 'a step with a check runs by itself: it must be automatic');
          if (!pass) at(['steps', i, 'check', 'pass'], `unknown outcome "${st.check.pass}"`);
          else if (pass.decision === 'refuse') at(['steps', i, 'check', 'pass'], `outcome "${pass.id}" is a refusal, not a pass`);
          if (!refuse) at(['steps', i, 'check', 'refuse'], `unknown outcome "${st.check.refuse}"`);
          else if (refuse.decision !== 'refuse') at(['steps', i, 'check', 'refuse'], `outcome "${refuse.id}" must be a refusal citing its grounds`);
          for (const [oi, o] of st.outcomes.entries()) if (o.signed) at(['steps', i, 'outcomes', oi, 'signed'], 'an information system\'s check signs nothing');
        } else if (st.automatic && st.outcomes.some((o) => o.decision === 'refuse')) {
          at(['steps', i, 'check'], 'an automatic step takes its first outcome: a refusal there needs a check that decides it');
        }
      }
      for (const [pi, p] of sc.pauses.entries()) {
        for (const s of p.atSteps) if (!steps.has(s)) at(['pauses', pi, 'atSteps'], `unknown step "${s}"`);
        if (!roles.has(p.role)) at(['pauses', pi, 'role'], `unknown role "${p.role}"`);
        if (p.onExpiry && !grounds.has(p.onExpiry.refuseWith)) at(['pauses', pi, 'onExpiry'], `unknown refusal ground "${p.onExpiry.refuseWith}"`);
      }
    }
  });
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;
export type ServiceDefinitionInput = z.input<typeof ServiceDefinition>;

/** Validates a service module's definition; throws with every problem listed and its path. */
export function defineService(input: ServiceDefinitionInput): ServiceDefinition {
  const parsed = ServiceDefinition.safeParse(input);
  if (!parsed.success) {
    const id = typeof input === 'object' && input && 'id' in input ? String(input.id) : '?';
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`service definition "${id}" is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function findSubcase(svc: ServiceDefinition, id: string): SubCase | undefined {
  return svc.subcases.find((s) => s.id === id);
}

export function findStep(sc: SubCase, id: string): Step | undefined {
  return sc.steps.find((s) => s.id === id);
}

export interface MatchContext {
  channel: Channel;
  applicantKind: ApplicantKind;
  /** The application's form fields, for conditions on their values. */
  fields?: Record<string, unknown>;
}

export function matches(cond: Condition | undefined, ctx: MatchContext): boolean {
  if (!cond) return true;
  if (cond.channels && !cond.channels.includes(ctx.channel)) return false;
  if (cond.applicantKinds && !cond.applicantKinds.includes(ctx.applicantKind)) return false;
  if (cond.fields) {
    for (const [field, values] of Object.entries(cond.fields)) {
      if (!values.includes(String(ctx.fields?.[field] ?? ''))) return false;
    }
  }
  return true;
}

/** The channels a sub-case is offered through. */
export function channelsOf(svc: ServiceDefinition, sc: SubCase): Channel[] {
  return sc.channels ?? svc.channels;
}

export function resolveNext(o: Outcome, ctx: MatchContext): string | undefined {
  if (typeof o.next === 'string') return o.next;
  return o.next.find((n) => matches(n.when, ctx))?.step;
}
