// An adapter for a payment gateway reached over HTTP: the order is POSTed as JSON to
// `${baseUrl}/payments` and the answer names the gateway's reference and the page where the payer
// pays. Notices come back to the platform's callback (POST /api/payments/notices) signed with the
// gateway's certificate, whose root the deployment gives as `trustAnchorsPem`. The simulator
// serves the same protocol under /gateway-sim, so the adapter is tested against it.
import { TrustStore } from '../../pki/index.ts';
import type { CreatedOrder, PaymentGateway, PaymentOrder } from './gateway.ts';

export class GatewayUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface HttpGatewayOptions {
  baseUrl: string;
  trustAnchorsPem: string[];
  signerBin?: string;
  /** Extra headers (e.g. the platform's credentials at the gateway). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  name?: string;
}

export class HttpPaymentGateway implements PaymentGateway {
  readonly name: string;
  readonly noticeTrust: TrustStore;
  readonly signerBin?: string;

  constructor(private readonly opts: HttpGatewayOptions) {
    this.name = opts.name ?? 'http';
    this.noticeTrust = new TrustStore(opts.trustAnchorsPem);
    if (opts.signerBin) this.signerBin = opts.signerBin;
  }

  async createPayment(order: PaymentOrder): Promise<CreatedOrder> {
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl.replace(/\/$/, '')}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.opts.headers ?? {}) },
        body: JSON.stringify(order),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
      });
    } catch (e) {
      throw new GatewayUnavailable(`the payment gateway did not answer: ${(e as Error).message}`, { cause: e });
    }
    const text = await res.text();
    if (!res.ok) throw new GatewayUnavailable(`the payment gateway refused the order (HTTP ${res.status}): ${text.slice(0, 300)}`);
    let body: { gatewayRef?: unknown; payUrl?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new GatewayUnavailable('the payment gateway answered with something other than JSON');
    }
    if (typeof body.gatewayRef !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(body.gatewayRef)) throw new GatewayUnavailable('the payment gateway answered without a usable gatewayRef');
    return { gatewayRef: body.gatewayRef, ...(typeof body.payUrl === 'string' ? { payUrl: body.payUrl } : {}) };
  }
}
