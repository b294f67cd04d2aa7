// The service-centre operator (in this build: the provider's chancellery at its office) accepts a
// paper application on the applicant's behalf: the applicant is identified by IIN (and BIN for a
// company), the form is typed from the paper, the scans attached, and the operator signs; the
// receipt then names the case number and the date the result is due.
import { useMemo, useRef, useState } from 'react';
import { checkDocuments, requiredDocuments, validateFields } from '../../../src/core/application.ts';
import { validateBin, validateIin } from '../../../src/core/identifiers.ts';
import { matches, type MatchContext } from '../../../src/core/regulation.ts';
import type { ApplicantKind, Service, SubCase } from '../lib/types.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { newIdempotencyKey, refusedOnPage } from '../lib/api.ts';
import { catalogList, serviceEntry, useLoad } from '../lib/catalog.ts';
import { navigate } from '../lib/router.tsx';
import { useSession, type User } from '../lib/session.tsx';
import { described, type Attachment } from '../lib/files.ts';
import type { KeyStore } from '../lib/eds.ts';
import { submitAtDesk } from '../lib/desk.ts';
import { FieldInput, problemText, problemTexts } from '../components/FieldInput.tsx';
import { DocumentUploads } from '../components/Uploads.tsx';
import { SignDialog } from '../components/SignDialog.tsx';
import { ErrorSummary, useErrorSummary } from '../components/ErrorSummary.tsx';
import { Loaded, ProblemAlert } from '../components/Problem.tsx';
import { KIND_KEYS, useTitle } from '../lib/ui.tsx';
import { applicable, problemsByField } from '../lib/forms.ts';

const CHANNEL = 'provider_office' as const;

interface Option {
  svc: Service;
  sc: SubCase;
}

export default function OfficePage() {
  const { t } = useI18n();
  const { user } = useSession() as { user: User };
  useTitle(t('office.title'));
  const [s, , retry] = useLoad(async () => {
    const list = await catalogList();
    const defs = await Promise.all(list.filter((x) => x.provider.id === user.providerId && x.status === 'active').map((x) => serviceEntry(x.id)));
    const out: Option[] = [];
    for (const svc of defs) {
      for (const sc of svc.subcases) {
        const first = sc.steps.find((x) => x.id === sc.firstStep);
        if ((sc.channels ?? svc.channels).includes(CHANNEL) && first && user.roles.includes(first.role)) out.push({ svc, sc });
      }
    }
    return out;
  }, [user.providerId]);
  return (
    <>
      <h1 tabIndex={-1}>{t('office.title')}</h1>
      <p className="lead">{t('office.intro')}</p>
      <Loaded s={s} retry={retry}>
        {(options) => (options.length === 0 ? <p>{t('office.none')}</p> : <Chooser options={options} />)}
      </Loaded>
    </>
  );
}

function Chooser({ options }: { options: Option[] }) {
  const { t, tx } = useI18n();
  const [pick, setPick] = useState(0);
  const o = options[pick]!;
  return (
    <>
      <div className="field">
        <label htmlFor="office-service">{t('office.service')}</label>
        <select id="office-service" value={pick} onChange={(e) => setPick(Number(e.currentTarget.value))}>
          {options.map((x, k) => (
            <option key={`${x.svc.id}:${x.sc.id}`} value={k}>
              {tx(x.svc.shortName)} — {tx(x.sc.name)}
            </option>
          ))}
        </select>
      </div>
      <AcceptForm key={`${o.svc.id}:${o.sc.id}`} svc={o.svc} sc={o.sc} />
    </>
  );
}

