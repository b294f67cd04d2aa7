// "My NCA keys": the key pairs this browser generated for the applicant's certificate applications,
// each with its case. Once the NCA has issued the certificates (GET /api/cases/:id/certificates),
// the applicant sets a password and downloads two PKCS#12 key stores (authentication, signing)
// built here from the private keys kept in this browser and the certificates; then the keys can be
// forgotten by the browser. Nothing of the private keys is ever sent.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseView } from '../lib/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ApiError, get, getText } from '../lib/api.ts';
import { useLoad } from '../lib/catalog.ts';
import { useSession, type User } from '../lib/session.tsx';
import { Link } from '../lib/router.tsx';
import { FormAlert, Loaded, ProblemAlert, Working } from '../components/Problem.tsx';
import { StatusBadge } from '../components/Status.tsx';
import { useTitle } from '../lib/ui.tsx';
import { keyFingerprint, pemBlocks } from '../pki/csr.ts';
import { parseCertificate, type Certificate } from '../pki/cert.ts';
import { writeKeyStore } from '../pki/pkcs12.ts';
import { forgetKeys, listKeys, storageKind, type HeldKeys } from '../pki/keyring.ts';

const MIN_PASSWORD = 8;

interface Entry {
  held: HeldKeys;
  view: CaseView | null;
  /** The certificate for each held key, and the chain (issuing CA, root), once issued. */
  issued: { auth: Certificate; sign: Certificate; chain: Certificate[] } | null;
  error?: unknown;
}

async function loadEntry(held: HeldKeys): Promise<Entry> {
  let view: CaseView;
  try {
    view = await get<CaseView>(`/api/cases/${encodeURIComponent(held.caseId!)}`);
  } catch (e) {
    return { held, view: null, issued: null, error: e };
  }
  if (view.mark !== 'result' || view.decision === 'refuse') return { held, view, issued: null };
  let pem: string;
  try {
    pem = await getText(`/api/cases/${encodeURIComponent(held.caseId!)}/certificates`);
  } catch (e) {
    if (e instanceof ApiError && e.rule === 'no_certificates') return { held, view, issued: null };
    return { held, view, issued: null, error: e };
  }
  const certs = pemBlocks(pem, 'CERTIFICATE').map(parseCertificate);
  // Each held key gets the certificate of its own public key (not merely the one in its position).
  const byKey = async (fingerprint: string) => {
    for (const c of certs) if (!c.isCa && (await keyFingerprint(c.spki)) === fingerprint) return c;
    return null;
  };
  const [auth, sign] = [await byKey(held.auth.fingerprint), await byKey(held.sign.fingerprint)];
  if (!auth || !sign) return { held, view, issued: null };
  return { held, view, issued: { auth, sign, chain: certs.filter((c) => c.isCa) } };
}

export default function NcaKeysPage() {
  const { t } = useI18n();
  const { user } = useSession() as { user: User };
  useTitle(t('nca.keys.title'));
  const [where, setWhere] = useState<'indexeddb' | 'memory'>('indexeddb');
  useEffect(() => void storageKind().then(setWhere), []);
  const [s, setS, retry] = useLoad(async () => {
    const held = (await listKeys(user.id)).filter((h) => h.caseId);
    return Promise.all(held.map(loadEntry));
  }, [user.id]);
  return (
    <>
      <h1 tabIndex={-1}>{t('nca.keys.title')}</h1>
      <p className="lead">{t('nca.keys.intro')}</p>
      <p className="hint">{t(where === 'indexeddb' ? 'nca.keys.whereIndexedDb' : 'nca.keys.whereMemory')}</p>
      <Loaded s={s} retry={retry}>
        {(entries) =>
          entries.length === 0 ? (
            <p>
              {t('nca.keys.none')}{' '}
              <Link href="/apply/nca-certificates/issue">{t('nca.keys.applyLink')}</Link>
            </p>
          ) : (
            entries.map((e) => <KeySet key={e.held.id} entry={e} onForget={() => setS(entries.filter((x) => x !== e))} />)
          )
        }
      </Loaded>
    </>
  );
}

function KeySet({ entry: e, onForget }: { entry: Entry; onForget: () => void }) {
  const i = useI18n();
  const { t } = i;
  const number = e.view?.number ?? e.held.number ?? '';
  const headId = `ks-${e.held.id}-h`;
  return (
    <section className="panel" aria-labelledby={headId}>
      <h2 id={headId}>{t('nca.keys.setTitle', { number })}</h2>
      <p>
        {e.view && <StatusBadge mark={e.view.mark} />} <Link href={`/cases/${e.held.caseId}`}>{t('apply.toCase')}</Link>
      </p>
      <ProblemAlert error={e.error} />
      {e.issued ? (
        <Issued entry={e} issued={e.issued} onForget={onForget} />
      ) : (
        <>
          <p>{t(e.view?.decision === 'refuse' ? 'nca.keys.refused' : 'nca.keys.waiting')}</p>
          <dl className="facts">
            <div>
              <dt>{t('nca.purpose.auth')}</dt>
              <dd>
                <code className="hash fingerprint">{e.held.auth.fingerprint}</code>
              </dd>
            </div>
            <div>
              <dt>{t('nca.purpose.sign')}</dt>
              <dd>
                <code className="hash fingerprint">{e.held.sign.fingerprint}</code>
              </dd>
            </div>
          </dl>
          {e.view?.decision === 'refuse' && <Forget held={e.held} onForget={onForget} />}
        </>
      )}
    </section>
  );
}

