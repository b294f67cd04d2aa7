// Sign-in with EDS as Kazakhstan's portals do it: the user picks the authentication key store and
// types its password; the browser opens it, signs the server's one-use challenge, and only that
// signature goes to the server.
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { post } from '../lib/api.ts';
import { signText, unlockFile } from '../lib/eds.ts';
import { useSession, type User } from '../lib/session.tsx';
import { navigate } from '../lib/router.tsx';
import { KeyStoreFields, type KeyStoreValue } from '../components/KeyStore.tsx';
import { FormAlert, ProblemAlert, Working } from '../components/Problem.tsx';
import { SessionExpiredNotice } from '../components/SessionExpired.tsx';
import { useTitle } from '../lib/ui.tsx';

export default function SignInPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  useTitle(t('signin.title'));
  const { signIn } = useSession();
  const [ks, setKs] = useState<KeyStoreValue>({ file: null, password: '' });
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const secure = typeof crypto !== 'undefined' && !!crypto.subtle && window.isSecureContext;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busyRef.current) return;
    setError(null);
    if (!ks.file) return setFormError(t('eds.noFile'));
    if (!ks.password) return setFormError(t('eds.noPassword'));
    setFormError(null);
    busyRef.current = true;
    setBusy(true);
    try {
      const key = await unlockFile(ks.file, ks.password, 'auth');
      const ch = (await post<{ challengeId: string; nonce: string }>('/api/auth/challenge', {})).body;
      const signature = await signText(key, ch.nonce);
      const res = (await post<{ token: string; expiresAt: string; user: User }>('/api/auth/signin', { challengeId: ch.challengeId, signature })).body;
      signIn(res);
      const next = query.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : res.user.kind === 'staff' ? '/inbox' : '/cabinet', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('signin.title')}</h1>
      <p className="lead">{t('signin.intro')}</p>
      <SessionExpiredNotice />
      {!secure && (
        <div className="alert alert-error" role="alert">
          {t('eds.insecure')}
        </div>
      )}
      <form className="panel narrow" onSubmit={submit} noValidate>
        <KeyStoreFields purpose="auth" value={ks} onChange={setKs} disabled={busy} />
        <FormAlert message={formError} />
        <ProblemAlert error={error} />
        <Working busy={busy}>{t('signin.working')}</Working>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !secure}>
            {t('signin.submit')}
          </button>
        </div>
      </form>
      <p className="hint">{t('signin.demo')}</p>
    </>
  );
}
