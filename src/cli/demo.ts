// `qyzmet demo`: the crypto-licence service played end to end through the same application
// commands the HTTP API calls — the applicant signs and submits, the chancellery registers, the
// head of licensing assigns, the executor drafts, the head signs, the portal delivers — on a
// simulated clock so the timeline shows real working-day deadlines. Exit 0 only when the case
// ended with a result and every signature in its log re-verifies.
import { parseArgs } from 'node:util';
import { openApp, defaultConfig } from '../app/context.ts';
import { bootstrapDemo, type DemoUser, type KeyMaterial } from '../app/bootstrap.ts';
import { createChallenge, signIn, type SessionUser } from '../app/auth.ts';
import { getCase, submitApplication, takeAction } from '../app/cases.ts';
import { auditCase } from '../app/audit.ts';
import { signPayload, signText } from '../app/session.ts';
import { applicationPayload, decisionPayload } from '../core/application.ts';
import { sha256Hex } from '../core/canonical.ts';
import { sampleDocuments, sampleFields } from '../core/sample.ts';
import { findSubcase } from '../core/regulation.ts';
import { formatAlmaty } from '../core/time.ts';

export const DEMO_SERVICE = 'crypto-licence';

export async function runDemo(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, subcase: { type: 'string' }, start: { type: 'string' } } });
  // A Monday morning in Almaty, so the working-day arithmetic is visible; --start overrides it.
  let clock = new Date(values.start ?? '2026-11-23T09:15:00+05:00');
  if (Number.isNaN(clock.getTime())) {
    process.stderr.write('qyzmet demo: --start must be an ISO date-time\n');
    return 2;
  }
  const advance = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  const app = await openApp({ ...defaultConfig(), databaseUrl: ':memory:', dataDir: null }, { now: () => clock });
  try {
    const users = (await bootstrapDemo(app, { population: { individuals: 200, legalEntities: 40 } }))!;
    const login = async (u: DemoUser): Promise<SessionUser> => {
      const ch = await createChallenge(app);
      return (await signIn(app, { challengeId: ch.challengeId, signature: await signText(u.auth, ch.nonce) })).user;
    };
    const applicant = users.company_head;
    const svc = app.catalog.inForce(DEMO_SERVICE, clock)!;
    const subcase = values.subcase ?? 'issue';
    const sc = findSubcase(svc, subcase);
    if (!sc) {
      process.stderr.write(`qyzmet demo: no sub-case ${subcase}\n`);
      return 2;
    }
    const me = await login(applicant);
    const ctx = { channel: 'portal' as const, applicantKind: 'legal_entity' as const };
    const fields = sampleFields(sc, ctx, { iin: applicant.iin, bin: applicant.bin ?? undefined, today: formatAlmaty(clock).slice(0, 10) });
    const docs = sampleDocuments(sc, ctx);
    const payload = applicationPayload({
      serviceId: svc.id,
      subcase,
      channel: 'portal',
      applicant: { iin: applicant.iin, bin: applicant.bin! },
      fields,
      documents: docs.map((d) => {
        const buf = Buffer.from(d.contentBase64, 'base64');
        return { requirement: d.requirement, name: d.name, mime: d.mime, size: buf.length, sha256: sha256Hex(buf) };
      }),
    });
    const submitted = await submitApplication(app, me, { serviceId: svc.id, subcase, fields, documents: docs, signature: await signPayload(applicant.sign, payload) }, 'demo-submit');
    const caseId = submitted.body.id;

    const act = async (u: DemoUser, stepId: string, outcomeId: string, extra: { assignee?: string } = {}) => {
      const session = await login(u);
      const p = decisionPayload({ caseId, stepId, outcomeId, ...extra });
      await takeAction(app, session, caseId, { stepId, outcomeId, ...extra, signature: await signPayload(u.sign as KeyMaterial, p) }, `demo-${stepId}`);
    };
    advance(25);
    await act(users.provider_chancellery, 'register', 'registered');
    advance(90);
    await act(users.provider_licensing_head, 'assign', 'assigned', { assignee: users.provider_executor.userId });
    advance(3 * 24 * 60 + 60);
    await act(users.provider_executor, 'review', 'draft_approval');
    advance(24 * 60 - 120);
    await act(users.provider_head, 'sign', 'signed');

    const view = await getCase(app, me, caseId);
    const audit = await auditCase(app, caseId);
    const delivered = view.mark === 'result' && !!view.result;
    if (values.json) {
      process.stdout.write(JSON.stringify({ case: view, audit }, null, 2) + '\n');
    } else {
      const out: string[] = [];
      out.push(`${svc.name.en}`);
      out.push(`case ${view.number} (${subcase}, portal) applicant ${view.applicant.organization ?? view.applicant.name}, BIN ${view.applicant.bin ?? '-'}`);
      out.push(`received ${view.deadlines.received}; overall due ${view.deadlines.overall.due}`);
      out.push('');
      out.push(`${'step'.padEnd(14)}${'role'.padEnd(20)}${'due'.padEnd(28)}${'done'.padEnd(28)}on time`);
      for (const s of view.deadlines.steps) {
        out.push(`${s.stepId.padEnd(14)}${s.role.padEnd(20)}${s.due.padEnd(28)}${(s.completedAt ?? '-').padEnd(28)}${s.completedAt ? (s.overdue ? 'LATE' : 'yes') : '-'}`);
      }
      out.push('');
      out.push(`status: ${view.mark}; result ${view.result?.number ?? '-'} (sha256 ${view.result?.documentSha256.slice(0, 16) ?? '-'}…)`);
      out.push(`event log: ${audit.events} events, hash chain ${audit.chainIntact ? 'intact' : `BROKEN at ${audit.brokenAt}`}; signatures: ${audit.signatures.filter((s) => s.ok).length}/${audit.signatures.length} verified`);
      process.stdout.write(out.join('\n') + '\n');
    }
    const ok = delivered && audit.chainIntact && audit.allSignaturesValid && audit.signatures.length >= 5;
    if (!ok) process.stderr.write('qyzmet demo: the case did not end delivered with every signature verified\n');
    return ok ? 0 : 1;
  } finally {
    await app.close();
  }
}
