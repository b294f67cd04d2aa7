// The outbox dispatcher: sends the messages that case commands wrote into `outbox` in the same
// transaction as the status change, so a notice exists if and only if the change committed.
//
// Delivery:
// - A dispatcher claims due rows with a lease (owner + lease_until), incrementing `attempts` at
//   claim time, in one statement: `FOR UPDATE SKIP LOCKED` on PostgreSQL so several instances
//   never claim the same row; SQLite has one writer, so the claim is atomic there anyway.
// - It renews the lease right before sending each claimed row (a dispatcher that stalled and lost
//   the row to another one does not send it) and marks it `sent` only while it holds the lease.
// - A failure releases the row with `next_attempt_at = now + backoff(attempts)`; a permanent
//   failure, or too many attempts, sets it `dead` (kept for operators, never retried).
// - A dispatcher that dies after claiming leaves the lease to expire; any dispatcher re-claims
//   the row afterwards. Rows it had already marked sent are never sent again.
// The one window no SMTP client can close is "the server accepted the message, the process died
// before marking it": the message is sent again after the lease expires, with the same
// Message-ID (the row id), which receiving systems use to recognise the duplicate.
import { sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Engine } from '../../store/db.ts';
import type { OutboxTable, Tables } from '../../store/tables.ts';
import { PermanentSendError, type NoticeChannel } from './channels.ts';
import type { Lang } from './texts.ts';

export interface DispatcherOptions {
  now: () => Date;
  /** Identifies this dispatcher in `lease_owner`. */
  owner?: string;
  leaseMs?: number;
  batch?: number;
  maxAttempts?: number;
  /** Delay before attempt n+1 after n failed attempts, in ms. */
  backoff?: (attempts: number) => number;
  log?: (msg: string) => void;
}

export interface RunReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  lostLease: number;
}

/** 30 s, 1 min, 2 min, … capped at 1 h. */
export const defaultBackoff = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export class Dispatcher {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly maxAttempts: number;
  private readonly backoff: (n: number) => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly engine: Engine,
    private readonly channels: () => ReadonlyMap<string, NoticeChannel>,
    private readonly opts: DispatcherOptions,
  ) {
    this.owner = opts.owner ?? `d-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.batch = opts.batch ?? 20;
    this.maxAttempts = opts.maxAttempts ?? 12;
    this.backoff = opts.backoff ?? defaultBackoff;
  }

  /** Leases up to `batch` due rows of the channels this dispatcher can send through. */
  async claim(): Promise<OutboxTable[]> {
    const names = [...this.channels().keys()];
    if (names.length === 0) return [];
    const now = this.opts.now();
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    return this.db
      .updateTable('outbox')
      .set({ lease_owner: this.owner, lease_until: until, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', (eb) => {
        let q = eb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', nowIso)
          .where('channel', 'in', names)
          .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', nowIso)]))
          .orderBy('next_attempt_at')
          .limit(this.batch);
        if (this.engine === 'postgres') q = q.forUpdate().skipLocked();
        return q;
      })
      .returningAll()
      .execute();
  }

  /** Sends one claimed row and records the outcome (only while this dispatcher holds its lease). */
  async deliver(row: OutboxTable): Promise<'sent' | 'retried' | 'dead' | 'lost_lease'> {
    // Renew the lease just before sending: a dispatcher that stalled past its lease, and whose row
    // another dispatcher has re-claimed since, finds out here instead of sending a second copy.
    const held = await this.db
      .updateTable('outbox')
      .set({ lease_until: new Date(this.opts.now().getTime() + this.leaseMs).toISOString() })
      .where('id', '=', row.id)
      .where('lease_owner', '=', this.owner)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(held.numUpdatedRows) !== 1) return 'lost_lease';
    const channel = this.channels().get(row.channel);
    let outcome: { ok: true; ref?: string } | { ok: false; error: unknown };
    if (!channel) outcome = { ok: false, error: new Error(`channel ${row.channel} is not configured`) };
    else {
      try {
        const r = await channel.send({ id: row.id, recipient: row.recipient, subject: row.subject, body: row.body, lang: row.lang as Lang });
        outcome = { ok: true, ...(r.providerRef ? { ref: r.providerRef } : {}) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    }
    const now = this.opts.now();
    const mine = this.db.updateTable('outbox').where('id', '=', row.id).where('lease_owner', '=', this.owner).where('status', '=', 'pending');
    if (outcome.ok) {
      const r = await mine.set({ status: 'sent', sent_at: now.toISOString(), provider_ref: outcome.ref?.slice(0, 500) ?? null, lease_owner: null, lease_until: null, last_error: null }).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? 'sent' : 'lost_lease';
    }
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    const dead = outcome.error instanceof PermanentSendError || row.attempts >= this.maxAttempts;
    const r = await mine
      .set({
        status: dead ? 'dead' : 'pending',
        next_attempt_at: new Date(now.getTime() + (dead ? 0 : this.backoff(row.attempts))).toISOString(),
        lease_owner: null,
        lease_until: null,
        last_error: message.slice(0, 1000),
      })
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return 'lost_lease';
    this.opts.log?.(`outbox ${row.id} (${row.channel} to ${row.recipient}) attempt ${row.attempts} failed: ${message}${dead ? '; given up' : ''}`);
    return dead ? 'dead' : 'retried';
  }

  /** One pass: claim, then send every claimed row. */
  async runOnce(): Promise<RunReport> {
    const rows = await this.claim();
    const report: RunReport = { claimed: rows.length, sent: 0, retried: 0, dead: 0, lostLease: 0 };
    for (const row of rows) {
      const r = await this.deliver(row);
      if (r === 'sent') report.sent++;
      else if (r === 'retried') report.retried++;
      else if (r === 'dead') report.dead++;
      else report.lostLease++;
    }
    return report;
  }

  /** Runs until the outbox has nothing due (bounded by `maxPasses`). */
  async drain(maxPasses = 100): Promise<RunReport> {
    const total: RunReport = { claimed: 0, sent: 0, retried: 0, dead: 0, lostLease: 0 };
    for (let i = 0; i < maxPasses; i++) {
      const r = await this.runOnce();
      for (const k of Object.keys(total) as Array<keyof RunReport>) total[k] += r[k];
      if (r.claimed < this.batch) break;
    }
    return total;
  }

  /** Polls every `intervalMs` (and at once again after a full batch); the timer does not hold the process open. */
  start(intervalMs = 2000): void {
    if (this.timer || this.stopped) return;
    const tick = async () => {
      this.timer = null;
      if (this.stopped) return;
      let full = false;
      try {
        this.running = this.runOnce();
        const r = (await this.running) as RunReport;
        full = r.claimed >= this.batch;
      } catch (e) {
        this.opts.log?.(`outbox dispatcher: ${(e as Error).message}`);
      } finally {
        this.running = null;
      }
      if (!this.stopped) {
        this.timer = setTimeout(tick, full ? 0 : intervalMs);
        this.timer.unref();
      }
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
