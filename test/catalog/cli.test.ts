// Deadlines and the catalog commands for every service in the catalog as it stands: the planned
// due dates of every sub-case on every channel and for every applicant kind, `qyzmet deadline`
// once through the real command, `catalog show` for every version, `catalog bpmn` and
// `catalog lint` with their exit statuses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { openApp, type App } from '../../src/app/context.ts';
import { planFor } from '../../src/app/catalog.ts';
import { pickVersion } from '../../src/cli/main.ts';
import { channelsOf, type ServiceDefinition } from '../../src/core/regulation.ts';
import { lintCatalog } from '../../src/core/lint.ts';
import { planDeadlines } from '../../src/core/clock.ts';

const BIN = join(import.meta.dirname, '../../bin/qyzmet.mjs');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
const ALMATY_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[56]:00$/;

let app: App;
before(async () => {
  app = await openApp({ databaseUrl: ':memory:', caPassphrase: 'test-pass', publicUrl: 'http://127.0.0.1:0', dataDir: null }, { withoutCa: true, now: () => new Date('2026-11-23T10:00:00+05:00') });
});
after(() => app.close());

/** A weekday morning inside the version's effective period on which it is the version in force, if any. */
function receivedFor(svc: ServiceDefinition): string | undefined {
  const from = Date.parse(`${svc.effective.from}T00:00:00Z`);
  for (let k = 1; k <= 30; k++) {
    const day = new Date(from + k * 86_400_000).toISOString().slice(0, 10);
    if (svc.effective.to && day >= svc.effective.to) break;
    const at = `${day}T10:00:00+05:00`;
    const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    if (app.catalog.inForce(svc.id, new Date(at)) === svc) return at;
  }
  return undefined;
}

test('qyzmet deadline plans every sub-case of every service in force, on every channel and for every applicant kind', () => {
  let planned = 0;
  for (const svc of app.catalog.all()) {
    if (svc.subcases.length === 0) continue;
    if (svc.status !== 'active') {
      // Never in force for new cases, but its sub-cases still plan through the clock itself.
      for (const sc of svc.subcases) {
        const plan = planDeadlines(svc, sc, new Date(`${svc.effective.from}T10:00:00+05:00`), { channel: channelsOf(svc, sc)[0]!, applicantKind: svc.applicantKinds[0]! });
        assert.equal(plan.steps[0]?.stepId, sc.firstStep);
        planned++;
      }
      continue;
    }
    const received = receivedFor(svc);
    assert.ok(received, `${svc.id}@${svc.version}: a day on which it is in force (else two versions overlap: see catalog lint)`);
    for (const sc of svc.subcases) {
      for (const channel of channelsOf(svc, sc).filter((c) => svc.channels.includes(c))) {
        for (const applicantKind of svc.applicantKinds) {
          const label = `${svc.id}@${svc.version}/${sc.id} ${channel}/${applicantKind}`;
          const plan = planFor(app, svc.id, { subcase: sc.id, received, channel, applicantKind });
          assert.equal(plan.version, svc.version, label);
          assert.equal(plan.steps[0]?.id, sc.firstStep, `${label}: starts at the first step`);
          assert.match(plan.received, ALMATY_ISO);
          assert.match(plan.due, ALMATY_ISO);
          assert.ok(Date.parse(plan.due) > Date.parse(received) - 86_400_000, `${label}: overall due after receipt`);
          for (const s of plan.steps) {
            assert.match(s.due, ALMATY_ISO, label);
            assert.ok(Date.parse(s.due) >= Date.parse(plan.received) || sc.steps.find((x) => x.id === s.id)!.term.from !== 'step_start', `${label}: ${s.id} due after receipt`);
            assert.equal(s.role, sc.steps.find((x) => x.id === s.id)!.role);
          }
          planned++;
        }
      }
    }
  }
  assert.ok(planned > 0);
});

