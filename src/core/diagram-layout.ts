// The process diagram of a service as data: which BPMN elements a sub-case becomes and where they
// sit. src/core/bpmn.ts writes it as BPMN 2.0 XML with BPMNDI, src/core/diagram-svg.ts draws it as
// SVG, so both show the same picture. Pure and deterministic: the same definition gives the same
// ids, names and coordinates.
//
// What a sub-case becomes (one pool per sub-case, its process inside):
//  - lanes: the applicant first (the role of kind `applicant`, or a synthetic "Applicant" lane when
//    the service has none), then every role that takes a step, in the order the steps are first
//    met walking the procedure from `firstStep` (breadth first);
//  - a start event "application received" in the applicant's lane;
//  - a task per step named by its action: a service task for automatic steps and steps of `system`
//    roles, a user task otherwise;
//  - an exclusive gateway after a step with more than one way on (several outcomes, a `next` list,
//    pauses); its flows are named by the outcome label (plus the condition for `next` lists) and
//    carry a condition expression (`outcome = "x" and channel in ["portal"]`, see `conditionText`);
//  - boundary timer events (non-interrupting) for the step's term and for every outcome's own term;
//  - end events for approval and refusal. An outcome that ends the case without fixing the decision
//    itself (a delivery step after either decision) goes through one exclusive "decision" gateway
//    that splits into the two end events by the decision taken earlier;
//  - pauses: the gateway after a step of `atSteps` has a branch "request to the applicant" leading
//    to an event-based gateway in the applicant's lane: an intermediate message catch event (the
//    applicant's answer, back to the step: the clock stops meanwhile) or an intermediate timer
//    catch event (the applicant's term) leading to the refusal end (`onExpiry.refuseWith`). A
//    pause without `onExpiry` is only the message catch event.
//
// Layout: columns in breadth-first order of the flow graph from the start event (end events and the
// decision gateway one column after their right-most predecessor), lanes as horizontal bands whose
// height is the largest number of elements one column puts in the lane, pools stacked top to bottom.
// Flows are orthogonal polylines: forward to the left side of the target, backward over the top.
import { channelsOf, type Condition, type Duration, type Role, type ServiceDefinition, type SubCase, type Term } from './regulation.ts';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

export interface Point {
  x: number;
  y: number;
}
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type NodeKind = 'startEvent' | 'userTask' | 'serviceTask' | 'exclusiveGateway' | 'eventBasedGateway' | 'messageCatch' | 'timerCatch' | 'endEvent';

/** A BPMN timer: an ISO 8601 duration from the start of the step, or a date expression (see `timerSpec`). */
export interface TimerSpec {
  kind: 'timeDuration' | 'timeDate';
  value: string;
}

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  name: string;
  documentation?: string;
  laneId: string;
  stepId?: string;
  /** End events: which result they stand for. */
  end?: 'approve' | 'refuse';
  /** Timer catch events (a pause's applicant term). */
  timer?: TimerSpec & { label: string };
  /** Message catch events. */
  messageId?: string;
  column: number;
  row: number;
  bounds: Bounds;
  incoming: string[];
  outgoing: string[];
}

export interface DiagramTimer {
  id: string;
  attachedTo: string;
  stepId: string;
  outcomeId?: string;
  name: string;
  /** Short label for drawings: "12 wd", "same day (receipt)". */
  label: string;
  spec: TimerSpec;
  documentation: string;
  bounds: Bounds;
}

export interface DiagramFlow {
  id: string;
  source: string;
  target: string;
  name?: string;
  condition?: string;
  waypoints: Point[];
  /** Where a drawing puts the flow's name. */
  labelAt: Point;
}

export interface DiagramLane {
  id: string;
  /** Null for the synthetic applicant lane of a service without an applicant role. */
  roleId: string | null;
  kind: Role['kind'];
  name: string;
  bounds: Bounds;
  nodeIds: string[];
}

export interface DiagramPool {
  participantId: string;
  processId: string;
  subcaseId: string;
  name: string;
  documentation: string;
  bounds: Bounds;
  lanes: DiagramLane[];
  nodes: DiagramNode[];
  timers: DiagramTimer[];
  flows: DiagramFlow[];
}

export interface DiagramMessage {
  id: string;
  name: string;
}

export interface DiagramLayout {
  serviceId: string;
  version: string;
  lang: Lang;
  name: string;
  pools: DiagramPool[];
  messages: DiagramMessage[];
  width: number;
  height: number;
}

