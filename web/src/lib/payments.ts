// The fee of a draft application through the payment gateway: the order (made once per key, so a
// repeat cannot order twice) and its status read back until the gateway's signed notice confirms
// it. The payer pays on the gateway's own page (payUrl) — the simulator's as a real one's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { get, post } from './api.ts';
import type { PaymentView } from './types.ts';

export type PaymentPhase = 'none' | 'pending' | 'confirmed' | 'expired' | 'failed';

/** Where a payment stands for the applicant: not ordered, waiting, paid, expired unpaid, or failed. */
export function phaseOf(p: PaymentView | null, failed: boolean, now = Date.now()): PaymentPhase {
  if (p?.status === 'confirmed') return 'confirmed';
  if (failed) return 'failed';
  if (!p) return 'none';
  return Date.parse(p.expiresAt) <= now ? 'expired' : 'pending';
}

/**
 * Orders the fee; `returnUrl` (a path of the portal) is where the gateway's page sends the payer
 * back after paying or cancelling.
 */
export const orderPayment = async (serviceId: string, subcase: string, idempotencyKey: string, returnUrl: string) => (await post<PaymentView>('/api/payments', { serviceId, subcase, returnUrl }, { idempotencyKey })).body;

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
