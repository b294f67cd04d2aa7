// The result of a case: the licence or the motivated refusal as issued, printable, downloadable as
// a result file that anyone can verify on the public verification page.
import { canonicalJson } from '../../../src/core/canonical.ts';
import { decisionPayload } from '../../../src/core/application.ts';
import type { CaseEvent } from '../../../src/core/case.ts';
import { get } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { VERIFY_KEY, type ResultDocument } from '../lib/result.ts';
import { useLoad } from '../lib/catalog.ts';
import { Link, navigate } from '../lib/router.tsx';
import { Loaded } from '../components/Problem.tsx';
import { useTitle } from '../lib/ui.tsx';

interface ResultReply {
  number: string;
  decision: 'approve' | 'refuse';
  sha256: string;
  issuedAt: string;
  document: ResultDocument;
  signature: string | null;
}


/** The decision the result's signature covers, rebuilt from the signed event exactly as it was signed. */
function signedContentOf(events: CaseEvent[], signature: string | null): string | undefined {
  const e = events.find((x) => x.signature === signature && x.data.type === 'step_completed');
  if (!e || e.data.type !== 'step_completed') return undefined;
  const d = e.data;
  return canonicalJson(decisionPayload({ caseId: e.caseId, stepId: d.stepId, outcomeId: d.outcomeId, ...(d.assignee ? { assignee: d.assignee } : {}), ...(d.grounds ? { grounds: d.grounds } : {}), ...(d.comment ? { comment: d.comment } : {}) }));
}

export default function ResultPage({ params }: { params: Record<string, string> }) {
  const i = useI18n();
  const { t, tx } = i;
  useTitle(t('result.title'));
  const [s, , retry] = useLoad(async () => {
    const [r, ev] = await Promise.all([get<ResultReply>(`/api/cases/${encodeURIComponent(params.id!)}/result`), get<{ items: CaseEvent[] }>(`/api/cases/${encodeURIComponent(params.id!)}/events`)]);
    const signedContent = signedContentOf(ev.items, r.signature);
    return { r, bundle: { format: 'qyzmet-result/1' as const, number: r.number, decision: r.decision, issuedAt: r.issuedAt, sha256: r.sha256, document: r.document, signature: r.signature, ...(signedContent ? { signedContent } : {}) } };
  }, [params.id]);
  return (
    <Loaded s={s} retry={retry}>
      {({ r, bundle }) => {
        const d = r.document;
        const download = () => {
          const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
          const a = document.createElement('a');
          a.href = url;
          a.download = `${r.number}.json`;
          a.click();
          window.setTimeout(() => URL.revokeObjectURL(url), 1000);
        };
        return (
          <article className="result">
            <p className="crumbs no-print">
              <Link href={`/cases/${params.id}`}>{t('result.backToCase')}</Link>
            </p>
            <h1 tabIndex={-1}>{tx(d.kind)}</h1>
            <p className={`alert ${r.decision === 'approve' ? 'alert-success' : 'alert-warn'}`}>{t(r.decision === 'approve' ? 'result.approved' : 'result.refused')}</p>
            <dl className="facts">
              <div>
                <dt>{t('result.number')}</dt>
                <dd>{r.number}</dd>
              </div>
              <div>
                <dt>{t('result.issuedAt')}</dt>
                <dd>{i.dateTime(r.issuedAt)}</dd>
              </div>
              <div>
                <dt>{t('case.service')}</dt>
                <dd>{tx(d.serviceName)}</dd>
              </div>
              <div>
                <dt>{t('result.holder')}</dt>
                <dd>
                  {d.applicant.organization ? `${d.applicant.organization}, ` : ''}
                  {d.applicant.name}, {t('person.iin')} {d.applicant.iin}
                  {d.applicant.bin ? `, ${t('person.bin')} ${d.applicant.bin}` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('result.provider')}</dt>
                <dd>{tx(d.provider)}</dd>
              </div>
              {d.signedBy?.certSerial && (
                <div>
                  <dt>{t('result.signedBy')}</dt>
                  <dd>{t('result.signedByText', { serial: d.signedBy.certSerial })}</dd>
                </div>
              )}
              <div>
                <dt>{t('result.sha256')}</dt>
                <dd>
                  <code className="hash wrap">{r.sha256}</code>
                </dd>
              </div>
            </dl>
            {d.grounds && d.grounds.length > 0 && (
              <section aria-labelledby="rg-h">
                <h2 id="rg-h">{t('result.grounds')}</h2>
                <ol>
                  {d.grounds.map((g) => (
                    <li key={g.id}>{tx(g.text, g.id)}</li>
                  ))}
                </ol>
              </section>
            )}
            <div className="actions no-print">
              <button type="button" className="btn btn-primary" onClick={() => {
                sessionStorage.setItem(VERIFY_KEY, JSON.stringify(bundle));
                navigate('/verify?from=case');
              }}>
                {t('result.verify')}
              </button>
              <button type="button" className="btn" onClick={download}>
                {t('result.download')}
              </button>
              <button type="button" className="btn" onClick={() => window.print()}>
                {t('common.print')}
              </button>
            </div>
          </article>
        );
      }}
    </Loaded>
  );
}
