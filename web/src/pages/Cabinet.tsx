// The personal cabinet: my applications with their status marks and the date each result is due.
import { get } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { catalogList, useLoad } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import type { CaseSummary } from '../lib/types.ts';
import { Loaded } from '../components/Problem.tsx';
import { OverdueBadge, StatusBadge } from '../components/Status.tsx';
import { TableWrap, useTitle } from '../lib/ui.tsx';

export default function CabinetPage() {
  const i = useI18n();
  const { t, tx } = i;
  useTitle(t('cabinet.title'));
  const [s, , retry] = useLoad(async () => {
    const [cases, catalog] = await Promise.all([get<{ items: CaseSummary[] }>('/api/cabinet'), catalogList()]);
    return { cases: cases.items, catalog };
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>{t('cabinet.title')}</h1>
      <Loaded s={s} retry={retry}>
        {({ cases, catalog }) =>
          cases.length === 0 ? (
            <p>
              {t('cabinet.empty')} <Link href="/">{t('nav.catalog')}</Link>
            </p>
          ) : (
            <TableWrap label={t('cabinet.title')}>
              <table className="cases">
                <caption className="sr-only">{t('cabinet.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('case.number')}</th>
                    <th scope="col">{t('case.service')}</th>
                    <th scope="col">{t('case.submitted')}</th>
                    <th scope="col">{t('case.status')}</th>
                    <th scope="col">{t('case.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.map((c) => {
                    const svc = catalog.find((x) => x.id === c.serviceId);
                    const sub = svc?.subcases.find((x) => x.id === c.subcase);
                    return (
                      <tr key={c.id}>
                        <td data-label={t('case.number')}>
                          <Link href={`/cases/${c.id}`}>{c.number}</Link>
                        </td>
                        <td data-label={t('case.service')}>
                          {tx(svc?.shortName, c.serviceId)}
                          {sub && <span className="muted"> — {tx(sub.name)}</span>}
                        </td>
                        <td data-label={t('case.submitted')}>{i.dateTime(c.submittedAt)}</td>
                        <td data-label={t('case.status')}>
                          <StatusBadge mark={c.mark} /> {c.overdue && <OverdueBadge />}
                        </td>
                        <td data-label={t('case.due')}>{c.mark === 'result' || c.mark === 'refused' ? '—' : i.dateTime(c.overallDue)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Loaded>
    </>
  );
}
