// The fee through the payment gateway, in the application form: where the payment stands (not
// paid, waiting, paid, expired, failed) and what to do next, with the one button that does it.
import type { PaymentView } from '../lib/types.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import type { PaymentPhase } from '../lib/payments.ts';
import { ProblemAlert } from './Problem.tsx';

const BADGE: Record<PaymentPhase, string> = { none: 'badge-muted', pending: 'badge-info', confirmed: 'badge-ok', expired: 'badge-warn', failed: 'badge-bad' };

export interface PaymentPanelProps {
  id: string;
  phase: PaymentPhase;
  payment: PaymentView | null;
  /** The fee as the regulation states it, shown before an order exists. */
  feeText: string;
  busy: boolean;
  error: unknown;
  problem?: string | null;
  onOrder: () => void;
  onCheck: () => void;
  onNewOrder: () => void;
}

export function PaymentPanel({ id, phase, payment, feeText, busy, error, problem, onOrder, onCheck, onNewOrder }: PaymentPanelProps) {
  const i = useI18n();
  const { t } = i;
  const simulator = payment?.gateway === 'simulator';
  const todo = t(`pay.todo.${phase}` as MessageKey, { date: phase === 'confirmed' ? i.dateTime(payment?.paidAt ?? payment?.confirmedAt ?? '') : payment ? i.dateTime(payment.expiresAt) : '' });
  return (
    <div className={`payment payment-${phase}${problem ? ' has-error' : ''}`} id={id} tabIndex={-1} role="group" aria-labelledby={`${id}-status`} aria-describedby={problem ? `${id}-err` : undefined}>
      <p id={`${id}-status`} role="status">
        {t('pay.statusLabel')}: <span className={`badge ${BADGE[phase]}`}>{t(`pay.status.${phase}` as MessageKey)}</span>
      </p>
      <dl className="facts">
        {payment ? (
          <>
            <div>
              <dt>{t('pay.amount')}</dt>
              <dd>{payment.amount.text}</dd>
            </div>
            {(payment.fee.budgetCode || payment.fee.paymentPurposeCode) && (
              <div>
                <dt>{t('pay.codes')}</dt>
                <dd>{[payment.fee.budgetCode, payment.fee.paymentPurposeCode].filter(Boolean).join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t('pay.number')}</dt>
              <dd>
                <code>{payment.gatewayRef}</code>
              </dd>
            </div>
            {payment.paidAt && (
              <div>
                <dt>{t('pay.paidAt')}</dt>
                <dd>{i.dateTime(payment.paidAt)}</dd>
              </div>
            )}
          </>
        ) : (
          <div>
            <dt>{t('pay.fee')}</dt>
            <dd>{feeText}</dd>
          </div>
        )}
      </dl>
      <p>{todo}</p>
      <ProblemAlert error={error} />
      {problem && (
        <p className="field-error" id={`${id}-err`}>
          {problem}
        </p>
      )}
      {phase === 'pending' && simulator && <p className="hint">{t('pay.simulatorNote')}</p>}
      <div className="actions">
        {phase === 'none' && (
          <button type="button" className="btn btn-primary" onClick={onOrder} aria-disabled={busy}>
            {busy ? t('pay.ordering') : t('pay.order')}
          </button>
        )}
        {phase === 'failed' && !payment && (
          <button type="button" className="btn btn-primary" onClick={onOrder} aria-disabled={busy}>
            {t('common.retry')}
          </button>
        )}
        {/* The gateway's page opens in a new tab, for the simulator as for a real gateway. A payer
            expects the form they filled in to still be there when they come back; attachments too
            large for the draft live only in this page, so leaving it would lose them. This tab
            keeps the form and checks the payment by itself (every two seconds and when the tab
            comes back into view); the gateway sends the payer back to this same application in
            its tab, where the draft (shared by all tabs) shows the payment too. */}
        {phase === 'pending' && payment?.payUrl && (
          <a className="btn btn-primary" href={payment.payUrl} target="_blank" rel="noopener noreferrer">
            {t('pay.goToGateway')}
          </a>
        )}
        {(phase === 'pending' || (phase === 'failed' && payment)) && (
          <button type="button" className="btn" onClick={onCheck} aria-disabled={busy}>
            {t('pay.check')}
          </button>
        )}
        {(phase === 'expired' || (phase === 'failed' && payment)) && (
          <button type="button" className="btn" onClick={onNewOrder} aria-disabled={busy}>
            {t('pay.newOrder')}
          </button>
        )}
      </div>
    </div>
  );
}
