// Issue onto an ID card with a chip at the NCA operator's desk (seed 004 p.9): the card in the
// desk's reader (GET /api/nca/id-cards/:number: holder, PIN tries left, blocked, the certificates
// on it), the recipient's PIN typed on the desk's pin pad (POST /api/nca/cases/:id/id-card/pin:
// the card generates its keys and requests; the accepted PIN is the recipient's step), and after
// the issue the certificates written onto the card, read here in the browser. The PIN lives only
// in the input while it is typed: it is sent once, never stored or logged, and cleared after use.
import { useEffect, useRef, useState } from 'react';
import { checkDocuments, requiredDocuments } from '../../../src/core/application.ts';
import { validateIin } from '../../../src/core/identifiers.ts';
import type { MatchContext } from '../../../src/core/regulation.ts';
import type { CaseView, Service, SubCase } from '../lib/types.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { ApiError, get, newIdempotencyKey, post, refusedOnPage } from '../lib/api.ts';
import { navigate } from '../lib/router.tsx';
import { described, type Attachment } from '../lib/files.ts';
import type { KeyStore } from '../lib/eds.ts';
import { submitAtDesk } from '../lib/desk.ts';
import { problemsByField } from '../lib/forms.ts';
import { problemText, problemTexts } from '../components/FieldInput.tsx';
import { DocumentUploads } from '../components/Uploads.tsx';
import { SignDialog } from '../components/SignDialog.tsx';
import { ErrorSummary, useErrorSummary } from '../components/ErrorSummary.tsx';
import { ProblemAlert } from '../components/Problem.tsx';
import { parseCertificate, type Certificate } from '../pki/cert.ts';
import { fromPem } from '../pki/csr.ts';

export const CARD_NUMBER = /^\d{9}$/;

export interface CardStatus {
  number: string;
  holderIin: string;
  pinTriesLeft: number;
  blocked: boolean;
  terminated: boolean;
  certificates: Array<{ slot: 'auth' | 'sign'; certificatePem: string }>;
  pending: Array<{ slot: 'auth' | 'sign'; ref: string }>;
}

export const readCard = (number: string) => get<CardStatus>(`/api/nca/id-cards/${encodeURIComponent(number)}`);

