import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { useTitle } from '../lib/ui.tsx';

export default function NotFoundPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const role = params.reason === 'role';
  useTitle(t(role ? 'notFound.roleTitle' : 'notFound.title'));
  return (
    <>
      <h1 tabIndex={-1}>{t(role ? 'notFound.roleTitle' : 'notFound.title')}</h1>
      <p>{t(role ? 'notFound.role' : 'notFound.text')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