// --- Geometry ---------------------------------------------------------------------------------

export const GEOMETRY = {
  margin: 20,
  poolHeader: 30,
  laneHeader: 30,
  columnWidth: 200,
  rowHeight: 150,
  /** Centre of an element below the top of its row (room for timers and their labels below). */
  rowCentre: 62,
  task: { width: 150, height: 84 },
  gateway: 50,
  event: 36,
  poolGap: 40,
} as const;

// --- Words of the diagram itself (everything else comes from the definition) ------------------

const WORDS: Record<string, Record<Lang, string>> = {
  applicant: { kk: 'Көрсетілетін қызметті алушы', ru: 'Услугополучатель', en: 'Applicant' },
  received: { kk: 'Өтініш қабылданды', ru: 'Заявление поступило', en: 'Application received' },
  approve: { kk: 'Нәтиже берілді', ru: 'Результат выдан', en: 'Result issued' },
  refuse: { kk: 'Дәлелді бас тарту берілді', ru: 'Мотивированный отказ выдан', en: 'Refusal issued' },
  decision: { kk: 'Шешім?', ru: 'Решение?', en: 'Decision?' },
  decisionApprove: { kk: 'Оң шешім', ru: 'Положительное решение', en: 'Approval' },
  decisionRefuse: { kk: 'Бас тарту', ru: 'Отказ', en: 'Refusal' },
  request: { kk: 'Алушыдан сұрату', ru: 'Запрос услугополучателю', en: 'Request to the applicant' },
  answer: { kk: 'Алушының жауабы', ru: 'Ответ услугополучателя', en: "Applicant's answer" },
  expiry: { kk: 'Мерзімінде жауап жоқ', ru: 'Нет ответа в срок', en: 'No answer in time' },
  waiting: { kk: 'Алушыны күту', ru: 'Ожидание услугополучателя', en: 'Waiting for the applicant' },
  receipt: { kk: 'қабылданғаннан', ru: 'от поступления', en: 'from receipt' },
  from: { kk: 'бастап', ru: 'от', en: 'from' },
};

const UNIT_SHORT: Record<Duration['unit'], Record<Lang, string>> = {
  working_days: { kk: 'ж.к.', ru: 'р.д.', en: 'wd' },
  calendar_days: { kk: 'күнт.к.', ru: 'к.д.', en: 'cd' },
  working_hours: { kk: 'ж.с.', ru: 'р.ч.', en: 'wh' },
  minutes: { kk: 'мин', ru: 'мин', en: 'min' },
  same_day: { kk: 'сол күні', ru: 'в тот же день', en: 'same day' },
};

const UNIT_LONG: Record<Duration['unit'], string> = {
  working_days: 'working days (days worked under the state calendar and the provider\'s working week; the term ends at the provider\'s closing time on the last day)',
  calendar_days: 'calendar days (a last day that is not a working day moves to the next working day; the term ends at the provider\'s closing time)',
  working_hours: 'working hours (counted inside the provider\'s working hours only)',
  minutes: 'minutes of working time (counted inside the provider\'s working hours only)',
  same_day: 'same day (by the provider\'s closing time on the day of the anchor, or of the next working day when the anchor is after closing or on a day off)',
};

const CHANNEL: Record<string, Record<Lang, string>> = {
  portal: { kk: 'портал', ru: 'портал', en: 'portal' },
  provider_office: { kk: 'қызмет беруші', ru: 'услугодатель', en: 'provider office' },
  psc: { kk: 'ХҚКО', ru: 'ЦОН', en: 'PSC' },
  mail: { kk: 'пошта', ru: 'почта', en: 'mail' },
};

const KIND: Record<string, Record<Lang, string>> = {
  individual: { kk: 'жеке тұлға', ru: 'физ. лицо', en: 'individual' },
  entrepreneur: { kk: 'ЖК', ru: 'ИП', en: 'entrepreneur' },
  legal_entity: { kk: 'заңды тұлға', ru: 'юр. лицо', en: 'legal entity' },
};

export function word(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key]![lang];
}

// --- Terms as timers --------------------------------------------------------------------------

/** ISO 8601 duration of a term's amount: `P12D` for day units, `PT4H`, `PT30M`, `P0D` for same day. */
export function isoDuration(d: Duration): string {
  switch (d.unit) {
    case 'working_days':
    case 'calendar_days':
      return `P${d.amount}D`;
    case 'working_hours':
      return `PT${d.amount}H`;
    case 'minutes':
      return `PT${d.amount}M`;
    case 'same_day':
      return 'P0D';
  }
}

