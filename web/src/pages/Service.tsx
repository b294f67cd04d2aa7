// One service as the regulation defines it: provider and offices, channels, who may apply, and per
// sub-case the term, the fee, the steps with their terms, the documents for each applicant kind and
// channel, the refusal grounds, and the procedure diagram.
import { useState } from 'react';
import type { Channel, DocumentRequirement, Service as Svc, SubCase, WeekdayHours } from '../lib/types.ts';
import { useI18n, type I18n } from '../lib/i18n.tsx';
import { serviceEntry, roleName, useLoad } from '../lib/catalog.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import { Loaded } from '../components/Problem.tsx';
import { CHANNEL_KEYS, KIND_KEYS, altName, durationText, TableWrap, useTitle } from '../lib/ui.tsx';

type Kind = Svc['applicantKinds'][number];

function weekdays(days: number[], i: I18n): string {
  const name = (d: number) => i.weekday(d);
  const sorted = [...days].sort();
  const contiguous = sorted.every((d, k) => k === 0 || d === sorted[k - 1]! + 1);
  return contiguous && sorted.length > 2 ? `${name(sorted[0]!)}–${name(sorted[sorted.length - 1]!)}` : sorted.map(name).join(', ');
}

export function hoursText(h: WeekdayHours, i: I18n): string {
  const base = `${weekdays(h.days, i)} ${h.open}–${h.close}`;
  return h.break ? `${base}, ${i.t('service.break', { from: h.break.from, to: h.break.to })}` : base;
}

function applies(d: DocumentRequirement, channel: Channel, kind: Kind): boolean {
  return (!d.when?.channels || d.when.channels.includes(channel)) && (!d.when?.applicantKinds || d.when.applicantKinds.includes(kind));
}

