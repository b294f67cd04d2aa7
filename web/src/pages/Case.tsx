// A case, for its applicant and for the provider's staff: who applied and with what, the legal
// clock and every step's deadline, the history, and exactly the actions the API offers the caller.
import { useEffect, useRef, useState } from 'react';
import { decisionPayload, pausePayload } from '../../../src/core/application.ts';
import type { AvailableAction, CaseView, Service } from '../lib/types.ts';
import { useI18n, type I18n, type MessageKey } from '../lib/i18n.tsx';
import { download, get, newIdempotencyKey, post, refusedOnPage } from '../lib/api.ts';
import { serviceEntry, useLoad, roleName } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import { signPayload, type KeyStore } from '../lib/eds.ts';
import { described, sent, type Attachment } from '../lib/files.ts';
import { PersonRows } from '../components/PersonFacts.tsx';
import { FormAlert, Loaded, ProblemAlert } from '../components/Problem.tsx';
import { OverdueBadge, StatusBadge } from '../components/Status.tsx';
import { SignDialog } from '../components/SignDialog.tsx';
import { UploadSlot } from '../components/Uploads.tsx';
import { CHANNEL_KEYS, KIND_KEYS, altName, useTitle } from '../lib/ui.tsx';
import { displayValue } from '../lib/forms.ts';

export default function CasePage({ params }: { params: Record<string, string> }) {
  const [s, setS, retry] = useLoad(() => loadCase(params.id!), [params.id]);
  return <Loaded s={s} retry={retry}>{({ view, svc }) => <CaseScreen view={view} svc={svc} setView={(v) => setS({ view: v, svc })} reload={retry} />}</Loaded>;
}

/** A case, with the definition of its service as it stood when the case was submitted. */
export async function loadCase(id: string): Promise<{ view: CaseView; svc: Service }> {
  const view = await get<CaseView>(`/api/cases/${encodeURIComponent(id)}`);
  const svc = await serviceEntry(view.serviceId, view.submittedAt);
  return { view, svc };
}