function anchorExpr(from: Term['from']): string {
  if (from === 'received') return 'received';
  if (from === 'step_start') return 'stepStart';
  return `completed("${from.slice('completed:'.length)}")`;
}

/**
 * A term as a BPMN timer. Counted from the step's start in a day or sub-day unit: `timeDuration`
 * with the ISO 8601 duration (`P12D`; the unit — working or calendar days, working hours — is in
 * the timer's documentation, since ISO 8601 has no working days). Otherwise `timeDate` with the
 * expression `due(<anchor>, "<ISO duration>", "<unit>")`, anchor `received`, `stepStart` or
 * `completed("<step>")`: the instant the legal clock (src/core/clock.ts `dueAt`) computes.
 */
export function timerSpec(t: Term): TimerSpec {
  const d = t.duration;
  if (t.from === 'step_start' && d.unit !== 'same_day') return { kind: 'timeDuration', value: isoDuration(d) };
  return { kind: 'timeDate', value: `due(${anchorExpr(t.from)}, "${isoDuration(d)}", "${d.unit}")` };
}

/** "12 wd", "2 wd (register)", "same day (from receipt)". */
export function termLabel(t: Term, lang: Lang): string {
  const d = t.duration;
  const unit = UNIT_SHORT[d.unit][lang];
  const base = d.unit === 'same_day' ? unit : `${d.amount} ${unit}`;
  if (t.from === 'step_start') return base;
  if (t.from === 'received') return `${base} (${word('receipt', lang)})`;
  return `${base} (${t.from.slice('completed:'.length)})`;
}

function refText(r: { seed: string; lines?: string | undefined; paragraph?: string | undefined } | undefined): string {
  if (!r) return '';
  return ` Source: seed ${r.seed}${r.lines ? ` ${r.lines}` : ''}${r.paragraph ? ` ${r.paragraph}` : ''}.`;
}

/** Plain-language documentation of a term (the unit's meaning, the anchor, the source). */
export function termDocumentation(t: Term): string {
  const d = t.duration;
  const amount = d.unit === 'same_day' ? 'Same day' : `${d.amount} ${UNIT_LONG[d.unit]}`;
  const unit = d.unit === 'same_day' ? ` ${UNIT_LONG.same_day.slice('same day '.length)}` : '';
  const from = t.from === 'received' ? 'counted from receipt of the application' : t.from === 'step_start' ? 'counted from the start of the step' : `counted from the completion of step "${t.from.slice('completed:'.length)}"`;
  return `${amount}${unit}, ${from}.${refText(d.ref)}`;
}

// --- Conditions -------------------------------------------------------------------------------