test('qyzmet deadline through the command itself', () => {
  const svc = app.catalog.all().find((s) => s.status === 'active' && s.subcases.length > 0 && receivedFor(s))!;
  const sc = svc.subcases[0]!;
  const r = run(['deadline', svc.id, sc.id, '--received', receivedFor(svc)!, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { service: string; subcase: string; steps: Array<{ id: string }>; due: string };
  assert.equal(out.service, svc.id);
  assert.equal(out.subcase, sc.id);
  assert.equal(out.steps[0]?.id, sc.firstStep);
  assert.match(out.due, ALMATY_ISO);
});

test('catalog show resolves every version: --version exactly, --at its first day', () => {
  for (const svc of app.catalog.all()) {
    assert.equal(pickVersion(app, svc.id, { version: svc.version }), svc);
    const at = new Date(`${svc.effective.from}T12:00:00+05:00`);
    const shown = pickVersion(app, svc.id, { at });
    assert.ok(shown.effective.from <= svc.effective.from && (!shown.effective.to || svc.effective.from < shown.effective.to), `${svc.id}@${svc.version}: the version shown covers ${svc.effective.from}`);
    const overlapping = app.catalog.versions(svc.id).filter((v) => v !== svc && v.effective.from <= svc.effective.from && (!v.effective.to || svc.effective.from < v.effective.to));
    if (overlapping.length === 0 && (svc.status === 'active' || !app.catalog.inForce(svc.id, at))) assert.equal(shown, svc, `${svc.id}@${svc.version}`);
  }
  assert.throws(() => pickVersion(app, 'no-such-service', {}), /no service "no-such-service"/);
  const first = app.catalog.all()[0]!;
  assert.throws(() => pickVersion(app, first.id, { at: new Date('1990-01-01T12:00:00+05:00') }), /no version effective on 1990-01-01/);
  const r = run(['catalog', 'show', first.id, '--at', first.effective.from]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).id, first.id);
});

test('catalog bpmn writes a BPMN file; catalog lint prints findings with sources and exits 1 only on errors', async () => {
  const svc = app.catalog.all().find((s) => s.subcases.length > 0 && app.catalog.inForce(s.id, app.now()) === s)!;
  const sc = svc.subcases[svc.subcases.length - 1]!;
  const dir = mkdtempSync(join(tmpdir(), 'qyzmet-bpmn-'));
  try {
    const file = join(dir, 'out.bpmn');
    const w = run(['catalog', 'bpmn', svc.id, '--subcase', sc.id, '--out', file, '--lang', 'ru']);
    assert.equal(w.status, 0, w.stderr);
    const r = await new BpmnModdle().fromXML(readFileSync(file, 'utf8'));
    assert.deepEqual(r.warnings, []);
    assert.ok(r.elementsById[`Participant_${sc.id}`]);
    const bad = run(['catalog', 'bpmn', svc.id, '--subcase', 'no_such_subcase']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /has no sub-case "no_such_subcase"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const expected = lintCatalog(app.catalog.all());
  const errors = expected.filter((f) => f.severity === 'error').length;
  const json = run(['catalog', 'lint', '--json']);
  assert.equal(json.status, errors > 0 ? 1 : 0, json.stderr);
  const out = JSON.parse(json.stdout) as { errors: number; warnings: number; findings: unknown[] };
  assert.equal(out.errors, errors);
  assert.equal(out.findings.length, expected.length);
  const text = run(['catalog', 'lint']);
  assert.equal(text.status, errors > 0 ? 1 : 0);
  assert.match(text.stdout, /\d+ definition\(s\): \d+ error\(s\), \d+ warning\(s\)\n$/);
  if (expected.some((f) => f.refs.length > 0)) assert.match(text.stdout, /^ {8}source: seed \S+/m);
  // One service: only its versions.
  const one = run(['catalog', 'lint', svc.id, '--json']);
  const mine = JSON.parse(one.stdout) as { findings: Array<{ serviceId: string }> };
  assert.ok(mine.findings.every((f) => f.serviceId === svc.id));
  assert.equal(one.status, mine.findings.some((f) => (f as { severity?: string }).severity === 'error') ? 1 : 0);
  assert.equal(run(['catalog', 'lint', 'no-such-service']).status, 1);
});
