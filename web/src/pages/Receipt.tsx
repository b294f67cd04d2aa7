// The receipt handed to an applicant whose paper application was accepted: case number, service,
// who accepted it and when, the documents, and the date the result is due by the legal clock.
import type { CaseView } from '../lib/types.ts';
import { get } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { serviceEntry, useLoad } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import { Loaded } from '../components/Problem.tsx';
import { altName, useTitle } from '../lib/ui.tsx';

export default function ReceiptPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const { t, tx } = i;
  const { user } = useSession();
  useTitle(t('receipt.title'));
  const [s, , retry] = useLoad(async () => {
    const view = await get<CaseView>(`/api/cases/${encodeURIComponent(params.id!)}`);
    return { view, svc: await serviceEntry(view.serviceId, view.submittedAt) };
  }, [params.id]);
  return (
    <Loaded s={s} retry={retry}>
      {({ view, svc }) => {
        const sc = svc.subcases.find((x) => x.id === view.subcase);
        const acceptedBy = view.timeline[0]?.actor.userId === user?.id ? user?.displayName : undefined;
        return (
          <article className="receipt">
            <h1 tabIndex={-1}>{t('receipt.title')}</h1>
            <p className="lead">{tx(svc.provider.name)}</p>
            <dl className="facts receipt-facts">
              <div>
                <dt>{t('receipt.number')}</dt>
                <dd className="big">{view.number}</dd>
              </div>
              <div>
                <dt>{t('case.service')}</dt>
                <dd>
                  {tx(view.serviceName)} — {tx(view.subcaseName)}
                </dd>
              </div>
              <div>
                <dt>{t('receipt.applicant')}</dt>
                <dd>
                  {view.applicant.name}, {t('person.iin')} {view.applicant.iin}
                  {view.applicant.bin ? `, ${t('person.bin')} ${view.applicant.bin}` : ''}
                  {view.applicant.organization ? ` (${view.applicant.organization})` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('receipt.acceptedAt')}</dt>
                <dd>{i.dateTime(view.submittedAt)}</dd>
              </div>
              {acceptedBy && (
                <div>
                  <dt>{t('receipt.acceptedBy')}</dt>
                  <dd>{acceptedBy}</dd>
                </div>
              )}
              <div>
                <dt>{t('receipt.due')}</dt>
                <dd className="big">{i.dateTime(view.deadlines.overall.due)}</dd>
              </div>
            </dl>
            <h2>{t('receipt.documents')}</h2>
            <ol>
              {view.documents.map((d) => (
                <li key={d.id}>
                  {tx(sc?.documents.find((x) => x.id === d.requirement)?.name, altName(d.requirement ?? '', i))} — {d.name}
                </li>
              ))}
            </ol>
            <p>{t('receipt.note')}</p>
            <div className="actions no-print">
              <button type="button" className="btn btn-primary" onClick={() => window.print()}>
                {t('receipt.print')}
              </button>
              <Link className="btn" href={`/cases/${view.id}`}>
                {t('receipt.toCase')}
              </Link>
              <Link className="btn" href="/office">
                {t('receipt.another')}
              </Link>
            </div>
          </article>
        );
      }}
    </Loaded>
  );
}