function quoteList(xs: readonly string[]): string {
  return `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
}

/** A `when` condition as an expression: `channel in ["portal"] and applicantKind in [...] and fields.x in [...]`. */
export function conditionText(c: Condition): string {
  const parts: string[] = [];
  if (c.channels) parts.push(`channel in ${quoteList(c.channels)}`);
  if (c.applicantKinds) parts.push(`applicantKind in ${quoteList(c.applicantKinds)}`);
  for (const [f, vs] of Object.entries(c.fields ?? {})) parts.push(`fields.${f} in ${quoteList(vs)}`);
  return parts.join(' and ') || 'true';
}

function conditionLabel(c: Condition, lang: Lang): string {
  const parts: string[] = [];
  if (c.channels) parts.push(c.channels.map((x) => CHANNEL[x]?.[lang] ?? x).join(', '));
  if (c.applicantKinds) parts.push(c.applicantKinds.map((x) => KIND[x]?.[lang] ?? x).join(', '));
  for (const [f, vs] of Object.entries(c.fields ?? {})) parts.push(`${f}: ${vs.join(', ')}`);
  return parts.join('; ');
}

// --- The graph of a sub-case ------------------------------------------------------------------

type Decision = 'approve' | 'refuse';

interface Graph {
  nodes: DiagramNode[];
  flows: DiagramFlow[];
  timers: Omit<DiagramTimer, 'bounds'>[];
  messages: DiagramMessage[];
  lanes: Array<Omit<DiagramLane, 'bounds' | 'nodeIds'>>;
}

const blank = { column: 0, row: 0, bounds: { x: 0, y: 0, width: 0, height: 0 } };

function buildGraph(svc: ServiceDefinition, sc: SubCase, lang: Lang): Graph {
  const nodes: DiagramNode[] = [];
  const byId = new Map<string, DiagramNode>();
  const flows: DiagramFlow[] = [];
  const timers: Graph['timers'] = [];
  const messages: DiagramMessage[] = [];
  const id = (prefix: string, ...parts: string[]) => [`${prefix}_${sc.id}`, ...parts].join('-');
  const roleById = new Map(svc.roles.map((r) => [r.id, r]));

  const applicantRole = svc.roles.find((r) => r.kind === 'applicant');
  const applicantLane = id('Lane', applicantRole ? applicantRole.id : '_applicant');
  const laneOfRole = (role: string) => (applicantRole && role === applicantRole.id ? applicantLane : id('Lane', role));

  const add = (n: Omit<DiagramNode, 'column' | 'row' | 'bounds' | 'incoming' | 'outgoing'>): DiagramNode => {
    const node: DiagramNode = { ...n, ...blank, bounds: { ...blank.bounds }, incoming: [], outgoing: [] };
    nodes.push(node);
    byId.set(node.id, node);
    return node;
  };
  const flow = (source: string, target: string, name?: string, condition?: string) => {
    const f: DiagramFlow = { id: id('Flow', String(flows.length + 1)), source, target, waypoints: [], labelAt: { x: 0, y: 0 } };
    if (name) f.name = name;
    if (condition) f.condition = condition;
    flows.push(f);
    byId.get(source)!.outgoing.push(f.id);
    byId.get(target)!.incoming.push(f.id);
  };

  // Which decisions may have been taken when each step is reached (the engine issues an approval
  // when no outcome fixed the decision).
  const before = new Map<string, Set<Decision>>();
  const stepIds = new Set(sc.steps.map((s) => s.id));
  before.set(sc.firstStep, new Set(['approve']));
  for (let changed = true; changed; ) {
    changed = false;
    for (const st of sc.steps) {
      const here = before.get(st.id);
      if (!here) continue;
      for (const o of st.outcomes) {
        const carried = o.decision ? new Set<Decision>([o.decision]) : here;
        const targets = typeof o.next === 'string' ? [o.next] : o.next.map((n) => n.step);
        for (const t of targets) {
          if (!stepIds.has(t)) continue;
          const set = before.get(t) ?? new Set<Decision>();
          const size = set.size;
          for (const d of carried) set.add(d);
          before.set(t, set);
          if (set.size !== size) changed = true;
        }
      }
    }
  }

  const start = add({ id: id('Start'), kind: 'startEvent', name: word('received', lang), laneId: applicantLane, documentation: `Channels: ${channelsOf(svc, sc).join(', ')}. Overall term: ${termDocumentation(sc.term)}` });
  for (const st of sc.steps) {
    const role = roleById.get(st.role);
    const auto = st.automatic || role?.kind === 'system';
    add({
      id: id('Task', st.id),
      kind: auto ? 'serviceTask' : 'userTask',
      name: st.action[lang],
      laneId: laneOfRole(st.role),
      stepId: st.id,
      documentation: `Step "${st.id}", role "${st.role}"${st.automatic ? ' (automatic)' : ''}${st.check ? `; check ${st.check.capability}: ${st.check.pass} or ${st.check.refuse}` : ''}. Term: ${termDocumentation(st.term)}${refText(st.ref)}`,
    });
  }
  const taskOf = (step: string) => id('Task', step);

  const endNode = (d: Decision): string => {
    const nid = id('End', d);
    if (!byId.has(nid)) {
      const text = d === 'approve' ? svc.result?.document : svc.result?.refusal;
      add({ id: nid, kind: 'endEvent', name: word(d, lang), laneId: '', end: d, ...(text ? { documentation: text.en } : {}) });
    }
    return nid;
  };
  let decisionGw: string | undefined;
  const decisionNode = (): string => {
    if (!decisionGw) {
      decisionGw = id('Decision');
      add({ id: decisionGw, kind: 'exclusiveGateway', name: word('decision', lang), laneId: '', documentation: 'The result issued depends on the decision taken at an earlier step (the engine issues an approval when no outcome fixed it).' });
    }
    return decisionGw;
  };
  /** Where a flow ending the case goes, given the decisions possibly taken by then. */
  const endTarget = (decisions: Set<Decision>): string => {
    if (decisions.size === 1) return endNode([...decisions][0]!);
    return decisionNode();
  };

  flow(start.id, byId.has(taskOf(sc.firstStep)) ? taskOf(sc.firstStep) : endNode('approve'));

  for (const st of sc.steps) {
    const here = before.get(st.id) ?? new Set<Decision>(['approve', 'refuse']);
    const pauses = sc.pauses.filter((p) => p.atSteps.includes(st.id));
    const branches = st.outcomes.reduce((n, o) => n + (typeof o.next === 'string' ? 1 : o.next.length), 0) + pauses.length;
    const task = taskOf(st.id);
    const targetOf = (o: (typeof st.outcomes)[number], step: string): string => {
      if (step === 'end') return endTarget(o.decision ? new Set([o.decision]) : here);
      return byId.has(taskOf(step)) ? taskOf(step) : endTarget(here);
    };
    if (branches <= 1) {
      const o = st.outcomes[0]!;
      const next = typeof o.next === 'string' ? o.next : o.next[0]!.step;
      flow(task, targetOf(o, next), o.label[lang]);
    } else {
      const gw = add({ id: id('Gateway', st.id), kind: 'exclusiveGateway', name: '', laneId: laneOfRole(st.role), stepId: st.id });
      flow(task, gw.id);
      const namesOutcome = st.outcomes.length > 1 || pauses.length > 0;
      for (const o of st.outcomes) {
        const outcomeCond = namesOutcome ? `outcome = ${JSON.stringify(o.id)}` : '';
        if (typeof o.next === 'string') {
          flow(gw.id, targetOf(o, o.next), o.label[lang], outcomeCond || 'true');
        } else {
          for (const n of o.next) {
            const cond = [outcomeCond, conditionText(n.when)].filter((x) => x && x !== 'true').join(' and ') || 'true';
            const label = conditionLabel(n.when, lang);
            flow(gw.id, targetOf(o, n.step), label ? `${o.label[lang]} (${label})` : o.label[lang], cond);
          }
        }
      }
      for (const p of pauses) {
        const msgId = id('Message', p.id);
        if (!messages.some((m) => m.id === msgId)) messages.push({ id: msgId, name: `${word('answer', lang)}: ${p.name[lang]}` });
        const applicantTerm: Term = { duration: p.applicantTerm, from: 'step_start' };
        const pauseDoc = `Pause "${p.id}" opened by role "${p.role}" at step "${st.id}": the legal clock stops until the applicant answers. The applicant's term: ${termDocumentation(applicantTerm)}${p.onExpiry ? ` Without an answer in time the case is refused on ground "${p.onExpiry.refuseWith}".` : ''}${refText(p.ref)}`;
        const answer = add({ id: id('PauseAnswer', p.id, st.id), kind: 'messageCatch', name: `${word('answer', lang)}: ${p.name[lang]}`, laneId: applicantLane, messageId: msgId, documentation: pauseDoc });
        let entry = answer.id;
        if (p.onExpiry) {
          const wait = add({ id: id('PauseWait', p.id, st.id), kind: 'eventBasedGateway', name: word('waiting', lang), laneId: applicantLane, documentation: pauseDoc });
          const expiry = add({
            id: id('PauseExpiry', p.id, st.id),
            kind: 'timerCatch',
            name: `${word('expiry', lang)} (${termLabel(applicantTerm, lang)})`,
            laneId: applicantLane,
            timer: { ...timerSpec(applicantTerm), label: termLabel(applicantTerm, lang) },
            documentation: pauseDoc,
          });
          entry = wait.id;
          flow(wait.id, answer.id);
          flow(wait.id, expiry.id);
          const ground = svc.refusalGrounds.find((g) => g.id === p.onExpiry!.refuseWith);
          flow(expiry.id, endNode('refuse'), ground ? ground.text[lang] : p.onExpiry.refuseWith);
        }
        flow(gw.id, entry, `${word('request', lang)}: ${p.name[lang]}`, `pause = ${JSON.stringify(p.id)}`);
        flow(answer.id, task);
      }
    }
    // Timers: the step's term, then each outcome's own term.
    const late = ' Non-interrupting: the step stays open after the term and is overdue.';
    timers.push({ id: id('Timer', st.id), attachedTo: task, stepId: st.id, name: termLabel(st.term, lang), label: termLabel(st.term, lang), spec: timerSpec(st.term), documentation: `Term of the step: ${termDocumentation(st.term)}${late}` });
    for (const o of st.outcomes) {
      if (!o.term) continue;
      timers.push({
        id: id('Timer', st.id, o.id),
        attachedTo: task,
        stepId: st.id,
        outcomeId: o.id,
        name: `${termLabel(o.term, lang)}: ${o.label[lang]}`,
        label: termLabel(o.term, lang),
        spec: timerSpec(o.term),
        documentation: `Term of the outcome "${o.id}" (it replaces the step's term when this outcome is taken): ${termDocumentation(o.term)}${late}`,
      });
    }
  }
  if (decisionGw) {
    flow(decisionGw, endNode('approve'), word('decisionApprove', lang), 'decision = "approve"');
    flow(decisionGw, endNode('refuse'), word('decisionRefuse', lang), 'decision = "refuse"');
  }

  // Lanes: the applicant, then step roles in breadth-first order of their tasks.
  const order = bfsOrder(nodes, flows);
  const lanes: Graph['lanes'] = [
    { id: applicantLane, roleId: applicantRole?.id ?? null, kind: 'applicant', name: applicantRole ? applicantRole.name[lang] : word('applicant', lang) },
  ];
  const sortedTasks = nodes.filter((n) => n.stepId && (n.kind === 'userTask' || n.kind === 'serviceTask')).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  for (const n of sortedTasks) {
    if (lanes.some((l) => l.id === n.laneId)) continue;
    const role = roleById.get(sc.steps.find((s) => s.id === n.stepId)!.role);
    lanes.push({ id: n.laneId, roleId: role?.id ?? null, kind: role?.kind ?? 'staff', name: role ? role.name[lang] : n.laneId });
  }
  // The decision gateway and the end events sit in the lane of their first predecessor.
  for (const n of [...nodes.filter((x) => x.kind === 'exclusiveGateway' && !x.laneId), ...nodes.filter((x) => x.kind === 'endEvent')]) {
    const first = flows.find((f) => f.target === n.id);
    n.laneId = (first && byId.get(first.source)!.laneId) || applicantLane;
  }
  return { nodes, flows, timers, messages, lanes };
}

