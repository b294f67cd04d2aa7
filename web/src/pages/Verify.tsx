// Public verification of a result: the result file is checked in this browser against the
// platform's certification centre (CA certificates and the revocation list under /pki).
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n, type I18n, type MessageKey, type Text } from '../lib/i18n.tsx';
import { ApiError, get } from '../lib/api.ts';
import { pki } from '../lib/eds.ts';
import type { Report, ResultBundle } from '../pki/index.ts';
import { FormAlert, ProblemAlert, Working } from '../components/Problem.tsx';
import { useTitle } from '../lib/ui.tsx';
import { VERIFY_KEY, type ResultDocument } from '../lib/result.ts';

/** GET /api/public/verify: the registries of results (number, SHA-256, status). */
interface RegistryAnswer {
  number: string;
  issued: boolean;
  documentMatches: boolean | null;
  verified: boolean;
  valid?: boolean;
  status?: string;
  entry?: { holder?: { name?: string }; issuer?: { name?: Text }; issuedAt?: string; statusAt?: string };
}

/** The registry's answer, or null where this server has no public registry. */
async function registryLookup(number: string, sha256?: string): Promise<RegistryAnswer | null> {
  try {
    return await get<RegistryAnswer>(`/api/public/verify?number=${encodeURIComponent(number)}${sha256 ? `&sha256=${encodeURIComponent(sha256)}` : ''}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.rule === 'no_route') return null;
    throw e;
  }
}

function RegistryResult({ answer, number, i }: { answer: RegistryAnswer | null; number: string; i: I18n }) {
  const { t, tx } = i;
  if (!answer) return <p className="alert alert-info">{t('registry.unavailable')}</p>;
  if (!answer.issued) return <p className="alert alert-error">{t('registry.unknown', { number })}</p>;
  if (answer.documentMatches === false) return <p className="alert alert-error">{t('registry.mismatch', { number })}</p>;
  const status = t(`registry.status.${answer.status ?? 'valid'}` as MessageKey);
  return (
    <div className={`alert ${answer.valid ? 'alert-success' : 'alert-warn'}`}>
      <p>{t(answer.documentMatches ? 'registry.matches' : 'registry.issued', { number, status })}</p>
      {answer.entry && (
        <p>
          {[answer.entry.holder?.name, tx(answer.entry.issuer?.name), answer.entry.issuedAt ? i.dateTime(answer.entry.issuedAt) : ''].filter(Boolean).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** `initial`: a number given in the address (?number=, from the registry search), checked at once. */
function ByNumber({ initial }: { initial: string }) {
  const i = useI18n();
  const { t } = i;
  const [number, setNumber] = useState(initial);
  const [sha, setSha] = useState('');
  const [answer, setAnswer] = useState<{ a: RegistryAnswer | null; number: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const check = async (raw: string) => {
    setError(null);
    setAnswer(null);
    try {
      const n = raw.trim().toUpperCase();
      setAnswer({ a: await registryLookup(n, sha.trim() || undefined), number: n });
    } catch (err) {
      setError(err);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void check(number);
  };
  useEffect(() => {
    if (initial.trim()) void check(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);
  return (
    <form className="panel narrow" onSubmit={submit} aria-labelledby="by-number-h">
      <h2 id="by-number-h">{t('registry.byNumber')}</h2>
      <div className="field">
        <label htmlFor="reg-number">{t('registry.number')}</label>
        <input id="reg-number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} aria-describedby="reg-number-hint" autoComplete="off" />
        <p className="hint" id="reg-number-hint">
          {t('registry.numberHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="reg-sha">{t('registry.sha256')}</label>
        <input id="reg-sha" value={sha} onChange={(e) => setSha(e.currentTarget.value)} autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={!number.trim()}>
        {t('registry.check')}
      </button>
      <ProblemAlert error={error} />
      {answer && (
        <div role="status">
          <RegistryResult answer={answer.a} number={answer.number} i={i} />
        </div>
      )}
    </form>
  );
}

export default function VerifyPage({ query }: { query: URLSearchParams }) {
  const i = useI18n();
  const { t, tx } = i;
  useTitle(t('verify.title'));
  const [bundle, setBundle] = useState<ResultBundle | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [registry, setRegistry] = useState<{ a: RegistryAnswer | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (b: ResultBundle) => {
    setBusy(true);
    setError(null);
    setReport(null);
    setRegistry(null);
    try {
      // Registries hold issued licences and conclusions; a refusal is not entered in one.
      const [r, reg] = await Promise.all([(await pki()).verifyResult(b), b.decision === 'approve' ? registryLookup(b.number, b.sha256).catch(() => null) : Promise.resolve(undefined)]);
      setReport(r);
      setRegistry(reg === undefined ? null : { a: reg });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (query.get('from') !== 'case') return;
    const raw = sessionStorage.getItem(VERIFY_KEY);
    if (!raw) return;
    const b = JSON.parse(raw) as ResultBundle;
    setBundle(b);
    void run(b);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const pick = async (file: File | undefined) => {
    setFormError(null);
    setReport(null);
    setRegistry(null);
    if (!file) return;
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (!(await pki()).isBundle(parsed)) throw new Error('not a bundle');
      setBundle(parsed);
      await run(parsed);
    } catch {
      setBundle(null);
      setFormError(t('verify.notBundle'));
    }
  };

  const doc = bundle?.document as ResultDocument | undefined;
  const info = (c: Report['checks'][number]) => {
    const v = { ...(c.info ?? {}) };
    for (const k of ['at', 'crlDate', 'revokedAt', 'notAfter']) if (v[k]) v[k] = i.dateTime(v[k]!);
    return v;
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('verify.title')}</h1>
      <p className="lead">{t('verify.intro')}</p>
      <div className="panel narrow">
        <div className="field">
          <label htmlFor="verify-file">{t('verify.file')}</label>
          <input id="verify-file" type="file" accept=".json,application/json" onChange={(e) => void pick(e.currentTarget.files?.[0])} aria-describedby="verify-hint" />
          <p className="hint" id="verify-hint">
            {t('verify.fileHint')}
          </p>
        </div>
        <FormAlert message={formError} />
      </div>
      <ByNumber initial={query.get('number') ?? ''} />
      <Working busy={busy}>{t('verify.working')}</Working>
      <ProblemAlert error={error} />
      {report && bundle && (
        <section aria-labelledby="report-h" className="panel">
          <h2 id="report-h">{t('verify.reportFor', { number: bundle.number })}</h2>
          <p className={`alert ${report.ok ? 'alert-success' : 'alert-error'}`} role="status">
            {t(report.ok ? 'verify.valid' : 'verify.invalid')}
          </p>
          {registry && <RegistryResult answer={registry.a} number={bundle.number} i={i} />}
          {doc && (
            <dl className="facts">
              <div>
                <dt>{t('result.kind')}</dt>
                <dd>{tx(doc.kind)}</dd>
              </div>
              <div>
                <dt>{t('result.holder')}</dt>
                <dd>
                  {doc.applicant.organization ? `${doc.applicant.organization}, ` : ''}
                  {doc.applicant.name}, {t('person.iin')} {doc.applicant.iin}
                </dd>
              </div>
              <div>
                <dt>{t('result.issuedAt')}</dt>
                <dd>{i.dateTime(bundle.issuedAt)}</dd>
              </div>
              {report.signer && (
                <div>
                  <dt>{t('verify.signer')}</dt>
                  <dd>
                    {report.signer.commonName}
                    {report.signer.organization ? `, ${report.signer.organization}` : ''} ({t('person.iin')} {report.signer.iin ?? '—'})
                  </dd>
                </div>
              )}
            </dl>
          )}
          <ul className="checks">
            {report.checks.map((c) => (
              <li key={c.id} className={c.ok ? 'ok' : 'bad'}>
                <span className="check-mark" aria-hidden="true">
                  {c.ok ? '✓' : '✗'}
                </span>
                <span className="sr-only">{t(c.ok ? 'verify.passed' : 'verify.failed')}: </span>
                {t(`check.${c.id}` as MessageKey, info(c))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
