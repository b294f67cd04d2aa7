// Catalog queries: what services exist, the version in force at a date, and the planned due date
// of every step for an application received at a given moment.
import { planDeadlines } from '../core/clock.ts';
import { findSubcase, type ApplicantKind, type Channel, type ServiceDefinition } from '../core/regulation.ts';
import { formatAlmaty } from '../core/time.ts';
import type { App } from './context.ts';
import { badRequest, notFound, unprocessable } from './errors.ts';

export function catalogList(app: App) {
  return {
    items: app.catalog.ids().map((id) => {
      const versions = app.catalog.all().filter((d) => d.id === id);
      const current = app.catalog.inForce(id, app.now()) ?? versions[versions.length - 1]!;
      return {
        id,
        name: current.name,
        shortName: current.shortName,
        provider: { id: current.provider.id, name: current.provider.name },
        status: current.status,
        channels: current.channels,
        subcases: current.subcases.map((s) => ({ id: s.id, name: s.name, term: s.term.duration })),
        versions: versions.map((v) => ({ version: v.version, effective: v.effective, status: v.status })),
      };
    }),
  };
}

function parseAt(at: string | undefined, field: string): Date | undefined {
  if (at === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00+05:00` : at);
  if (Number.isNaN(d.getTime())) throw badRequest('date', `${field} must be an ISO 8601 date or date-time`, field);
  return d;
}

export function resolveService(app: App, id: string, at?: Date): ServiceDefinition {
  const svc = app.catalog.inForce(id, at ?? app.now());
  if (svc) return svc;
  if (app.catalog.ids().includes(id)) throw notFound('not_in_force', `service "${id}" has no version in force at ${(at ?? app.now()).toISOString().slice(0, 10)}`, 'id');
  throw notFound('unknown_service', `no service "${id}" in the catalog; known: ${app.catalog.ids().join(', ')}`, 'id');
}

export function catalogEntry(app: App, id: string, at?: string): ServiceDefinition {
  return resolveService(app, id, parseAt(at, 'at'));
}

export function planFor(app: App, id: string, q: { subcase?: string; received?: string; channel?: string; applicantKind?: string }) {
  const received = parseAt(q.received, 'received') ?? app.now();
  const svc = resolveService(app, id, received);
  if (!q.subcase) throw badRequest('required', 'subcase is required', 'subcase');
  const sc = findSubcase(svc, q.subcase);
  if (!sc) throw unprocessable('unknown_subcase', `service "${id}" has no sub-case "${q.subcase}"; it has: ${svc.subcases.map((s) => s.id).join(', ')}`, 'subcase');
  const channel = (q.channel ?? svc.channels[0]) as Channel;
  if (!svc.channels.includes(channel)) throw unprocessable('channel_not_offered', `channel ${channel} is not offered; channels: ${svc.channels.join(', ')}`, 'channel');
  const applicantKind = (q.applicantKind ?? svc.applicantKinds[0]) as ApplicantKind;
  if (!svc.applicantKinds.includes(applicantKind)) throw unprocessable('applicant_kind', `applicant kind ${applicantKind} is not served; kinds: ${svc.applicantKinds.join(', ')}`, 'applicantKind');
  const plan = planDeadlines(svc, sc, received, { channel, applicantKind }, app.calendar);
  return {
    service: svc.id,
    version: svc.version,
    subcase: sc.id,
    channel,
    received: formatAlmaty(plan.received),
    steps: plan.steps.map((s) => ({ id: s.stepId, role: s.role, start: formatAlmaty(s.start), due: formatAlmaty(s.due) })),
    due: formatAlmaty(plan.due),
  };
}
