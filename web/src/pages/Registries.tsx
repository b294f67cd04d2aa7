// Public search of the registries of results (GET /api/public/registries[/:registry]): by result
// number, by the holder's BIN or IIN, or by words of the holder's name, a page at a time. The search
// lives in the URL (?registry=&by=&v=&page=), so it can be linked and the back button returns to it;
// a result's number opens its verification.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { validateBin, validateIin } from '../../../src/core/identifiers.ts';
import { useI18n, type I18n, type MessageKey, type Text } from '../lib/i18n.tsx';
import { get } from '../lib/api.ts';
import { Link, navigate } from '../lib/router.tsx';
import { Loading, ProblemAlert } from '../components/Problem.tsx';
import { TableWrap, useTitle } from '../lib/ui.tsx';

/** Results per page; one more is asked for to know whether there is a next page. */
export const PAGE = 10;
/** The platform's result numbers (src/gov/registries/registry.ts RESULT_NUMBER; not imported: that module pulls in the database layer). */
const RESULT_NUMBER = /^[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{4}-\d{6,}$/;

type By = 'number' | 'id' | 'name';
const BYS: readonly By[] = ['number', 'id', 'name'];

/** The server lists registries by id; their names for people, where this application knows them. */
const NAMES: Record<string, Text> = {
  licences: { kk: 'Лицензиялар', ru: 'Лицензии', en: 'Licences' },
  import_export_conclusions: { kk: 'Әкелу және әкету қорытындылары', ru: 'Заключения на ввоз и вывоз', en: 'Import and export conclusions' },
  notifications: { kk: 'Хабарламалар', ru: 'Уведомления', en: 'Notifications' },
  nca_certificates: { kk: 'ҰКО тіркеу куәліктері', ru: 'Регистрационные свидетельства НУЦ', en: 'NCA certificates' },
  'attestation-certificates': { kk: 'Ақпараттық жүйелердің аттестаттары', ru: 'Аттестаты информационных систем', en: 'Attestation certificates of information systems' },
  cash_register_conclusions: { kk: 'Бақылау-касса машиналары бойынша қорытындылар', ru: 'Заключения по контрольно-кассовым машинам', en: 'Cash register conclusions' },
  software_products_register: { kk: 'Бағдарламалық өнімдер тізілімі', ru: 'Реестр программных продуктов', en: 'Register of software products' },
  state_register_eir_is: { kk: 'ЭАР және АЖ мемлекеттік тізілімі', ru: 'Государственный реестр ЭИР и ИС', en: 'State register of e-resources and information systems' },
  technical_research_conclusions: { kk: 'Техникалық зерттеу қорытындылары', ru: 'Заключения технических исследований', en: 'Technical research conclusions' },
};

export function registryName(id: string, i: I18n): string {
  return NAMES[id] ? i.tx(NAMES[id]) : id;
}

interface Entry {
  number: string;
  status: string;
  valid: boolean;
  statusAt: string;
  holder: { kind: string; name: string; bin?: string; iin?: string };
  service: { name: Text | null; subcaseName: Text | null };
  issuedAt: string;
}

interface Search {
  registry: string;
  by: By;
  value: string;
  page: number;
}

function fromQuery(q: URLSearchParams): Search {
  const by = q.get('by') as By;
  const page = Number(q.get('page') ?? '1');
  return { registry: q.get('registry') ?? '', by: BYS.includes(by) ? by : 'number', value: q.get('v') ?? '', page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1 };
}

function toQuery(s: Search): string {
  const q = new URLSearchParams({ registry: s.registry, by: s.by });
  if (s.value.trim()) q.set('v', s.value.trim());
  if (s.page > 1) q.set('page', String(s.page));
  return `/registries?${q}`;
}

/** The problem with what is typed, as the page says it; null when it can be searched. */
function problemOf(by: By, raw: string, i: I18n, label: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  if (by === 'number') return RESULT_NUMBER.test(v.toUpperCase()) && v.length <= 80 ? null : i.t('regsearch.badNumber', { label });
  if (by === 'name') return v.length >= 2 && v.length <= 100 ? null : i.t('regsearch.badName', { label });
  // The same rules as the application form's BIN and IIN fields (src/core/identifiers.ts).
  if (validateBin(v).ok || validateIin(v).ok) return null;
  const bin = validateBin(v);
  return bin.ok ? null : i.t(`val.${bin.error.rule}` as MessageKey, { label });
}

/** The API query of a search that passed problemOf. */
function apiPath(s: Search): string {
  const q = new URLSearchParams({ limit: String(PAGE + 1), offset: String((s.page - 1) * PAGE) });
  const v = s.value.trim();
  if (v) {
    if (s.by === 'number') q.set('number', v.toUpperCase());
    else if (s.by === 'name') q.set('q', v);
    else q.set(validateBin(v).ok ? 'bin' : 'iin', v);
  }
  return `/api/public/registries/${encodeURIComponent(s.registry)}?${q}`;
}

type Answer = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; items: Entry[]; more: boolean };

