// The e-government payment gateway as the platform sees it: it takes a payment order (amount,
// budget classification code, payment purpose code, payer) and later sends a payment notice
// signed with its own certificate. A deployment points the platform at its gateway with an
// adapter implementing PaymentGateway (HttpPaymentGateway, or its own); the in-process simulator
// implements the same interface for the demo and the tests.
//
// A notice is a CMS SignedData (RFC 5652) that encapsulates the canonical JSON of PaymentNotice,
// signed with the gateway's signing certificate. It is verified against the gateway's own trust
// anchors (never the platform's CA, which signs applicants and staff), at the moment the platform
// receives it; its content is then checked against the order it claims to confirm
// (src/app/payments.ts). CMS rather than an HMAC: the gateway is another organisation, a shared
// secret would let whoever holds the platform's copy forge notices, and the signed notice stays
// verifiable evidence for an auditor years later without access to any secret.
import { canonicalJson, sha256Hex } from '../../core/canonical.ts';
import { verifyCms, type CertificateInfo, type TrustStore } from '../../pki/index.ts';

export interface PaymentOrder {
  /** The platform's payment id; the notice names it back. */
  paymentId: string;
  amountTiyn: number;
  currency: 'KZT';
  budgetCode: string | null;
  paymentPurposeCode: string | null;
  payer: { iin: string; bin?: string };
  description: string;
  expiresAt: string;
  /**
   * Where the gateway's page sends the payer back after paying or cancelling: an absolute URL on
   * the platform's own public origin (the platform checks it; a gateway must not redirect anywhere
   * else). Absent: the page just says the order is paid.
   */
  returnUrl?: string;
}

export interface CreatedOrder {
  /** The gateway's own reference of the order. */
  gatewayRef: string;
  /** Where the payer is sent to pay, when the gateway has a page for it. */
  payUrl?: string;
}

export interface PaymentGateway {
  readonly name: string;
  createPayment(order: PaymentOrder): Promise<CreatedOrder>;
  /** The trust anchors notice signatures must chain to (the gateway's CA, not the platform's). */
  readonly noticeTrust: TrustStore;
  /** When set, the signer certificate must carry this BIN (the gateway operator). */
  readonly signerBin?: string;
}

export const NOTICE_TYPE = 'payment_notice';

export interface PaymentNotice {
  type: typeof NOTICE_TYPE;
  /** Unique per notice at the gateway: a duplicate delivery carries the same id. */
  noticeId: string;
  gatewayRef: string;
  paymentId: string;
  status: 'paid';
  amountTiyn: number;
  currency: 'KZT';
  budgetCode: string | null;
  paymentPurposeCode: string | null;
  payer: { iin: string; bin?: string };
  paidAt: string;
}

export class NoticeError extends Error {
  constructor(
    readonly code: 'notice_malformed' | 'notice_signature',
    message: string,
  ) {
    super(message);
  }
}

/** The bytes a gateway signs for a notice. */
export function noticeBytes(n: PaymentNotice): Buffer {
  return Buffer.from(canonicalJson(n), 'utf8');
}

const ID = /^[A-Za-z0-9._:-]{1,100}$/;
const DIGITS12 = /^\d{12}$/;
const CODE = /^[0-9A-Za-z]{1,20}$/;

function parseNotice(content: Uint8Array): PaymentNotice {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(content).toString('utf8'));
  } catch {
    throw new NoticeError('notice_malformed', 'the signed content of the notice is not JSON');
  }
  const n = raw as Partial<PaymentNotice> & Record<string, unknown>;
  const bad = (what: string): never => {
    throw new NoticeError('notice_malformed', `the notice's ${what} is missing or malformed`);
  };
  if (!n || typeof n !== 'object' || Array.isArray(n)) bad('body');
  if (n.type !== NOTICE_TYPE) bad('type');
  for (const k of ['noticeId', 'gatewayRef', 'paymentId'] as const) if (typeof n[k] !== 'string' || !ID.test(n[k] as string)) bad(k);
  if (n.status !== 'paid') bad('status (only "paid" notices confirm a payment)');
  if (typeof n.amountTiyn !== 'number' || !Number.isSafeInteger(n.amountTiyn) || n.amountTiyn <= 0) bad('amountTiyn');
  if (n.currency !== 'KZT') bad('currency');
  for (const k of ['budgetCode', 'paymentPurposeCode'] as const) if (n[k] !== null && (typeof n[k] !== 'string' || !CODE.test(n[k] as string))) bad(k);
  const p = n.payer as { iin?: unknown; bin?: unknown } | undefined;
  if (!p || typeof p.iin !== 'string' || !DIGITS12.test(p.iin) || (p.bin !== undefined && (typeof p.bin !== 'string' || !DIGITS12.test(p.bin)))) bad('payer');
  if (typeof n.paidAt !== 'string' || Number.isNaN(Date.parse(n.paidAt))) bad('paidAt');
  return {
    type: NOTICE_TYPE,
    noticeId: n.noticeId!,
    gatewayRef: n.gatewayRef!,
    paymentId: n.paymentId!,
    status: 'paid',
    amountTiyn: n.amountTiyn!,
    currency: 'KZT',
    budgetCode: n.budgetCode ?? null,
    paymentPurposeCode: n.paymentPurposeCode ?? null,
    payer: { iin: p!.iin as string, ...(typeof p!.bin === 'string' ? { bin: p!.bin } : {}) },
    paidAt: new Date(n.paidAt!).toISOString(),
  };
}

export interface VerifiedNotice {
  notice: PaymentNotice;
  signer: CertificateInfo;
  /** SHA-256 of the CMS as received. */
  sha256: string;
  der: Buffer;
}

const MAX_NOTICE_BYTES = 64 * 1024;

/**
 * Checks a notice's signature against the gateway's trust anchors at `at` and reads its content.
 * A notice signed by anyone else, altered after signing, or unreadable is refused here; whether
 * it fits the payment it names is the caller's business.
 */
export async function verifyNotice(base64: unknown, gateway: PaymentGateway, at: Date): Promise<VerifiedNotice> {
  if (typeof base64 !== 'string' || base64.length === 0) throw new NoticeError('notice_malformed', 'notice is required: the base64 CMS the gateway signed');
  if (base64.length > (MAX_NOTICE_BYTES * 4) / 3 + 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new NoticeError('notice_malformed', 'notice must be base64 (at most 64 KiB)');
  const der = Buffer.from(base64, 'base64');
  const r = await verifyCms(der, { trust: gateway.noticeTrust, at, purpose: 'sign' });
  if (!r.ok) {
    if (r.code === 'malformed') throw new NoticeError('notice_malformed', `the notice is not a readable signed document: ${r.message}`);
    throw new NoticeError('notice_signature', `the notice's signature is not the payment gateway's (${r.code}): ${r.message}`);
  }
  if (gateway.signerBin && r.signer.bin !== gateway.signerBin) {
    throw new NoticeError('notice_signature', `the notice is signed by ${r.signer.subjectDn}, not by the payment gateway operator (BIN ${gateway.signerBin})`);
  }
  return { notice: parseNotice(r.content), signer: r.signer, sha256: sha256Hex(der), der };
}
