// Errors in words the user can act on: problem+json rules from the API and the browser EDS's own
// codes have messages in the three languages; anything else shows the server's detail.
import { ApiError } from '../lib/api.ts';
import { isEdsError } from '../lib/eds.ts';
import { useI18n, type I18n, type MessageKey } from '../lib/i18n.tsx';
import { en } from '../lib/messages/en.ts';

const has = (k: string): k is MessageKey => k in en;

export function describeError(e: unknown, i: I18n): string {
  if (isEdsError(e)) {
    const key = `eds.${e.code}`;
    const info = { ...e.info, ...(e.info.date ? { date: i.date(e.info.date) } : {}), bin: e.info.bin ? `, BIN ${e.info.bin}` : '' };
    return has(key) ? i.t(key, info) : e.message;
  }
  if (e instanceof ApiError) {
    const key = `problem.${e.rule}`;
    if (has(key)) return i.t(key, { detail: e.detail });
    if (e.status === 0) return i.t('problem.network');
    return i.t('problem.generic', { detail: e.detail });
  }
  return i.t('problem.generic', { detail: e instanceof Error ? e.message : String(e) });
}

export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  const i = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" id={id}>
      {describeError(error, i)}
    </div>
  );
}

/** What a form found wrong itself, before anything was sent; nothing while `message` is empty. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

/** Work under way, announced politely; nothing while `busy` is false. */
export function Working({ busy = true, children }: { busy?: boolean; children: React.ReactNode }) {
  if (!busy) return null;
  return (
    <p className="muted" role="status">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <Working>{t('common.loading')}</Working>;
}

/** Loading / error / content for a useLoad result. */
export function Loaded<T>({ s, children, retry }: { s: { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; value: T }; children: (v: T) => React.ReactNode; retry?: () => void }) {
  const { t } = useI18n();
  if (s.state === 'loading') return <Loading />;
  if (s.state === 'error')
    return (
      <>
        <ProblemAlert error={s.error} />
        {retry && (
          <button type="button" className="btn" onClick={retry}>
            {t('common.retry')}
          </button>
        )}
      </>
    );
  return <>{children(s.value)}</>;
}
