// The NCA operator's desk at a public service centre or the provider: the certificate requests
// waiting for the operator (the nca_operator inbox of the nca-certificates service, most urgent
// first), each opened on the request page to identify the applicant and confirm with the
// operator's own signature; and revocation at the centre: the holder is identified by IIN, the
// certificate looked up by its serial (GET /api/pki/certificates/:serial, an operator may see any),
// the identity documents scanned, and the application (revoke_at_counter) signed by the operator.
import { useMemo, useRef, useState } from 'react';
import { checkDocuments, requiredDocuments } from '../../../src/core/application.ts';
import { validateIin } from '../../../src/core/identifiers.ts';
import type { MatchContext } from '../../../src/core/regulation.ts';
import type { CaseSummary, Service, SubCase } from '../lib/types.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { get, newIdempotencyKey, refusedOnPage } from '../lib/api.ts';
import { serviceEntry, useLoad } from '../lib/catalog.ts';
import { navigate } from '../lib/router.tsx';
import { useSession, type User } from '../lib/session.tsx';
import { described, type Attachment } from '../lib/files.ts';
import type { KeyStore } from '../lib/eds.ts';
import { submitAtDesk } from '../lib/desk.ts';
import { problemsByField } from '../lib/forms.ts';
import { problemText, problemTexts } from '../components/FieldInput.tsx';
import { DocumentUploads } from '../components/Uploads.tsx';
import { SignDialog } from '../components/SignDialog.tsx';
import { ErrorSummary, useErrorSummary } from '../components/ErrorSummary.tsx';
import { Loaded, ProblemAlert } from '../components/Problem.tsx';
import { byDue, CaseTable } from '../components/CaseTable.tsx';
import { useTitle } from '../lib/ui.tsx';
import { IssueOnCard } from './NcaIdCard.tsx';

export const NCA_SERVICE = 'nca-certificates';
export const NCA_OPERATOR = 'nca_operator';
/** The channel of the desk: a public service centre. */
const CHANNEL = 'psc' as const;
/** Reasons a holder may give (src/app/nca-effects.ts APPLICANT_REASONS), the most common first. */
export const REASONS = ['keyCompromise', 'cessationOfOperation', 'affiliationChanged', 'superseded', 'unspecified'] as const;

interface CertificateStatus {
  serial: string;
  status: 'good' | 'revoked' | 'on_hold' | 'expired';
  reason: string | null;
  revokedAt: string | null;
  purpose: string;
  subject: string;
  iin: string | null;
  bin: string | null;
  notAfter: string;
}

