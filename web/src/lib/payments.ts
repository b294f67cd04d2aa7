// The fee of a draft application through the payment gateway: the order (made once per key, so a
// repeat cannot order twice), its status read back until the gateway's signed notice confirms it,
// and — where the configured gateway is the in-process simulator — its pay step.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, get, post } from './api.ts';
import type { PaymentView } from './types.ts';

export type PaymentPhase = 'none' | 'pending' | 'confirmed' | 'expired' | 'failed';

/** Where a payment stands for the applicant: not ordered, waiting, paid, expired unpaid, or failed. */
export function phaseOf(p: PaymentView | null, failed: boolean, now = Date.now()): PaymentPhase {
  if (p?.status === 'confirmed') return 'confirmed';
  if (failed) return 'failed';
  if (!p) return 'none';
  return Date.parse(p.expiresAt) <= now ? 'expired' : 'pending';
}

export const orderPayment = async (serviceId: string, subcase: string, idempotencyKey: string) => (await post<PaymentView>('/api/payments', { serviceId, subcase }, { idempotencyKey })).body;

/**
 * The simulator's pay step (POST /gateway-sim/pay, the in-process gateway of the demo and the
 * tests): it pays the order as a payer would on a gateway's page and delivers the signed notice to
 * the platform itself. The notice is returned too; it is relayed to the platform here when the
 * delivery did not confirm the payment, which is also how a real gateway's notice handed to the
 * browser would reach it.
 */
export async function payOnSimulator(p: PaymentView): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/gateway-sim/pay', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ gatewayRef: p.gatewayRef }) });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const text = await res.text();
  if (!res.ok) {
    let rule = `http_${res.status}`;
    try {
      rule = (JSON.parse(text) as { rule?: string }).rule ?? rule;
    } catch {
      // not a problem document
    }
    throw new ApiError(res.status, rule, text);
  }
  const body = JSON.parse(text) as { notice?: string; delivered?: { status?: unknown; rule?: string } };
  const accepted = body.delivered && body.delivered.status === 'confirmed';
  if (!accepted && body.notice && body.delivered?.rule !== 'payment_already_confirmed' && body.delivered?.rule !== 'notice_duplicate') {
    await post(`/api/payments/${encodeURIComponent(p.id)}/notice`, { notice: body.notice });
  }
}

const POLL_MS = 2000;

/**
 * The payment order `id` as the server sees it, read again every two seconds while it waits for
 * the gateway (and when the tab comes back into view, e.g. from the gateway's page).
 */
export function usePaymentOrder(id: string | undefined): { payment: PaymentView | null; error: unknown; refresh: () => Promise<void>; set: (p: PaymentView | null) => void } {
  const [payment, setPayment] = useState<PaymentView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = useRef(id);
  current.current = id;
  const refresh = useCallback(async () => {
    const want = current.current;
    if (!want) return;
    try {
      const p = await get<PaymentView>(`/api/payments/${encodeURIComponent(want)}`);
      if (current.current === want) {
        setPayment(p);
        setError(null);
      }
    } catch (e) {
      if (current.current === want) setError(e);
    }
  }, []);
  useEffect(() => {
    setPayment(null);
    setError(null);
    if (id) void refresh();
  }, [id, refresh]);
  const waiting = !!id && payment?.id === id && payment.status === 'pending' && Date.parse(payment.expiresAt) > Date.now();
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [waiting, refresh]);
  return { payment: payment && payment.id === id ? payment : null, error, refresh, set: setPayment };
}
