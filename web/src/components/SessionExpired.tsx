// Shown on the sign-in page when the server ended the session while the user was working: what
// happened, and that signing in again brings them back to the form with what they typed.
import { useI18n } from '../lib/i18n.tsx';
import { useSession } from '../lib/session.tsx';

export function SessionExpiredNotice() {
  const { t } = useI18n();
  const { expired } = useSession();
  if (!expired) return null;
  return (
    <div className="alert alert-warn" role="alert">
      <p>{t('session.expired')}</p>
    </div>
  );
}
