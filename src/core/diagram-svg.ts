// The process diagram of a service as a self-contained SVG: the layout of diagram-layout.ts (the
// one the BPMN export carries) drawn with pools, lanes named by role, tasks, gateways, events,
// arrows and the terms as timer labels ("12 wd"). No external fonts, styles or images.
import { GEOMETRY, layoutService, type Bounds, type DiagramNode, type DiagramPool, type Lang, type Point } from './diagram-layout.ts';
import { xmlAttr, xmlText } from './bpmn.ts';
import type { ServiceDefinition } from './regulation.ts';

export interface SvgOptions {
  lang?: Lang;
}

const TITLE_H = 44;
const CHAR_W = 0.62;

/** Splits text into at most `maxLines` lines of about `width` px at `size` px; the last ends with … when cut. */
export function wrapText(text: string, width: number, size: number, maxLines: number): string[] {
  const per = Math.max(4, Math.floor(width / (size * CHAR_W)));
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let cur = '';
  for (let w of words) {
    while (w.length > per) {
      if (cur) {
        lines.push(cur);
        cur = '';
      }
      lines.push(w.slice(0, per));
      w = w.slice(per);
    }
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= per) cur += ` ${w}`;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur) lines.push(cur);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= per ? last.slice(0, per - 1) : last}…`;
  return kept;
}

function textBlock(lines: string[], x: number, y: number, size: number, cls: string, extra = ''): string {
  const lh = size * 1.2;
  const top = y - ((lines.length - 1) * lh) / 2;
  const spans = lines.map((l, i) => `<tspan x="${x}" y="${(top + i * lh).toFixed(1)}">${xmlText(l)}</tspan>`).join('');
  return `<text class="${cls}" text-anchor="middle" dominant-baseline="central"${extra}>${spans}</text>`;
}

function rotatedLabel(text: string, b: Bounds, band: number, size: number, cls: string): string {
  const x = b.x + band / 2;
  const y = b.y + b.height / 2;
  const lines = wrapText(text, b.height - 12, size, 2);
  return `<g transform="rotate(-90 ${x} ${y})">${textBlock(lines, x, y, size, cls)}</g>`;
}

const cxOf = (b: Bounds) => b.x + b.width / 2;
const cyOf = (b: Bounds) => b.y + b.height / 2;

function clockIcon(x: number, y: number, r: number): string {
  return `<circle cx="${x}" cy="${y}" r="${r}" class="icon"/><path d="M${x} ${y - r + 2}V${y}l${r * 0.55} ${r * 0.35}" class="icon"/>`;
}

function envelopeIcon(x: number, y: number): string {
  return `<rect x="${x - 8}" y="${y - 5.5}" width="16" height="11" class="icon"/><path d="M${x - 8} ${y - 5.5}l8 6l8 -6" class="icon"/>`;
}

function node(n: DiagramNode): string {
  const b = n.bounds;
  const x = cxOf(b);
  const y = cyOf(b);
  const r = b.width / 2;
  const title = `<title>${xmlText(n.name || n.id)}${n.documentation ? `\n${xmlText(n.documentation)}` : ''}</title>`;
  const below = (text: string) => (text ? textBlock(wrapText(text, 120, 9.5, 3), x, b.y + b.height + 6 + 9.5 * 1.2, 9.5, 'small') : '');
  switch (n.kind) {
    case 'userTask':
    case 'serviceTask': {
      const lines = wrapText(n.name, b.width - 14, 10.5, 4);
      const marker = n.kind === 'serviceTask' ? `<circle cx="${b.x + 11}" cy="${b.y + 11}" r="5" class="icon"/><circle cx="${b.x + 11}" cy="${b.y + 11}" r="1.8" class="icon"/>` : `<circle cx="${b.x + 11}" cy="${b.y + 9}" r="3.2" class="icon"/><path d="M${b.x + 5} ${b.y + 18}q6 -8 12 0" class="icon"/>`;
      return `<g class="task" id="${xmlAttr(n.id)}">${title}<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="10" class="task"/>${marker}${textBlock(lines, x, y, 10.5, 'label')}</g>`;
    }
    case 'exclusiveGateway':
    case 'eventBasedGateway': {
      const d = `M${x} ${b.y}L${b.x + b.width} ${y}L${x} ${b.y + b.height}L${b.x} ${y}Z`;
      const mark =
        n.kind === 'exclusiveGateway'
          ? `<path d="M${x - 8} ${y - 8}l16 16M${x + 8} ${y - 8}l-16 16" class="mark"/>`
          : `<circle cx="${x}" cy="${y}" r="11" class="icon"/><circle cx="${x}" cy="${y}" r="8.5" class="icon"/><path d="M${x} ${y - 5}l4.8 3.5l-1.8 5.5h-6l-1.8 -5.5z" class="icon"/>`;
      return `<g id="${xmlAttr(n.id)}">${title}<path d="${d}" class="gateway"/>${mark}${below(n.name)}</g>`;
    }
    case 'startEvent':
      return `<g id="${xmlAttr(n.id)}">${title}<circle cx="${x}" cy="${y}" r="${r}" class="start"/>${below(n.name)}</g>`;
    case 'endEvent':
      return `<g id="${xmlAttr(n.id)}">${title}<circle cx="${x}" cy="${y}" r="${r - 1.5}" class="end ${n.end === 'refuse' ? 'refuse' : 'approve'}"/>${below(n.name)}</g>`;
    case 'messageCatch':
      return `<g id="${xmlAttr(n.id)}">${title}<circle cx="${x}" cy="${y}" r="${r}" class="event"/><circle cx="${x}" cy="${y}" r="${r - 3}" class="event"/>${envelopeIcon(x, y)}${below(n.name)}</g>`;
    case 'timerCatch':
      return `<g id="${xmlAttr(n.id)}">${title}<circle cx="${x}" cy="${y}" r="${r}" class="event"/><circle cx="${x}" cy="${y}" r="${r - 3}" class="event"/>${clockIcon(x, y, r - 7)}${below(n.timer?.label ?? n.name)}</g>`;
  }
}

function arrow(pts: Point[]): string {
  return pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
}

function pool(p: DiagramPool): string {
  const out: string[] = [];
  const b = p.bounds;
  out.push(`<g class="pool" id="${xmlAttr(p.participantId)}"><title>${xmlText(p.name)}\n${xmlText(p.documentation)}</title>`);
  out.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" class="pool"/>`);
  out.push(rotatedLabel(p.name, { x: b.x, y: b.y, width: GEOMETRY.poolHeader, height: b.height }, GEOMETRY.poolHeader, 11, 'pool-name'));
  for (const [i, l] of p.lanes.entries()) {
    const lb = l.bounds;
    out.push(`<rect x="${lb.x}" y="${lb.y}" width="${lb.width}" height="${lb.height}" class="lane${i % 2 ? ' odd' : ''}"/>`);
    out.push(`<line x1="${lb.x + GEOMETRY.laneHeader}" y1="${lb.y}" x2="${lb.x + GEOMETRY.laneHeader}" y2="${lb.y + lb.height}" class="lane-line"/>`);
    out.push(rotatedLabel(l.name, { x: lb.x, y: lb.y, width: GEOMETRY.laneHeader, height: lb.height }, GEOMETRY.laneHeader, 10, 'lane-name'));
  }
  out.push('</g>');
  for (const f of p.flows) {
    const name = f.name ? `<text x="${f.labelAt.x}" y="${f.labelAt.y}" class="flow-label">${xmlText(f.name.length > 38 ? `${f.name.slice(0, 37)}…` : f.name)}</text>` : '';
    out.push(`<g id="${xmlAttr(f.id)}"><title>${xmlText(f.name ?? '')}${f.condition ? `\n[${xmlText(f.condition)}]` : ''}</title><path d="${arrow(f.waypoints)}" class="flow${f.condition ? ' conditional' : ''}" marker-end="url(#arrow)"/>${name}</g>`);
  }
  for (const n of p.nodes) out.push(node(n));
  const perTask = new Map<string, number>();
  for (const t of p.timers) {
    const k = perTask.get(t.attachedTo) ?? 0;
    perTask.set(t.attachedTo, k + 1);
    const b = t.bounds;
    const x = cxOf(b);
    const y = cyOf(b);
    const r = b.width / 2;
    out.push(
      `<g id="${xmlAttr(t.id)}"><title>${xmlText(t.name)}\n${xmlText(t.documentation)}</title><circle cx="${x}" cy="${y}" r="${r}" class="timer"/><circle cx="${x}" cy="${y}" r="${r - 3}" class="timer"/>${clockIcon(x, y, r - 7)}<text x="${x}" y="${b.y + b.height + 11 + 11 * k}" text-anchor="middle" class="timer-label">${xmlText(t.label)}</text></g>`,
    );
  }
  return out.join('\n');
}