interface Built {
  auth: { url: string; name: string };
  sign: { url: string; name: string };
}

function Issued({ entry: e, issued, onForget }: { entry: Entry; issued: NonNullable<Entry['issued']>; onForget: () => void }) {
  const i = useI18n();
  const { t } = i;
  const id = `ks-${e.held.id}`;
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [built, setBuilt] = useState<Built | null>(null);
  const readyRef = useRef<HTMLParagraphElement>(null);
  useEffect(
    () => () => {
      if (built) {
        URL.revokeObjectURL(built.auth.url);
        URL.revokeObjectURL(built.sign.url);
      }
    },
    [built],
  );

  const build = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    if (password.length < MIN_PASSWORD) return setFormError(t('nca.keys.passwordShort', { n: MIN_PASSWORD }));
    if (password !== again) return setFormError(t('nca.keys.passwordMismatch'));
    setFormError(null);
    setError(null);
    setBusy(true);
    try {
      const chain = issued.chain.map((c) => c.der);
      const file = async (purpose: 'auth' | 'sign') => {
        const cert = issued[purpose];
        const bytes = await writeKeyStore({ privateKey: e.held[purpose].privateKey, certificate: cert.der, chain, password, friendlyName: `${cert.commonName} (${purpose})` });
        return { url: URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/x-pkcs12' })), name: `${purpose.toUpperCase()}_ECDSA_${cert.iin ?? ''}_${cert.serialHex.slice(0, 16)}.p12` };
      };
      setBuilt({ auth: await file('auth'), sign: await file('sign') });
      setPassword('');
      setAgain('');
      window.setTimeout(() => readyRef.current?.focus(), 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="alert alert-success">{t('nca.keys.issued')}</p>
      <table className="cases">
        <caption className="sr-only">{t('nca.keys.certificates')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nca.keys.purpose')}</th>
            <th scope="col">{t('nca.keys.serial')}</th>
            <th scope="col">{t('nca.keys.validTo')}</th>
          </tr>
        </thead>
        <tbody>
          {(['auth', 'sign'] as const).map((p) => (
            <tr key={p}>
              <td data-label={t('nca.keys.purpose')}>{t(`nca.purpose.${p}`)}</td>
              <td data-label={t('nca.keys.serial')}>
                <code className="hash serial">{issued[p].serialHex}</code>
              </td>
              <td data-label={t('nca.keys.validTo')}>{i.dateTime(issued[p].notAfter.toISOString())}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {built ? (
        <>
          <p className="alert alert-info" tabIndex={-1} ref={readyRef}>
            {t('nca.keys.ready')}
          </p>
          <div className="actions">
            <a className="btn btn-primary" href={built.auth.url} download={built.auth.name}>
              {t('nca.keys.downloadAuth')}
            </a>
            <a className="btn btn-primary" href={built.sign.url} download={built.sign.name}>
              {t('nca.keys.downloadSign')}
            </a>
          </div>
          <Forget held={e.held} onForget={onForget} />
        </>
      ) : (
        <form noValidate onSubmit={(ev) => void build(ev)} aria-labelledby={`${id}-build-h`}>
          <h3 id={`${id}-build-h`}>{t('nca.keys.buildTitle')}</h3>
          <p className="hint" id={`${id}-pw-hint`}>
            {t('nca.keys.passwordHint', { n: MIN_PASSWORD })}
          </p>
          <div className="field">
            <label htmlFor={`${id}-pw`}>{t('nca.keys.password')}</label>
            <input id={`${id}-pw`} type="password" autoComplete="new-password" aria-describedby={`${id}-pw-hint`} value={password} onChange={(x) => setPassword(x.currentTarget.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pw2`}>{t('nca.keys.passwordAgain')}</label>
            <input id={`${id}-pw2`} type="password" autoComplete="new-password" value={again} onChange={(x) => setAgain(x.currentTarget.value)} />
          </div>
          <FormAlert message={formError} />
          <ProblemAlert error={error} />
          <Working busy={busy}>{t('nca.keys.building')}</Working>
          <div className="actions">
            <button type="submit" className="btn btn-primary" aria-disabled={busy}>
              {t('nca.keys.build')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function Forget({ held, onForget }: { held: HeldKeys; onForget: () => void }) {
  const { t } = useI18n();
  const [sure, setSure] = useState(false);
  const id = `forget-${held.id}`;
  return (
    <div className="forget">
      <div className="field-check">
        <input type="checkbox" id={id} checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />
        <label htmlFor={id}>{t('nca.keys.forgetConfirm')}</label>
      </div>
      <button
        type="button"
        className="btn"
        aria-disabled={!sure}
        onClick={() => {
          if (!sure) return;
          void forgetKeys(held.id).then(onForget);
        }}
      >
        {t('nca.keys.forget')}
      </button>
    </div>
  );
}
