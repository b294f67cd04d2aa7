// Drives any service's case through the engine's application commands along a path the test
// names (step and outcome, pauses and answers), with staff created on demand for whatever
// provider and role the regulation uses. Catalog tests use it to run every sub-case and branch.
import { submitApplication, takeAction, openPause, answerPause, getCase, type CaseView } from '../../src/app/cases.ts';
import { issueFor, type DemoUser } from '../../src/app/bootstrap.ts';
import { ensureCa } from '../../src/app/bootstrap.ts';
import { signPayload } from '../../src/app/session.ts';
import { applicationPayload, decisionPayload, pausePayload } from '../../src/core/application.ts';
import { sha256Hex } from '../../src/core/canonical.ts';
import { channelsOf, findSubcase, type Channel } from '../../src/core/regulation.ts';
import { sampleDocuments, sampleFields } from '../../src/core/sample.ts';
import { DEMO_ENTITIES } from '../../src/gov/population.ts';
import { newId } from '../../src/app/ids.ts';
import type { TestApp } from './app.ts';

export type PathStep =
  | { step: string; outcome: string; grounds?: string[]; /** role of the staff member to assign */ assign?: string; at?: string; /** who takes it (default: staffFor the step's role) */ actor?: DemoUser }
  | { pause: string; request?: string; at?: string }
  | { answer: string; at?: string };

export interface RunOptions {
  serviceId: string;
  subcase: string;
  channel?: Channel;
  /** Who applies: a demo user (default: the company head, a legal entity). */
  applicant?: DemoUser;
  /** Extra or overriding form fields (merged over the generated sample). */
  fields?: Record<string, unknown>;
  /** When the application arrives (Almaty ISO); each path step may set its own `at`. */
  at?: string;
  path: PathStep[];
}

const staffCache = new WeakMap<TestApp, Map<string, DemoUser>>();

/** A staff member of `providerId` holding `role`, with certificates from the instance's CA. */
export async function staffFor(t: TestApp, providerId: string, role: string): Promise<DemoUser> {
  let cache = staffCache.get(t);
  if (!cache) staffCache.set(t, (cache = new Map()));
  const k = `${providerId}/${role}`;
  const hit = cache.get(k);
  if (hit) return hit;
  const demo = Object.values(t.users).find((u) => u.roles.includes(role) && (u.providerId ?? 'knb') === providerId);
  if (demo) {
    cache.set(k, demo);
    return demo;
  }
  // Employ a person from the state database (a different one for every provider and role) at the provider.
  const person = await t.app.store.db
    .selectFrom('gov_individuals' as never)
    .select(['iin', 'surname_ru', 'given_name_ru'] as never[])
    .where('deceased' as never, '=', 0 as never)
    .orderBy('iin' as never)
    .offset(50 + cache.size)
    .limit(1)
    .executeTakeFirstOrThrow() as unknown as { iin: string; surname_ru: string; given_name_ru: string };
  const provider = DEMO_ENTITIES.find((e) => e.role === 'provider')!;
  const { root, issuing } = await ensureCa(t.app);
  const id = newId();
  const bin = provider.bin;
  await t.app.store.db
    .insertInto('users')
    .values({ id, kind: 'staff', iin: person.iin, bin, display_name: `${person.surname_ru} ${person.given_name_ru}`, roles: JSON.stringify([role]), provider_id: providerId, email: null, lang: 'ru', created_at: t.app.now().toISOString() })
    .execute();
  const subject = { kind: 'legal_entity' as const, iin: person.iin, surname: person.surname_ru, givenName: person.given_name_ru, bin, organization: provider.name.ru, roles: ['employee' as const] };
  const auth = await issueFor(t.app, issuing, root, subject, 'auth', id);
  const sign = await issueFor(t.app, issuing, root, subject, 'sign', id);
  const u: DemoUser = { role: 'provider_executor', userId: id, iin: person.iin, bin, displayName: person.surname_ru, roles: [role], auth, sign };
  cache.set(k, u);
  return u;
}