function AcceptForm({ svc, sc }: { svc: Service; sc: SubCase }) {
  const i = useI18n();
  const { t, tx } = i;
  const key = useRef(newIdempotencyKey());
  const [kind, setKind] = useState<ApplicantKind>(svc.applicantKinds[0]!);
  const [iin, setIin] = useState('');
  const [bin, setBin] = useState('');
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const [docs, setDocs] = useState<Attachment[]>([]);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const { showAll, ref: summary, reveal } = useErrorSummary();

  const ctx: MatchContext = useMemo(() => ({ channel: CHANNEL, applicantKind: kind }), [kind]);
  const now = applicable(sc, fields, ctx);
  const withFields = { ...ctx, fields: now };
  const shown = sc.fields.filter((f) => matches(f.when, withFields));
  const iinCheck = validateIin(iin);
  const binCheck = validateBin(bin);
  const idProblems: Record<string, string> = {};
  if (!iinCheck.ok) idProblems.iin = t(`val.${iinCheck.error.rule}` as MessageKey, { label: t('office.iin') });
  if (kind !== 'individual' && !binCheck.ok) idProblems.bin = t(`val.${binCheck.error.rule}` as MessageKey, { label: t('office.bin') });
  const fieldProblems = problemsByField(validateFields(sc, now, ctx));
  const required = requiredDocuments(sc, withFields);
  const optional = sc.documents.filter((d) => !d.required && !d.obtainedByProvider && matches(d.when, withFields));
  const docProblems = problemsByField(checkDocuments(sc, docs.map(described), withFields));
  const all = [...Object.entries(idProblems).map(([k, v]) => [k === 'iin' ? 'office-iin' : 'office-bin', v] as const), ...Object.entries(fieldProblems).map(([k, p]) => [`f-${k}`, problemText(p, sc.fields.find((f) => f.id === k), i)] as const), ...Object.entries(docProblems).map(([k, p]) => [`doc-${k}`, problemText(p, undefined, i)] as const)];

  const applicant = { iin, ...(kind !== 'individual' ? { bin } : {}) };
  const accept = async (ks: KeyStore) => {
    try {
      const res = await submitAtDesk(ks, { svc, sc, channel: CHANNEL, applicant, fields: now, docs }, { idempotencyKey: key.current, onProgress: setProgress });
      setSigning(false);
      navigate(`/office/receipt/${res.id}`, { replace: true });
    } catch (e) {
      refusedOnPage(e, (refusal) => {
        setSigning(false);
        setError(refusal);
      });
    } finally {
      setProgress(null);
    }
  };

  const show = (id: string) => showAll || touched[id];
  return (
    <>
      <form
        className="panel form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (all.length) return reveal();
          setSigning(true);
        }}
      >
        <fieldset className="span-all">
          <legend>{t('office.applicant')}</legend>
          <div className="radios">
            {svc.applicantKinds.map((k) => (
              <div className="field-check" key={k}>
                <input type="radio" id={`kind-${k}`} name="kind" checked={kind === k} onChange={() => setKind(k)} />
                <label htmlFor={`kind-${k}`}>{t(KIND_KEYS[k])}</label>
              </div>
            ))}
          </div>
          <div className={`field${show('iin') && idProblems.iin ? ' has-error' : ''}`}>
            <label htmlFor="office-iin">{t('office.iin')}</label>
            <input id="office-iin" inputMode="numeric" maxLength={12} value={iin} aria-invalid={show('iin') && idProblems.iin ? true : undefined} aria-describedby="office-iin-hint office-iin-err" onChange={(e) => setIin(e.currentTarget.value.replace(/\s+/g, ''))} onBlur={() => setTouched({ ...touched, iin: true })} />
            <p className="hint" id="office-iin-hint">
              {t('hint.iin')}
            </p>
            {show('iin') && idProblems.iin && (
              <p className="field-error" id="office-iin-err">
                {idProblems.iin}
              </p>
            )}
          </div>
          {kind !== 'individual' && (
            <div className={`field${show('bin') && idProblems.bin ? ' has-error' : ''}`}>
              <label htmlFor="office-bin">{t('office.bin')}</label>
              <input id="office-bin" inputMode="numeric" maxLength={12} value={bin} aria-invalid={show('bin') && idProblems.bin ? true : undefined} aria-describedby="office-bin-err" onChange={(e) => setBin(e.currentTarget.value.replace(/\s+/g, ''))} onBlur={() => setTouched({ ...touched, bin: true })} />
              {show('bin') && idProblems.bin && (
                <p className="field-error" id="office-bin-err">
                  {idProblems.bin}
                </p>
              )}
            </div>
          )}
        </fieldset>
        <fieldset className="span-all">
          <legend>{t('office.form')}</legend>
          {shown.map((f) => (
            <FieldInput
              key={f.id}
              field={f}
              value={fields[f.id]}
              onChange={(v) => setFields({ ...fields, [f.id]: v })}
              onBlur={() => setTouched({ ...touched, [f.id]: true })}
              problem={fieldProblems[f.id] && show(f.id) ? problemText(fieldProblems[f.id]!, f, i) : undefined}
            />
          ))}
        </fieldset>
        <fieldset className="span-all">
          <legend>{t('office.scans')}</legend>
          <DocumentUploads required={required} optional={optional} docs={docs} setDocs={setDocs} problems={showAll ? problemTexts(docProblems, i) : {}} />
        </fieldset>
        {showAll && all.length > 0 && <ErrorSummary problems={all} focusRef={summary} wide />}
        <ProblemAlert error={error} />
        <div className="actions span-all">
          <button type="submit" className="btn btn-primary">
            {t('office.accept')}
          </button>
        </div>
      </form>
      <SignDialog open={signing} title={t('office.signTitle')} onSign={accept} onClose={() => setSigning(false)} progress={progress}>
        <p>{t('office.signWhat', { service: tx(svc.shortName), subcase: tx(sc.name), iin })}</p>
      </SignDialog>
    </>
  );
}
