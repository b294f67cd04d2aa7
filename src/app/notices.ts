// Status notices. A case effect writes, in the transaction of the command that changed the status,
// one notice per status change the regulations name (delivered, registered, in execution, a request
// to the applicant with its deadline, the answer received, the result, a refusal with its grounds)
// in the applicant's language, plus one outbox row per configured channel. The personal cabinet
// reads the notices at once; the dispatcher (src/gov/notify/dispatcher.ts) sends the outbox.
import type { Transaction } from 'kysely';
import type { CaseEvent, CaseState } from '../core/case.ts';
import type { ServiceDefinition, SubCase } from '../core/regulation.ts';
import { formatAlmaty } from '../core/time.ts';
import type { NoticeChannel, PhoneDirectory } from '../gov/notify/channels.ts';
import { Dispatcher, type DispatcherOptions } from '../gov/notify/dispatcher.ts';
import { renderNotice, shortAlmaty, type Lang, type NoticeKind } from '../gov/notify/texts.ts';
import type { StateDatabases } from '../gov/gateway.ts';
import type { Tables } from '../store/tables.ts';
import type { SessionUser } from './auth.ts';
import type { App, CaseEffect } from './context.ts';
import { badRequest, forbidden, notFound } from './errors.ts';
import { newId } from './ids.ts';
import { insertRows } from '../store/insert.ts';

type Trx = Transaction<Tables>;

export interface NoticeView {
  id: string;
  caseId: string;
  caseNumber: string;
  serviceId: string;
  kind: string;
  lang: string;
  subject: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** The status change an event makes, as the cabinet names it; null when it changes none. */
export function noticeKindOf(e: CaseEvent, sc: SubCase): NoticeKind | null {
  const d = e.data;
  switch (d.type) {
    case 'submitted':
      return 'delivered';
    case 'step_completed': {
      const mark = sc.steps.find((s) => s.id === d.stepId)?.outcomes.find((o) => o.id === d.outcomeId)?.mark;
      return mark ?? null;
    }
    case 'paused':
      return 'paused';
    case 'resumed':
      return 'resumed';
    case 'pause_expired':
      return 'pause_expired';
    case 'result_issued':
      return d.decision === 'approve' ? 'result' : 'refused';
    default:
      // An event kind added later changes no status the cabinet names until it is given a text.
      return null;
  }
}

function langOf(l: string | undefined): Lang {
  return l === 'kk' || l === 'en' ? l : 'ru';
}

/** Phones from the state database of individuals (stands in for the mobile-citizens database). */
export function stateDbPhones(db: StateDatabases): PhoneDirectory {
  return { phoneOf: async (iin) => (await db.findIndividual(iin))?.phone ?? null };
}

export class Notifier {
  /** Channels outbox rows are written for (and the dispatcher sends through), by name. */
  readonly channels = new Map<string, NoticeChannel>();

  constructor(private readonly app: App) {}

  useChannel(ch: NoticeChannel): void {
    this.channels.set(ch.name, ch);
  }

  /** Where a channel reaches the applicant of a case; null: this applicant has no address there. */
  private recipient(channel: string, state: CaseState): string | null {
    if (channel === 'email') return state.applicant.email ?? null;
    if (channel === 'sms') return state.applicant.iin;
    return null;
  }

  effect(): CaseEffect {
    return {
      name: 'status-notices',
      afterEvents: async ({ trx, svc, sc, state, events, caseNumber }) => {
        const changes = events.map((e) => ({ e, kind: noticeKindOf(e, sc) })).filter((x): x is { e: CaseEvent; kind: NoticeKind } => x.kind !== null);
        if (changes.length === 0) return;
        const number = caseNumber ?? (await trx.selectFrom('cases').select('number').where('id', '=', state.caseId).executeTakeFirst())?.number;
        // A case whose log starts in this command has no notices yet.
        const last = events[0]!.seq === 1 ? undefined : await trx.selectFrom('notices').select('kind').where('case_id', '=', state.caseId).orderBy('event_seq', 'desc').limit(1).executeTakeFirst();
        let previous = last?.kind;
        for (const { e, kind } of changes) {
          // An outcome that sets the mark the case already shows is no change; every request is news.
          if (kind === previous && kind !== 'paused') continue;
          previous = kind;
          await this.write(trx, svc, state, number ?? state.caseId, e, kind);
        }
      },
    };
  }

