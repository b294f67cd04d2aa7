// One certificate request at the NCA operator's desk: who the applicant is according to the state
// databases (to compare with the identity document in front of the operator), what the PKCS#10
// requests hold (the IIN they name, the key, and whether each is signed by its own key: checked
// here, in the browser), or which certificate a revocation names; and exactly the actions the API
// offers the operator on the case now (accept after identification, form the request, confirm
// with the operator's own signature, or refuse on the regulation's grounds), signed with EDS.
import { useEffect, useState } from 'react';
import type { CaseView, Service } from '../lib/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useLoad } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import { PersonRows } from '../components/PersonFacts.tsx';
import { Loaded } from '../components/Problem.tsx';
import { StatusBadge } from '../components/Status.tsx';
import { KIND_KEYS, useTitle } from '../lib/ui.tsx';
import { CaseActions, loadCase } from './Case.tsx';
import { readCsr, type CsrInfo } from '../pki/csr.ts';
import { NCA_SERVICE, REASONS } from './NcaDesk.tsx';
import { IdCardPanel } from './NcaIdCard.tsx';

export default function NcaRequestPage({ params }: { params: Record<string, string> }) {
  const [s, setS, retry] = useLoad(() => loadCase(params.id!), [params.id]);
  return <Loaded s={s} retry={retry}>{({ view, svc }) => <Request view={view} svc={svc} setView={(v) => setS({ view: v, svc })} reload={retry} />}</Loaded>;
}

const CSR_FIELDS = [
  ['csrAuth', 'auth'],
  ['csrSign', 'sign'],
] as const;

function Request({ view, svc, setView, reload }: { view: CaseView; svc: Service; setView: (v: CaseView) => void; reload: () => void }) {
  const i = useI18n();
  const { t, tx } = i;
  const [done, setDone] = useState<string | null>(null);
  const [csrs, setCsrs] = useState<Array<{ purpose: 'auth' | 'sign'; info: CsrInfo | null }>>([]);
  useTitle(t('nca.request.title', { number: view.number }));
  const sc = svc.subcases.find((x) => x.id === view.subcase);
  const step = sc?.steps.find((x) => x.id === view.currentStep);
  const a = view.applicant;

  useEffect(() => {
    let live = true;
    const wanted = CSR_FIELDS.filter(([f]) => typeof view.fields[f] === 'string' && (view.fields[f] as string).trim() !== '');
    Promise.all(wanted.map(async ([f, purpose]) => ({ purpose, info: await readCsr(view.fields[f] as string).catch(() => null) }))).then((r) => live && setCsrs(r));
    return () => {
      live = false;
    };
  }, [view.fields]);

  const serial = typeof view.fields.certificateSerial === 'string' ? view.fields.certificateSerial : null;
  const reason = typeof view.fields.revocationReason === 'string' ? view.fields.revocationReason : null;

  return (
    <article className="case">
      <p className="crumbs">
        <Link href="/nca/desk">{t('nca.desk.title')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('nca.request.title', { number: view.number })}</h1>
      <p className="lead">{tx(view.subcaseName)}</p>
      <p>
        <StatusBadge mark={view.mark} /> {step && <span className="muted">{tx(step.action)}</span>}
      </p>
      {done && (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      )}
      {view.serviceId !== NCA_SERVICE && <p className="alert alert-warn">{t('nca.request.otherService')}</p>}

      <section className="panel" aria-labelledby="req-who-h">
        <h2 id="req-who-h">{t('nca.request.identify')}</h2>
        <p className="hint">{t('nca.request.identifyHint')}</p>
        <dl className="facts">
          <PersonRows name={a.name} iin={<strong>{a.iin}</strong>} bin={a.bin} organization={a.organization} />
          <div>
            <dt>{t('apply.kind')}</dt>
            <dd>{t(KIND_KEYS[a.kind])}</dd>
          </div>
        </dl>
      </section>

      {csrs.length > 0 && (
        <section className="panel" aria-labelledby="req-csr-h">
          <h2 id="req-csr-h">{t('nca.request.requests')}</h2>
          <ul className="plain csr-list">
            {csrs.map(({ purpose, info }) => (
              <li key={purpose}>
                <h3>{t(`nca.purpose.${purpose}`)}</h3>
                {!info ? (
                  <p className="alert alert-error">{t('nca.request.unreadable')}</p>
                ) : (
                  <dl className="facts">
                    <div>
                      <dt>{t('nca.request.subject')}</dt>
                      <dd>{info.commonName ?? '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('nca.request.iin')}</dt>
                      <dd>
                        {info.iin ?? '—'}{' '}
                        {info.iin && (info.iin === a.iin ? <span className="badge badge-ok">{t('nca.request.matches')}</span> : <span className="badge badge-bad">{t('nca.request.mismatch')}</span>)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('nca.request.key')}</dt>
                      <dd>
                        {info.keyAlgorithm} <code className="hash fingerprint">{info.fingerprint}</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('nca.request.pop')}</dt>
                      <dd>{info.signatureValid ? <span className="badge badge-ok">{t('nca.request.popValid')}</span> : <span className="badge badge-bad">{t('nca.request.popInvalid')}</span>}</dd>
                    </div>
                  </dl>
                )}
              </li>
            ))}
          </ul>
          <p className="hint">{t('nca.request.keysNote')}</p>
        </section>
      )}

      {serial && (
        <section className="panel" aria-labelledby="req-rev-h">
          <h2 id="req-rev-h">{t('nca.request.revocation')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('nca.keys.serial')}</dt>
              <dd>
                <code className="hash">{serial}</code>
              </dd>
            </div>
            <div>
              <dt>{t('nca.desk.reason')}</dt>
              <dd>{reason && (REASONS as readonly string[]).includes(reason) ? t(`nca.reason.${reason as (typeof REASONS)[number]}`) : (reason ?? t('nca.reason.cessationOfOperation'))}</dd>
            </div>
          </dl>
        </section>
      )}

      {view.subcase === 'issue_id_card' && <IdCardPanel view={view} setView={setView} setDone={setDone} />}

      <CaseActions headingId="req-act-h" waiting="nca.request.waiting" view={view} svc={svc} setView={setView} setDone={setDone} reload={reload} />
      <p>
        <Link href={`/cases/${view.id}`}>{t('nca.request.fullCase')}</Link>
      </p>
    </article>
  );
}