function CaseScreen({ view, svc, setView, reload }: { view: CaseView; svc: Service; setView: (v: CaseView) => void; reload: () => void }) {
  const i = useI18n();
  const { t, tx } = i;
  const { user } = useSession();
  const sc = svc.subcases.find((x) => x.id === view.subcase);
  const [done, setDone] = useState<string | null>(null);
  useTitle(t('case.title', { number: view.number }));
  const stepName = (id: string | null | undefined) => tx(sc?.steps.find((x) => x.id === id)?.action, id ?? '—');
  const outcomeName = (stepId?: string, outcomeId?: string) => tx(sc?.steps.find((x) => x.id === stepId)?.outcomes.find((o) => o.id === outcomeId)?.label, outcomeId ?? '');
  const role = (r: string) => (r === 'applicant' || r === 'system' ? t(`role.${r}` as MessageKey) : tx(roleName(svc, r), r));
  const openPause = view.pauses.find((p) => !p.to);
  const staff = user?.kind === 'staff';

  return (
    <article className="case">
      <p className="crumbs">
        <Link href={staff ? '/inbox' : '/cabinet'}>{t(staff ? 'nav.inbox' : 'nav.cabinet')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('case.title', { number: view.number })}</h1>
      <p className="lead">
        {tx(view.serviceName)} — {tx(view.subcaseName)}
      </p>
      <p>
        <StatusBadge mark={view.mark} /> {view.overdue && <OverdueBadge />} <span className="muted">{t(CHANNEL_KEYS[view.channel as keyof typeof CHANNEL_KEYS] ?? 'channel.portal')}</span>
      </p>
      {done && (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      )}

      <section className="panel clock" aria-labelledby="clock-h">
        <h2 id="clock-h">{t('case.clock')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('case.received')}</dt>
            <dd>{i.dateTime(view.deadlines.received)}</dd>
          </div>
          <div>
            <dt>{t('case.overallDue')}</dt>
            <dd>
              {i.dateTime(view.deadlines.overall.due)}
              {!view.deadlines.overall.completedAt && !view.paused && <span className="muted"> ({i.relative(view.deadlines.overall.due)})</span>}
            </dd>
          </div>
          {view.deadlines.overall.completedAt && (
            <div>
              <dt>{t('case.completed')}</dt>
              <dd>{i.dateTime(view.deadlines.overall.completedAt)}</dd>
            </div>
          )}
        </dl>
        {view.paused && openPause && (
          <div className="alert alert-warn">
            <p>{t('case.pausedNote', { date: i.dateTime(openPause.applicantDue) })}</p>
            <p>
              <strong>{t('case.request')}:</strong> {openPause.request}
            </p>
          </div>
        )}
      </section>

      {view.result && (
        <section className="panel result-link" aria-labelledby="res-h">
          <h2 id="res-h">{t('case.result')}</h2>
          <p>
            {t(view.result.decision === 'approve' ? 'case.resultApproved' : 'case.resultRefused', { number: view.result.number, date: i.dateTime(view.result.issuedAt) })}
          </p>
          {view.grounds && view.grounds.length > 0 && (
            <ul>
              {view.grounds.map((g) => (
                <li key={g.id}>{tx(g.text as never, g.id)}</li>
              ))}
            </ul>
          )}
          <Link className="btn btn-primary" href={`/cases/${view.id}/result`}>
            {t('case.viewResult')}
          </Link>
        </section>
      )}

      <CaseActions headingId="act-h" waiting="case.noActions" view={view} svc={svc} setView={setView} setDone={setDone} reload={reload} />

      <section aria-labelledby="steps-h">
        <h2 id="steps-h">{t('case.steps')}</h2>
        <ol className="timeline">
          {view.deadlines.steps.map((st, k) => (
            <li key={`${st.stepId}-${k}`} className={st.completedAt ? 'done' : st.overdue ? 'overdue' : 'current'}>
              <p className="timeline-title">
                <strong>{tx(st.action as never, st.stepId)}</strong> <span className="muted">— {role(st.role)}</span>
              </p>
              <p>
                {t('case.stepStarted', { date: i.dateTime(st.startedAt) })}; {t('case.stepDueAt', { date: i.dateTime(st.due) })}
                {st.completedAt ? <>; {t('case.stepDone', { date: i.dateTime(st.completedAt) })}</> : null}{' '}
                {st.overdue && <OverdueBadge />}
                {!st.completedAt && !st.overdue && <span className="badge badge-info">{t('case.inProgress')}</span>}
              </p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="who-h">
        <h2 id="who-h">{t('case.applicant')}</h2>
        <dl className="facts">
          <PersonRows name={view.applicant.name} iin={view.applicant.iin} bin={view.applicant.bin} organization={view.applicant.organization} />
          <div>
            <dt>{t('apply.kind')}</dt>
            <dd>{t(KIND_KEYS[view.applicant.kind])}</dd>
          </div>
          {view.applicant.address && (
            <div>
              <dt>{t('person.address')}</dt>
              <dd>{view.applicant.address}</dd>
            </div>
          )}
          {view.applicant.email && (
            <div>
              <dt>{t('person.email')}</dt>
              <dd>{view.applicant.email}</dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="fields-h">
        <h2 id="fields-h">{t('case.fields')}</h2>
        <dl className="facts review">
          {Object.entries(view.fields).map(([id, v]) => {
            const f = sc?.fields.find((x) => x.id === id);
            return (
              <div key={id}>
                <dt>{tx(f?.label, id)}</dt>
                <dd>{displayValue(f, v, i)}</dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="docs-h">
        <h2 id="docs-h">{t('case.documents')}</h2>
        {view.documents.length === 0 ? (
          <p className="muted">{t('case.noDocuments')}</p>
        ) : (
          <ul className="files">
            {view.documents.map((d) => (
              <li key={d.id}>
                <strong>{tx(sc?.documents.find((x) => x.id === d.requirement)?.name, altName(d.requirement ?? '', i))}</strong>: {d.name} ({i.bytes(d.size)}) <code className="hash">SHA-256 {d.sha256.slice(0, 16)}…</code>{' '}
                <DownloadButton caseId={view.id} doc={d} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {view.pauses.length > 0 && (
        <section aria-labelledby="pauses-h">
          <h2 id="pauses-h">{t('case.requests')}</h2>
          <ul>
            {view.pauses.map((p) => (
              <li key={p.from}>
                {i.dateTime(p.from)}: {p.request} — {p.to ? t('case.answeredAt', { date: i.dateTime(p.to) }) : t('case.answerBy', { date: i.dateTime(p.applicantDue) })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t('case.history')}</h2>
        <ol className="history">
          {view.timeline.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{i.dateTime(e.at)}</time> — {eventText(e, i, stepName, outcomeName)} <span className="muted">({role(e.actor.role)})</span>
              {e.signed && <span className="badge badge-ok">{t('case.signed')}</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/**
 * Downloads an attached document with the session's token, checks its SHA-256 against the one the
 * case records, and only then saves it under its own name.
 */
function DownloadButton({ caseId, doc }: { caseId: string; doc: CaseView['documents'][number] }) {
  const i = useI18n();
  const { t } = i;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMismatch(false);
    try {
      const f = await download(`/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(doc.id)}`);
      if (crypto.subtle) {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', f.bytes as BufferSource));
        if (Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join('') !== doc.sha256) return setMismatch(true);
      }
      const url = URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: f.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = f.name ?? doc.name;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => void save()} aria-disabled={busy} aria-label={t('case.downloadNamed', { name: doc.name })}>
        {t('case.download')}
      </button>
      <ProblemAlert error={error} />
      {mismatch && (
        <div className="alert alert-error" role="alert">
          {t('case.downloadMismatch', { name: doc.name })}
        </div>
      )}
    </>
  );
}

function eventText(e: CaseView['timeline'][number], i: I18n, stepName: (id?: string) => string, outcomeName: (s?: string, o?: string) => string): string {
  switch (e.type) {
    case 'step_completed':
      return `${stepName(e.stepId)}: ${outcomeName(e.stepId, e.outcomeId)}`;
    default:
      return i.t(`event.${e.type}` as MessageKey);
  }
}

/** Exactly the actions the API offers the caller on the case now; with none, whether the case waits (`waiting`) or is closed. */
export function CaseActions({ headingId, waiting, view, svc, setView, setDone, reload }: { headingId: string; waiting: MessageKey; view: CaseView; svc: Service; setView: (v: CaseView) => void; setDone: (text: string) => void; reload: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('case.actions')}</h2>
      {view.actions.length === 0 ? (
        <p className="muted">{t(view.currentStep ? waiting : 'case.closed')}</p>
      ) : (
        view.actions.map((a) => (
          <ActionForm
            key={`${a.kind}:${a.stepId}:${a.outcomeId ?? a.pauseId}:${view.timeline.length}`}
            action={a}
            view={view}
            svc={svc}
            onDone={(v, label) => {
              setView(v);
              setDone(t('case.done', { label }));
            }}
            reload={reload}
          />
        ))
      )}
    </section>
  );
}

export function ActionForm({ action: a, view, svc, onDone, reload }: { action: AvailableAction; view: CaseView; svc: Service; onDone: (v: CaseView, label: string) => void; reload: () => void }) {
  const i = useI18n();
  const { t, tx } = i;
  const key = useRef(newIdempotencyKey());
  const [assignee, setAssignee] = useState('');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [docs, setDocs] = useState<Attachment[]>([]);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<Array<{ id: string; displayName: string }> | null>(null);
  const id = `act-${a.kind}-${a.outcomeId ?? a.pauseId}`;
  const refusal = a.decision === 'refuse';
  const textRequired = a.kind === 'pause' || a.kind === 'resume';

  useEffect(() => {
    if (!a.assigns) return;
    get<{ items: Array<{ id: string; displayName: string }> }>(`/api/staff?role=${encodeURIComponent(a.assigns)}`).then((r) => setStaff(r.items), setError);
  }, [a.assigns]);

  const path = a.kind === 'outcome' ? `/api/cases/${view.id}/steps/${a.stepId}/${a.outcomeId}` : a.kind === 'pause' ? `/api/cases/${view.id}/pauses` : `/api/cases/${view.id}/answer`;
  const body = () =>
    a.kind === 'outcome'
      ? { ...(a.assigns ? { assignee } : {}), ...(refusal ? { grounds } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) }
      : a.kind === 'pause'
        ? { pauseId: a.pauseId, request: comment.trim() }
        : { response: comment.trim(), documents: docs.map(sent) };
  const payload = () =>
    a.kind === 'outcome'
      ? decisionPayload({ caseId: view.id, stepId: a.stepId, outcomeId: a.outcomeId!, ...(a.assigns ? { assignee } : {}), ...(refusal ? { grounds } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) })
      : a.kind === 'pause'
        ? pausePayload({ caseId: view.id, pauseId: a.pauseId!, request: comment.trim() })
        : pausePayload({ caseId: view.id, pauseId: a.pauseId!, response: comment.trim(), documents: docs.map(described) });

  const send = async (signature?: string) => {
    try {
      const res = await post<CaseView>(path, { ...body(), ...(signature ? { signature } : {}) }, { idempotencyKey: key.current });
      setSigning(false);
      onDone(res.body, tx(a.label));
    } catch (e) {
      refusedOnPage(e, (refusal) => {
        setSigning(false);
        setError(refusal);
        if (refusal.status === 409 && refusal.rule !== 'idempotency_key_reused') reload();
      });
    }
  };

  const start = async () => {
    setError(null);
    if (a.assigns && !assignee) return setFormError(t('action.needAssignee'));
    if (refusal && grounds.length === 0) return setFormError(t('action.needGrounds'));
    if (textRequired && !comment.trim()) return setFormError(t(a.kind === 'pause' ? 'action.needRequest' : 'action.needResponse'));
    setFormError(null);
    if (a.signed) return setSigning(true);
    if (busy) return;
    setBusy(true);
    try {
      await send();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const groundText = (g: string) => tx(svc.refusalGrounds.find((x) => x.id === g)?.text, g);
  return (
    <div className={`action action-${refusal ? 'refuse' : a.decision === 'approve' ? 'approve' : 'plain'}`}>
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`}>{tx(a.label)}</h3>
      {a.kind === 'resume' && view.pauses.find((p) => !p.to) && <p>{t('case.answerBy', { date: i.dateTime(view.pauses.find((p) => !p.to)!.applicantDue) })}</p>}
      {a.assigns && (
        <div className="field">
          <label htmlFor={`${id}-assignee`}>{tx(svc.roles.find((r) => r.id === a.assigns)?.name, t('action.assignee'))}</label>
          <select id={`${id}-assignee`} value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
            <option value="">{t('action.chooseAssignee')}</option>
            {(staff ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      {refusal && a.grounds && (
        <fieldset className="grounds">
          <legend>{t('action.grounds')}</legend>
          {a.grounds.map((g) => (
            <div key={g} className="field-check">
              <input type="checkbox" id={`${id}-g-${g}`} checked={grounds.includes(g)} onChange={(e) => setGrounds(e.currentTarget.checked ? [...grounds, g] : grounds.filter((x) => x !== g))} />
              <label htmlFor={`${id}-g-${g}`}>{groundText(g)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t(a.kind === 'pause' ? 'action.request' : a.kind === 'resume' ? 'action.response' : refusal ? 'action.motivation' : 'action.comment')}</label>
        <textarea id={`${id}-text`} rows={a.kind === 'outcome' && !refusal ? 2 : 4} maxLength={4000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      </div>
      {a.kind === 'resume' && <UploadSlot id={`${id}-file`} label={t('action.attachments')} requirement="answer" current={docs} onAttach={(d) => setDocs([...docs, d])} onRemove={(d) => setDocs(docs.filter((x) => x !== d))} />}
      <FormAlert message={formError} />
      <ProblemAlert error={error} />
      <button type="submit" className={`btn ${refusal ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
        {a.signed ? t('action.signAnd', { label: tx(a.label) }) : tx(a.label)}
      </button>
    </form>
      <SignDialog open={signing} title={tx(a.label)} onClose={() => setSigning(false)} onSign={async (ks: KeyStore) => send(await signPayload(ks, payload()))}>
        <p>{t('action.signWhat', { number: view.number, label: tx(a.label) })}</p>
        {refusal && grounds.length > 0 && (
          <ul>
            {grounds.map((g) => (
              <li key={g}>{groundText(g)}</li>
            ))}
          </ul>
        )}
        {a.assigns && staff && <p>{staff.find((u) => u.id === assignee)?.displayName}</p>}
      </SignDialog>
    </div>
  );
}
