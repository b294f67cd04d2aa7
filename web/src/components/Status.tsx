import { useI18n, type MessageKey } from '../lib/i18n.tsx';

const TONE: Record<string, string> = { delivered: 'info', registered: 'info', in_execution: 'info', paused: 'warn', result: 'ok', refused: 'bad' };

export function StatusBadge({ mark }: { mark: string }) {
  const { t } = useI18n();
  return <span className={`badge badge-${TONE[mark] ?? 'info'}`}>{t(`mark.${mark}` as MessageKey) || mark}</span>;
}

export function OverdueBadge() {
  const { t } = useI18n();
  return <span className="badge badge-bad">{t('common.overdue')}</span>;
}