/** Breadth-first discovery order from the start event; unreached nodes follow in creation order. */
function bfsOrder(nodes: DiagramNode[], flows: DiagramFlow[]): Map<string, number> {
  const out = new Map<string, number>();
  const adj = new Map<string, string[]>();
  for (const f of flows) adj.set(f.source, [...(adj.get(f.source) ?? []), f.target]);
  for (const seed of nodes) {
    if (out.has(seed.id)) continue;
    const queue = [seed.id];
    out.set(seed.id, out.size);
    while (queue.length) {
      const cur = queue.shift()!;
      for (const t of adj.get(cur) ?? []) {
        if (out.has(t)) continue;
        out.set(t, out.size);
        queue.push(t);
      }
    }
  }
  return out;
}

/** Breadth-first depth (the column) of every node; unreached nodes continue after the deepest. */
function columns(nodes: DiagramNode[], flows: DiagramFlow[]): Map<string, number> {
  const depth = new Map<string, number>();
  const adj = new Map<string, string[]>();
  for (const f of flows) adj.set(f.source, [...(adj.get(f.source) ?? []), f.target]);
  const sinks = new Set(nodes.filter((n) => n.kind === 'endEvent' || (n.kind === 'exclusiveGateway' && !n.stepId)).map((n) => n.id));
  let max = -1;
  for (const seed of nodes) {
    if (depth.has(seed.id) || sinks.has(seed.id)) continue;
    depth.set(seed.id, max + 1);
    const queue = [seed.id];
    while (queue.length) {
      const cur = queue.shift()!;
      const d = depth.get(cur)!;
      if (d > max) max = d;
      for (const t of adj.get(cur) ?? []) {
        if (depth.has(t) || sinks.has(t)) continue;
        depth.set(t, d + 1);
        queue.push(t);
      }
    }
  }
  // The decision gateway, then the end events: one column after their right-most predecessor.
  const place = (n: DiagramNode) => {
    const preds = flows.filter((f) => f.target === n.id).map((f) => depth.get(f.source)).filter((d): d is number => d !== undefined);
    depth.set(n.id, preds.length ? Math.max(...preds) + 1 : max + 1);
  };
  for (const n of nodes) if (sinks.has(n.id) && n.kind !== 'endEvent') place(n);
  for (const n of nodes) if (n.kind === 'endEvent') place(n);
  return depth;
}