/** What the card shows without its PIN: holder (compared with `iin`), and its state. */
export function CardFacts({ card, iin, name }: { card: CardStatus; iin: string; name?: string }) {
  const i = useI18n();
  const { t } = i;
  return (
    <dl className="facts span-all">
      <div>
        <dt>{t('nca.card.number')}</dt>
        <dd>
          <code>{card.number}</code>
        </dd>
      </div>
      <div>
        <dt>{t('nca.desk.holder')}</dt>
        <dd>
          {name ? `${name}, ` : ''}
          {t('person.iin')} {card.holderIin} {card.holderIin === iin ? <span className="badge badge-ok">{t('nca.request.matches')}</span> : <span className="badge badge-bad">{t('nca.request.mismatch')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('nca.card.state')}</dt>
        <dd>
          {card.terminated ? (
            <span className="badge badge-bad">{t('nca.card.terminated')}</span>
          ) : card.blocked ? (
            <span className="badge badge-bad">{t('nca.card.blockedBadge')}</span>
          ) : (
            <span className="badge badge-ok">{t('nca.card.triesLeft', { n: i.number(card.pinTriesLeft) })}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

interface Written {
  slot: 'auth' | 'sign';
  cert: Certificate | null;
}

/** The request page's panel for an issue_id_card case. */
export function IdCardPanel({ view, setView, setDone }: { view: CaseView; setView: (v: CaseView) => void; setDone: (text: string) => void }) {
  const i = useI18n();
  const { t } = i;
  const number = typeof view.fields.idCardNumber === 'string' ? view.fields.idCardNumber.trim() : '';
  const [card, setCard] = useState<CardStatus | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [pinError, setPinError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);

  useEffect(() => {
    if (!CARD_NUMBER.test(number)) return;
    let live = true;
    readCard(number).then(
      (c) => live && (setCard(c), setReadError(null)),
      (e: unknown) => live && setReadError(e),
    );
    return () => {
      live = false;
    };
  }, [number, view.timeline.length, view.mark, n]);

  const written: Written[] = (card?.certificates ?? []).map((c) => {
    try {
      return { slot: c.slot, cert: parseCertificate(fromPem(c.certificatePem, 'CERTIFICATE')) };
    } catch {
      return { slot: c.slot, cert: null };
    }
  });
  const waitingForPin = view.currentStep === 'enter_pin';

  const enter = async () => {
    setError(null);
    setPinError(null);
    if (!/^\d{4,8}$/.test(pin)) {
      setPinError(t('nca.card.pinFormat'));
      return;
    }
    setBusy(true);
    const typed = pin;
    setPin('');
    try {
      await post(`/api/nca/cases/${encodeURIComponent(view.id)}/id-card/pin`, { pin: typed });
      setDone(t('nca.card.pinAccepted'));
      setView(await get<CaseView>(`/api/cases/${encodeURIComponent(view.id)}`));
    } catch (e) {
      if (e instanceof ApiError && e.rule === 'card_wrong_pin') setPinError(t('nca.card.wrongPin', { n: i.number(e.triesLeft ?? 0) }));
      else if (e instanceof ApiError && e.rule === 'card_blocked') setPinError(t('nca.card.blocked'));
      else setError(e);
      setN((x) => x + 1);
    } finally {
      setBusy(false);
    }
  };

  if (!CARD_NUMBER.test(number)) return <p className="alert alert-warn">{t('nca.card.noNumber')}</p>;
  return (
    <section className="panel" aria-labelledby="req-card-h">
      <h2 id="req-card-h">{t('nca.card.title')}</h2>
      <ProblemAlert error={readError} />
      {card && <CardFacts card={card} iin={view.applicant.iin} name={card.holderIin === view.applicant.iin ? view.applicant.name : undefined} />}
      {card?.blocked && !card.terminated && (
        <p className="alert alert-error" role="alert">
          {t('nca.card.blocked')}
        </p>
      )}
      {waitingForPin && card && !card.blocked && !card.terminated && (
        <form
          noValidate
          className="form-grid"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void enter();
          }}
        >
          <div className={`field${pinError ? ' has-error' : ''}`}>
            <label htmlFor="card-pin">{t('nca.card.pin')}</label>
            <input
              id="card-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              aria-invalid={pinError ? true : undefined}
              aria-describedby={pinError ? 'card-pin-err' : 'card-pin-hint'}
              onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
            />
            <p className="hint" id="card-pin-hint">
              {t('nca.card.pinHint')}
            </p>
            {pinError && (
              <p className="field-error" id="card-pin-err" role="alert">
                {pinError}
              </p>
            )}
          </div>
          <ProblemAlert error={error} />
          <div className="actions span-all">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('nca.card.enterPin')}
            </button>
          </div>
        </form>
      )}
      {written.length > 0 && (
        <>
          <h3>{t('nca.card.written')}</h3>
          <ul className="plain csr-list">
            {written.map(({ slot, cert }) => (
              <li key={slot}>
                <h4>{t(`nca.purpose.${slot}`)}</h4>
                {cert ? (
                  <dl className="facts">
                    <div>
                      <dt>{t('nca.keys.serial')}</dt>
                      <dd>
                        <code className="serial">{cert.serialHex}</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('nca.card.validFrom')}</dt>
                      <dd>{i.dateTime(cert.notBefore.toISOString())}</dd>
                    </div>
                    <div>
                      <dt>{t('nca.keys.validTo')}</dt>
                      <dd>{i.dateTime(cert.notAfter.toISOString())}</dd>
                    </div>
                  </dl>
                ) : (
                  <p className="alert alert-error">{t('nca.request.unreadable')}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The desk accepts the application for an issue onto an ID card (issue_id_card, channels psc and
 * provider_office only: the recipient comes to the centre with the card, p.9 process 1): the
 * recipient identified by IIN, the card read from the reader and checked to be theirs, the card
 * scanned, and the application signed with the operator's EDS (the operator is the first step's role).
 */
export function IssueOnCard({ svc, sc }: { svc: Service; sc: SubCase }) {
  const i = useI18n();
  const { t } = i;
  const key = useRef(newIdempotencyKey());
  const [iin, setIin] = useState('');
  const [number, setNumber] = useState('');
  const [docs, setDocs] = useState<Attachment[]>([]);
  const [card, setCard] = useState<CardStatus | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { showAll, setShowAll, ref: summary, reveal } = useErrorSummary();

  const cleanNumber = number.replace(/\s+/g, '');
  const ctx: MatchContext = { channel: 'psc', applicantKind: 'individual' };
  const fields = { idCardNumber: cleanNumber };
  const withFields = { ...ctx, fields };
  const required = requiredDocuments(sc, withFields);
  const docProblems = problemsByField(checkDocuments(sc, docs.map(described), withFields));
  const iinCheck = validateIin(iin);
  const problems: Array<[string, string]> = [];
  if (!iinCheck.ok) problems.push(['card-iin', t(`val.${iinCheck.error.rule}` as MessageKey, { label: t('office.iin') })]);
  if (!CARD_NUMBER.test(cleanNumber)) problems.push(['card-number', t('nca.card.numberFormat')]);
  else if (!card || card.number !== cleanNumber) problems.push(['card-read', t('nca.card.readFirst')]);
  else if (card.holderIin !== iin) problems.push(['card-iin', t('nca.desk.notHolder', { iin: card.holderIin })]);
  else if (card.terminated) problems.push(['card-number', t('nca.card.terminated')]);
  for (const [k, p] of Object.entries(docProblems)) problems.push([`doc-${k}`, problemText(p, undefined, i)]);

  const read = async () => {
    setReadError(null);
    setCard(null);
    if (!CARD_NUMBER.test(cleanNumber)) {
      setShowAll(true);
      return;
    }
    try {
      setCard(await readCard(cleanNumber));
    } catch (e) {
      setReadError(e);
    }
  };

  const accept = async (ks: KeyStore) => {
    const applicant = { iin };
    try {
      const res = await submitAtDesk(ks, { svc, sc, channel: 'psc', applicant, fields, docs }, { idempotencyKey: key.current });
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
    <section className="panel" aria-labelledby="desk-card-h">
      <h2 id="desk-card-h">{t('nca.card.deskTitle')}</h2>
      <p>{t('nca.card.deskIntro')}</p>
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
        <div className={`field${show('card-iin') ? ' has-error' : ''}`}>
          <label htmlFor="card-iin">{t('office.iin')}</label>
          <input id="card-iin" inputMode="numeric" maxLength={12} value={iin} aria-invalid={show('card-iin') ? true : undefined} aria-describedby={show('card-iin') ? 'card-iin-err' : undefined} onChange={(e) => setIin(e.currentTarget.value.replace(/\s+/g, ''))} />
          {show('card-iin') && (
            <p className="field-error" id="card-iin-err">
              {show('card-iin')}
            </p>
          )}
        </div>
        <div className={`field${show('card-number') ? ' has-error' : ''}`}>
          <label htmlFor="card-number">{t('nca.card.number')}</label>
          <input id="card-number" inputMode="numeric" autoComplete="off" maxLength={11} value={number} aria-invalid={show('card-number') ? true : undefined} aria-describedby={show('card-number') ? 'card-number-err' : 'card-number-hint'} onChange={(e) => setNumber(e.currentTarget.value)} />
          <p className="hint" id="card-number-hint">
            {t('nca.card.numberHint')}
          </p>
          {show('card-number') && (
            <p className="field-error" id="card-number-err">
              {show('card-number')}
            </p>
          )}
          <div className="actions">
            <button type="button" className="btn" id="card-read" onClick={() => void read()}>
              {t('nca.card.read')}
            </button>
          </div>
        </div>
        <ProblemAlert error={readError} />
        {card && (
          <div className="span-all" aria-live="polite">
            <CardFacts card={card} iin={iin} />
          </div>
        )}
        <fieldset className="span-all">
          <legend>{t('office.scans')}</legend>
          <DocumentUploads required={required} optional={[]} docs={docs} setDocs={setDocs} problems={showAll ? problemTexts(docProblems, i) : {}} />
        </fieldset>
        {showAll && problems.length > 0 && <ErrorSummary problems={problems} focusRef={summary} wide />}
        <ProblemAlert error={error} />
        <div className="actions span-all">
          <button type="submit" className="btn btn-primary">
            {t('nca.card.deskSubmit')}
          </button>
        </div>
      </form>
      <SignDialog open={signing} title={t('nca.card.deskTitle')} onSign={accept} onClose={() => setSigning(false)}>
        <p>{t('nca.card.deskSignWhat', { number: cleanNumber, iin })}</p>
      </SignDialog>
    </section>
  );
}
