// The public catalog: every service with its provider, channels and terms; search across the three
// languages at once (people search in the language they think in, not the one on screen).
import { useMemo, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { catalogList, useLoad, type CatalogItem } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import { Loaded } from '../components/Problem.tsx';
import { CHANNEL_KEYS, durationText, useTitle } from '../lib/ui.tsx';

const norm = (s: string) => s.toLocaleLowerCase().replace(/ё/g, 'е');

function haystack(item: CatalogItem): string {
  const texts = [item.name, item.shortName, item.provider.name, ...item.subcases.map((s) => s.name)];
  return norm([item.id, ...texts.flatMap((x) => [x.kk, x.ru, x.en])].join(' '));
}

export function CatalogPage() {
  const { t } = useI18n();
  useTitle(t('catalog.title'));
  const [s, , retry] = useLoad(catalogList, []);
  const [q, setQ] = useState('');
  return (
    <>
      <h1 tabIndex={-1}>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.intro')}</p>
      <div className="field search">
        <label htmlFor="catalog-search">{t('catalog.search')}</label>
        <input id="catalog-search" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} aria-describedby="catalog-count" />
      </div>
      <Loaded s={s} retry={retry}>
        {(items) => <Results items={items} q={q} />}
      </Loaded>
    </>
  );
}

function Results({ items, q }: { items: CatalogItem[]; q: string }) {
  const i = useI18n();
  const { t, tx } = i;
  const index = useMemo(() => items.map((it) => ({ it, text: haystack(it) })), [items]);
  const words = norm(q).split(/\s+/).filter(Boolean);
  const shown = index.filter((x) => words.every((w) => x.text.includes(w))).map((x) => x.it);
  return (
    <>
      <p id="catalog-count" className="muted" role="status">
        {t('catalog.found', { n: i.number(shown.length) })}
      </p>
      {shown.length === 0 && <p>{t('catalog.none')}</p>}
      <ul className="cards">
        {shown.map((it) => (
          <li key={it.id} className="card">
            <h2 className="card-title">
              <Link href={`/services/${it.id}`}>{tx(it.shortName)}</Link>
              {it.status === 'repealed' && <span className="badge badge-muted">{t('catalog.repealed')}</span>}
            </h2>
            <p>{tx(it.name)}</p>
            <dl className="facts">
              <div>
                <dt>{t('service.provider')}</dt>
                <dd>{tx(it.provider.name)}</dd>
              </div>
              <div>
                <dt>{t('service.channels')}</dt>
                <dd>{it.channels.map((c) => t(CHANNEL_KEYS[c])).join(', ')}</dd>
              </div>
              {it.subcases.length > 0 && (
                <div>
                  <dt>{t('service.terms')}</dt>
                  <dd>
                    <ul className="plain">
                      {it.subcases.map((sc) => (
                        <li key={sc.id}>
                          {tx(sc.name)}: {durationText(sc.term, i)}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