function sizeOf(kind: NodeKind): { width: number; height: number } {
  const G = GEOMETRY;
  if (kind === 'userTask' || kind === 'serviceTask') return { ...G.task };
  if (kind === 'exclusiveGateway' || kind === 'eventBasedGateway') return { width: G.gateway, height: G.gateway };
  return { width: G.event, height: G.event };
}

const right = (b: Bounds) => b.x + b.width;
const bottom = (b: Bounds) => b.y + b.height;
const cx = (b: Bounds) => b.x + b.width / 2;
const cy = (b: Bounds) => b.y + b.height / 2;

function route(flows: DiagramFlow[], byId: Map<string, DiagramNode>): void {
  const seen = new Map<string, number>();
  const outIndex = new Map<string, number>();
  for (const f of flows) {
    const s = byId.get(f.source)!;
    const t = byId.get(f.target)!;
    const sb = s.bounds;
    const tb = t.bounds;
    const key = `${f.source}>${f.target}`;
    const dup = seen.get(key) ?? 0;
    seen.set(key, dup + 1);
    const k = outIndex.get(f.source) ?? 0;
    outIndex.set(f.source, k + 1);
    const isGateway = s.kind === 'exclusiveGateway' || s.kind === 'eventBasedGateway';
    // Parallel flows into a task enter a little lower each; events and gateways at their centre.
    const maxOff = t.kind === 'userTask' || t.kind === 'serviceTask' ? tb.height / 2 - 8 : 0;
    const off = Math.min(dup * 14, maxOff);
    const ty = cy(tb) + off;
    let pts: Point[];
    if (t.column > s.column) {
      const midX = tb.x - 16 - 6 * Math.min(dup, 3);
      if (isGateway && !(dup === 0 && Math.abs(ty - cy(sb)) < 1 && k === 0)) {
        if (Math.abs(ty - cy(sb)) < 1) {
          // Same row, not the first way out: under the gateway and back up.
          const y = bottom(sb) + 14 + 8 * dup;
          pts = [{ x: cx(sb), y: bottom(sb) }, { x: cx(sb), y }, { x: midX, y }, { x: midX, y: ty }, { x: tb.x, y: ty }];
        } else {
          const down = ty > cy(sb);
          pts = [{ x: cx(sb), y: down ? bottom(sb) : sb.y }, { x: cx(sb), y: ty }, { x: tb.x, y: ty }];
        }
      } else if (Math.abs(ty - cy(sb)) < 1) {
        pts = [{ x: right(sb), y: cy(sb) }, { x: tb.x, y: ty }];
      } else {
        pts = [{ x: right(sb), y: cy(sb) }, { x: midX, y: cy(sb) }, { x: midX, y: ty }, { x: tb.x, y: ty }];
      }
    } else if (t.column === s.column) {
      const x = Math.max(right(sb), right(tb)) + 20 + 8 * dup;
      pts = [{ x: right(sb), y: cy(sb) }, { x, y: cy(sb) }, { x, y: cy(tb) }, { x: right(tb), y: cy(tb) }];
    } else {
      // Back to an earlier column: up and over the top.
      const y = Math.min(sb.y, tb.y) - 14 - 6 * dup;
      pts = [{ x: cx(sb), y: sb.y }, { x: cx(sb), y }, { x: cx(tb) + off, y }, { x: cx(tb) + off, y: tb.y }];
    }
    f.waypoints = pts.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    // The label sits above the first horizontal segment.
    let at: Point = { x: f.waypoints[0]!.x + 4, y: f.waypoints[0]!.y - 6 };
    for (let i = 0; i + 1 < f.waypoints.length; i++) {
      const a = f.waypoints[i]!;
      const b = f.waypoints[i + 1]!;
      if (a.y === b.y && Math.abs(b.x - a.x) > 20) {
        at = { x: Math.min(a.x, b.x) + 4, y: a.y - 5 };
        break;
      }
    }
    f.labelAt = at;
  }
}

