// The shell: language, session, header and navigation, and the routes. Pages other than the
// catalog are separate chunks, fetched when first visited.
import { lazy, Suspense, useEffect, useRef, type ComponentType, type LazyExoticComponent } from 'react';
import { I18nProvider, LANG_NAMES, LANGS, useI18n, type Lang } from './lib/i18n.tsx';
import { SessionProvider, useSession, isStaff } from './lib/session.tsx';
import { Link, match, navigate, useLocation } from './lib/router.tsx';
import { CatalogPage } from './pages/Catalog.tsx';
import { Loading } from './components/Problem.tsx';
import { UnreadNotices } from './components/UnreadNotices.tsx';

type Page = ComponentType<{ params: Record<string, string>; query: URLSearchParams }>;
const page = (load: () => Promise<{ default: Page }>): LazyExoticComponent<Page> => lazy(load);

const ServicePage = page(() => import('./pages/Service.tsx'));
const SignInPage = page(() => import('./pages/SignIn.tsx'));
const VerifyPage = page(() => import('./pages/Verify.tsx'));
const RegistriesPage = page(() => import('./pages/Registries.tsx'));
const ApplyPage = page(() => import('./pages/Apply.tsx'));
const CabinetPage = page(() => import('./pages/Cabinet.tsx'));
const CasePage = page(() => import('./pages/Case.tsx'));
const ResultPage = page(() => import('./pages/Result.tsx'));
const InboxPage = page(() => import('./pages/Inbox.tsx'));
const OfficePage = page(() => import('./pages/Office.tsx'));
const ReceiptPage = page(() => import('./pages/Receipt.tsx'));
const NotFoundPage = page(() => import('./pages/NotFound.tsx'));
const NcaApplyPage = page(() => import('./pages/NcaApply.tsx'));
const NcaKeysPage = page(() => import('./pages/NcaKeys.tsx'));
const NcaDeskPage = page(() => import('./pages/NcaDesk.tsx'));
const NcaRequestPage = page(() => import('./pages/NcaRequest.tsx'));

interface Route {
  pattern: string;
  page: Page | LazyExoticComponent<Page>;
  auth?: 'any' | 'applicant' | 'staff';
}

const ROUTES: Route[] = [
  { pattern: '/', page: CatalogPage },
  { pattern: '/services/:id', page: ServicePage },
  { pattern: '/signin', page: SignInPage },
  { pattern: '/verify', page: VerifyPage },
  { pattern: '/registries', page: RegistriesPage },
  // The NCA's certificates: the keys are generated in the browser (before the generic form).
  { pattern: '/apply/nca-certificates/issue', page: NcaApplyPage, auth: 'applicant' },
  { pattern: '/apply/nca-certificates/reissue', page: NcaApplyPage, auth: 'applicant' },
  { pattern: '/apply/:id/:subcase', page: ApplyPage, auth: 'applicant' },
  { pattern: '/nca/keys', page: NcaKeysPage, auth: 'applicant' },
  { pattern: '/nca/desk', page: NcaDeskPage, auth: 'staff' },
  { pattern: '/nca/desk/:id', page: NcaRequestPage, auth: 'staff' },
  { pattern: '/cabinet', page: CabinetPage, auth: 'applicant' },
  { pattern: '/cases/:id', page: CasePage, auth: 'any' },
  { pattern: '/cases/:id/result', page: ResultPage, auth: 'any' },
  { pattern: '/inbox', page: InboxPage, auth: 'staff' },
  { pattern: '/office', page: OfficePage, auth: 'staff' },
  { pattern: '/office/receipt/:id', page: ReceiptPage, auth: 'staff' },
];

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang" role="group" aria-label={t('nav.language')}>
      {LANGS.map((l: Lang) => (
        <button key={l} type="button" lang={l} className="lang-btn" aria-pressed={l === lang} onClick={() => setLang(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

function Header({ path }: { path: string }) {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const items: Array<[string, string]> = isStaff(user)
    ? [['/inbox', t('nav.inbox')], ...(user!.roles.includes('nca_operator') ? [['/nca/desk', t('nav.ncaDesk')] as [string, string]] : []), ['/office', t('nav.office')], ['/', t('nav.catalog')], ['/verify', t('nav.verify')], ['/registries', t('nav.registries')]]
    : user
      ? [['/', t('nav.catalog')], ['/cabinet', t('nav.cabinet')], ['/nca/keys', t('nav.ncaKeys')], ['/verify', t('nav.verify')], ['/registries', t('nav.registries')]]
      : [['/', t('nav.catalog')], ['/verify', t('nav.verify')], ['/registries', t('nav.registries')]];
  const current = (href: string) => (href === '/' ? path === '/' || path.startsWith('/services') : path.startsWith(href));
  return (
    <header className="site-header">
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <div className="bar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            Q
          </span>
          <span>
            <span className="brand-name">qyzmet</span>
            <span className="brand-sub">{t('app.tagline')}</span>
          </span>
        </Link>
        <LanguageSwitch />
      </div>
      <nav aria-label={t('nav.main')} className="nav">
        <ul>
          {items.map(([href, label]) => (
            <li key={href}>
              <Link href={href} aria-current={current(href) ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="who">
          {user ? (
            <>
              {user.kind === 'applicant' && <UnreadNotices userId={user.id} />}
              <span className="who-name">{t('nav.signedInAs', { name: user.displayName })}</span>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  signOut();
                  navigate('/');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link href="/signin" className="btn btn-small btn-primary">
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </nav>
    </header>
  );
}

function Routes() {
  const { path, search, query } = useLocation();
  const { user } = useSession();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After a navigation, move focus to the new page's heading so screen readers announce it.
    const id = window.setTimeout(() => (document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main'))?.focus(), 50);
    return () => window.clearTimeout(id);
  }, [path]);

  let found: { route: Route; params: Record<string, string> } | null = null;
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) {
      found = { route, params };
      break;
    }
  }
  const needs = found?.route.auth;
  const allowed = !needs || (user && (needs === 'any' || (needs === 'staff' ? user.kind === 'staff' : user.kind === 'applicant')));
  useEffect(() => {
    if (needs && !user) navigate(`/signin?next=${encodeURIComponent(path + search)}`, { replace: true });
  }, [needs, user, path, search]);

  let content;
  if (!found) content = <NotFoundPage params={{}} query={query} />;
  else if (!allowed) content = user ? <NotFoundPage params={{ reason: 'role' }} query={query} /> : <Loading />;
  else {
    const P = found.route.page;
    content = <P params={found.params} query={query} />;
  }
  return (
    <>
      <Header path={path} />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </main>
      <Footer />
    </>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Routes />
      </SessionProvider>
    </I18nProvider>
  );
}

