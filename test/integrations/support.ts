// Helpers of the integration tests: a portal submission that may reference a gateway payment
// instead of attaching a receipt, a generic approval path through any sub-case (optionally with a
// request to the applicant), and small counters.
import { getCase, submitApplication, takeAction, type CaseView } from '../../src/app/cases.ts';
import { signPayload } from '../../src/app/session.ts';
import { newId } from '../../src/app/ids.ts';
import { applicationPayload, decisionPayload } from '../../src/core/application.ts';
import { sha256Hex } from '../../src/core/canonical.ts';
import { channelsOf, findStep, findSubcase, resolveNext, type ApplicantKind, type Channel, type ServiceDefinition, type SubCase } from '../../src/core/regulation.ts';
import { sampleDocuments, sampleFields } from '../../src/core/sample.ts';
import type { DemoUser } from '../../src/app/bootstrap.ts';
import type { Tables } from '../../src/store/tables.ts';
import type { TestApp } from '../support/app.ts';
import { staffFor, type PathStep } from '../support/run-case.ts';

export async function count(t: TestApp, table: keyof Tables): Promise<number> {
  const r = await t.app.store.db.selectFrom(table as 'cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function counts(t: TestApp, tables: Array<keyof Tables>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of tables) out[k] = await count(t, k);
  return out;
}

/**
 * A portal submission of `applicant` built from the regulation's sample; `withoutReceipt` drops
 * the file that answers the fee document (the one whose alternatives list payment_gateway), and
 * `payment` references a gateway payment instead.
 */
export async function submitPortal(t: TestApp, o: { serviceId: string; subcase: string; applicant: DemoUser; payment?: unknown; withoutReceipt?: boolean; fields?: Record<string, unknown>; key?: string }) {
  const svc = t.app.catalog.inForce(o.serviceId, t.clock.now)!;
  const sc = findSubcase(svc, o.subcase)!;
  const ctx = { channel: 'portal' as const, applicantKind: (o.applicant.bin ? 'legal_entity' : 'individual') as ApplicantKind };
  const fields = { ...sampleFields(sc, ctx, { iin: o.applicant.iin, ...(o.applicant.bin ? { bin: o.applicant.bin } : {}), today: t.clock.now.toISOString().slice(0, 10) }), ...(o.fields ?? {}) };
  const gatewayAlternatives = new Set(sc.documents.filter((d) => d.satisfiedBy?.includes('payment_gateway')).flatMap((d) => [d.id, ...(d.satisfiedBy ?? [])]));
  let documents = sampleDocuments(sc, { ...ctx, fields });
  if (o.withoutReceipt) documents = documents.filter((d) => !gatewayAlternatives.has(d.requirement));
  const payloadDocs = documents.map((d) => {
    const b = Buffer.from(d.contentBase64, 'base64');
    return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) };
  });
  const me = await t.login(o.applicant);
  const payload = applicationPayload({ serviceId: svc.id, subcase: sc.id, channel: 'portal', applicant: { iin: o.applicant.iin, ...(o.applicant.bin ? { bin: o.applicant.bin } : {}) }, fields, documents: payloadDocs });
  return submitApplication(t.app, me, { serviceId: svc.id, subcase: sc.id, fields, documents, signature: await signPayload(o.applicant.sign, payload), ...(o.payment !== undefined ? { payment: o.payment } : {}) }, o.key ?? newId());
}

/** Who applies for a service: the company head when legal entities may apply, else the individual. */
export function applicantFor(t: TestApp, svc: ServiceDefinition): DemoUser {
  return svc.applicantKinds.includes('legal_entity') ? t.users.company_head : t.users.applicant;
}

/**
 * A path to an approval through any sub-case: at each human step the outcome that approves (or
 * at least does not refuse), assigning whom it asks for; automatic steps are taken by the engine.
 * With `pause`, the first pause the regulation allows is opened (and answered) at its step.
 */
export function approvalPath(sc: SubCase, ctx: { channel: Channel; applicantKind: ApplicantKind; fields?: Record<string, unknown> }, opts: { pause?: boolean } = {}): PathStep[] | null {
  const path: PathStep[] = [];
  const visited = new Set<string>();
  let paused = !opts.pause;
  let at: string | undefined = sc.firstStep;
  for (let i = 0; i < 40 && at && at !== 'end'; i++) {
    const step = findStep(sc, at);
    if (!step) return null;
    visited.add(step.id);
    if (!paused) {
      const p = sc.pauses.find((x) => x.atSteps.includes(step.id));
      if (p) {
        path.push({ pause: p.id, request: 'Please provide the samples and the missing documents' }, { answer: 'Documents provided' });
        paused = true;
      }
    }
    const options = step.outcomes.filter((o) => o.decision !== 'refuse');
    const next = (o: (typeof options)[number]) => resolveNext(o, ctx);
    const ranked = [...options].sort((a, b) => (b.decision === 'approve' ? 1 : 0) - (a.decision === 'approve' ? 1 : 0));
    const o = ranked.find((x) => {
      const n = next(x);
      return n !== undefined && (n === 'end' || !visited.has(n));
    });
    if (!o) return null;
    if (!step.automatic) path.push({ step: step.id, outcome: o.id, ...(o.assigns ? { assign: o.assigns } : {}) });
    at = next(o);
  }
  if (at !== 'end' && at !== undefined) return null;
  if (opts.pause && !paused) return null;
  return path;
}

/** The first channel of a sub-case that the test driver can use with `applicant`. */
export function channelFor(svc: ServiceDefinition, sc: SubCase): Channel {
  return channelsOf(svc, sc)[0]!;
}

/** Takes the staff steps of `path` on an existing case (as runCase does after submitting). */
export async function drive(t: TestApp, caseId: string, path: PathStep[]): Promise<CaseView> {
  const row = await t.app.store.db.selectFrom('cases').select(['service_id', 'version', 'subcase', 'applicant_user_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const svc = t.app.catalog.version(row.service_id, row.version)!;
  const sc = findSubcase(svc, row.subcase)!;
  const applicant = Object.values(t.users).find((u) => u.userId === row.applicant_user_id);
  let last: CaseView | undefined;
  for (const p of path) {
    if (p.at) t.clock.set(p.at);
    if ('step' in p) {
      const step = findStep(sc, p.step)!;
      const actor = svc.roles.find((r) => r.id === step.role)?.kind === 'applicant' && applicant ? applicant : await staffFor(t, svc.provider.id, step.role);
      const me = await t.login(actor);
      const assignee = p.assign ? (await staffFor(t, svc.provider.id, p.assign)).userId : undefined;
      const extra = { ...(assignee ? { assignee } : {}), ...(p.grounds ? { grounds: p.grounds } : {}) };
      const signature = await signPayload(actor.sign, decisionPayload({ caseId, stepId: p.step, outcomeId: p.outcome, ...extra }));
      last = (await takeAction(t.app, me, caseId, { stepId: p.step, outcomeId: p.outcome, ...extra, signature }, newId())).body;
    } else throw new Error('drive takes staff steps only');
  }
  return last ?? getCase(t.app, await t.login(t.users.company_head), caseId);
}
