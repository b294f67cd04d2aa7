// What a fee costs. A definition states its fee in monthly calculation indices (Fee.mci) or, where
// the regulation gives no figure, leaves the amount to configuration per service and sub-case. The
// MCI itself is set every year by the budget law: a table by year (data/payments/mci.json), with
// in-year changes. Amounts are integers in tiyn (1/100 tenge) so nothing is lost to floating point.
import type { Fee, ServiceDefinition, SubCase } from '../../core/regulation.ts';
import mciFile from '../../../data/payments/mci.json' with { type: 'json' };
import feesFile from '../../../data/payments/fees.json' with { type: 'json' };

/** MCI values by year: each year's list in ascending `from` order (YYYY-MM-DD, Almaty calendar). */
export type MciTable = Record<string, Array<{ from: string; tenge: number }>>;

/** A configured amount: in MCI (priced on the payment day) or fixed in tenge. */
export type ConfiguredFee = { mci: number; source?: string } | { tenge: number; source?: string };

/** Keyed "SERVICE/SUBCASE" or "SERVICE/*". */
export type FeeConfig = Record<string, ConfiguredFee>;

export const DEFAULT_MCI_TABLE: MciTable = mciFile.values as MciTable;
export const DEFAULT_FEES: FeeConfig = feesFile.fees as FeeConfig;

export class FeeError extends Error {
  constructor(
    readonly code: 'fee_free' | 'fee_amount_unknown' | 'mci_unknown',
    message: string,
  ) {
    super(message);
  }
}

/** Calendar date in Almaty (UTC+5 since 1 March 2024, UTC+6 before). */
function almatyDate(at: Date): string {
  const offsetH = at.getTime() >= Date.UTC(2024, 1, 29, 18) ? 5 : 6;
  return new Date(at.getTime() + offsetH * 3600_000).toISOString().slice(0, 10);
}

/** The MCI in force on the day of `at`. */
export function mciAt(table: MciTable, at: Date): { year: number; tenge: number } {
  const day = almatyDate(at);
  const year = day.slice(0, 4);
  const list = table[year];
  const hit = list?.filter((v) => v.from <= day).pop();
  if (!hit) throw new FeeError('mci_unknown', `no monthly calculation index is configured for ${day} (year ${year}); add it to data/payments/mci.json from the budget law`);
  return { year: Number(year), tenge: hit.tenge };
}

/** True when the sub-case charges nothing (a free fee, or zero MCI). */
export function isFree(fee: Fee): boolean {
  return fee.kind === 'free' || fee.mci === 0;
}

export interface FeeQuote {
  amountTiyn: number;
  currency: 'KZT';
  basis: 'mci' | 'configured';
  /** The fee in MCI when it is stated so (by the definition or the configuration). */
  mci: number | null;
  /** The MCI value in tenge used, when the amount was priced in MCI. */
  mciValue: number | null;
  budgetCode: string | null;
  paymentPurposeCode: string | null;
  kind: Fee['kind'];
}

function priceMci(mci: number, table: MciTable, at: Date): { amountTiyn: number; mciValue: number } {
  const { tenge } = mciAt(table, at);
  return { amountTiyn: Math.round(mci * tenge * 100), mciValue: tenge };
}

/**
 * The amount of a sub-case's fee on a day: the definition's MCI × the MCI of that day, or the
 * configured amount for the service and sub-case. Throws FeeError when the fee is free or its
 * amount is not known.
 */
export function quoteFee(svc: ServiceDefinition, sc: SubCase, at: Date, opts: { mciTable?: MciTable; fees?: FeeConfig } = {}): FeeQuote {
  const fee = sc.fee;
  const table = opts.mciTable ?? DEFAULT_MCI_TABLE;
  if (isFree(fee)) throw new FeeError('fee_free', `"${svc.id}/${sc.id}" charges no fee; nothing is to be paid`);
  const base = { currency: 'KZT' as const, budgetCode: fee.budgetCode ?? null, paymentPurposeCode: fee.paymentPurposeCode ?? null, kind: fee.kind };
  if (fee.mci !== undefined) {
    const p = priceMci(fee.mci, table, at);
    return { ...base, basis: 'mci', mci: fee.mci, mciValue: p.mciValue, amountTiyn: p.amountTiyn };
  }
  const fees = opts.fees ?? DEFAULT_FEES;
  const conf = fees[`${svc.id}/${sc.id}`] ?? fees[`${svc.id}/*`];
  if (!conf) throw new FeeError('fee_amount_unknown', `the definition of "${svc.id}/${sc.id}" gives the fee no MCI figure and no amount is configured for it; pay at a bank and attach the receipt, or configure the amount (data/payments/fees.json)`);
  if ('mci' in conf) {
    const p = priceMci(conf.mci, table, at);
    return { ...base, basis: 'configured', mci: conf.mci, mciValue: p.mciValue, amountTiyn: p.amountTiyn };
  }
  return { ...base, basis: 'configured', mci: null, mciValue: null, amountTiyn: Math.round(conf.tenge * 100) };
}

/** "21 625.00" style tenge text for messages. */
export function formatTenge(tiyn: number): string {
  const whole = Math.floor(tiyn / 100);
  const frac = String(tiyn % 100).padStart(2, '0');
  return `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}.${frac} KZT`;
}
