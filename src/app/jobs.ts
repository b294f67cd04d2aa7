// Work the law schedules rather than a person: when the applicant's term to answer a request runs
// out, the pause ends (the clock runs again from the end of that term) and the case goes back to
// the staff, who may now refuse on the ground the regulation names for it. Safe to run from
// every server process at once: each case is handled under its row lock and rechecked there.
import { isPaused, type CaseState } from '../core/case.ts';
import type { App } from './context.ts';
import { append, definitionOf, lockCase, settle } from './cases.ts';

export async function expireOverduePauses(app: App, limit = 500): Promise<number> {
  const now = app.now();
  const candidates = await app.store.db.selectFrom('cases').select('id').where('paused', '=', 1).limit(limit).execute();
  let expired = 0;
  for (const { id } of candidates) {
    const done = await app.store.db.transaction().execute(async (trx) => {
      const row = await lockCase(app, trx, id);
      if (!row) return false;
      const state = JSON.parse(row.state) as CaseState;
      if (!isPaused(state)) return false;
      const open = state.pauses[state.pauses.length - 1]!;
      if (new Date(open.applicantDue) >= now) return false;
      const { svc, sc } = definitionOf(app, row);
      const ground = sc.pauses.find((p) => p.id === open.pauseId)?.onExpiry?.refuseWith;
      const { state: next } = await append(
        trx,
        sc,
        id,
        state,
        [{ actor: { userId: 'system:clock', role: 'system' }, data: { type: 'pause_expired', pauseId: open.pauseId, endedAt: open.applicantDue, ...(ground ? { ground } : {}) } }],
        now.toISOString(),
      );
      await settle(app, trx, svc, sc, next);
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/** Runs the scheduled work every `everyMs` until stopped; errors are reported, never fatal. */
export function startJobs(app: App, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await expireOverduePauses(app);
      // NCA operators: revoke 2 days before dismissal, hold after 15 days' absence (ca-operators.ts).
      if (app.trust) await (await import('./ca-operators.ts')).applyOperatorRules(app);
    } catch (e) {
      console.error('qyzmet jobs:', e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
