// The portal application, step by step: the applicant's data from the state databases, the
// service's form (checked as it is typed, by the same rules the server applies), the documents,
// a review, and signing and submitting. The form is a draft in localStorage with its own
// Idempotency-Key, made once: repeats of the submission can only ever create one case. The fee is
// paid through the payment gateway (an order with its own key, followed until the gateway confirms
// it, then referenced by the submission) or evidenced by a scan of the receipt.
import { useMemo, useRef, useState } from 'react';
import { applicationPayload, checkDocuments, requiredDocuments, validateFields } from '../../../src/core/application.ts';
import { applicable, displayValue, problemsByField } from '../lib/forms.ts';
import { matches, type MatchContext } from '../../../src/core/regulation.ts';
import type { CaseSummary, Field, Prefill, Service, SubCase } from '../lib/types.ts';
import type { FieldProblem } from '../../../src/core/application.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ApiError, get, newIdempotencyKey, post, refusedOnPage } from '../lib/api.ts';
import { orderPayment, phaseOf, usePaymentOrder } from '../lib/payments.ts';
import { serviceEntry, useLoad } from '../lib/catalog.ts';
import { useSession, type User } from '../lib/session.tsx';
import { useDraft } from '../lib/drafts.ts';
import { described, sent, type Attachment } from '../lib/files.ts';
import { signPayload } from '../lib/eds.ts';
import { Link } from '../lib/router.tsx';
import { FieldInput, problemText } from '../components/FieldInput.tsx';
import { DocumentUploads, GATEWAY_ALTERNATIVE } from '../components/Uploads.tsx';
import { PaymentPanel } from '../components/Payment.tsx';
import { SignDialog } from '../components/SignDialog.tsx';
import { PersonRows } from '../components/PersonFacts.tsx';
import { ErrorSummary, useErrorSummary } from '../components/ErrorSummary.tsx';
import { Loaded, ProblemAlert } from '../components/Problem.tsx';
import { CHANNEL_KEYS, KIND_KEYS, altName, useTitle } from '../lib/ui.tsx';

interface FormData {
  step: number;
  fields: Record<string, unknown>;
  /** Attachments, kept in the draft while they are small. */
  docs: Attachment[];
  /** How the fee is paid: through the gateway (its order's key and id) or by an attached receipt. */
  fee?: { via: 'gateway' | 'receipt'; key?: string; paymentId?: string };
}

/** Refusals of a submission that mean the referenced payment cannot pay for it: a new order is needed. */
const PAYMENT_RULES = new Set(['payment_expired', 'payment_used', 'unknown_payment', 'payment_other_application']);

/** The fee as the regulation states it (before a payment order gives the amount in tenge). */
function feeText(sc: SubCase, i: ReturnType<typeof useI18n>): string {
  const parts = [i.t(`fee.${sc.fee.kind}` as never)];
  if (sc.fee.mci !== undefined) parts.push(i.t('fee.mci', { n: i.number(sc.fee.mci) }));
  if (sc.fee.budgetCode) parts.push(i.t('fee.budgetCode', { code: sc.fee.budgetCode }));
  if (sc.fee.paymentPurposeCode) parts.push(i.t('fee.purposeCode', { code: sc.fee.paymentPurposeCode }));
  return parts.join(', ');
}

const DRAFT_DOCS_LIMIT = 1_500_000;
const STEPS = ['apply.stepApplicant', 'apply.stepForm', 'apply.stepDocuments', 'apply.stepReview'] as const;

/** Values from the state databases: the server's prefill, and fields named after a prefill source. */
function initialFields(sc: SubCase, pre: Prefill, lang: 'kk' | 'ru'): Record<string, unknown> {
  const a = pre.applicant;
  const known: Record<string, string | undefined> = {
    iin: a.iin,
    bin: a.bin,
    fullName: a.name[lang],
    address: a.address[lang],
    email: a.email,
    phone: a.phone,
    legalEntityName: a.organization?.[lang],
    legalAddress: a.bin ? a.address[lang] : undefined,
  };
  const out: Record<string, unknown> = {};
  for (const f of sc.fields) {
    const v = pre.fields[f.id] ?? known[f.prefill ?? f.id];
    if (v !== undefined) out[f.id] = v;
  }
  return out;
}