export async function runCase(t: TestApp, o: RunOptions): Promise<CaseView> {
  if (o.at) t.clock.set(o.at);
  const svc = t.app.catalog.inForce(o.serviceId, t.clock.now);
  if (!svc) throw new Error(`no version of ${o.serviceId} in force at ${t.clock.now.toISOString()}`);
  const sc = findSubcase(svc, o.subcase);
  if (!sc) throw new Error(`${o.serviceId} has no sub-case ${o.subcase}`);
  const channel = o.channel ?? channelsOf(svc, sc)[0]!;
  const applicant = o.applicant ?? t.users.company_head;
  const applicantKind = applicant.bin ? 'legal_entity' : 'individual';
  const ctx = { channel, applicantKind: applicantKind as 'legal_entity' | 'individual' };
  const fields = { ...sampleFields(sc, ctx, { iin: applicant.iin, ...(applicant.bin ? { bin: applicant.bin } : {}), today: t.clock.now.toISOString().slice(0, 10) }), ...(o.fields ?? {}) };
  const documents = sampleDocuments(sc, { ...ctx, fields });
  const payloadDocs = documents.map((d) => {
    const b = Buffer.from(d.contentBase64, 'base64');
    return { requirement: d.requirement, name: d.name, mime: d.mime, size: b.length, sha256: sha256Hex(b) };
  });
  const firstRole = sc.steps.find((s) => s.id === sc.firstStep)!.role;
  let caseId: string;
  if (channel === 'portal') {
    const me = await t.login(applicant);
    const payload = applicationPayload({ serviceId: svc.id, subcase: sc.id, channel, applicant: { iin: applicant.iin, ...(applicant.bin ? { bin: applicant.bin } : {}) }, fields, documents: payloadDocs });
    caseId = (await submitApplication(t.app, me, { serviceId: svc.id, subcase: sc.id, fields, documents, signature: await signPayload(applicant.sign, payload) }, newId())).body.id;
  } else {
    const officer = await staffFor(t, svc.provider.id, firstRole);
    const me = await t.login(officer);
    const app = { iin: applicant.iin, ...(applicant.bin ? { bin: applicant.bin } : {}) };
    const payload = applicationPayload({ serviceId: svc.id, subcase: sc.id, channel, applicant: app, fields, documents: payloadDocs });
    caseId = (await submitApplication(t.app, me, { serviceId: svc.id, subcase: sc.id, channel, applicant: app, fields, documents, signature: await signPayload(officer.sign, payload) }, newId())).body.id;
  }

  for (const p of o.path) {
    if (p.at) t.clock.set(p.at);
    if ('step' in p) {
      const step = sc.steps.find((s) => s.id === p.step);
      if (!step) throw new Error(`no step ${p.step}`);
      const byApplicant = svc.roles.find((r) => r.id === step.role)?.kind === 'applicant';
      const actor = p.actor ?? (byApplicant ? applicant : await staffFor(t, svc.provider.id, step.role));
      const me = await t.login(actor);
      const assignee = p.assign ? (await staffFor(t, svc.provider.id, p.assign)).userId : undefined;
      const extra = { ...(assignee ? { assignee } : {}), ...(p.grounds ? { grounds: p.grounds } : {}) };
      const signature = await signPayload(actor.sign, decisionPayload({ caseId, stepId: p.step, outcomeId: p.outcome, ...extra }));
      await takeAction(t.app, me, caseId, { stepId: p.step, outcomeId: p.outcome, ...extra, signature }, newId());
    } else if ('pause' in p) {
      const def = sc.pauses.find((x) => x.id === p.pause);
      if (!def) throw new Error(`no pause ${p.pause}`);
      const actor = await staffFor(t, svc.provider.id, def.role);
      const me = await t.login(actor);
      const request = p.request ?? `Please provide: ${def.name.en}`;
      const signature = await signPayload(actor.sign, pausePayload({ caseId, pauseId: def.id, request }));
      await openPause(t.app, me, caseId, { pauseId: def.id, request, signature }, newId());
    } else {
      const me = await t.login(applicant);
      const response = p.answer;
      const signature = await signPayload(applicant.sign, pausePayload({ caseId, pauseId: (await getCase(t.app, me, caseId)).pauses.at(-1)!.pauseId, response, documents: [] }));
      await answerPause(t.app, me, caseId, { response, signature }, newId());
    }
  }
  const viewer = await t.login(applicant);
  return getCase(t.app, viewer, caseId);
}
