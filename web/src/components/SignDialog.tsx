// "Sign with EDS": a modal that asks for the signing key store, as the portals do, opens it in the
// browser, and hands the key to `onSign`, which builds the signature and sends the command. A
// second click while that runs does nothing; the command's Idempotency-Key covers any other repeat.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { unlockFile, type KeyStore } from '../lib/eds.ts';
import { useSession } from '../lib/session.tsx';
import { KeyStoreFields, type KeyStoreValue } from './KeyStore.tsx';
import { FormAlert, ProblemAlert } from './Problem.tsx';

export function SignDialog({ open, title, children, onSign, onClose, progress }: { open: boolean; title: string; children?: ReactNode; onSign: (ks: KeyStore) => Promise<void>; onClose: () => void; progress?: number | null }) {
  const { t } = useI18n();
  const { user } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [ks, setKs] = useState<KeyStoreValue>({ file: null, password: '' });
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setError(null);
      setFormError(null);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busyRef.current) return;
    if (!ks.file) return setFormError(t('eds.noFile'));
    if (!ks.password) return setFormError(t('eds.noPassword'));
    busyRef.current = true;
    setBusy(true);
    setFormError(null);
    setError(null);
    try {
      const key = await unlockFile(ks.file, ks.password, 'sign', user ? { iin: user.iin, bin: user.bin } : undefined);
      await onSign(key);
      setKs({ file: ks.file, password: '' });
    } catch (err) {
      setError(err);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="sign-title"
      onCancel={(e) => {
        // Escape closes the dialog; a file chooser dismissed (or given the same key store again) fires
        // a "cancel" of its own that bubbles up from the input, and must not.
        if (e.target !== e.currentTarget) return;
        if (busyRef.current) e.preventDefault();
        else onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="sign-title">{title}</h2>
        {children}
        <p className="hint">{t('sign.intro')}</p>
        <KeyStoreFields purpose="sign" value={ks} onChange={setKs} disabled={busy} />
        <FormAlert message={formError} />
        <ProblemAlert error={error} />
        {busy && (
          <div role="status" className="progress-line">
            <span>{progress != null ? t('sign.sending', { pct: Math.round(progress * 100) }) : t('sign.working')}</span>
            {progress != null && <progress max={1} value={progress} aria-label={t('sign.progress')} />}
          </div>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary" aria-disabled={busy}>
            {t('sign.submit')}
          </button>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
