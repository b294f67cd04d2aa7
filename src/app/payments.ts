// Fees through the payment gateway: a payment order for a draft application (before it is
// submitted), its confirmation by the gateway's signed notice, the submission that references the
// payment instead of attaching a receipt, and the guard that refuses to register an application
// whose fee is neither confirmed by the gateway nor evidenced by a receipt document.
//
// Nothing here names a service: the fee, its codes and the document alternatives come from the
// definition (`sc.fee`, documents whose `satisfiedBy` lists `payment_gateway`).
import type { Transaction } from 'kysely';
import { canonicalJson, sha256Hex } from '../core/canonical.ts';
import type { CaseState } from '../core/case.ts';
import { matches, type ServiceDefinition, type SubCase } from '../core/regulation.ts';
import { FeeError, formatTenge, isFree, quoteFee, type FeeConfig, type MciTable } from '../gov/payments/fees.ts';
import { NoticeError, verifyNotice, type PaymentGateway } from '../gov/payments/gateway.ts';
import { GatewayUnavailable } from '../gov/payments/http-gateway.ts';
import { isUniqueViolation } from '../store/db.ts';
import type { PaymentsTable, Tables } from '../store/tables.ts';
import type { SessionUser } from './auth.ts';
import type { App, OutcomeGuard, SubmissionHook } from './context.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from './errors.ts';
import { newId } from './ids.ts';

type Trx = Transaction<Tables>;

/** The document alternative a confirmed gateway payment answers (DocumentRequirement.satisfiedBy). */
export const GATEWAY_ALTERNATIVE = 'payment_gateway';

export interface PaymentsConfig {
  gateway: PaymentGateway;
  mciTable?: MciTable;
  fees?: FeeConfig;
  /** How long a payment order may be paid, in minutes (default 24 h). */
  ttlMinutes?: number;
  /** Document requirements that are fee receipts although no gateway alternative names them (paper channels). */
  receiptPattern?: RegExp;
}

export interface PaymentView {
  id: string;
  status: 'pending' | 'confirmed';
  serviceId: string;
  subcase: string;
  caseId: string | null;
  amount: { tiyn: number; text: string; currency: string };
  fee: { basis: string; mci: number | null; mciValue: number | null; budgetCode: string | null; paymentPurposeCode: string | null };
  payer: { iin: string; bin?: string };
  gateway: string;
  gatewayRef: string;
  payUrl: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  confirmedAt: string | null;
}

const PAYMENT_ID = /^[0-9a-f-]{36}$/;

function view(p: PaymentsTable): PaymentView {
  const tiyn = Number(p.amount_tiyn);
  return {
    id: p.id,
    status: p.status,
    serviceId: p.service_id,
    subcase: p.subcase,
    caseId: p.case_id,
    amount: { tiyn, text: formatTenge(tiyn), currency: p.currency },
    fee: { basis: p.fee_basis, mci: p.mci, mciValue: p.mci_value, budgetCode: p.budget_code, paymentPurposeCode: p.purpose_code },
    payer: { iin: p.payer_iin, ...(p.payer_bin ? { bin: p.payer_bin } : {}) },
    gateway: p.gateway,
    gatewayRef: p.gateway_ref,
    payUrl: p.pay_url,
    createdAt: p.created_at,
    expiresAt: p.expires_at,
    paidAt: p.paid_at,
    confirmedAt: p.confirmed_at,
  };
}

export class Payments {
  constructor(
    private readonly app: App,
    readonly cfg: PaymentsConfig,
  ) {}

  get gateway(): PaymentGateway {
    return this.cfg.gateway;
  }

  private feeProblem(e: unknown): never {
    if (e instanceof FeeError) throw unprocessable(e.code, e.message, e.code === 'fee_free' ? 'subcase' : undefined);
    throw e;
  }

