// BPMN 2.0 export of a service: a collaboration with one pool (participant and process) per
// sub-case, lanes per role, a task per step, gateways, boundary timers for the terms, end events
// for approval and refusal, and BPMNDI so bpmn.io or Camunda Modeler open it with its diagram.
// What becomes what, and the layout, are in diagram-layout.ts. Pure: builds the XML text with
// escaping (tests read it back with bpmn-moddle and expect no warnings).
//
// Conventions a reader of the XML needs:
//  - `timeDuration` holds an ISO 8601 duration of the term's amount (`P12D`, `PT4H`); whether
//    the days are working or calendar days is in the timer's documentation (ISO 8601 has no
//    working days). Terms counted from receipt or from another step, and same-day terms, are
//    `timeDate` expressions `due(<anchor>, "<ISO duration>", "<unit>")` (see diagram-layout.ts).
//  - Conditions on sequence flows are expressions over `outcome`, `channel`, `applicantKind`,
//    `fields.<id>`, `pause` and `decision`, e.g. `outcome = "signed" and channel in ["portal"]`.
//  - Every process is `isExecutable="false"`: the engine runs the definition, not this file.
import { layoutService, type Bounds, type DiagramNode, type DiagramPool, type Lang } from './diagram-layout.ts';
import type { ServiceDefinition } from './regulation.ts';

export interface BpmnOptions {
  lang?: Lang;
}

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

// Characters XML 1.0 does not allow at all.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(a: Record<string, string | undefined>): string {
  return Object.entries(a)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
    .join('');
}

const ELEMENT: Record<DiagramNode['kind'], string> = {
  startEvent: 'bpmn:startEvent',
  userTask: 'bpmn:userTask',
  serviceTask: 'bpmn:serviceTask',
  exclusiveGateway: 'bpmn:exclusiveGateway',
  eventBasedGateway: 'bpmn:eventBasedGateway',
  messageCatch: 'bpmn:intermediateCatchEvent',
  timerCatch: 'bpmn:intermediateCatchEvent',
  endEvent: 'bpmn:endEvent',
};

function documentation(text: string | undefined, indent: string): string {
  return text ? `${indent}<bpmn:documentation>${xmlText(text)}</bpmn:documentation>\n` : '';
}

function processXml(p: DiagramPool): string {
  const out: string[] = [];
  const i2 = '    ';
  const i3 = '      ';
  out.push(`  <bpmn:process${attrs({ id: p.processId, name: p.name, isExecutable: 'false' })}>\n`);
  out.push(documentation(p.documentation, i2));
  out.push(`${i2}<bpmn:laneSet${attrs({ id: `LaneSet_${p.subcaseId}` })}>\n`);
  for (const l of p.lanes) {
    const refs = [...l.nodeIds, ...p.timers.filter((t) => l.nodeIds.includes(t.attachedTo)).map((t) => t.id)];
    out.push(`${i3}<bpmn:lane${attrs({ id: l.id, name: l.name })}>\n`);
    for (const r of refs) out.push(`${i3}  <bpmn:flowNodeRef>${xmlText(r)}</bpmn:flowNodeRef>\n`);
    out.push(`${i3}</bpmn:lane>\n`);
  }
  out.push(`${i2}</bpmn:laneSet>\n`);
  for (const n of p.nodes) {
    const el = ELEMENT[n.kind];
    out.push(`${i2}<${el}${attrs({ id: n.id, name: n.name })}>\n`);
    out.push(documentation(n.documentation, i3));
    for (const f of n.incoming) out.push(`${i3}<bpmn:incoming>${xmlText(f)}</bpmn:incoming>\n`);
    for (const f of n.outgoing) out.push(`${i3}<bpmn:outgoing>${xmlText(f)}</bpmn:outgoing>\n`);
    if (n.kind === 'messageCatch') out.push(`${i3}<bpmn:messageEventDefinition${attrs({ id: `${n.id}-def`, messageRef: n.messageId })}/>\n`);
    if (n.kind === 'timerCatch' && n.timer) {
      out.push(`${i3}<bpmn:timerEventDefinition${attrs({ id: `${n.id}-def` })}>\n`);
      out.push(`${i3}  <bpmn:${n.timer.kind} xsi:type="bpmn:tFormalExpression">${xmlText(n.timer.value)}</bpmn:${n.timer.kind}>\n`);
      out.push(`${i3}</bpmn:timerEventDefinition>\n`);
    }
    out.push(`${i2}</${el}>\n`);
  }
  for (const t of p.timers) {
    out.push(`${i2}<bpmn:boundaryEvent${attrs({ id: t.id, name: t.name, cancelActivity: 'false', attachedToRef: t.attachedTo })}>\n`);
    out.push(documentation(t.documentation, i3));
    out.push(`${i3}<bpmn:timerEventDefinition${attrs({ id: `${t.id}-def` })}>\n`);
    out.push(`${i3}  <bpmn:${t.spec.kind} xsi:type="bpmn:tFormalExpression">${xmlText(t.spec.value)}</bpmn:${t.spec.kind}>\n`);
    out.push(`${i3}</bpmn:timerEventDefinition>\n`);
    out.push(`${i2}</bpmn:boundaryEvent>\n`);
  }
  for (const f of p.flows) {
    const a = attrs({ id: f.id, name: f.name, sourceRef: f.source, targetRef: f.target });
    if (f.condition) {
      out.push(`${i2}<bpmn:sequenceFlow${a}>\n${i3}<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${xmlText(f.condition)}</bpmn:conditionExpression>\n${i2}</bpmn:sequenceFlow>\n`);
    } else {
      out.push(`${i2}<bpmn:sequenceFlow${a}/>\n`);
    }
  }
  out.push('  </bpmn:process>\n');
  return out.join('');
}

