import { useEffect, type ReactNode } from 'react';
import type { Duration } from '../../../src/core/regulation.ts';
import type { I18n } from './i18n.tsx';

export function useTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} — qyzmet`;
  }, [title]);
}

/** "15 working days", "в день поступления", … */
export function durationText(d: Pick<Duration, 'amount' | 'unit'>, i: I18n): string {
  if (d.unit === 'same_day') return i.t('unit.same_day');
  return i.tp(`unit.${d.unit}`, d.amount);
}

export const CHANNEL_KEYS = { portal: 'channel.portal', provider_office: 'channel.provider_office', psc: 'channel.psc', mail: 'channel.mail' } as const;
export const KIND_KEYS = { individual: 'kind.individual', entrepreneur: 'kind.entrepreneur', legal_entity: 'kind.legal_entity' } as const;

/** Names of documents that satisfy a requirement as an alternative (not requirements themselves). */
export function altName(id: string, i: I18n): string {
  const k = `alt.${id}`;
  const s = i.t(k as never);
  return s === k ? id : s;
}

/** A horizontally scrollable wrapper for wide tables, reachable by keyboard (WCAG 2.1.1). */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