function layoutSubcase(svc: ServiceDefinition, sc: SubCase, lang: Lang, top: number): { pool: DiagramPool; messages: DiagramMessage[] } {
  const G = GEOMETRY;
  const g = buildGraph(svc, sc, lang);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const depth = columns(g.nodes, g.flows);
  const order = bfsOrder(g.nodes, g.flows);

  // Rows: within a lane, the k-th element of a column goes to row k.
  const used = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const n of [...g.nodes].sort((a, b) => depth.get(a.id)! - depth.get(b.id)! || order.get(a.id)! - order.get(b.id)!)) {
    n.column = depth.get(n.id)!;
    const key = `${n.laneId}|${n.column}`;
    n.row = used.get(key) ?? 0;
    used.set(key, n.row + 1);
    rows.set(n.laneId, Math.max(rows.get(n.laneId) ?? 1, n.row + 1));
  }
  const ncols = Math.max(...g.nodes.map((n) => n.column)) + 1;
  const x0 = G.margin;
  const contentX = x0 + G.poolHeader + G.laneHeader + 20;
  const width = G.poolHeader + G.laneHeader + 20 + ncols * G.columnWidth + 10;

  const lanes: DiagramLane[] = [];
  let y = top;
  for (const l of g.lanes) {
    const h = (rows.get(l.id) ?? 1) * G.rowHeight;
    lanes.push({ ...l, bounds: { x: x0 + G.poolHeader, y, width: width - G.poolHeader, height: h }, nodeIds: g.nodes.filter((n) => n.laneId === l.id).map((n) => n.id) });
    y += h;
  }
  const laneY = new Map(lanes.map((l) => [l.id, l.bounds.y]));
  for (const n of g.nodes) {
    const s = sizeOf(n.kind);
    const cX = contentX + n.column * G.columnWidth + G.columnWidth / 2;
    const cY = laneY.get(n.laneId)! + n.row * G.rowHeight + G.rowCentre;
    n.bounds = { x: Math.round(cX - s.width / 2), y: Math.round(cY - s.height / 2), width: s.width, height: s.height };
  }
  const timers: DiagramTimer[] = [];
  const perTask = new Map<string, number>();
  for (const t of g.timers) {
    const task = byId.get(t.attachedTo)!.bounds;
    const k = perTask.get(t.attachedTo) ?? 0;
    perTask.set(t.attachedTo, k + 1);
    const e = G.event;
    timers.push({ ...t, bounds: { x: task.x + 8 + k * 46, y: task.y + task.height - e / 2, width: e, height: e } });
  }
  route(g.flows, byId);

  const term = sc.term;
  const pool: DiagramPool = {
    participantId: `Participant_${sc.id}`,
    processId: `Process_${sc.id}`,
    subcaseId: sc.id,
    name: `${svc.shortName[lang]}: ${sc.name[lang]}`,
    documentation: `Service "${svc.id}" version ${svc.version} (effective from ${svc.effective.from}${svc.effective.to ? ` to ${svc.effective.to}, exclusive` : ''}), sub-case "${sc.id}". Overall term: ${termDocumentation(term)} Day counts in timers are working days unless the timer's documentation says calendar days. Steps start when the previous step completes; pauses stop the clock.`,
    bounds: { x: x0, y: top, width, height: y - top },
    lanes,
    nodes: g.nodes,
    timers,
    flows: g.flows,
  };
  return { pool, messages: g.messages };
}