function Results({ search, answer, i }: { search: Search; answer: Answer; i: I18n }) {
  const { t, tx } = i;
  if (answer.state === 'loading') return <Loading />;
  if (answer.state === 'error')
    return (
      <div>
        <p className="alert alert-error" role="alert">
          {t('regsearch.failed')}
        </p>
        <ProblemAlert error={answer.error} />
      </div>
    );
  const name = registryName(search.registry, i);
  if (answer.items.length === 0)
    return (
      <p className="alert alert-info" role="status">
        {search.page > 1 ? t('regsearch.noMore', { registry: name }) : t('regsearch.none', { registry: name })}
      </p>
    );
  const from = (search.page - 1) * PAGE + 1;
  const to = from + answer.items.length - 1;
  const caption = t('regsearch.caption', { registry: name, from, to });
  const go = (page: number) => navigate(toQuery({ ...search, page }));
  return (
    <>
      <p className="sr-only" role="status">
        {caption}
      </p>
      <TableWrap label={caption}>
        <table className="cases">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('regsearch.col.number')}</th>
              <th scope="col">{t('regsearch.col.holder')}</th>
              <th scope="col">{t('regsearch.col.id')}</th>
              <th scope="col">{t('regsearch.col.status')}</th>
              <th scope="col">{t('regsearch.col.issued')}</th>
              <th scope="col">{t('regsearch.col.statusAt')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.items.map((e) => (
              <tr key={e.number}>
                <td data-label={t('regsearch.col.number')}>
                  <Link href={`/verify?number=${encodeURIComponent(e.number)}`} aria-label={t('regsearch.verifyNumber', { number: e.number })}>
                    {e.number}
                  </Link>
                  {e.service.name && <div className="hint">{[tx(e.service.name), tx(e.service.subcaseName)].filter(Boolean).join(': ')}</div>}
                </td>
                <td data-label={t('regsearch.col.holder')}>{e.holder.name}</td>
                <td data-label={t('regsearch.col.id')}>{e.holder.bin ?? e.holder.iin ?? ''}</td>
                <td data-label={t('regsearch.col.status')}>
                  <span className={`badge ${e.valid ? 'badge-ok' : 'badge-warn'}`}>{t(`registry.status.${e.status}` as MessageKey)}</span>
                </td>
                <td data-label={t('regsearch.col.issued')}>{i.date(e.issuedAt)}</td>
                <td data-label={t('regsearch.col.statusAt')}>{i.date(e.statusAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {(search.page > 1 || answer.more) && (
        <nav className="actions" aria-label={t('regsearch.pages')}>
          {search.page > 1 && (
            <button type="button" className="btn" onClick={() => go(search.page - 1)}>
              {t('regsearch.prev')}
            </button>
          )}
          <span>{t('regsearch.page', { n: search.page })}</span>
          {answer.more && (
            <button type="button" className="btn" onClick={() => go(search.page + 1)}>
              {t('regsearch.next')}
            </button>
          )}
        </nav>
      )}
    </>
  );
}

export default function RegistriesPage({ query }: { query: URLSearchParams }) {
  const i = useI18n();
  const { t } = i;
  useTitle(t('regsearch.title'));
  const uid = useId();
  const current = fromQuery(query);
  const key = query.toString();
  const [list, setList] = useState<{ state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ok'; items: string[] }>({ state: 'loading' });
  const [registry, setRegistry] = useState(current.registry);
  const [by, setBy] = useState<By>(current.by);
  const [value, setValue] = useState(current.value);
  const [touched, setTouched] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    get<{ items: string[] }>('/api/public/registries').then(
      (r) => setList({ state: 'ok', items: r.items }),
      (error: unknown) => setList({ state: 'error', error }),
    );
  }, []);

  // The URL is the search: the form follows it (back and forward buttons, a shared link).
  useEffect(() => {
    setRegistry(current.registry);
    setBy(current.by);
    setValue(current.value);
    setTouched(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const chosen = list.state === 'ok' ? (list.items.includes(registry) ? registry : (list.items[0] ?? '')) : registry;
  const searched: Search | null = list.state === 'ok' && current.registry && list.items.includes(current.registry) && !problemOf(current.by, current.value, i, '') ? current : null;

  useEffect(() => {
    if (!searched) {
      setAnswer(null);
      return;
    }
    let live = true;
    setAnswer({ state: 'loading' });
    get<{ items: Entry[] }>(apiPath(searched)).then(
      (r) => live && setAnswer({ state: 'ok', items: r.items.slice(0, PAGE), more: r.items.length > PAGE }),
      (error: unknown) => live && setAnswer({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, list.state]);

  const label = t(`regsearch.value.${by}` as MessageKey);
  const problem = problemOf(by, value, i, label);
  // As they type: a complete BIN/IIN or a wrong character is judged at once, the rest once they leave the field.
  const shown = problem && (touched || (by === 'id' && (value.trim().length >= 12 || /\D/.test(value.trim())))) ? problem : null;
  const errId = `${uid}-err`;
  const hintId = `${uid}-hint`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || !chosen) {
      input.current?.focus();
      return;
    }
    navigate(toQuery({ registry: chosen, by, value, page: 1 }));
  };

  return (
    <section aria-labelledby="regsearch-h">
      <h1 id="regsearch-h" tabIndex={-1}>
        {t('regsearch.title')}
      </h1>
      <p className="lead">{t('regsearch.intro')}</p>
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <ProblemAlert error={list.error} />}
      {list.state === 'ok' && list.items.length === 0 && <p className="alert alert-info">{t('regsearch.noRegistries')}</p>}
      {list.state === 'ok' && list.items.length > 0 && (
        <form className="panel" onSubmit={submit} noValidate aria-label={t('regsearch.form')}>
          <div className="field">
            <label htmlFor="rs-registry">{t('regsearch.registry')}</label>
            <select id="rs-registry" value={chosen} onChange={(e) => setRegistry(e.currentTarget.value)}>
              {list.items.map((r) => (
                <option key={r} value={r}>
                  {registryName(r, i)}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('regsearch.by')}</legend>
            <div className="radios">
              {BYS.map((b) => (
                <div className="field-check" key={b}>
                  <input
                    type="radio"
                    name="rs-by"
                    id={`rs-by-${b}`}
                    checked={by === b}
                    onChange={() => {
                      setBy(b);
                      setTouched(false);
                    }}
                  />
                  <label htmlFor={`rs-by-${b}`}>{t(`regsearch.by.${b}` as MessageKey)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className={`field${shown ? ' has-error' : ''}`}>
            <label htmlFor="rs-value">{label}</label>
            <input
              id="rs-value"
              ref={input}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              onBlur={() => setTouched(true)}
              autoComplete="off"
              spellCheck={false}
              inputMode={by === 'id' ? 'numeric' : undefined}
              maxLength={by === 'id' ? 12 : 100}
              aria-invalid={shown ? true : undefined}
              aria-describedby={[hintId, shown ? errId : ''].filter(Boolean).join(' ')}
            />
            <p className="hint" id={hintId}>
              {t(`regsearch.hint.${by}` as MessageKey)}
            </p>
            {shown && (
              <p className="field-error" id={errId}>
                {shown}
              </p>
            )}
          </div>
          <button type="submit" className="btn btn-primary">
            {t('regsearch.search')}
          </button>
        </form>
      )}
      {searched && answer && (
        <section aria-labelledby="regsearch-results-h" >
          <h2 id="regsearch-results-h">{t('regsearch.results')}</h2>
          <Results search={searched} answer={answer} i={i} />
        </section>
      )}
    </section>
  );
}