function Documents({ sc, channel, kind }: { sc: SubCase; channel: Channel; kind: Kind }) {
  const i = useI18n();
  const { t, tx } = i;
  const docs = sc.documents.filter((d) => applies(d, channel, kind));
  const bring = docs.filter((d) => !d.obtainedByProvider);
  const fetched = docs.filter((d) => d.obtainedByProvider);
  const condition = (d: DocumentRequirement) =>
    Object.entries(d.when?.fields ?? {}).map(([fid, values]) => {
      const f = sc.fields.find((x) => x.id === fid);
      const labels = values.map((v) => tx(f?.options?.find((o) => o.value === v)?.label, v));
      return t('service.onlyWhen', { field: tx(f?.label, fid), values: labels.join(' / ') });
    });
  return (
    <>
      {bring.length === 0 ? (
        <p>{t('service.noDocuments')}</p>
      ) : (
        <ul className="doclist">
          {bring.map((d) => (
            <li key={d.id}>
              <span>{tx(d.name)}</span> <span className={`badge ${d.required ? 'badge-info' : 'badge-muted'}`}>{t(d.required ? 'service.required' : 'service.optional')}</span>
              {d.satisfiedBy?.length ? <p className="hint">{t('service.anyOf', { list: d.satisfiedBy.map((a) => altName(a, i)).join('; ') })}</p> : null}
              {condition(d).map((c) => (
                <p className="hint" key={c}>
                  {c}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      {fetched.length > 0 && (
        <>
          <p>{t('service.byProvider')}</p>
          <ul className="doclist muted-list">
            {fetched.map((d) => (
              <li key={d.id}>
                {tx(d.name)}
                {condition(d).map((c) => (
                  <span className="hint" key={c}>
                    {' '}
                    ({c})
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function feeText(sc: SubCase, i: I18n): string {
  const { fee } = sc;
  const parts = [i.t(`fee.${fee.kind}` as never)];
  if (fee.mci !== undefined) parts.push(i.t('fee.mci', { n: i.number(fee.mci) }));
  if (fee.budgetCode) parts.push(i.t('fee.budgetCode', { code: fee.budgetCode }));
  if (fee.paymentPurposeCode) parts.push(i.t('fee.purposeCode', { code: fee.paymentPurposeCode }));
  return parts.join('; ');
}

export default function ServicePage({ params }: { params: Record<string, string> }) {
  const [s, , retry] = useLoad(() => serviceEntry(params.id!), [params.id]);
  return (
    <Loaded s={s} retry={retry}>
      {(svc) => <ServiceView svc={svc} />}
    </Loaded>
  );
}

function ServiceView({ svc }: { svc: Svc }) {
  const i = useI18n();
  const { t, tx, lang } = i;
  const { user } = useSession();
  useTitle(tx(svc.shortName));
  const [scId, setScId] = useState(svc.subcases[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>(svc.applicantKinds[0]!);
  const sc = svc.subcases.find((x) => x.id === scId);
  const channels = sc?.channels ?? svc.channels;
  const [channelPick, setChannel] = useState<Channel>(channels[0]!);
  const channel = channels.includes(channelPick) ? channelPick : channels[0]!;
  return (
    <article className="service">
      <h1 tabIndex={-1}>{tx(svc.shortName)}</h1>
      <p className="lead">{tx(svc.name)}</p>
      {svc.status === 'repealed' && <p className="alert alert-warn">{t('service.repealedNote')}</p>}
      <dl className="facts">
        <div>
          <dt>{t('service.provider')}</dt>
          <dd>{tx(svc.provider.name)}</dd>
        </div>
        <div>
          <dt>{t('service.workingHours')}</dt>
          <dd>{hoursText(svc.provider.workingHours, i)}</dd>
        </div>
        <div>
          <dt>{t('service.channels')}</dt>
          <dd>{svc.channels.map((c) => t(CHANNEL_KEYS[c])).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('service.applicants')}</dt>
          <dd>{svc.applicantKinds.map((k) => t(KIND_KEYS[k])).join(', ')}</dd>
        </div>
        {svc.result && (
          <div>
            <dt>{t('service.result')}</dt>
            <dd>{tx(svc.result.document)}</dd>
          </div>
        )}
        <div>
          <dt>{t('service.version')}</dt>
          <dd>{t('service.versionText', { version: svc.version, from: i.date(`${svc.effective.from}T12:00:00+05:00`) })}</dd>
        </div>
      </dl>

      {svc.subcases.length > 0 && sc && (
        <section aria-labelledby="sc-h">
          <h2 id="sc-h">{t('service.subcases')}</h2>
          <div className="controls">
            <div className="field">
              <label htmlFor="sc-pick">{t('service.subcase')}</label>
              <select id="sc-pick" value={scId} onChange={(e) => setScId(e.currentTarget.value)}>
                {svc.subcases.map((x) => (
                  <option key={x.id} value={x.id}>
                    {tx(x.name)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <h3>{tx(sc.name)}</h3>
          <dl className="facts">
            <div>
              <dt>{t('service.term')}</dt>
              <dd>{durationText(sc.term.duration, i)}</dd>
            </div>
            <div>
              <dt>{t('service.fee')}</dt>
              <dd>{feeText(sc, i)}</dd>
            </div>
            <div>
              <dt>{t('service.channels')}</dt>
              <dd>{channels.map((c) => t(CHANNEL_KEYS[c])).join(', ')}</dd>
            </div>
          </dl>
          {channels.includes('portal') && svc.status === 'active' && (
            <p>
              {user?.kind === 'applicant' ? (
                <Link className="btn btn-primary" href={`/apply/${svc.id}/${sc.id}`}>
                  {t('service.apply')}
                </Link>
              ) : !user ? (
                <Link className="btn btn-primary" href={`/signin?next=${encodeURIComponent(`/apply/${svc.id}/${sc.id}`)}`}>
                  {t('service.signInToApply')}
                </Link>
              ) : null}
            </p>
          )}

          <h3>{t('service.documents')}</h3>
          <div className="controls">
            <div className="field">
              <label htmlFor="kind-pick">{t('service.applicant')}</label>
              <select id="kind-pick" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
                {svc.applicantKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_KEYS[k])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="channel-pick">{t('service.channel')}</label>
              <select id="channel-pick" value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {t(CHANNEL_KEYS[c])}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Documents sc={sc} channel={channel} kind={kind} />

          <h3>{t('service.steps')}</h3>
          <TableWrap label={t('service.steps')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('service.step')}</th>
                  <th scope="col">{t('service.who')}</th>
                  <th scope="col">{t('service.term')}</th>
                </tr>
              </thead>
              <tbody>
                {sc.steps.map((st) => (
                  <tr key={st.id}>
                    <td>{tx(st.action)}</td>
                    <td>{tx(roleName(svc, st.role), st.role)}</td>
                    <td>{durationText(st.term.duration, i)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>

          <figure className="diagram">
            <div className="diagram-scroll" tabIndex={0} role="region" aria-label={t('service.diagram')}>
              <img src={`/api/catalog/${encodeURIComponent(svc.id)}/diagram.svg?subcase=${encodeURIComponent(sc.id)}&lang=${lang}`} alt={t('service.diagramAlt', { name: tx(sc.name) })} loading="lazy" />
            </div>
            <figcaption>
              {t('service.diagram')} —{' '}
              <a href={`/api/catalog/${encodeURIComponent(svc.id)}/diagram.svg?subcase=${encodeURIComponent(sc.id)}&lang=${lang}`} target="_blank" rel="noopener">
                {t('service.diagramOpen')}
              </a>
            </figcaption>
          </figure>
        </section>
      )}

      <section aria-labelledby="grounds-h">
        <h2 id="grounds-h">{t('service.grounds')}</h2>
        {svc.refusalGrounds.length === 0 ? (
          <p>{t('service.noGrounds')}</p>
        ) : (
          <ol>
            {svc.refusalGrounds.map((g) => (
              <li key={g.id}>{tx(g.text)}</li>
            ))}
          </ol>
        )}
        {svc.exhaustiveGrounds && svc.refusalGrounds.length > 0 && <p className="hint">{t('service.exhaustive')}</p>}
      </section>

      {svc.provider.offices.length > 0 && (
        <section aria-labelledby="offices-h">
          <h2 id="offices-h">{t('service.offices')}</h2>
          <ul className="cards cards-small">
            {svc.provider.offices.map((o) => (
              <li key={o.id} className="card">
                <h3 className="card-title">{tx(o.name)}</h3>
                <p>{tx(o.address)}</p>
                {o.phone && <p>{t('service.phone', { phone: o.phone })}</p>}
                {o.reception && <p>{t('service.reception', { hours: hoursText(o.reception, i) })}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sources-h">
        <h2 id="sources-h">{t('service.sources')}</h2>
        <ul>
          {svc.sources.map((src, k) => (
            <li key={k}>
              {tx(src.act)} № {src.number} {t('service.of')} {i.date(`${src.date}T12:00:00+05:00`)}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
