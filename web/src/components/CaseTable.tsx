// A table of cases for the staff who work them: the number (a link to where the case is worked),
// what it is, the step it waits at and when that step is due, and its status. The back office's
// inbox names the service in the second column, the NCA operator's desk the kind of request.
import type { ReactNode } from 'react';
import type { CaseSummary } from '../lib/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { TableWrap } from '../lib/ui.tsx';
import { OverdueBadge, StatusBadge } from './Status.tsx';

/** Most urgent first: by the current step's deadline, or the case's own where no step is running. */
export const byDue = (a: CaseSummary, b: CaseSummary) => (a.stepDue ?? a.overallDue).localeCompare(b.stepDue ?? b.overallDue);

export function CaseTable({ label, cases, href, what, step }: { label: string; cases: CaseSummary[]; href: (c: CaseSummary) => string; what: { header: string; cell: (c: CaseSummary) => ReactNode }; step: (c: CaseSummary) => ReactNode }) {
  const i = useI18n();
  const { t } = i;
  return (
    <TableWrap label={label}>
      <table className="cases">
        <thead>
          <tr>
            <th scope="col">{t('case.number')}</th>
            <th scope="col">{what.header}</th>
            <th scope="col">{t('case.step')}</th>
            <th scope="col">{t('case.stepDue')}</th>
            <th scope="col">{t('case.status')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td data-label={t('case.number')}>
                <Link href={href(c)}>{c.number}</Link>
              </td>
              <td data-label={what.header}>{what.cell(c)}</td>
              <td data-label={t('case.step')}>{step(c)}</td>
              <td data-label={t('case.stepDue')}>{c.stepDue ? i.dateTime(c.stepDue) : '—'}</td>
              <td data-label={t('case.status')}>
                <StatusBadge mark={c.mark} /> {c.overdue && <OverdueBadge />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