export default function NcaDeskPage() {
  const i = useI18n();
  const { t, tx } = i;
  const { user } = useSession() as { user: User };
  useTitle(t('nca.desk.title'));
  const operator = user.roles.includes(NCA_OPERATOR);
  const [s, , retry] = useLoad(async () => {
    const svc = await serviceEntry(NCA_SERVICE);
    const inbox = operator ? await get<{ items: CaseSummary[] }>(`/api/inbox?role=${NCA_OPERATOR}`) : { items: [] };
    return { svc, items: inbox.items.filter((c) => c.serviceId === NCA_SERVICE).sort(byDue) };
  }, [operator]);
  if (!operator) {
    return (
      <>
        <h1 tabIndex={-1}>{t('nca.desk.title')}</h1>
        <p className="alert alert-warn">{t('nca.desk.notOperator')}</p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>{t('nca.desk.title')}</h1>
      <p className="lead">{t('nca.desk.intro')}</p>
      <Loaded s={s} retry={retry}>
        {({ svc, items }) => (
          <>
            <section aria-labelledby="desk-queue-h">
              <h2 id="desk-queue-h">
                {t('nca.desk.queue')} <span className="muted">({i.number(items.length)})</span>
              </h2>
              {items.length === 0 ? (
                <p>{t('nca.desk.empty')}</p>
              ) : (
                <CaseTable
                  label={t('nca.desk.queue')}
                  cases={items}
                  href={(c) => `/nca/desk/${c.id}`}
                  what={{ header: t('nca.desk.kind'), cell: (c) => tx(svc.subcases.find((x) => x.id === c.subcase)?.name, c.subcase) }}
                  step={(c) => tx(svc.subcases.find((x) => x.id === c.subcase)?.steps.find((x) => x.id === c.currentStep)?.action, c.currentStep ?? '—')}
                />
              )}
            </section>
            {svc.subcases.some((x) => x.id === 'revoke_at_counter') && <RevokeAtCounter svc={svc} sc={svc.subcases.find((x) => x.id === 'revoke_at_counter')!} />}
            {svc.subcases.some((x) => x.id === 'issue_id_card') && <IssueOnCard svc={svc} sc={svc.subcases.find((x) => x.id === 'issue_id_card')!} />}
          </>
        )}
      </Loaded>
    </>
  );
}

function RevokeAtCounter({ svc, sc }: { svc: Service; sc: SubCase }) {
  const i = useI18n();
  const { t, tx } = i;
  const key = useRef(newIdempotencyKey());
  const [iin, setIin] = useState('');
  const [serial, setSerial] = useState('');
  const [reason, setReason] = useState<(typeof REASONS)[number]>('keyCompromise');
  const [docs, setDocs] = useState<Attachment[]>([]);
  const [found, setFound] = useState<CertificateStatus | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { showAll, setShowAll, ref: summary, reveal } = useErrorSummary();

  const cleanSerial = serial.trim().toLowerCase().replace(/[\s:]/g, '');
  // A company's certificate is revoked on the company's behalf: the holder's BIN comes from the certificate.
  const holderBin = found && found.serial === cleanSerial ? found.bin : null;
  const ctx: MatchContext = useMemo(() => ({ channel: CHANNEL, applicantKind: holderBin ? 'legal_entity' : 'individual' }), [holderBin]);
  const fields = { certificateSerial: cleanSerial, revocationReason: reason };
  const withFields = { ...ctx, fields };
  const required = requiredDocuments(sc, withFields);
  const docProblems = problemsByField(checkDocuments(sc, docs.map(described), withFields));
  const iinCheck = validateIin(iin);
  const problems: Array<[string, string]> = [];
  if (!iinCheck.ok) problems.push(['desk-iin', t(`val.${iinCheck.error.rule}` as MessageKey, { label: t('office.iin') })]);
  if (!/^[0-9a-f]{1,40}$/.test(cleanSerial)) problems.push(['desk-serial', t('nca.desk.serialFormat')]);
  else if (!found || found.serial !== cleanSerial) problems.push(['desk-lookup', t('nca.desk.lookupFirst')]);
  else if (found.status !== 'good') problems.push(['desk-serial', t('nca.desk.notGood', { status: t(`nca.status.${found.status}`) })]);
  else if (found.iin !== iin) problems.push(['desk-iin', t('nca.desk.notHolder', { iin: found.iin ?? '—' })]);
  for (const [k, p] of Object.entries(docProblems)) problems.push([`doc-${k}`, problemText(p, undefined, i)]);

  const lookup = async () => {
    setLookupError(null);
    setFound(null);
    if (!/^[0-9a-f]{1,40}$/.test(cleanSerial)) {
      setShowAll(true);
      return;
    }
    try {
      setFound(await get<CertificateStatus>(`/api/pki/certificates/${cleanSerial}`));
    } catch (e) {
      setLookupError(e);
    }
  };

  const accept = async (ks: KeyStore) => {
    const applicant = { iin, ...(holderBin ? { bin: holderBin } : {}) };
    try {
      const res = await submitAtDesk(ks, { svc, sc, channel: CHANNEL, applicant, fields, docs }, { idempotencyKey: key.current });
      setSigning(false);
      navigate(`/nca/desk/${res.id}`);
    } catch (e) {
      refusedOnPage(e, (refusal) => {
        setSigning(false);
        setError(refusal);
      });
    }
  };

  const show = (id: string) => (showAll ? problems.find(([k]) => k === id)?.[1] : undefined);
  return (
    <section className="panel" aria-labelledby="desk-revoke-h">
      <h2 id="desk-revoke-h">{t('nca.desk.revokeTitle')}</h2>
      <p>{t('nca.desk.revokeIntro')}</p>
      <form
        noValidate
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (problems.length) return reveal();
          setSigning(true);
        }}
      >
        <div className={`field${show('desk-iin') ? ' has-error' : ''}`}>
          <label htmlFor="desk-iin">{t('office.iin')}</label>
          <input id="desk-iin" inputMode="numeric" maxLength={12} value={iin} aria-invalid={show('desk-iin') ? true : undefined} aria-describedby={show('desk-iin') ? 'desk-iin-err' : 'desk-iin-hint'} onChange={(e) => setIin(e.currentTarget.value.replace(/\s+/g, ''))} />
          <p className="hint" id="desk-iin-hint">
            {t('nca.desk.iinHint')}
          </p>
          {show('desk-iin') && (
            <p className="field-error" id="desk-iin-err">
              {show('desk-iin')}
            </p>
          )}
        </div>
        <div className={`field${show('desk-serial') ? ' has-error' : ''}`}>
          <label htmlFor="desk-serial">{t('nca.keys.serial')}</label>
          <input id="desk-serial" spellCheck={false} autoComplete="off" maxLength={80} value={serial} aria-invalid={show('desk-serial') ? true : undefined} aria-describedby={show('desk-serial') ? 'desk-serial-err' : undefined} onChange={(e) => setSerial(e.currentTarget.value)} />
          {show('desk-serial') && (
            <p className="field-error" id="desk-serial-err">
              {show('desk-serial')}
            </p>
          )}
          <div className="actions">
            <button type="button" className="btn" id="desk-lookup" onClick={() => void lookup()}>
              {t('nca.desk.lookup')}
            </button>
          </div>
        </div>
        <ProblemAlert error={lookupError} />
        {found && (
          <dl className="facts span-all" aria-live="polite">
            <div>
              <dt>{t('nca.desk.holder')}</dt>
              <dd>{found.subject}</dd>
            </div>
            <div>
              <dt>{t('person.iin')}</dt>
              <dd>{found.iin ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('nca.keys.purpose')}</dt>
              <dd>{found.purpose === 'auth' || found.purpose === 'sign' ? t(`nca.purpose.${found.purpose}`) : found.purpose}</dd>
            </div>
            <div>
              <dt>{t('nca.desk.status')}</dt>
              <dd>{t(`nca.status.${found.status}`)}</dd>
            </div>
            <div>
              <dt>{t('nca.keys.validTo')}</dt>
              <dd>{i.dateTime(found.notAfter)}</dd>
            </div>
          </dl>
        )}
        <div className="field">
          <label htmlFor="desk-reason">{tx(sc.fields.find((f) => f.id === 'revocationReason')?.label, t('nca.desk.reason'))}</label>
          <select id="desk-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as (typeof REASONS)[number])}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`nca.reason.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="span-all">
          <legend>{t('office.scans')}</legend>
          <DocumentUploads required={required} optional={[]} docs={docs} setDocs={setDocs} problems={showAll ? problemTexts(docProblems, i) : {}} />
        </fieldset>
        {showAll && problems.length > 0 && <ErrorSummary problems={problems} focusRef={summary} wide />}
        <ProblemAlert error={error} />
        <div className="actions span-all">
          <button type="submit" className="btn btn-danger">
            {t('nca.desk.revokeSubmit')}
          </button>
        </div>
      </form>
      <SignDialog open={signing} title={t('nca.desk.revokeTitle')} onSign={accept} onClose={() => setSigning(false)}>
        <p>{t('nca.desk.revokeSignWhat', { serial: cleanSerial, iin, reason: t(`nca.reason.${reason}`) })}</p>
      </SignDialog>
    </section>
  );
}