/**
 * The diagram of a service: one pool per sub-case, or only `subcaseId`'s. Throws a RangeError for
 * an unknown sub-case. A service without sub-cases (a repealed entry kept for its history) gives
 * no pools.
 */
export function layoutService(svc: ServiceDefinition, subcaseId?: string, lang: Lang = 'en'): DiagramLayout {
  const subcases = subcaseId === undefined ? svc.subcases : svc.subcases.filter((s) => s.id === subcaseId);
  if (subcaseId !== undefined && subcases.length === 0) {
    throw new RangeError(`service "${svc.id}" version ${svc.version} has no sub-case "${subcaseId}"; it has: ${svc.subcases.map((s) => s.id).join(', ') || 'none'}`);
  }
  const pools: DiagramPool[] = [];
  const messages: DiagramMessage[] = [];
  let top = GEOMETRY.margin;
  for (const sc of subcases) {
    const r = layoutSubcase(svc, sc, lang, top);
    pools.push(r.pool);
    messages.push(...r.messages);
    top = r.pool.bounds.y + r.pool.bounds.height + GEOMETRY.poolGap;
  }
  // Pools share one width so the stack reads as one picture.
  const width = Math.max(0, ...pools.map((p) => p.bounds.width));
  for (const p of pools) {
    p.bounds.width = width;
    for (const l of p.lanes) l.bounds.width = width - GEOMETRY.poolHeader;
  }
  return {
    serviceId: svc.id,
    version: svc.version,
    lang,
    name: svc.name[lang],
    pools,
    messages,
    width: width + 2 * GEOMETRY.margin,
    height: Math.max(top - GEOMETRY.poolGap + GEOMETRY.margin, 2 * GEOMETRY.margin),
  };
}
