// The engine knows no service: no source of src/core, src/app, src/store or src/http names a
// service of the catalog or compares a service id with a literal, and a service defined here —
// the catalog's next one — runs through the pure fold, the legal clock, the catalog queries, the
// BPMN and SVG exports and the lint with nothing else added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { definitions, makeCatalog } from '../../src/services/index.ts';
import { openApp } from '../../src/app/context.ts';
import { planFor } from '../../src/app/catalog.ts';
import { availableActions, decideOutcome, eventHash, fold, GENESIS_HASH, verifyChain, type Actor, type CaseEvent, type CaseEventData } from '../../src/core/case.ts';
import { computeDeadlines, planDeadlines, type ClockCase } from '../../src/core/clock.ts';
import { findSubcase } from '../../src/core/regulation.ts';
import { formatAlmaty } from '../../src/core/time.ts';
import { toBpmn } from '../../src/core/bpmn.ts';
import { toSvg } from '../../src/core/diagram-svg.ts';
import { lintService } from '../../src/core/lint.ts';
import { BpmnModdle } from 'bpmn-moddle';
import { tiny, TINY_ID } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '../..');
const ENGINE_DIRS = ['src/core', 'src/app', 'src/store', 'src/http'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

/** Code without comments (roughly: a `//` inside a string ends the line early, which only hides code). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Places in `code` that branch on a service: a catalog id in a string literal, or an id compared with a literal. */
export function serviceBranches(code: string, ids: readonly string[]): string[] {
  const hits: string[] = [];
  const lines = stripComments(code).split('\n');
  const patterns: Array<[string, RegExp]> = [
    ...ids.map((id): [string, RegExp] => [`service id "${id}" in a string`, new RegExp(`['"\`][^'"\`\\n]*(?<![\\w-])${esc(id)}(?![\\w-])[^'"\`\\n]*['"\`]`)]),
    ['if (svc.id …)', /\bif\s*\(\s*!?\s*(?:svc|service|def|definition|sd)\.id\b/],
    ['service .id compared with a literal', /\b(?:svc|service|def|definition|sd)\.id\s*[!=]==?\s*['"`]|['"`][^'"`\n]*['"`]\s*[!=]==?\s*(?:svc|service|def|definition|sd)\.id\b/],
    ['serviceId compared with a literal', /(?<!typeof\s+[\w.]*)\bserviceId\s*[!=]==?\s*['"`]|['"`][^'"`\n]*['"`]\s*[!=]==?\s*[\w.]*\bserviceId\b/],
    ['switch on a service id', /\bswitch\s*\(\s*[\w.]*(?:serviceId|(?:svc|service|def|definition)\.id)\s*\)/],
    ['service id looked up in a literal table', /\[\s*(?:svc|service|def|definition)\.id\s*\]|\[\s*[\w.]*serviceId\s*\]/],
  ];
  lines.forEach((line, i) => {
    for (const [what, re] of patterns) if (re.test(line)) hits.push(`${i + 1}: ${what}: ${line.trim()}`);
  });
  return hits;
}

test('the scanner finds a branch on a service when there is one', () => {
  const ids = ['crypto-licence', 'tiny-permit'];
  assert.equal(serviceBranches("if (svc.id === 'crypto-licence') return 2;", ids).length, 3);
  assert.ok(serviceBranches("const extra = state.serviceId === 'tiny-permit' ? 1 : 0;", ids).length >= 1);
  assert.ok(serviceBranches('switch (c.serviceId) {', ids).length === 1);
  assert.ok(serviceBranches('const bonus = SPECIAL[svc.id];', ids).length === 1);
  assert.deepEqual(serviceBranches("if (typeof input.serviceId !== 'string') throw x;", ids), []);
  assert.deepEqual(serviceBranches('// the crypto-licence service once needed this', ids), []);
  assert.deepEqual(serviceBranches('return defs.filter((d) => d.id === id);', ids), []);
});

test('the engine has no branch on service ids: src/core, src/app, src/store and src/http name no service', () => {
  const ids = makeCatalog().ids();
  assert.ok(ids.length >= 1);
  const found: string[] = [];
  let files = 0;
  for (const dir of ENGINE_DIRS) {
    for (const file of sources(join(ROOT, dir))) {
      files++;
      for (const hit of serviceBranches(readFileSync(file, 'utf8'), [...ids, TINY_ID])) found.push(`${relative(ROOT, file)}:${hit}`);
    }
  }
  assert.ok(files > 10, 'scanned the engine sources');
  assert.deepEqual(found, [], 'the engine must read the regulation, not know the service');
});

// ---------------------------------------------------------------------------------------------
// The next service: defined here, run through the engine's pure parts.

function event(prev: CaseEvent | undefined, caseId: string, at: string, actor: Actor, data: CaseEventData): CaseEvent {
  const base = { caseId, seq: (prev?.seq ?? 0) + 1, at, actor, data, prevHash: prev?.hash ?? GENESIS_HASH };
  return { ...base, hash: eventHash(base) };
}

const iso = (d: Date) => formatAlmaty(d);

test('a service defined in the test joins the catalog and runs a case through the fold and the clock with nothing else added', async () => {
  const fake = tiny();
  const catalog = makeCatalog([...definitions, fake]);
  assert.equal(catalog.ids().length, new Set(definitions.map((d) => d.id)).size + 1, 'one more service');
  const received = new Date('2026-11-23T10:00:00+05:00'); // a Monday
  const svc = catalog.inForce(TINY_ID, received)!;
  assert.equal(svc, fake);
  const sc = findSubcase(svc, 'issue')!;

  // The case, event by event, each decision checked by the engine's rules.
  const caseId = 'case-tiny-1';
  const applicant = { userId: 'u-applicant', role: 'applicant' };
  const clerk = { userId: 'u-clerk', roles: ['clerk'] };
  const head = { userId: 'u-head', roles: ['head'] };
  const portal = { userId: 'system:portal', roles: ['portal'] };
  const events: CaseEvent[] = [];
  const push = (at: string, actor: Actor, data: CaseEventData) => {
    events.push(event(events[events.length - 1], caseId, at, actor, data));
    return fold(events, sc);
  };
  let s = push('2026-11-23T10:00:00+05:00', applicant, {
    type: 'submitted',
    serviceId: svc.id,
    version: svc.version,
    subcase: sc.id,
    channel: 'portal',
    providerId: svc.provider.id,
    applicant: { kind: 'individual', iin: '900101300123', name: 'Test Applicant', lang: 'en' },
    applicantUserId: applicant.userId,
    fields: {},
    documents: [],
  });
  assert.equal(s.currentStep, 'register');
  assert.deepEqual(availableActions(svc, sc, s, head), [], 'the head cannot register');
  assert.deepEqual(availableActions(svc, sc, s, clerk).map((a) => a.outcomeId), ['registered']);
  s = push('2026-11-23T11:00:00+05:00', { userId: clerk.userId, role: 'clerk' }, decideOutcome(svc, sc, s, clerk, { stepId: 'register', outcomeId: 'registered' }));
  assert.equal(s.mark, 'registered');
  assert.equal(s.currentStep, 'review');
  const offered = availableActions(svc, sc, s, clerk);
  assert.deepEqual(offered.map((a) => a.outcomeId ?? a.pauseId), ['approve', 'refuse', 'incomplete', 'more_info']);
  assert.throws(() => decideOutcome(svc, sc, s, clerk, { stepId: 'review', outcomeId: 'refuse', grounds: ['incomplete'] }), /cannot be cited/);
  // The clerk asks for more information (the clock stops), the applicant answers two days later.
  s = push('2026-11-23T12:00:00+05:00', { userId: clerk.userId, role: 'clerk' }, { type: 'paused', pauseId: 'more_info', request: 'Send the plan', applicantDue: '2026-12-03T18:00:00+05:00' });
  assert.equal(s.mark, 'paused');
  s = push('2026-11-25T10:00:00+05:00', applicant, { type: 'resumed', pauseId: 'more_info', response: 'Attached', documents: [] });
  s = push('2026-11-26T15:00:00+05:00', { userId: clerk.userId, role: 'clerk' }, decideOutcome(svc, sc, s, clerk, { stepId: 'review', outcomeId: 'approve' }));
  s = push('2026-11-27T10:00:00+05:00', { userId: head.userId, role: 'head' }, decideOutcome(svc, sc, s, head, { stepId: 'sign', outcomeId: 'signed' }));
  assert.equal(s.currentStep, 'deliver', 'the portal channel goes to delivery');
  s = push('2026-11-27T10:00:01+05:00', { userId: portal.userId, role: 'portal' }, decideOutcome(svc, sc, s, portal, { stepId: 'deliver', outcomeId: 'delivered' }));
  assert.equal(s.currentStep, null, 'the case has reached the end');
  assert.equal(s.decision, 'approve');
  assert.deepEqual(s.steps.map((x) => x.stepId), ['register', 'review', 'sign', 'deliver']);
  assert.equal(verifyChain(events), null);

  // The legal clock over the log. Received Monday 23 November 2026 at 10:00; the pause from
  // Monday 12:00 to Wednesday 10:00 stops the clock for 2 working days (24 and 25 November).
  const clockCase: ClockCase = {
    submittedAt: new Date(s.submittedAt),
    steps: s.steps.map((x) => ({ stepId: x.stepId, startedAt: new Date(x.startedAt), ...(x.completedAt ? { completedAt: new Date(x.completedAt) } : {}), ...(x.outcomeId ? { outcomeId: x.outcomeId } : {}) })),
    pauses: s.pauses.map((p) => ({ pauseId: p.pauseId, from: new Date(p.from), ...(p.to ? { to: new Date(p.to) } : {}) })),
    completedAt: new Date('2026-11-27T10:00:01+05:00'),
  };
  const d = computeDeadlines(svc, sc, clockCase, new Date('2026-11-27T12:00:00+05:00'));
  assert.equal(iso(d.received), '2026-11-23T10:00:00+05:00');
  const due = Object.fromEntries(d.steps.map((x) => [x.stepId, iso(x.due)]));
  assert.deepEqual(due, {
    register: '2026-11-23T18:00:00+05:00', // same day, by closing time
    review: '2026-11-30T18:00:00+05:00', // 3 working days from 11:00 on the 23rd (26th), + 2 paused
    sign: '2026-11-27T18:00:00+05:00', // 1 working day from 15:00 on the 26th
    deliver: '2026-11-27T18:00:00+05:00', // same day
  });
  assert.equal(iso(d.overall.due), '2026-12-02T18:00:00+05:00', '5 working days (30 November) + 2 paused');
  assert.equal(d.overall.overdue, false);
  assert.ok(d.steps.every((x) => !x.overdue));
  assert.equal(d.pausedDays, 2);

  // The catalog queries and `qyzmet deadline`'s planning, with this catalog.
  const plan = planDeadlines(svc, sc, received, { channel: 'psc', applicantKind: 'legal_entity' });
  assert.deepEqual(plan.steps.map((x) => x.stepId), ['register', 'review', 'sign', 'hand_over']);
  assert.equal(iso(plan.due), '2026-11-30T18:00:00+05:00');
  const app = await openApp({ databaseUrl: ':memory:', caPassphrase: 'test-pass', publicUrl: 'http://127.0.0.1:0', dataDir: null }, { withoutCa: true, now: () => received });
  try {
    app.catalog = catalog;
    const planned = planFor(app, TINY_ID, { subcase: 'issue', received: '2026-11-23T10:00:00+05:00', channel: 'portal' });
    assert.deepEqual(
      planned.steps.map((x) => [x.id, x.due]),
      [
        ['register', '2026-11-23T18:00:00+05:00'],
        ['review', '2026-11-26T18:00:00+05:00'],
        ['sign', '2026-11-27T18:00:00+05:00'],
        ['deliver', '2026-11-27T18:00:00+05:00'],
      ],
    );
    assert.equal(planned.due, '2026-11-30T18:00:00+05:00');
  } finally {
    await app.close();
  }

  // The exports and the lint take it as it is.
  const r = await new BpmnModdle().fromXML(toBpmn(svc));
  assert.deepEqual(r.warnings, []);
  assert.ok(toSvg(svc).includes('>3 wd</text>'));
  assert.deepEqual(lintService(svc, catalog.all()), []);
});
