// The back office's inbox, per role: what waits for me, most urgent first (overdue, due today,
// upcoming, then paused cases whose clock is stopped), with the counts the API computes.
import { useState } from 'react';
import { get } from '../lib/api.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { catalogList, serviceEntry, useLoad, roleName } from '../lib/catalog.ts';
import { useSession, type User } from '../lib/session.tsx';
import type { CaseSummary, Service } from '../lib/types.ts';
import { Loaded } from '../components/Problem.tsx';
import { byDue, CaseTable } from '../components/CaseTable.tsx';
import { useTitle } from '../lib/ui.tsx';

interface InboxReply {
  counts: { total: number; overdue: number; dueToday: number; paused: number };
  items: CaseSummary[];
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

function group(c: CaseSummary): 'overdue' | 'today' | 'upcoming' | 'paused' {
  if (c.mark === 'paused') return 'paused';
  if (c.overdue) return 'overdue';
  if (c.stepDue?.slice(0, 10) === today()) return 'today';
  return 'upcoming';
}

const GROUPS = [
  ['overdue', 'inbox.groupOverdue'],
  ['today', 'inbox.groupToday'],
  ['upcoming', 'inbox.groupUpcoming'],
  ['paused', 'inbox.groupPaused'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

export default function InboxPage({ query }: { query: URLSearchParams }) {
  const i = useI18n();
  const { t, tx } = i;
  const { user } = useSession() as { user: User };
  useTitle(t('inbox.title'));
  const [role, setRole] = useState(query.get('role') && user.roles.includes(query.get('role')!) ? query.get('role')! : user.roles[0]!);
  const [s, , retry] = useLoad(async () => {
    const [inbox, catalog] = await Promise.all([get<InboxReply>(`/api/inbox?role=${encodeURIComponent(role)}`), catalogList()]);
    const ids = [...new Set(inbox.items.map((c) => c.serviceId))];
    // Role and step names come from the definitions of the services the cases belong to.
    const mine = catalog.filter((c) => c.provider.id === user.providerId).map((c) => c.id);
    const defs = await Promise.all([...new Set([...ids, ...mine.slice(0, 1)])].map((id) => serviceEntry(id).catch(() => null)));
    return { inbox, catalog, defs: defs.filter((d): d is Service => !!d) };
  }, [role]);
  return (
    <>
      <h1 tabIndex={-1}>{t('inbox.title')}</h1>
      <Loaded s={s} retry={retry}>
        {({ inbox, catalog, defs }) => {
          const label = (r: string) => tx(defs.map((d) => roleName(d, r)).find(Boolean), r);
          const sorted = [...inbox.items].sort(byDue);
          return (
            <>
              {user.roles.length > 1 && (
                <div className="tabs" role="group" aria-label={t('inbox.role')}>
                  {user.roles.map((r) => (
                    <button key={r} type="button" className="tab" aria-pressed={r === role} onClick={() => setRole(r)}>
                      {label(r)}
                    </button>
                  ))}
                </div>
              )}
              <p className="muted">{t('inbox.forRole', { role: label(role) })}</p>
              <ul className="counts" aria-label={t('inbox.counts')}>
                <li>
                  <span className="count-n">{i.number(inbox.counts.total)}</span> {t('inbox.total')}
                </li>
                <li className={inbox.counts.overdue ? 'count-bad' : ''}>
                  <span className="count-n">{i.number(inbox.counts.overdue)}</span> {t('inbox.overdue')}
                </li>
                <li className={inbox.counts.dueToday ? 'count-warn' : ''}>
                  <span className="count-n">{i.number(inbox.counts.dueToday)}</span> {t('inbox.dueToday')}
                </li>
                <li>
                  <span className="count-n">{i.number(inbox.counts.paused)}</span> {t('inbox.paused')}
                </li>
              </ul>
              {sorted.length === 0 && <p>{t('inbox.empty')}</p>}
              {GROUPS.map(([g, key]) => {
                const rows = sorted.filter((c) => group(c) === g);
                if (rows.length === 0) return null;
                return (
                  <section key={g} aria-labelledby={`g-${g}`}>
                    <h2 id={`g-${g}`}>
                      {t(key)} <span className="muted">({i.number(rows.length)})</span>
                    </h2>
                    <CaseTable
                      label={t(key)}
                      cases={rows}
                      href={(c) => `/cases/${c.id}`}
                      what={{
                        header: t('case.service'),
                        cell: (c) => {
                          const item = catalog.find((x) => x.id === c.serviceId);
                          return (
                            <>
                              {tx(item?.shortName, c.serviceId)} <span className="muted">— {tx(item?.subcases.find((x) => x.id === c.subcase)?.name, c.subcase)}</span>
                            </>
                          );
                        },
                      }}
                      step={(c) => tx(defs.find((d) => d.id === c.serviceId)?.subcases.find((x) => x.id === c.subcase)?.steps.find((x) => x.id === c.currentStep)?.action, c.currentStep ?? '—')}
                    />
                  </section>
                );
              })}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
