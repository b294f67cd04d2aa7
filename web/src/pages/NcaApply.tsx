// Applying for the NCA's certificates on the portal (nca-certificates, issue or reissue): two key
// pairs (authentication and signing) are generated in this browser, the PKCS#10 requests built
// here, and the application with the two requests is signed with the applicant's current signing
// key store and submitted. The private keys stay in this browser (see pki/keyring.ts) until the
// applicant downloads the key store built from them on the "My NCA keys" page.
import { useEffect, useRef, useState } from 'react';
import { applicationPayload, validateFields } from '../../../src/core/application.ts';
import type { MatchContext } from '../../../src/core/regulation.ts';
import type { CaseSummary, Prefill, Service, SubCase } from '../lib/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { get, newIdempotencyKey, post, refusedOnPage } from '../lib/api.ts';
import { serviceEntry, useLoad } from '../lib/catalog.ts';
import { useSession, type User } from '../lib/session.tsx';
import { signPayload, type KeyStore } from '../lib/eds.ts';
import { Link } from '../lib/router.tsx';
import { problemsByField } from '../lib/forms.ts';
import { FieldInput, problemText } from '../components/FieldInput.tsx';
import { SignDialog } from '../components/SignDialog.tsx';
import { PersonRows } from '../components/PersonFacts.tsx';
import { FormAlert, Loaded, ProblemAlert, Working } from '../components/Problem.tsx';
import { useTitle } from '../lib/ui.tsx';
import { buildCsr, generateKeyPair, keyFingerprint, type CsrSubject } from '../pki/csr.ts';
import { attachToCase, getKeys, pendingId, putKeys, storageKind, type HeldKey, type HeldKeys } from '../pki/keyring.ts';

export const NCA_SERVICE = 'nca-certificates';

export default function NcaApplyPage({ params }: { params: Record<string, string> }) {
  const { lang } = useI18n();
  // Routed by literal paths (/apply/nca-certificates/issue, …/reissue): the sub-case is the last segment.
  const subcase = params.subcase ?? (location.pathname.split('/').filter(Boolean).pop() === 'reissue' ? 'reissue' : 'issue');
  const [s, , retry] = useLoad(async () => {
    const [svc, pre] = await Promise.all([serviceEntry(NCA_SERVICE), get<Prefill>(`/api/prefill?serviceId=${NCA_SERVICE}&subcase=${encodeURIComponent(subcase)}&lang=${lang === 'kk' ? 'kk' : 'ru'}`)]);
    return { svc, pre };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subcase]);
  return <Loaded s={s} retry={retry}>{({ svc, pre }) => <NcaApply svc={svc} pre={pre} sc={svc.subcases.find((x) => x.id === subcase)!} />}</Loaded>;
}

async function newKey(subject: CsrSubject): Promise<HeldKey> {
  const pair = await generateKeyPair();
  const csr = await buildCsr(pair, subject);
  return { privateKey: pair.privateKey, csrPem: csr.pem, fingerprint: await keyFingerprint(csr.spki) };
}