export default function ApplyPage({ params }: { params: Record<string, string> }) {
  const { lang } = useI18n();
  const [s, , retry] = useLoad(async () => {
    const [svc, pre] = await Promise.all([serviceEntry(params.id!), get<Prefill>(`/api/prefill?serviceId=${encodeURIComponent(params.id!)}&subcase=${encodeURIComponent(params.subcase!)}&lang=${lang === 'kk' ? 'kk' : 'ru'}`)]);
    return { svc, pre };
    // The form is not reloaded when the language changes: the draft keeps what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.id, params.subcase]);
  return <Loaded s={s} retry={retry}>{({ svc, pre }) => <Wizard svc={svc} pre={pre} subcase={params.subcase!} />}</Loaded>;
}

function Wizard({ svc, pre, subcase }: { svc: Service; pre: Prefill; subcase: string }) {
  const i = useI18n();
  const { t, tx, lang } = i;
  const { user } = useSession() as { user: User };
  const sc = svc.subcases.find((x) => x.id === subcase)!;
  useTitle(`${t('apply.title')}: ${tx(svc.shortName)}`);
  const ctx: MatchContext = useMemo(() => ({ channel: 'portal', applicantKind: pre.applicantKind }), [pre.applicantKind]);
  const { draft, restored, update, edit, markSubmitted, restart } = useDraft<FormData>(`${user.id}:${svc.id}:${sc.id}`, () => ({ step: 0, fields: initialFields(sc, pre, lang === 'kk' ? 'kk' : 'ru'), docs: [] }));
  const [docs, setDocsState] = useState<Attachment[]>(draft.data.docs);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [signing, setSigning] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [replayed, setReplayed] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [showRestored, setShowRestored] = useState(restored);
  const [payBusy, setPayBusy] = useState(false);
  const [payError, setPayError] = useState<unknown>(null);
  const [payFailed, setPayFailed] = useState(false);
  const { showAll, setShowAll, ref: summaryRef, reveal } = useErrorSummary();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { step, fields } = draft.data;

  const offered = (sc.channels ?? svc.channels).includes('portal');
  const fieldsNow = applicable(sc, fields, ctx);
  const withFields = { ...ctx, fields: fieldsNow };
  const shownFields = sc.fields.filter((f) => matches(f.when, withFields));
  const fieldProblems = problemsByField(validateFields(sc, fieldsNow, ctx));
  const required = requiredDocuments(sc, withFields);
  const optional = sc.documents.filter((d) => !d.required && !d.obtainedByProvider && matches(d.when, withFields));
  const byProvider = sc.documents.filter((d) => d.obtainedByProvider && matches(d.when, withFields));

  // The fee: a document the payment gateway can answer, paid there or by a receipt scan.
  const feeDoc = sc.documents.find((d) => (d.satisfiedBy ?? []).includes(GATEWAY_ALTERNATIVE) && !d.obtainedByProvider && matches(d.when, withFields));
  const feeFiles = new Set(feeDoc ? [feeDoc.id, ...(feeDoc.satisfiedBy ?? [])] : []);
  const fee = draft.data.fee ?? { via: feeDoc && !docs.some((d) => feeFiles.has(d.requirement)) ? 'gateway' : 'receipt' };
  const viaGateway = !!feeDoc && fee.via === 'gateway';
  const order = usePaymentOrder(viaGateway ? fee.paymentId : undefined);
  const phase = phaseOf(order.payment, payFailed);
  const paid = viaGateway && phase === 'confirmed' && !!order.payment;
  // Receipt scans are not sent with a gateway payment: the files sent and signed are these.
  const docsToSend = viaGateway ? docs.filter((d) => !feeFiles.has(d.requirement)) : docs;
  const docSc = paid ? { ...sc, documents: sc.documents.map((d) => (d === feeDoc ? { ...d, required: false } : d)) } : sc;
  const docProblems = problemsByField(
    checkDocuments(docSc, docsToSend.map(described), withFields).map((p): FieldProblem => (viaGateway && p.field === `documents.${feeDoc!.id}` ? { ...p, rule: 'payment_not_confirmed' } : p)),
  );

  const orderFee = async (fresh: boolean) => {
    if (payBusy) return;
    // The key is kept with the draft before the order is sent: a repeat after a lost answer gets the same order.
    const key = fresh || !fee.key ? newIdempotencyKey() : fee.key;
    edit((d) => ({ ...d, fee: { via: 'gateway', key } }));
    setPayBusy(true);
    setPayError(null);
    setPayFailed(false);
    try {
      const p = await orderPayment(svc.id, sc.id, key, window.location.pathname + window.location.search);
      edit((d) => ({ ...d, fee: { via: 'gateway', key, paymentId: p.id } }));
    } catch (e) {
      setPayError(e);
      setPayFailed(true);
    } finally {
      setPayBusy(false);
    }
  };
  const checkPayment = async () => {
    setPayError(null);
    await order.refresh();
  };
  const chooseGateway = (g: boolean) => edit((d) => ({ ...d, fee: { ...(d.fee ?? {}), via: g ? 'gateway' : 'receipt' } }));

  const setDocs = (d: Attachment[]) => {
    setDocsState(d);
    const size = d.reduce((n, x) => n + x.contentBase64.length, 0);
    edit((x) => ({ ...x, docs: size <= DRAFT_DOCS_LIMIT ? d : [] }));
  };
  const setField = (id: string, v: unknown) => update({ ...draft.data, fields: { ...fields, [id]: v } });
  const go = (n: number) => {
    update({ ...draft.data, step: n });
    setShowAll(false);
    setShowRestored(false);
    window.setTimeout(() => headingRef.current?.focus(), 0);
  };
  const next = () => {
    const bad = step === 1 ? Object.keys(fieldProblems).length > 0 : step === 2 ? Object.keys(docProblems).length > 0 : false;
    if (bad) return reveal();
    go(step + 1);
  };

  const [due] = useLoad(() => get<{ due: string }>(`/api/catalog/${encodeURIComponent(svc.id)}/deadlines?subcase=${encodeURIComponent(sc.id)}&channel=portal&applicantKind=${pre.applicantKind}`), [svc.id, sc.id]);

  const submit = async (ks: Parameters<typeof signPayload>[0]) => {
    setSubmitError(null);
    const documents = docsToSend.map(described);
    const payload = applicationPayload({ serviceId: svc.id, subcase: sc.id, channel: 'portal', applicant: { iin: user.iin, ...(user.bin ? { bin: user.bin } : {}) }, fields: fieldsNow, documents });
    const signature = await signPayload(ks, payload);
    setProgress(0);
    try {
      const res = await post<CaseSummary>(
        '/api/cases',
        { serviceId: svc.id, subcase: sc.id, channel: 'portal', fields: fieldsNow, documents: docsToSend.map(sent), ...(paid ? { payment: order.payment!.id } : {}), signature },
        { idempotencyKey: draft.key, onProgress: setProgress },
      );
      setReplayed(res.replayed);
      markSubmitted({ caseId: res.body.id, number: res.body.number, overallDue: res.body.overallDue });
      setSigning(false);
      window.setTimeout(() => headingRef.current?.focus(), 0);
    } catch (e) {
      // A problem with the application itself is shown on the page; one with the signature stays in the dialog.
      refusedOnPage(e, (refusal) => {
        setSigning(false);
        setSubmitError(refusal);
        if (PAYMENT_RULES.has(refusal.rule)) setPayFailed(true);
      });
    } finally {
      setProgress(null);
    }
  };

  if (!offered) {
    return (
      <>
        <h1 tabIndex={-1}>{tx(svc.shortName)}</h1>
        <p className="alert alert-warn">{t('apply.notOnPortal')}</p>
      </>
    );
  }

  if (draft.submitted) {
    return (
      <section className="panel success" aria-labelledby="done-h">
        <h1 id="done-h" tabIndex={-1} ref={headingRef}>
          {t('apply.submitted')}
        </h1>
        <p>{t('apply.submittedText', { number: draft.submitted.number, date: draft.submitted.overallDue ? i.dateTime(draft.submitted.overallDue) : '—' })}</p>
        {replayed && <p className="alert alert-info">{t('apply.alreadySubmitted', { number: draft.submitted.number })}</p>}
        <div className="actions">
          <Link className="btn btn-primary" href={`/cases/${draft.submitted.caseId}`}>
            {t('apply.toCase')}
          </Link>
          <Link className="btn" href="/cabinet">
            {t('apply.toCabinet')}
          </Link>
          <button type="button" className="btn" onClick={() => restart({ step: 0, fields: initialFields(sc, pre, lang === 'kk' ? 'kk' : 'ru'), docs: [] })}>
            {t('apply.newApplication')}
          </button>
        </div>
      </section>
    );
  }

  const problemsHere = step === 1 ? fieldProblems : step === 2 ? docProblems : {};
  // A document's problem names the document (the rule's message takes it as its label), not its path.
  const docProblemText = (id: string, p: FieldProblem) => {
    const name = sc.documents.find((d) => d.id === id)?.name;
    return problemText(name ? { ...p, field: tx(name) } : p, undefined, i);
  };
  const problemList = Object.entries(problemsHere);
  const shownProblem = (id: string, field: Field | undefined) => {
    const p = problemsHere[id];
    if (!p || !(showAll || touched[id])) return undefined;
    return problemText(p, field, i);
  };

  return (
    <>
      <p className="crumbs">
        <Link href={`/services/${svc.id}`}>{tx(svc.shortName)}</Link>
      </p>
      <h1 tabIndex={-1} ref={headingRef}>
        {tx(sc.name)}
      </h1>
      <p className="muted">{tx(svc.name)}</p>
      <ol className="stepper">
        {STEPS.map((k, n) => (
          <li key={k} aria-current={n === step ? 'step' : undefined} className={n < step ? 'done' : n === step ? 'current' : ''}>
            <span className="stepper-n" aria-hidden="true">
              {n + 1}
            </span>
            {t(k)}
          </li>
        ))}
      </ol>
      <h2>{t('apply.stepOf', { n: step + 1, total: STEPS.length, name: t(STEPS[step]!) })}</h2>
      {showRestored && (
        <p className="alert alert-info" role="status">
          {t('apply.draftRestored', { date: i.dateTime(draft.savedAt) })}
        </p>
      )}
      {showAll && problemList.length > 0 && <ErrorSummary problems={problemList.map(([id, p]) => [`${step === 1 ? 'f' : 'doc'}-${id}`, step === 1 ? problemText(p, sc.fields.find((f) => f.id === id), i) : docProblemText(id, p)] as const)} focusRef={summaryRef} />}

      {step === 0 && (
        <section className="panel">
          <h3>{t('apply.fromStateDb')}</h3>
          <dl className="facts">
            <PersonRows name={pre.applicant.name[lang === 'kk' ? 'kk' : 'ru']} iin={pre.applicant.iin} bin={pre.applicant.bin} organization={pre.applicant.organization?.[lang === 'kk' ? 'kk' : 'ru']} />
            <div>
              <dt>{t('person.address')}</dt>
              <dd>{pre.applicant.address[lang === 'kk' ? 'kk' : 'ru']}</dd>
            </div>
            {pre.applicant.email && (
              <div>
                <dt>{t('person.email')}</dt>
                <dd>{pre.applicant.email}</dd>
              </div>
            )}
            {pre.applicant.phone && (
              <div>
                <dt>{t('person.phone')}</dt>
                <dd>{pre.applicant.phone}</dd>
              </div>
            )}
            <div>
              <dt>{t('apply.kind')}</dt>
              <dd>{t(KIND_KEYS[pre.applicantKind])}</dd>
            </div>
            <div>
              <dt>{t('service.channel')}</dt>
              <dd>{t(CHANNEL_KEYS.portal)}</dd>
            </div>
          </dl>
          <p className="hint">{t('apply.stateDbNote')}</p>
        </section>
      )}

      {step === 1 && (
        <form
          className="panel form-grid"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
          id="apply-form"
        >
          {shownFields.map((f) => (
            <FieldInput
              key={f.id}
              field={f}
              value={fields[f.id]}
              onChange={(v) => {
                setField(f.id, v);
                if ((f.type === 'iin' || f.type === 'bin') && typeof v === 'string' && v.length >= 12) setTouched((x) => ({ ...x, [f.id]: true }));
              }}
              onBlur={() => setTouched((x) => ({ ...x, [f.id]: true }))}
              problem={shownProblem(f.id, f)}
            />
          ))}
        </form>
      )}

      {step === 2 && (
        <section className="panel">
          <p>{t('apply.docsIntro')}</p>
          <DocumentUploads
            required={required}
            optional={optional}
            docs={docs}
            setDocs={setDocs}
            problems={Object.fromEntries(Object.entries(docProblems).filter(([id]) => showAll || docs.some((d) => d.requirement === id)).map(([id, p]) => [id, docProblemText(id, p)]))}
            gateway={{
              chosen: viaGateway,
              choose: chooseGateway,
              panel: (id, problem) => (
                <PaymentPanel
                  id={id}
                  phase={phase}
                  payment={order.payment}
                  feeText={feeText(sc, i)}
                  busy={payBusy}
                  error={payError ?? order.error}
                  problem={problem}
                  onOrder={() => void orderFee(false)}
                  onCheck={() => void checkPayment()}
                  onNewOrder={() => void orderFee(true)}
                />
              ),
            }}
          />
          {byProvider.length > 0 && (
            <>
              <h3>{t('apply.byProvider')}</h3>
              <ul>
                {byProvider.map((d) => (
                  <li key={d.id}>{tx(d.name)}</li>
                ))}
              </ul>
            </>
          )}
          {docs.reduce((n, x) => n + x.contentBase64.length, 0) > DRAFT_DOCS_LIMIT && <p className="hint">{t('apply.docsNotInDraft')}</p>}
        </section>
      )}

      {step === 3 && (
        <section className="panel">
          <p>{t('apply.reviewIntro')}</p>
          <h3>{t('apply.stepForm')}</h3>
          <dl className="facts review">
            {shownFields.map((f) => (
              <div key={f.id}>
                <dt>{tx(f.label)}</dt>
                <dd>{displayValue(f, fieldsNow[f.id], i)}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('apply.stepDocuments')}</h3>
          <ul className="files">
            {docsToSend.map((d) => (
              <li key={d.sha256 + d.name}>
                <strong>{tx(sc.documents.find((x) => x.id === d.requirement)?.name, altName(d.requirement, i))}</strong>: {d.name} ({i.bytes(d.size)}) <code className="hash">SHA-256 {d.sha256.slice(0, 16)}…</code>
              </li>
            ))}
          </ul>
          {feeDoc && <p>{paid ? t('pay.reviewGateway', { amount: order.payment!.amount.text, id: order.payment!.gatewayRef }) : t('pay.reviewReceipt')}</p>}
          {due.state === 'ok' && <p className="alert alert-info">{t('apply.dueBy', { date: i.dateTime(due.value.due) })}</p>}
          <ProblemAlert error={submitError} />
          {submitError instanceof ApiError && submitError.status === 0 && <p className="alert alert-info">{t('apply.keptRetry', { action: t('apply.signSubmit') })}</p>}
        </section>
      )}

      <div className="actions wizard-nav">
        {step > 0 && (
          <button type="button" className="btn" onClick={() => go(step - 1)}>
            {t('common.back')}
          </button>
        )}
        {step < 3 && (
          <button type="button" className="btn btn-primary" onClick={next}>
            {t('common.next')}
          </button>
        )}
        {step === 3 && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              // A draft brought back (or a payment that stopped counting) may no longer be complete.
              const back = Object.keys(fieldProblems).length > 0 ? 1 : Object.keys(docProblems).length > 0 ? 2 : null;
              if (back !== null) {
                go(back);
                setShowAll(true);
                return;
              }
              setSigning(true);
            }}
          >
            {t('apply.signSubmit')}
          </button>
        )}
      </div>
      <p className="hint" role="status">
        {t('apply.draftSaved', { date: i.dateTime(draft.savedAt) })}
      </p>
      <SignDialog open={signing} title={t('apply.signTitle')} onSign={submit} onClose={() => setSigning(false)} progress={progress}>
        <p>{t('apply.signWhat', { service: tx(svc.shortName), subcase: tx(sc.name), n: docsToSend.length })}</p>
      </SignDialog>
    </>
  );
}
