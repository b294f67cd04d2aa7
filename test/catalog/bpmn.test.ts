// BPMN 2.0 export of every service and sub-case in the catalog as it stands when the tests run:
// each export reads back in bpmn-moddle with no warnings, has a lane per role that takes a step,
// one task per step, timer events for the terms, gateways where a step branches, end events for
// approval and refusal, and a diagram element for every element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { definitions } from '../../src/services/index.ts';
import { toBpmn } from '../../src/core/bpmn.ts';
import { isoDuration, layoutService } from '../../src/core/diagram-layout.ts';
import type { ServiceDefinition, SubCase } from '../../src/core/regulation.ts';
import { assertWellFormedXml, eachSubcase, tiny } from './fixtures.ts';

const moddle = new BpmnModdle();

type El = ModdleElement & Record<string, unknown>;
const list = (x: unknown): El[] => (Array.isArray(x) ? (x as El[]) : []);

async function parse(xml: string) {
  const r = await moddle.fromXML(xml);
  assert.deepEqual(
    r.warnings.map((w) => w.message),
    [],
    'bpmn-moddle reads the export without warnings',
  );
  return r;
}

/** Checks one exported process against its sub-case. */
function checkProcess(svc: ServiceDefinition, sc: SubCase, byId: Record<string, El>, diElements: Set<string>, label: string) {
  const proc = byId[`Process_${sc.id}`];
  assert.ok(proc, `${label}: process`);
  assert.equal(proc.$type, 'bpmn:Process');
  assert.ok(byId[`Participant_${sc.id}`], `${label}: participant`);
  const elements = list(proc.flowElements);
  const byType = (t: string) => elements.filter((e) => e.$type === t);

  // One task per step, named by its action; service tasks for automatic steps.
  const tasks = elements.filter((e) => e.$type === 'bpmn:UserTask' || e.$type === 'bpmn:ServiceTask');
  assert.equal(tasks.length, sc.steps.length, `${label}: one task per step`);
  for (const st of sc.steps) {
    const task = byId[`Task_${sc.id}-${st.id}`];
    assert.ok(task, `${label}: task for step ${st.id}`);
    assert.equal(task.name, st.action.en, `${label}: task ${st.id} is named by its action`);
    const role = svc.roles.find((r) => r.id === st.role)!;
    if (st.automatic || role.kind === 'system') assert.equal(task.$type, 'bpmn:ServiceTask', `${label}: ${st.id} is a service task`);
    else assert.equal(task.$type, 'bpmn:UserTask', `${label}: ${st.id} is a user task`);
  }

  // A lane per role that takes a step (plus the applicant's), holding that role's tasks.
  const lanes = list(list(proc.laneSets)[0]?.lanes);
  const rolesUsed = [...new Set(sc.steps.map((s) => s.role))];
  const applicantRole = svc.roles.find((r) => r.kind === 'applicant');
  const expectedLanes = new Set([...rolesUsed, applicantRole?.id ?? '_applicant']);
  assert.equal(lanes.length, expectedLanes.size, `${label}: lanes = roles used + applicant`);
  for (const roleId of rolesUsed) {
    const role = svc.roles.find((r) => r.id === roleId)!;
    const lane = lanes.find((l) => l.id === `Lane_${sc.id}-${roleId}`);
    assert.ok(lane, `${label}: lane for role ${roleId}`);
    assert.equal(lane.name, role.name.en);
    const refs = new Set(list(lane.flowNodeRef).map((e) => e.id));
    for (const st of sc.steps.filter((s) => s.role === roleId)) assert.ok(refs.has(`Task_${sc.id}-${st.id}`), `${label}: lane ${roleId} holds ${st.id}`);
  }
  // Every flow node sits in exactly one lane.
  const laneOf = new Map<string, string>();
  for (const l of lanes) for (const n of list(l.flowNodeRef)) {
    assert.ok(!laneOf.has(n.id!), `${label}: ${n.id} in one lane only`);
    laneOf.set(n.id!, l.id!);
  }
  for (const e of elements) if (e.$type !== 'bpmn:SequenceFlow') assert.ok(laneOf.has(e.id!), `${label}: ${e.id} is in a lane`);

  // Timers: a non-interrupting boundary timer per step term and per outcome term.
  const boundaries = byType('bpmn:BoundaryEvent');
  for (const st of sc.steps) {
    const terms = [{ id: `Timer_${sc.id}-${st.id}`, term: st.term }, ...st.outcomes.filter((o) => o.term).map((o) => ({ id: `Timer_${sc.id}-${st.id}-${o.id}`, term: o.term! }))];
    for (const { id, term } of terms) {
      const b = boundaries.find((x) => x.id === id);
      assert.ok(b, `${label}: timer ${id}`);
      assert.equal((b.attachedToRef as El).id, `Task_${sc.id}-${st.id}`);
      assert.equal(b.cancelActivity, false, `${label}: ${id} is non-interrupting`);
      const def = list(b.eventDefinitions)[0]!;
      assert.equal(def.$type, 'bpmn:TimerEventDefinition');
      const duration = (def.timeDuration as El | undefined)?.body as string | undefined;
      const date = (def.timeDate as El | undefined)?.body as string | undefined;
      if (term.from === 'step_start' && term.duration.unit !== 'same_day') {
        assert.equal(duration, isoDuration(term.duration), `${label}: ${id} duration`);
        assert.match(duration!, /^P(?:\d+D|T\d+[HM])$/);
        const doc = list(b.documentation)[0]?.text as string;
        assert.match(doc, term.duration.unit === 'calendar_days' ? /calendar days/ : term.duration.unit === 'working_days' ? /working days/ : /working/);
      } else {
        assert.ok(date, `${label}: ${id} has a timeDate expression`);
        assert.match(date, /^due\((received|stepStart|completed\("[a-z0-9_]+"\)), "P/);
      }
    }
  }

  // Gateways after branching steps; every way out of a branching gateway carries a condition.
  for (const st of sc.steps) {
    const pauses = sc.pauses.filter((p) => p.atSteps.includes(st.id)).length;
    const ways = st.outcomes.reduce((n, o) => n + (typeof o.next === 'string' ? 1 : o.next.length), 0) + pauses;
    const gw = byId[`Gateway_${sc.id}-${st.id}`];
    if (ways > 1) {
      assert.ok(gw && gw.$type === 'bpmn:ExclusiveGateway', `${label}: exclusive gateway after ${st.id}`);
      const out = list(gw.outgoing);
      assert.equal(out.length, ways, `${label}: ${st.id} has one flow per outcome / branch / pause`);
      for (const f of out) assert.ok((f.conditionExpression as El | undefined)?.body, `${label}: ${f.id} has a condition`);
      for (const o of st.outcomes) assert.ok(out.some((f) => String(f.name).startsWith(o.label.en)), `${label}: a flow named by outcome ${o.id}`);
    } else {
      assert.equal(gw, undefined, `${label}: no gateway after ${st.id}`);
    }
  }
  for (const p of sc.pauses) {
    for (const s of p.atSteps) assert.equal(byId[`PauseAnswer_${sc.id}-${p.id}-${s}`]?.$type, 'bpmn:IntermediateCatchEvent', `${label}: pause ${p.id} at ${s}`);
  }

  // End events for approval and refusal only; the start event; nothing dangling.
  const ends = byType('bpmn:EndEvent');
  assert.ok(ends.length >= 1, `${label}: an end event`);
  for (const e of ends) assert.match(e.id!, new RegExp(`^End_${sc.id}-(approve|refuse)$`));
  const refuses = sc.steps.some((s) => s.outcomes.some((o) => o.decision === 'refuse')) || sc.pauses.some((p) => p.onExpiry);
  if (refuses) assert.ok(byId[`End_${sc.id}-refuse`], `${label}: a refusal end event`);
  assert.equal(byType('bpmn:StartEvent').length, 1);
  for (const e of elements) {
    if (e.$type === 'bpmn:SequenceFlow' || e.$type === 'bpmn:BoundaryEvent') continue;
    if (e.$type !== 'bpmn:StartEvent') assert.ok(list(e.incoming).length > 0, `${label}: ${e.id} has an incoming flow`);
    if (e.$type !== 'bpmn:EndEvent') assert.ok(list(e.outgoing).length > 0, `${label}: ${e.id} has an outgoing flow`);
  }

  // Diagram: a shape or edge for the pool, every lane and every element.
  for (const id of [`Participant_${sc.id}`, ...lanes.map((l) => l.id!), ...elements.map((e) => e.id!)]) assert.ok(diElements.has(id), `${label}: DI for ${id}`);
}

function diOf(definitions: El): Set<string> {
  const diagram = list(definitions.diagrams)[0]!;
  const plane = diagram.plane as El;
  return new Set(list(plane.planeElement).map((p) => (p.bpmnElement as El).id!));
}

test('every sub-case of every service in the catalog exports to BPMN that bpmn-moddle reads without warnings', async () => {
  const all = eachSubcase(definitions);
  assert.ok(all.length >= 1, 'the catalog has sub-cases');
  for (const { svc, sc, label } of all) {
    const xml = toBpmn(svc, sc.id);
    assertWellFormedXml(xml);
    const r = await parse(xml);
    const root = r.rootElement as El;
    assert.equal(root.$type, 'bpmn:Definitions');
    const participants = list((r.elementsById[`Collaboration_${svc.id}`] as El).participants);
    assert.equal(participants.length, 1, `${label}: one pool when a sub-case is asked for`);
    checkProcess(svc, sc, r.elementsById as Record<string, El>, diOf(root), label);
  }
});

test('a whole-service export has one pool per sub-case, in every language', async () => {
  for (const svc of definitions) {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const xml = toBpmn(svc, undefined, { lang });
      const r = await parse(xml);
      if (svc.subcases.length === 0) continue;
      const collab = r.elementsById[`Collaboration_${svc.id}`] as El;
      assert.deepEqual(
        list(collab.participants).map((p) => p.id),
        svc.subcases.map((s) => `Participant_${s.id}`),
        `${svc.id}@${svc.version} ${lang}`,
      );
      if (lang === 'en') for (const sc of svc.subcases) checkProcess(svc, sc, r.elementsById as Record<string, El>, diOf(r.rootElement as El), `${svc.id}@${svc.version}/${sc.id}`);
      else for (const sc of svc.subcases) for (const st of sc.steps) assert.equal(r.elementsById[`Task_${sc.id}-${st.id}`]?.name, st.action[lang]);
    }
  }
});

test('the export is deterministic, escapes text, and its layout keeps shapes inside their lanes', async () => {
  const svc = tiny();
  const xml = toBpmn(svc);
  assert.equal(toBpmn(svc), xml, 'same definition, same XML');
  assert.ok(xml.includes('Review the application &amp; draft the result &lt;decision&gt;'));
  const r = await parse(xml);
  assert.equal(r.elementsById['Task_issue-review']?.name, 'Review the application & draft the result <decision>');
  // The fixture's parts: a calendar-day pause with its expiry, an outcome term from another step, a channel branch.
  const expiry = r.elementsById['PauseExpiry_issue-more_info-review'] as El;
  assert.equal((list(expiry.eventDefinitions)[0]!.timeDuration as El).body, 'P10D');
  const incomplete = r.elementsById['Timer_issue-review-incomplete'] as El;
  assert.equal((list(incomplete.eventDefinitions)[0]!.timeDate as El).body, 'due(completed("register"), "P1D", "working_days")');
  const portal = list((r.elementsById['Gateway_issue-sign'] as El).outgoing).find((f) => (f.targetRef as El).id === 'Task_issue-deliver')!;
  assert.equal((portal.conditionExpression as El).body, 'channel in ["portal"]');
  assert.equal(r.elementsById['Timer_issue-review']?.name, '3 wd');

  for (const { svc: s } of eachSubcase([...definitions, svc])) {
    const layout = layoutService(s);
    for (const pool of layout.pools) {
      for (const n of pool.nodes) {
        const lane = pool.lanes.find((l) => l.id === n.laneId)!;
        assert.ok(n.bounds.y >= lane.bounds.y && n.bounds.y + n.bounds.height <= lane.bounds.y + lane.bounds.height, `${s.id}: ${n.id} inside lane ${lane.id}`);
        assert.ok(n.bounds.x >= lane.bounds.x + 30 && n.bounds.x + n.bounds.width <= pool.bounds.x + pool.bounds.width, `${s.id}: ${n.id} inside the pool`);
      }
      for (const f of pool.flows) assert.ok(f.waypoints.length >= 2, `${s.id}: ${f.id} has waypoints`);
      // Lanes are stacked bands covering the pool.
      let y = pool.bounds.y;
      for (const l of pool.lanes) {
        assert.equal(l.bounds.y, y);
        y += l.bounds.height;
      }
      assert.equal(y, pool.bounds.y + pool.bounds.height);
    }
  }
});

test('an unknown sub-case is a RangeError naming the sub-cases there are', () => {
  assert.throws(() => toBpmn(tiny(), 'nope'), (e: unknown) => e instanceof RangeError && /no sub-case "nope"; it has: issue/.test(e.message));
});