const STYLE = `
text{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;fill:#1b1f24}
.title{font-size:15px;font-weight:bold}.subtitle{font-size:11px;fill:#4b5563}
.label{font-size:10.5px}.small{font-size:9.5px;fill:#374151}
.pool-name{font-size:11px;font-weight:bold}.lane-name{font-size:10px;font-weight:bold;fill:#374151}
rect.pool{fill:#fff;stroke:#1b1f24;stroke-width:1.5}rect.lane{fill:#fbfcfe;stroke:#9aa4b2;stroke-width:1}rect.lane.odd{fill:#f3f6fa}
.lane-line{stroke:#9aa4b2;stroke-width:1}
rect.task{fill:#fff;stroke:#1b1f24;stroke-width:1.5}
.gateway{fill:#fff;stroke:#1b1f24;stroke-width:1.5}.mark{stroke:#1b1f24;stroke-width:3;fill:none}
.start{fill:#fff;stroke:#2e7d32;stroke-width:2}.end{fill:#fff;stroke-width:4}.end.approve{stroke:#2e7d32}.end.refuse{stroke:#c62828}
.event,.timer{fill:#fff;stroke:#1b1f24;stroke-width:1.3}.timer{stroke-dasharray:3 2}.icon{fill:none;stroke:#1b1f24;stroke-width:1.2}
.timer-label{font-size:10px;font-weight:bold;fill:#b45309}
.flow{fill:none;stroke:#1b1f24;stroke-width:1.3}.flow-label{font-size:9.5px;fill:#1d4ed8}
`;