function NcaApply({ svc, pre, sc }: { svc: Service; pre: Prefill; sc: SubCase }) {
  const i = useI18n();
  const { t, tx, lang } = i;
  const { user } = useSession() as { user: User };
  useTitle(`${t('nca.apply.title')}: ${tx(sc.name)}`);
  const l = lang === 'kk' ? 'kk' : 'ru';
  const emailField = sc.fields.find((f) => f.id === 'email');
  const [email, setEmail] = useState<string>(pre.fields.email ?? pre.applicant.email ?? '');
  const [touched, setTouched] = useState(false);
  const [held, setHeld] = useState<HeldKeys | null | undefined>(undefined);
  const [where, setWhere] = useState<'indexeddb' | 'memory'>('indexeddb');
  const [generating, setGenerating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const [submitted, setSubmitted] = useState<{ caseId: string; number: string; replayed: boolean } | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void storageKind().then((k) => live && setWhere(k));
    getKeys(pendingId(user.id, sc.id)).then(
      (r) => live && setHeld(r),
      () => live && setHeld(null),
    );
    return () => {
      live = false;
    };
  }, [user.id, sc.id]);

  const ctx: MatchContext = { channel: 'portal', applicantKind: pre.applicantKind };
  const fields = { ...(emailField ? { email: email.trim() } : {}), ...(held ? { csrAuth: held.auth.csrPem, csrSign: held.sign.csrPem } : {}) };
  const problems = problemsByField(validateFields(sc, fields, ctx));
  const emailProblem = emailField && problems.email && (touched || formError) ? problemText(problems.email, emailField, i) : undefined;

  const subject: CsrSubject = { commonName: pre.applicant.name[l], iin: pre.applicant.iin, bin: pre.applicant.bin ?? null, organization: pre.applicant.organization?.[l] ?? null };

  const generate = async () => {
    if (generating) return;
    setGenerating(true);
    setError(null);
    try {
      const [auth, sign] = [await newKey(subject), await newKey(subject)];
      const rec: HeldKeys = { id: pendingId(user.id, sc.id), userId: user.id, subcase: sc.id, idempotencyKey: newIdempotencyKey(), createdAt: new Date().toISOString(), auth, sign };
      await putKeys(rec);
      setHeld(rec);
      setFormError(null);
    } catch (e) {
      setError(e);
    } finally {
      setGenerating(false);
    }
  };

  const start = () => {
    setError(null);
    if (!held) return setFormError(t('nca.apply.needKeys'));
    if (Object.keys(problems).length) {
      setTouched(true);
      return setFormError(t('apply.fixErrors') + ' ' + Object.entries(problems).map(([id, p]) => problemText(p, sc.fields.find((f) => f.id === id), i)).join('; '));
    }
    setFormError(null);
    setSigning(true);
  };

  const submit = async (ks: KeyStore) => {
    if (!held) return;
    const payload = applicationPayload({ serviceId: svc.id, subcase: sc.id, channel: 'portal', applicant: { iin: user.iin, ...(user.bin ? { bin: user.bin } : {}) }, fields, documents: [] });
    const signature = await signPayload(ks, payload);
    try {
      const res = await post<CaseSummary>('/api/cases', { serviceId: svc.id, subcase: sc.id, channel: 'portal', fields, documents: [], signature }, { idempotencyKey: held.idempotencyKey });
      await attachToCase(held, res.body.id, res.body.number);
      setSigning(false);
      setHeld(null);
      setSubmitted({ caseId: res.body.id, number: res.body.number, replayed: res.replayed });
      window.setTimeout(() => doneRef.current?.focus(), 0);
    } catch (e) {
      refusedOnPage(e, (refusal) => {
        setSigning(false);
        setError(refusal);
      });
    }
  };

  if (submitted) {
    return (
      <section className="panel success" aria-labelledby="nca-done-h">
        <h1 id="nca-done-h" tabIndex={-1} ref={doneRef}>
          {t('apply.submitted')}
        </h1>
        <p>{t('nca.apply.submittedText', { number: submitted.number })}</p>
        {submitted.replayed && <p className="alert alert-info">{t('apply.alreadySubmitted', { number: submitted.number })}</p>}
        <p>{t(where === 'indexeddb' ? 'nca.keys.whereIndexedDb' : 'nca.keys.whereMemory')}</p>
        <div className="actions">
          <Link className="btn btn-primary" href="/nca/keys">
            {t('nca.keys.title')}
          </Link>
          <Link className="btn" href={`/cases/${submitted.caseId}`}>
            {t('apply.toCase')}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <>
      <p className="crumbs">
        <Link href={`/services/${svc.id}`}>{tx(svc.shortName)}</Link>
      </p>
      <h1 tabIndex={-1}>{tx(sc.name)}</h1>
      <p className="lead">{t('nca.apply.intro')}</p>

      <section className="panel" aria-labelledby="nca-who-h">
        <h2 id="nca-who-h">{t('nca.apply.holder')}</h2>
        <dl className="facts">
          <PersonRows name={pre.applicant.name[l]} iin={pre.applicant.iin} bin={pre.applicant.bin} organization={pre.applicant.organization?.[l]} />
        </dl>
        <p className="hint">{t('nca.apply.holderNote')}</p>
        {emailField && (
          <div className="form-grid">
            <FieldInput field={emailField} value={email} onChange={(v) => setEmail(typeof v === 'string' ? v : '')} onBlur={() => setTouched(true)} problem={emailProblem} />
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="nca-keys-h">
        <h2 id="nca-keys-h">{t('nca.apply.keysTitle')}</h2>
        <p>{t('nca.apply.keysIntro')}</p>
        <p className="hint">{t(where === 'indexeddb' ? 'nca.keys.whereIndexedDb' : 'nca.keys.whereMemory')}</p>
        {held === undefined ? null : held ? (
          <>
            <p role="status" className="alert alert-success">
              {t('nca.apply.keysReady', { date: i.dateTime(held.createdAt) })}
            </p>
            <dl className="facts">
              <div>
                <dt>{t('nca.purpose.auth')}</dt>
                <dd>
                  <code className="hash fingerprint">{held.auth.fingerprint}</code>
                </dd>
              </div>
              <div>
                <dt>{t('nca.purpose.sign')}</dt>
                <dd>
                  <code className="hash fingerprint">{held.sign.fingerprint}</code>
                </dd>
              </div>
            </dl>
            <p className="hint">{t('nca.apply.fingerprintNote')}</p>
          </>
        ) : null}
        <div className="actions">
          <button type="button" className={`btn${held ? '' : ' btn-primary'}`} onClick={() => void generate()} aria-disabled={generating}>
            {t(held ? 'nca.apply.regenerate' : 'nca.apply.generate')}
          </button>
        </div>
        <Working busy={generating}>{t('nca.apply.generating')}</Working>
      </section>

      <FormAlert message={formError} />
      <ProblemAlert error={error} />
      <div className="actions wizard-nav">
        <button type="button" className="btn btn-primary" onClick={start}>
          {t('apply.signSubmit')}
        </button>
      </div>
      <SignDialog open={signing} title={t('apply.signTitle')} onSign={submit} onClose={() => setSigning(false)}>
        <p>{t('nca.apply.signWhat', { service: tx(svc.shortName), subcase: tx(sc.name) })}</p>
      </SignDialog>
    </>
  );
}