function boundsXml(b: Bounds): string {
  return `<dc:Bounds${attrs({ x: String(b.x), y: String(b.y), width: String(b.width), height: String(b.height) })}/>`;
}

function shape(id: string, b: Bounds, extra: Record<string, string> = {}): string {
  return `      <bpmndi:BPMNShape${attrs({ id: `${id}_di`, bpmnElement: id, ...extra })}>${boundsXml(b)}</bpmndi:BPMNShape>\n`;
}

/**
 * The service (every sub-case, or only `subcaseId`) as BPMN 2.0 XML with its diagram. Throws a
 * RangeError for an unknown sub-case.
 */
export function toBpmn(svc: ServiceDefinition, subcaseId?: string, opts: BpmnOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const layout = layoutService(svc, subcaseId, lang);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    `<bpmn:definitions xmlns:bpmn="${NS.bpmn}" xmlns:bpmndi="${NS.bpmndi}" xmlns:dc="${NS.dc}" xmlns:di="${NS.di}" xmlns:xsi="${NS.xsi}"${attrs({
      id: `Definitions_${svc.id}`,
      targetNamespace: `https://qyzmet.kz/bpmn/${svc.id}/${svc.version}`,
      exporter: 'qyzmet',
      exporterVersion: '0.1.0',
    })}>\n`,
  );
  for (const m of layout.messages) out.push(`  <bpmn:message${attrs({ id: m.id, name: m.name })}/>\n`);
  const collaboration = `Collaboration_${svc.id}`;
  let planeElement = collaboration;
  if (layout.pools.length > 0) {
    out.push(`  <bpmn:collaboration${attrs({ id: collaboration, name: `${svc.shortName[lang]} (${svc.version})` })}>\n`);
    out.push(documentation(`${svc.name.en}. Version ${svc.version}, ${svc.status}, effective from ${svc.effective.from}${svc.effective.to ? ` to ${svc.effective.to} (exclusive)` : ''}. Provider: ${svc.provider.name.en}.`, '    '));
    for (const p of layout.pools) out.push(`    <bpmn:participant${attrs({ id: p.participantId, name: p.name, processRef: p.processId })}/>\n`);
    out.push('  </bpmn:collaboration>\n');
    for (const p of layout.pools) out.push(processXml(p));
  } else {
    // A repealed entry kept for its legal history has no procedure: an empty process says so.
    planeElement = `Process_${svc.id.replace(/-/g, '_')}`;
    out.push(`  <bpmn:process${attrs({ id: planeElement, name: svc.shortName[lang], isExecutable: 'false' })}>\n`);
    out.push(documentation(`Version ${svc.version} (${svc.status}) has no sub-cases: it is kept for its legal history only.`, '    '));
    out.push('  </bpmn:process>\n');
  }
  out.push(`  <bpmndi:BPMNDiagram${attrs({ id: `Diagram_${svc.id}`, name: svc.shortName[lang] })}>\n`);
  out.push(`    <bpmndi:BPMNPlane${attrs({ id: `Plane_${svc.id}`, bpmnElement: planeElement })}>\n`);
  for (const p of layout.pools) {
    out.push(shape(p.participantId, p.bounds, { isHorizontal: 'true' }));
    for (const l of p.lanes) out.push(shape(l.id, l.bounds, { isHorizontal: 'true' }));
    for (const n of p.nodes) out.push(shape(n.id, n.bounds, n.kind === 'exclusiveGateway' ? { isMarkerVisible: 'true' } : {}));
    for (const t of p.timers) out.push(shape(t.id, t.bounds));
    for (const f of p.flows) {
      out.push(`      <bpmndi:BPMNEdge${attrs({ id: `${f.id}_di`, bpmnElement: f.id })}>\n`);
      for (const w of f.waypoints) out.push(`        <di:waypoint${attrs({ x: String(w.x), y: String(w.y) })}/>\n`);
      out.push('      </bpmndi:BPMNEdge>\n');
    }
  }
  out.push('    </bpmndi:BPMNPlane>\n');
  out.push('  </bpmndi:BPMNDiagram>\n');
  out.push('</bpmn:definitions>\n');
  return out.join('');
}