  private async write(trx: Trx, svc: ServiceDefinition, state: CaseState, caseNumber: string, e: CaseEvent, kind: NoticeKind): Promise<void> {
    const lang = langOf(state.applicant.lang);
    const d = e.data;
    const data: Record<string, unknown> = { kind, mark: state.mark };
    const vars = { caseNumber, service: svc.shortName[lang], provider: svc.provider.name[lang] } as Parameters<typeof renderNotice>[2];
    if (d.type === 'paused') {
      vars.request = d.request;
      vars.due = shortAlmaty(formatAlmaty(new Date(d.applicantDue)));
      data.applicantDue = d.applicantDue;
      data.pauseId = d.pauseId;
    }
    if (d.type === 'result_issued') {
      vars.resultNumber = d.number;
      vars.document = (d.decision === 'approve' ? svc.result?.document : svc.result?.refusal)?.[lang] ?? '';
      data.resultNumber = d.number;
      data.documentSha256 = d.documentSha256;
      if (d.decision === 'refuse') {
        const ids = d.grounds ?? state.grounds ?? [];
        vars.grounds = ids.map((g) => svc.refusalGrounds.find((x) => x.id === g)?.text[lang] ?? g);
        data.grounds = ids;
      }
    }
    const text = renderNotice(kind, lang, vars);
    const id = newId();
    await insertRows(trx, 'notices', [{ id, user_id: state.applicantUserId, case_id: state.caseId, case_number: caseNumber, service_id: svc.id, event_seq: e.seq, kind, lang, subject: text.subject, body: text.body, data: JSON.stringify(data), created_at: e.at, read_at: null }]);
    const rows = [];
    for (const name of this.channels.keys()) {
      const to = this.recipient(name, state);
      if (!to) continue;
      rows.push({ id: newId(), notice_id: id, channel: name, recipient: to, lang, subject: text.subject, body: name === 'sms' ? text.short : text.body, status: 'pending' as const, attempts: 0, next_attempt_at: e.at, lease_owner: null, lease_until: null, last_error: null, sent_at: null, provider_ref: null, created_at: e.at });
    }
    await insertRows(trx, 'outbox', rows);
  }

  /** A dispatcher over this instance's outbox and channels. */
  dispatcher(opts: Partial<DispatcherOptions> = {}): Dispatcher {
    return new Dispatcher(this.app.store.db, this.app.store.engine, () => this.channels, { now: this.app.now, log: (m) => console.error(m), ...opts });
  }

  /** The signed-in applicant's notices, newest first. */
  async list(user: SessionUser, opts: { limit?: unknown; unread?: unknown } = {}): Promise<{ unread: number; items: NoticeView[] }> {
    if (user.kind !== 'applicant') throw forbidden('wrong_role', 'notices are for the applicant\'s personal cabinet');
    const limit = opts.limit === undefined ? 50 : Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit', 'limit must be an integer from 1 to 500', 'limit');
    const unreadOnly = opts.unread === '1' || opts.unread === 'true';
    const db = this.app.store.db;
    let q = db.selectFrom('notices').selectAll().where('user_id', '=', user.id);
    if (unreadOnly) q = q.where('read_at', 'is', null);
    const rows = await q.orderBy('created_at', 'desc').orderBy('event_seq', 'desc').limit(limit).execute();
    const unread = await db.selectFrom('notices').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', user.id).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return {
      unread: Number(unread.n),
      items: rows.map((r) => ({ id: r.id, caseId: r.case_id, caseNumber: r.case_number, serviceId: r.service_id, kind: r.kind, lang: r.lang, subject: r.subject, body: r.body, data: JSON.parse(r.data) as Record<string, unknown>, createdAt: r.created_at, readAt: r.read_at })),
    };
  }

  async markRead(user: SessionUser, id: string): Promise<{ id: string; readAt: string }> {
    const db = this.app.store.db;
    const row = await db.selectFrom('notices').select(['id', 'user_id', 'read_at']).where('id', '=', id).executeTakeFirst();
    if (!row || row.user_id !== user.id) throw notFound('notice_not_found', `no notice ${id} in your cabinet`, 'id');
    if (row.read_at) return { id, readAt: row.read_at };
    const at = this.app.now().toISOString();
    await db.updateTable('notices').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
    return { id, readAt: at };
  }
}
