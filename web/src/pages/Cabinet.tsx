// The personal cabinet: my applications with their status marks and the date each result is due,
// and the notices of their status changes (newest first, the unread ones marked, each one marked
// read by the applicant).
import { useEffect, useState } from 'react';
import { get, post } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { catalogList, useLoad } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import type { CaseSummary, NoticeView } from '../lib/types.ts';
import { Loaded, ProblemAlert } from '../components/Problem.tsx';
import { noticesChanged } from '../components/UnreadNotices.tsx';
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
      <Notices />
    </>
  );
}

function Notices() {
  const i = useI18n();
  const { t, lang } = i;
  const [s, set, retry] = useLoad(() => get<{ unread: number; items: NoticeView[] }>('/api/notices?limit=50'), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const markRead = async (n: NoticeView) => {
    if (busy || s.state !== 'ok') return;
    setBusy(n.id);
    setError(null);
    try {
      const r = (await post<{ id: string; readAt: string }>(`/api/notices/${encodeURIComponent(n.id)}/read`, {})).body;
      const items = s.value.items.map((x) => (x.id === n.id ? { ...x, readAt: r.readAt } : x));
      set({ unread: Math.max(0, s.value.unread - (n.readAt ? 0 : 1)), items });
      noticesChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const loaded = s.state === 'ok';
  useEffect(() => {
    // Come from the header's unread count: the notices, not the top of the cabinet.
    if (loaded && location.hash === '#notices') document.getElementById('notices-h')?.focus();
  }, [loaded]);
  return (
    <section className="panel notices" id="notices" aria-labelledby="notices-h">
      <h2 id="notices-h" tabIndex={-1}>
        {t('notices.title')}{' '}
        {s.state === 'ok' && s.value.unread > 0 && <span className="badge badge-info">{t('notices.unreadCount', { n: s.value.unread })}</span>}
      </h2>
      <ProblemAlert error={error} />
      <Loaded s={s} retry={retry}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{t('notices.empty')}</p>
          ) : (
            <ul className="plain notice-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'notice read' : 'notice unread'} lang={n.lang !== lang ? n.lang : undefined}>
                  <p className="notice-head">
                    {!n.readAt && <span className="badge badge-warn">{t('notices.new')}</span>} <strong>{n.subject}</strong>{' '}
                    <time className="muted" dateTime={n.createdAt}>
                      {i.dateTime(n.createdAt)}
                    </time>
                  </p>
                  <p className="notice-body">{n.body}</p>
                  <p className="actions">
                    <Link href={`/cases/${n.caseId}`}>{t('notices.case', { number: n.caseNumber })}</Link>
                    {!n.readAt && (
                      <button type="button" className="btn btn-small" onClick={() => void markRead(n)} aria-disabled={busy === n.id} aria-label={t('notices.markReadNamed', { subject: n.subject })}>
                        {t('notices.markRead')}
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
