// A tiny service written for the catalog tests: small enough to reason about by hand, complete
// enough to go through every part of the platform (steps of three roles, a decision with grounds,
// an outcome with its own term, a pause with an expiry, a channel branch, an automatic step).
// `tiny()` is clean for the lint; each test plants one problem in a copy.
import { defineService, type ServiceDefinition, type ServiceDefinitionInput } from '../../src/core/regulation.ts';

const t = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });
const ref = (lines: string) => ({ seed: '999', lines, paragraph: '§1' });

export const TINY_ID = 'tiny-permit';

export function tinyInput(over: { id?: string; version?: string; from?: string; to?: string } = {}): ServiceDefinitionInput {
  const version = over.version ?? '2020-01-01';
  return {
    id: over.id ?? TINY_ID,
    version,
    name: t('Permit for a tiny thing'),
    shortName: t('Tiny permit'),
    status: 'active',
    effective: { from: over.from ?? version.slice(0, 10), ...(over.to ? { to: over.to } : {}) },
    sources: [{ act: t('Order on tiny permits'), number: '1', date: '2019-12-01', ref: ref('L1') }],
    provider: {
      id: 'tiny-akimat',
      name: t('Tiny akimat'),
      workingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00', break: { from: '13:00', to: '14:00' } },
    },
    channels: ['portal', 'psc'],
    applicantKinds: ['individual', 'legal_entity'],
    roles: [
      { id: 'applicant', kind: 'applicant', name: t('Applicant') },
      { id: 'clerk', kind: 'staff', name: t('Clerk') },
      { id: 'head', kind: 'staff', name: t('Head') },
      { id: 'portal', kind: 'system', name: t('Portal') },
    ],
    refusalGrounds: [
      { id: 'incomplete', text: t('Incomplete documents'), ref: ref('L10') },
      { id: 'not_eligible', text: t('Not eligible'), ref: ref('L11') },
    ],
    subcases: [
      {
        id: 'issue',
        name: t('Issue'),
        term: { duration: { amount: 5, unit: 'working_days', ref: ref('L20') }, from: 'received' },
        fee: { kind: 'free' },
        firstStep: 'register',
        steps: [
          {
            id: 'register',
            role: 'clerk',
            action: t('Register the application'),
            term: { duration: { amount: 0, unit: 'same_day', ref: ref('L21') }, from: 'received' },
            outcomes: [{ id: 'registered', label: t('Registered'), next: 'review', mark: 'registered' }],
            ref: ref('L21'),
          },
          {
            id: 'review',
            role: 'clerk',
            action: t('Review the application & draft the result <decision>'),
            term: { duration: { amount: 3, unit: 'working_days', ref: ref('L22') }, from: 'step_start' },
            outcomes: [
              { id: 'approve', label: t('Draft approval'), next: 'sign', decision: 'approve', mark: 'in_execution' },
              { id: 'refuse', label: t('Draft refusal'), next: 'sign', decision: 'refuse', grounds: ['not_eligible'] },
              {
                id: 'incomplete',
                label: t('Refusal: incomplete documents'),
                next: 'sign',
                decision: 'refuse',
                grounds: ['incomplete'],
                term: { duration: { amount: 1, unit: 'working_days', ref: ref('L23') }, from: 'completed:register' },
              },
            ],
            ref: ref('L22'),
          },
          {
            id: 'sign',
            role: 'head',
            action: t('Sign the result'),
            term: { duration: { amount: 1, unit: 'working_days', ref: ref('L24') }, from: 'step_start' },
            outcomes: [
              {
                id: 'signed',
                label: t('Signed'),
                next: [
                  { when: { channels: ['portal'] }, step: 'deliver' },
                  { when: { channels: ['psc'] }, step: 'hand_over' },
                ],
              },
            ],
            ref: ref('L24'),
          },
          {
            id: 'deliver',
            role: 'portal',
            automatic: true,
            action: t('Deliver into the personal cabinet'),
            term: { duration: { amount: 0, unit: 'same_day', ref: ref('L25') }, from: 'step_start' },
            outcomes: [{ id: 'delivered', label: t('Delivered'), next: 'end', signed: false }],
            ref: ref('L25'),
          },
          {
            id: 'hand_over',
            role: 'clerk',
            action: t('Hand the result over at the PSC'),
            term: { duration: { amount: 0, unit: 'same_day', ref: ref('L26') }, from: 'step_start' },
            outcomes: [{ id: 'handed_over', label: t('Handed over'), next: 'end' }],
            ref: ref('L26'),
          },
        ],
        pauses: [
          {
            id: 'more_info',
            name: t('More information'),
            atSteps: ['review'],
            role: 'clerk',
            applicantTerm: { amount: 10, unit: 'calendar_days', ref: ref('L27') },
            onExpiry: { refuseWith: 'incomplete' },
            ref: ref('L27'),
          },
        ],
      },
    ],
    result: { document: t('Tiny permit'), refusal: t('Motivated refusal'), registry: 'permits', numberPrefix: 'TINY' },
    interpretations: [{ topic: 'Working hours', readings: ['09:00–18:00 with lunch 13:00–14:00'], chosen: 'As written.', refs: [ref('L30')] }],
  };
}

export function tiny(over?: Parameters<typeof tinyInput>[0]): ServiceDefinition {
  return defineService(tinyInput(over));
}

/** A clean copy changed by `edit`, then validated. */
export function tinyWith(edit: (d: ServiceDefinitionInput) => void, over?: Parameters<typeof tinyInput>[0]): ServiceDefinition {
  const d = tinyInput(over);
  edit(d);
  return defineService(d);
}

/** The input's first sub-case (for edits). */
export function issueOf(d: ServiceDefinitionInput) {
  return d.subcases[0]!;
}

/** A step of the input's first sub-case (for edits). */
export function stepOf(d: ServiceDefinitionInput, id: string) {
  const st = issueOf(d).steps.find((s) => s.id === id);
  if (!st) throw new Error(`no step ${id}`);
  return st;
}

/** Every (service version, sub-case) of a list of definitions. */
export function eachSubcase(defs: readonly ServiceDefinition[]) {
  return defs.flatMap((svc) => svc.subcases.map((sc) => ({ svc, sc, label: `${svc.id}@${svc.version}/${sc.id}` })));
}

/** A rough well-formedness check of XML text: tags balance and every `&` starts an entity. */
export function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    if (/[<>]/.test(text)) throw new Error(`stray < or > in text near ${JSON.stringify(text.slice(0, 80))}`);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text) || /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[3] ?? '')) throw new Error(`bare & near ${JSON.stringify(m[0].slice(0, 80))}`);
    last = m.index + m[0].length;
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else stack.push(name!);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (body.slice(last).trim()) throw new Error('text after the root element');
}