  /**
   * A payment order for the draft application of the signed-in applicant: the amount from the
   * sub-case's fee on today's MCI (or its configured amount), registered at the gateway.
   * Idempotent by the Idempotency-Key like every command.
   */
  async create(user: SessionUser, input: { serviceId?: unknown; subcase?: unknown; returnUrl?: unknown }, idempotencyKey: string | undefined): Promise<{ status: number; body: PaymentView; replayed: boolean }> {
    if (!idempotencyKey) throw badRequest('idempotency_key_required', 'send an Idempotency-Key header (any unique string per intended command) so that a retry cannot create a second payment order', 'Idempotency-Key');
    if (idempotencyKey.length > 200 || !/^[\x21-\x7e]+$/.test(idempotencyKey)) throw badRequest('idempotency_key_format', 'the Idempotency-Key must be 1–200 printable ASCII characters', 'Idempotency-Key');
    if (user.kind !== 'applicant') throw forbidden('wrong_role', 'payment orders are created by the applicant for their own application');
    if (typeof input.serviceId !== 'string' || !input.serviceId) throw badRequest('required', 'serviceId is required', 'serviceId');
    if (typeof input.subcase !== 'string' || !input.subcase) throw badRequest('required', 'subcase is required', 'subcase');
    const returnUrl = this.returnUrl(input.returnUrl);
    const now = this.app.now();
    const svc = this.app.catalog.inForce(input.serviceId, now);
    if (!svc) throw notFound('unknown_service', `no service "${input.serviceId}" is in force; see GET /api/catalog`, 'serviceId');
    const sc = svc.subcases.find((s) => s.id === input.subcase);
    if (!sc) throw unprocessable('unknown_subcase', `service "${svc.id}" has no sub-case "${input.subcase}"; it has: ${svc.subcases.map((s) => s.id).join(', ')}`, 'subcase');
    let quote;
    try {
      quote = quoteFee(svc, sc, now, { ...(this.cfg.mciTable ? { mciTable: this.cfg.mciTable } : {}), ...(this.cfg.fees ? { fees: this.cfg.fees } : {}) });
    } catch (e) {
      this.feeProblem(e);
    }
    const db = this.app.store.db;
    const requestHash = sha256Hex(canonicalJson({ serviceId: svc.id, subcase: sc.id }));
    const replay = async () => {
      const prior = await db.selectFrom('idempotency').selectAll().where('user_id', '=', user.id).where('key', '=', idempotencyKey).executeTakeFirst();
      if (!prior) return null;
      if (prior.command !== 'payment' || prior.request_hash !== requestHash) throw conflict('idempotency_key_reused', `Idempotency-Key "${idempotencyKey}" was already used for a different request; use a new key for a new command`, 'Idempotency-Key');
      return { ...(JSON.parse(prior.response) as { status: number; body: PaymentView }), replayed: true };
    };
    const earlier = await replay();
    if (earlier) return earlier;

    const id = newId();
    const expiresAt = new Date(now.getTime() + (this.cfg.ttlMinutes ?? 24 * 60) * 60_000).toISOString();
    const payer = { iin: user.iin, ...(user.bin ? { bin: user.bin } : {}) };
    let created;
    try {
      created = await this.gateway.createPayment({
        paymentId: id,
        amountTiyn: quote.amountTiyn,
        currency: 'KZT',
        budgetCode: quote.budgetCode,
        paymentPurposeCode: quote.paymentPurposeCode,
        payer,
        description: `${svc.shortName.ru} — ${sc.name.ru}`,
        expiresAt,
        ...(returnUrl ? { returnUrl } : {}),
      });
    } catch (e) {
      if (e instanceof GatewayUnavailable) throw new AppError(503, 'gateway_unavailable', e.message);
      throw e;
    }
    const row: PaymentsTable = {
      id,
      created_by: user.id,
      payer_iin: user.iin,
      payer_bin: user.bin ?? '',
      service_id: svc.id,
      version: svc.version,
      subcase: sc.id,
      case_id: null,
      amount_tiyn: quote.amountTiyn,
      currency: 'KZT',
      fee_basis: quote.basis,
      mci: quote.mci,
      mci_value: quote.mciValue,
      budget_code: quote.budgetCode,
      purpose_code: quote.paymentPurposeCode,
      gateway: this.gateway.name,
      gateway_ref: created.gatewayRef,
      pay_url: created.payUrl ?? null,
      status: 'pending',
      created_at: now.toISOString(),
      expires_at: expiresAt,
      paid_at: null,
      confirmed_at: null,
      notice_id: null,
    };
    const res = { status: 201, body: view(row) };
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('payments').values(row).execute();
        await trx.insertInto('idempotency').values({ user_id: user.id, key: idempotencyKey, command: 'payment', request_hash: requestHash, response: JSON.stringify(res), created_at: now.toISOString() }).execute();
      });
    } catch (e) {
      // The same key raced in from another request: its order stands (ours stays unused at the gateway).
      if (isUniqueViolation(e)) {
        const won = await replay();
        if (won) return won;
      }
      throw e;
    }
    return { ...res, replayed: false };
  }

  /**
   * Where the gateway's page sends the payer back: a path of the portal (made absolute on the
   * instance's public URL) or an absolute URL on that same origin. Anything else is refused, so the
   * platform never makes a gateway an open redirect to someone else's site.
   */
  private returnUrl(v: unknown): string | undefined {
    if (v === undefined || v === null) return undefined;
    const refuse = (): never => {
      throw unprocessable('return_url_foreign', `returnUrl must be a path of this portal or a URL on ${new URL(this.app.config.publicUrl).origin}; the payer is sent back nowhere else`, 'returnUrl');
    };
    if (typeof v !== 'string' || v.length > 2000) return refuse();
    const base = new URL(this.app.config.publicUrl);
    let u: URL;
    try {
      // A path must start with one "/" ("//host" and "/\\host" name another host).
      u = v.startsWith('/') ? (/^\/[/\\]/.test(v) ? refuse() : new URL(v, base)) : new URL(v);
    } catch {
      return refuse();
    }
    if (u.origin !== base.origin || u.username || u.password) refuse();
    return u.href;
  }

  private async visible(user: SessionUser, p: PaymentsTable): Promise<boolean> {
    if (user.kind === 'applicant') return p.created_by === user.id || (p.payer_iin === user.iin && p.payer_bin === (user.bin ?? ''));
    if (!p.case_id || !user.providerId) return false;
    const c = await this.app.store.db.selectFrom('cases').select('provider_id').where('id', '=', p.case_id).executeTakeFirst();
    return c?.provider_id === user.providerId;
  }

  async get(user: SessionUser, id: string): Promise<PaymentView> {
    const p = PAYMENT_ID.test(id) ? await this.app.store.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!p || !(await this.visible(user, p))) throw notFound('payment_not_found', `no payment ${id} is visible to you`, 'id');
    return view(p);
  }

  /** The payments of a case (the applicant's own, or the provider's staff for their cases). */
  async forCase(user: SessionUser, caseId: string): Promise<PaymentView[]> {
    const c = await this.app.store.db.selectFrom('cases').select(['applicant_user_id', 'provider_id']).where('id', '=', caseId).executeTakeFirst();
    const ok = c && (user.kind === 'staff' ? user.providerId === c.provider_id : c.applicant_user_id === user.id);
    if (!ok) throw notFound('case_not_found', `no case ${caseId} is visible to you`, 'caseId');
    const rows = await this.app.store.db.selectFrom('payments').selectAll().where('case_id', '=', caseId).execute();
    return rows.map(view);
  }

  /**
   * A payment notice from the gateway (its callback) or relayed by the applicant's browser for
   * payment `expectPaymentId`. Accepted once: the signature must be the gateway's, the notice must
   * fit the order it names in every particular (reference, amount, codes, payer), be paid before
   * the order expired, and be the first notice for that order. Anything else is refused and
   * nothing is written.
   */
  async acceptNotice(noticeBase64: unknown, opts: { expectPaymentId?: string } = {}): Promise<{ status: number; body: { paymentId: string; status: 'confirmed'; caseId: string | null; paidAt: string; noticeId: string; amount: PaymentView['amount'] } }> {
    const at = this.app.now();
    let v;
    try {
      v = await verifyNotice(noticeBase64, this.gateway, at);
    } catch (e) {
      if (e instanceof NoticeError) throw e.code === 'notice_malformed' ? badRequest(e.code, e.message, 'notice') : unprocessable(e.code, e.message, 'notice');
      throw e;
    }
    const n = v.notice;
    if (opts.expectPaymentId !== undefined && n.paymentId !== opts.expectPaymentId) {
      throw unprocessable('notice_wrong_payment', `this notice confirms payment ${n.paymentId} of another application, not payment ${opts.expectPaymentId}`, 'notice');
    }
    const db = this.app.store.db;
    try {
      return await db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('payments').selectAll().where('id', '=', n.paymentId);
        if (this.app.store.engine === 'postgres') q = q.forUpdate();
        const p = await q.executeTakeFirst();
        if (!p) throw unprocessable('notice_unknown_payment', `the notice names payment ${n.paymentId}, which this platform never ordered`, 'notice');
        const dup = await trx.selectFrom('payment_notices').select(['notice_id', 'payment_id']).where('notice_id', '=', n.noticeId).executeTakeFirst();
        if (dup) throw conflict('notice_duplicate', `notice ${n.noticeId} was already accepted for payment ${dup.payment_id}; it is not counted again`, 'notice');
        const mismatch: string[] = [];
        if (n.gatewayRef !== p.gateway_ref) mismatch.push(`gateway reference ${n.gatewayRef} is not the order's ${p.gateway_ref}`);
        if (n.amountTiyn !== Number(p.amount_tiyn)) mismatch.push(`amount ${formatTenge(n.amountTiyn)} is not the order's ${formatTenge(Number(p.amount_tiyn))}`);
        if (n.budgetCode !== p.budget_code) mismatch.push(`budget classification code ${n.budgetCode} is not ${p.budget_code}`);
        if (n.paymentPurposeCode !== p.purpose_code) mismatch.push(`payment purpose code ${n.paymentPurposeCode} is not ${p.purpose_code}`);
        if (n.payer.iin !== p.payer_iin || (n.payer.bin ?? '') !== p.payer_bin) mismatch.push('the payer is not the applicant of the order');
        if (Date.parse(n.paidAt) < Date.parse(p.created_at)) mismatch.push(`paid at ${n.paidAt}, before the order was created`);
        if (mismatch.length) throw unprocessable('notice_mismatch', `the notice does not fit payment ${p.id}: ${mismatch.join('; ')}`, 'notice', { errors: mismatch.map((m) => ({ field: 'notice', rule: 'notice_mismatch', detail: m })) });
        if (Date.parse(n.paidAt) > Date.parse(p.expires_at)) throw unprocessable('notice_late', `payment ${p.id} was paid at ${n.paidAt}, after its order expired at ${p.expires_at}; the gateway must return the money`, 'notice');
        if (p.status === 'confirmed') throw conflict('payment_already_confirmed', `payment ${p.id} is already confirmed by notice ${p.notice_id}; notice ${n.noticeId} is not counted`, 'notice');
        await trx.insertInto('payment_notices').values({ notice_id: n.noticeId, payment_id: p.id, received_at: at.toISOString(), paid_at: n.paidAt, amount_tiyn: n.amountTiyn, signer: `${v.signer.subjectDn} #${v.signer.serialHex}`, sha256: v.sha256, cms: v.der.toString('base64') }).execute();
        const u = await trx.updateTable('payments').set({ status: 'confirmed', paid_at: n.paidAt, confirmed_at: at.toISOString(), notice_id: n.noticeId }).where('id', '=', p.id).where('status', '=', 'pending').executeTakeFirst();
        if (Number(u.numUpdatedRows) !== 1) throw conflict('payment_already_confirmed', `payment ${p.id} was confirmed meanwhile; notice ${n.noticeId} is not counted`, 'notice');
        const tiyn = Number(p.amount_tiyn);
        return { status: 200, body: { paymentId: p.id, status: 'confirmed' as const, caseId: p.case_id, paidAt: n.paidAt, noticeId: n.noticeId, amount: { tiyn, text: formatTenge(tiyn), currency: p.currency } } };
      });
    } catch (e) {
      // Two deliveries of one notice at once (PostgreSQL): the loser hits the primary key.
      if (isUniqueViolation(e)) throw conflict('notice_duplicate', `notice ${n.noticeId} was already accepted; it is not counted again`, 'notice');
      throw e;
    }
  }

  /** Requirements a receipt document answers: the alternatives next to the gateway, and paper receipts. */
  receiptRequirements(sc: SubCase): Set<string> {
    const pattern = this.cfg.receiptPattern ?? /(^|_)receipt(_|$)/;
    const out = new Set<string>();
    for (const d of sc.documents) {
      const alts = d.satisfiedBy ?? [];
      if (alts.includes(GATEWAY_ALTERNATIVE)) {
        out.add(d.id);
        for (const a of alts) if (a !== GATEWAY_ALTERNATIVE) out.add(a);
      } else if (pattern.test(d.id)) out.add(d.id);
    }
    return out;
  }

  /** What shows the fee of a case was paid: a confirmed gateway payment or a receipt document. */
  async feeEvidence(trx: Trx, sc: SubCase, state: CaseState): Promise<{ ok: true; via: 'free' | 'gateway' | 'receipt' } | { ok: false; payment: { id: string; status: string; expiresAt: string } | null }> {
    if (isFree(sc.fee)) return { ok: true, via: 'free' };
    const p = await trx.selectFrom('payments').select(['id', 'status', 'expires_at']).where('case_id', '=', state.caseId).executeTakeFirst();
    if (p?.status === 'confirmed') return { ok: true, via: 'gateway' };
    const receipts = this.receiptRequirements(sc);
    if (state.documents.some((d) => d.requirement && receipts.has(d.requirement))) return { ok: true, via: 'receipt' };
    return { ok: false, payment: p ? { id: p.id, status: p.status, expiresAt: p.expires_at } : null };
  }

  /** Refuses the registration outcome until the fee is confirmed (by the gateway or a receipt). */
  guard(): OutcomeGuard {
    return {
      name: 'fee-confirmed-before-registration',
      beforeOutcome: async ({ trx, svc, sc, state, outcome }) => {
        if (outcome.mark !== 'registered') return;
        const ev = await this.feeEvidence(trx, sc, state);
        if (ev.ok) return;
        const codes = [sc.fee.budgetCode && `budget classification code ${sc.fee.budgetCode}`, sc.fee.paymentPurposeCode && `payment purpose code ${sc.fee.paymentPurposeCode}`].filter(Boolean).join(', ');
        const why = ev.payment
          ? `payment ${ev.payment.id} is ${ev.payment.status === 'pending' ? `still waiting for the gateway's notice (order valid until ${ev.payment.expiresAt})` : ev.payment.status}`
          : 'the application references no gateway payment and carries no receipt';
        throw unprocessable('fee_not_confirmed', `the ${sc.fee.kind.replace('_', ' ')} of "${svc.id}/${sc.id}"${codes ? ` (${codes})` : ''} is not confirmed: ${why}; the application cannot be registered yet`, 'payment', { payment: ev.payment });
      },
    };
  }

  /**
   * Lets a submission carry `payment` (the id of this applicant's payment order for this service
   * and sub-case) instead of a receipt: the gateway alternative of the fee document is then
   * answered, and the payment is bound to the new case inside the submission's transaction (once:
   * a payment pays for one application).
   */
  submissionHook(): SubmissionHook {
    return {
      name: 'gateway-payment',
      prepare: async ({ app, svc, sc, channel, applicant, input }) => {
        if (input.payment === undefined || input.payment === null) return null;
        if (typeof input.payment !== 'string' || !PAYMENT_ID.test(input.payment)) throw badRequest('type', 'payment must be the id of the payment order made for this application (POST /api/payments)', 'payment');
        const p = await app.store.db.selectFrom('payments').selectAll().where('id', '=', input.payment).executeTakeFirst();
        if (!p || p.payer_iin !== applicant.iin || p.payer_bin !== (applicant.bin ?? '')) throw unprocessable('unknown_payment', `the applicant has no payment ${input.payment}`, 'payment');
        if (p.service_id !== svc.id || p.subcase !== sc.id) throw unprocessable('payment_other_application', `payment ${p.id} was ordered for ${p.service_id}/${p.subcase}, not for ${svc.id}/${sc.id}`, 'payment');
        if (p.status === 'pending' && Date.parse(p.expires_at) < app.now().getTime()) throw unprocessable('payment_expired', `payment order ${p.id} expired at ${p.expires_at} unpaid; order a new one`, 'payment');
        const ctx = { channel, applicantKind: applicant.kind, fields: (input.fields ?? {}) as Record<string, unknown> };
        const offered = sc.documents.some((d) => (d.satisfiedBy ?? []).includes(GATEWAY_ALTERNATIVE) && matches(d.when, ctx));
        return {
          satisfies: offered ? [GATEWAY_ALTERNATIVE] : [],
          inTransaction: async (trx, caseId) => {
            const r = await trx.updateTable('payments').set({ case_id: caseId }).where('id', '=', p.id).where('case_id', 'is', null).executeTakeFirst();
            if (Number(r.numUpdatedRows) !== 1) throw conflict('payment_used', `payment ${p.id} already pays for another application`, 'payment');
          },
        };
      },
    };
  }

  /** The quote for a sub-case today (for the portal to show before ordering). */
  quote(svc: ServiceDefinition, sc: SubCase) {
    try {
      return quoteFee(svc, sc, this.app.now(), { ...(this.cfg.mciTable ? { mciTable: this.cfg.mciTable } : {}), ...(this.cfg.fees ? { fees: this.cfg.fees } : {}) });
    } catch (e) {
      this.feeProblem(e);
    }
  }
}
