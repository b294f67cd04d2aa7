// Automatic steps: what the engine records when an information system takes a step by itself.
// A step without `check` takes its single outcome (the portal delivering a result); a step that
// declares `check: { capability, pass, refuse }` asks the checker registered for the capability
// in `app.checks` and takes `pass`, or `refuse` with the refusal outcome's grounds and what the
// checker found as the event's comment. Names no service: only the step's declaration.
import type { Transaction } from 'kysely';
import type { CaseEventData, CaseState } from '../core/case.ts';
import type { ServiceDefinition, Step, SubCase } from '../core/regulation.ts';
import type { Tables } from '../store/tables.ts';
import type { App } from './context.ts';

type StepCompleted = Extract<CaseEventData, { type: 'step_completed' }>;

export async function automaticOutcome(app: App, trx: Transaction<Tables>, svc: ServiceDefinition, sc: SubCase, state: CaseState, step: Step): Promise<StepCompleted> {
  if (!step.check) return { type: 'step_completed', stepId: step.id, outcomeId: step.outcomes[0]!.id };
  const { capability } = step.check;
  const checker = app.checks.find((c) => c.capability === capability);
  // An invariant of the instance, not the applicant's fault: a 500 that rolls the command back.
  if (!checker) throw new Error(`step ${sc.id}/${step.id} declares check "${capability}" and no checker is installed for it`);
  const r = await checker.check({ app, trx, svc, sc, state, step });
  if (r.pass) return { type: 'step_completed', stepId: step.id, outcomeId: step.check.pass, ...(r.detail ? { comment: r.detail } : {}) };
  const refuse = step.outcomes.find((o) => o.id === step.check!.refuse)!;
  return { type: 'step_completed', stepId: step.id, outcomeId: refuse.id, decision: 'refuse', grounds: [...(refuse.grounds ?? [])], comment: r.detail.slice(0, 4000) };
}