/** The service's diagram (every sub-case, or `subcaseId`'s) as a self-contained SVG document. */
export function toSvg(svc: ServiceDefinition, subcaseId?: string, opts: SvgOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const layout = layoutService(svc, subcaseId, lang);
  const width = Math.max(layout.width, 480);
  const height = layout.height + TITLE_H;
  const subtitle = `${svc.id} · ${svc.version} · ${svc.provider.name[lang]}`;
  const body = layout.pools.length ? layout.pools.map(pool).join('\n') : `<text x="${GEOMETRY.margin}" y="${GEOMETRY.margin + 12}" class="subtitle">${xmlText(`version ${svc.version} (${svc.status}) has no sub-cases`)}</text>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" lang="${lang}" role="img">`,
    `<title>${xmlText(`${svc.name[lang]} (${svc.version})`)}</title>`,
    `<defs><style>${STYLE}</style><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#1b1f24"/></marker></defs>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${GEOMETRY.margin}" y="20" class="title">${xmlText(wrapText(svc.name[lang], width - 2 * GEOMETRY.margin, 15, 1)[0] ?? '')}</text>`,
    `<text x="${GEOMETRY.margin}" y="36" class="subtitle">${xmlText(subtitle)}</text>`,
    `<g transform="translate(0 ${TITLE_H})">`,
    body,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
