// An in-process payment gateway for the demo and the tests. It keeps orders in memory, "pays" an
// order when asked (as if the payer had paid on its page), and signs the payment notice with its
// own key and certificate under its own root, which is the only trust anchor the platform is
// given for notices. It pays whatever it is asked to — at any moment, any amount — so the tests
// can produce late and mismatched notices: judging notices is the platform's job, not the
// simulator's.
import { randomBytes, randomUUID } from 'node:crypto';
import { checkDigit } from '../../core/identifiers.ts';
import { createRootCa, generateKeyPair, issueCertificate, signCms, TrustStore, type CaMaterial } from '../../pki/index.ts';
import { NOTICE_TYPE, noticeBytes, type CreatedOrder, type PaymentGateway, type PaymentNotice, type PaymentOrder } from './gateway.ts';

/** A syntactically valid 12-digit identifier (check digit included) from 11 digits. */
function withCheckDigit(first11: string): string {
  for (let i = 0; i < 10; i++) {
    const base = `${first11.slice(0, 10)}${(Number(first11[10]) + i) % 10}`;
    const d = checkDigit(base);
    if (d !== null) return `${base}${d}`;
  }
  throw new Error('no check digit');
}

export const SIMULATOR_BIN = withCheckDigit('05034000100');
const OPERATOR_IIN = withCheckDigit('80010130000');

export interface SimulatedOrder {
  order: PaymentOrder;
  gatewayRef: string;
  createdAt: string;
  notices: string[];
  /** The payer's Pay on the simulator's page, once: a second Pay gets this same result. */
  paidOnPage?: Promise<{ notice: string; delivered?: unknown }>;
}

export class SimulatorError extends Error {
  constructor(
    readonly code: 'unknown_ref' | 'return_url_foreign',
    message: string,
  ) {
    super(message);
  }
}

export class GatewaySimulator implements PaymentGateway {
  readonly name = 'simulator';
  readonly signerBin = SIMULATOR_BIN;
  readonly orders = new Map<string, SimulatedOrder>();
  /** In-process delivery of each notice to the platform (the gateway's callback), when wired. */
  onNotice?: (noticeBase64: string) => Promise<unknown>;

  private constructor(
    readonly noticeTrust: TrustStore,
    readonly anchorPem: string,
    private readonly signer: { certificatePem: string; privateKeyPem: string; chainPems: string[] },
    private readonly now: () => Date,
    private readonly payBaseUrl: string,
    /** The only origin the payer may be sent back to (the platform's public URL); null: any is refused. */
    readonly returnOrigin: string | null,
  ) {}

  /**
   * A fresh simulator: a root and a signing certificate made at once, valid from 2000 so that the
   * demo's and the tests' simulated clocks fall inside their validity.
   */
  static async create(opts: { now: () => Date; payBaseUrl?: string; returnOrigin?: string }): Promise<GatewaySimulator> {
    const since = new Date('2000-01-01T00:00:00Z');
    const root: CaMaterial = await createRootCa({ commonName: 'Payment gateway simulator root', algorithm: 'ECDSA-P256', now: since, validityYears: 49 });
    const keys = await generateKeyPair('ECDSA-P256');
    const cert = await issueCertificate(root, {
      publicKeyPem: keys.publicKeyPem,
      subject: { kind: 'legal_entity', iin: OPERATOR_IIN, surname: 'Gateway', givenName: 'Notices', bin: SIMULATOR_BIN, organization: 'E-government payment gateway (simulator)', roles: ['signer'] },
      purpose: 'sign',
      notBefore: since,
      validityDays: 365 * 48,
    });
    return new GatewaySimulator(new TrustStore([root.certificatePem]), root.certificatePem, { certificatePem: cert.certificatePem, privateKeyPem: keys.privateKeyPem, chainPems: [root.certificatePem] }, opts.now, opts.payBaseUrl ?? '/gateway-sim', opts.returnOrigin ? new URL(opts.returnOrigin).origin : null);
  }

  /** Whether `url` is an absolute http(s) URL on the platform's origin (no open redirect). */
  returnAllowed(url: string): boolean {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return (u.protocol === 'https:' || u.protocol === 'http:') && this.returnOrigin !== null && u.origin === this.returnOrigin && !u.username && !u.password;
  }

  async createPayment(order: PaymentOrder): Promise<CreatedOrder> {
    if (order.returnUrl !== undefined && (typeof order.returnUrl !== 'string' || !this.returnAllowed(order.returnUrl))) {
      throw new SimulatorError('return_url_foreign', `returnUrl must be an absolute URL on ${this.returnOrigin ?? 'the platform\'s public origin'}; the gateway sends payers nowhere else`);
    }
    const gatewayRef = `SIM-${randomBytes(8).toString('hex').toUpperCase()}`;
    this.orders.set(gatewayRef, { order: { ...order, payer: { ...order.payer } }, gatewayRef, createdAt: this.now().toISOString(), notices: [] });
    return { gatewayRef, payUrl: `${this.payBaseUrl}/pay?gatewayRef=${gatewayRef}` };
  }

  /** The order `gatewayRef`, or the unknown_ref error. */
  orderOf(gatewayRef: string): SimulatedOrder {
    const o = this.orders.get(gatewayRef);
    if (!o) throw new SimulatorError('unknown_ref', `the gateway has no order ${gatewayRef}`);
    return o;
  }

  /**
   * The payer pressed Pay on the simulator's page: the order is paid as by `pay` (the signed notice
   * delivered to the platform), once. A second Pay (a double click, the back button) pays nothing
   * more and gets the first result.
   */
  payOnPage(gatewayRef: string): Promise<{ notice: string; delivered?: unknown }> {
    const o = this.orderOf(gatewayRef);
    o.paidOnPage ??= this.pay(gatewayRef).catch((e: unknown) => {
      delete o.paidOnPage;
      throw e;
    });
    return o.paidOnPage;
  }

  /**
   * Pays an order: builds and signs its notice, delivers it to the platform when `onNotice` is
   * wired (unless `deliver` is false), and returns it as base64. `edit` changes the notice before
   * signing (tests: another amount, another payment id).
   */
  async pay(gatewayRef: string, opts: { paidAt?: Date; edit?: (n: PaymentNotice) => void; deliver?: boolean } = {}): Promise<{ notice: string; delivered?: unknown }> {
    const o = this.orders.get(gatewayRef);
    if (!o) throw new SimulatorError('unknown_ref', `the gateway has no order ${gatewayRef}`);
    const paidAt = opts.paidAt ?? this.now();
    const notice: PaymentNotice = {
      type: NOTICE_TYPE,
      noticeId: `N-${randomUUID()}`,
      gatewayRef,
      paymentId: o.order.paymentId,
      status: 'paid',
      amountTiyn: o.order.amountTiyn,
      currency: 'KZT',
      budgetCode: o.order.budgetCode,
      paymentPurposeCode: o.order.paymentPurposeCode,
      payer: { ...o.order.payer },
      paidAt: paidAt.toISOString(),
    };
    opts.edit?.(notice);
    const cms = await signCms(noticeBytes(notice), this.signer, { detached: false, signingTime: paidAt });
    const b64 = cms.toString('base64');
    o.notices.push(b64);
    if (opts.deliver !== false && this.onNotice) return { notice: b64, delivered: await this.onNotice(b64) };
    return { notice: b64 };
  }
}
