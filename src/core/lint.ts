// Regulation lint: checks a service definition for what the schema cannot see — steps nobody
// reaches, terms that do not fit the overall term, grounds nobody can cite, overlapping versions —
// and surfaces the contradictions the encoders recorded. Pure; every finding names its sources.
//
// Checks and severities (errors make `qyzmet catalog lint` exit 1):
//
//   error    term-exceeds-overall     the longest path of step terms ends after the sub-case's
//                                     overall term, in every calendar (see "Units" below)
//   warning  term-may-exceed-overall  it may end after it: only when calendar days are counted at
//                                     their most working days and the overall term at its fewest
//   error    unreachable-step         no path of outcomes leads from `firstStep` to the step
//   error    unreachable-branch       a `next` list entry that can never be taken: its condition
//                                     names only channels / applicant kinds the sub-case does not
//                                     offer, a form field the sub-case does not have, values a
//                                     select field does not offer, or an earlier entry already
//                                     matches every case it matches
//   error    never-ends               no path leads from the step to `end`
//   error    next-uncovered           for some channel and applicant kind the sub-case offers, no
//                                     entry of a `next` list applies (the case would stop there)
//   error    overlapping-versions     two versions of one id are in force on a common day
//   error    empty-effective-period   `effective.to` is not after `effective.from`
//   error    schema-invalid           (raw input only) the definition does not validate
//   warning  unused-role              a role that takes no step, opens no pause and is assigned by
//                                     no outcome (the `applicant` kind is exempt: the applicant
//                                     acts by applying and answering)
//   warning  uncitable-ground         a refusal ground that no refusal outcome lists and no
//                                     pause's `onExpiry` uses
//   warning  bad-duration             a duration without a known unit, with an amount that is not
//                                     a whole number ≥ 0, with amount 0 in a unit other than
//                                     `same_day`, or `same_day` with an amount (ignored)
//   warning  anchor-cannot-precede    a term counted from `completed:X` where X cannot complete
//                                     before the step starts (X is the step itself, or no path
//                                     leads from X to the step); the engine then counts from the
//                                     step's start
//   warning  interpretation-contradiction
//                                     an `interpretations` entry recording a contradiction, a
//                                     self-reference or an error of the source, so known defects
//                                     stay visible (see `marksContradiction`: contradiction wording
//                                     in the topic or readings, or a topic that opposes two
//                                     provisions or two figures of the source)
//   warning  path-limit               the sub-case has too many paths to enumerate them all
//
// Units. The longest-path check places every due on one axis of working time measured from the
// opening of the day of receipt, in minutes, with a working day as long as the provider's working
// hours (close − open − lunch). It follows the legal clock (clock.ts): a day term of n working
// days ends at the close of the n-th working day after the anchor's day; same day at the close of
// the anchor's day; working hours and minutes are added as working time; each step starts at the
// previous step's due; pauses are not counted. Calendar days have no fixed length in working days,
// so each is counted as a range: at most min(n, ⌈5n/7⌉ + 1) working days (every weekday worked,
// plus a last day moved off a day off) and at least max(1, ⌊5n/7⌋ − min(4, ⌈n/7⌉)) (a holiday in
// every week, up to the four of 8 and 21–23 March). The error compares the shortest reading of the
// path with the longest reading of the overall term, so it holds in every calendar; the warning
// compares the longest path with the shortest overall term. Both are evaluated for a receipt at
// opening and one minute before closing: the error must hold for both, the warning for either. Loops (a step revisited) are cut: a path visits a step
// once. Conditions of `next` lists narrow the channel, applicant kind and form values along a
// path, so a portal branch and a paper branch are never combined.
import {
  channelsOf,
  DurationUnit,
  ServiceDefinition as ServiceDefinitionSchema,
  type Condition,
  type Duration,
  type Interpretation,
  type ServiceDefinition,
  type SourceRef,
  type Step,
  type SubCase,
  type Term,
  type WeekdayHours,
} from './regulation.ts';

export type Severity = 'error' | 'warning';

export const LINT_CODES = {
  'term-exceeds-overall': 'error',
  'term-may-exceed-overall': 'warning',
  'unreachable-step': 'error',
  'unreachable-branch': 'error',
  'never-ends': 'error',
  'next-uncovered': 'error',
  'overlapping-versions': 'error',
  'empty-effective-period': 'error',
  'schema-invalid': 'error',
  'unused-role': 'warning',
  'uncitable-ground': 'warning',
  'bad-duration': 'warning',
  'anchor-cannot-precede': 'warning',
  'interpretation-contradiction': 'warning',
  'path-limit': 'warning',
} as const satisfies Record<string, Severity>;
export type LintCode = keyof typeof LINT_CODES;

export interface Finding {
  severity: Severity;
  code: LintCode;
  message: string;
  serviceId: string;
  version: string;
  subcase?: string;
  step?: string;
  refs: SourceRef[];
}

/** Wording that marks an interpretation as a contradiction or an error of the source. */
export const CONTRADICTION =
  /contradict|inconsisten|discrepan|conflict|refers to itself|self-referen|circular|source defect|error (?:in|of) the source|misdirected|cannot be met|\bwrong\b|противореч|расхожден|қайшы/i;
/** A topic that sets two provisions against each other: "Intake: 15 minutes (§5(1)) or 2 hours (§8(1))", "Table 5 … p.10 …". */
const TWO_PROVISIONS = /(?:§|\bp\.|\bpara\.?|\bTable|\bAnnex)\s*\d[\s\S]*?(?:§|\bp\.|\bpara\.?|\bTable|\bAnnex)\s*\d/i;
/** A topic that sets two figures against each other: "one or two calendar days", "30 minutes or 15 + 30". */
const TWO_FIGURES = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b[^:;]*?\bor\b[^:;]*?\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;

/**
 * Whether an interpretation records a contradiction of the source (rather than a plain choice):
 * contradiction wording in its topic or readings, or a topic that opposes two provisions or two
 * figures of the source.
 */
export function marksContradiction(it: Pick<Interpretation, 'topic' | 'readings'>): boolean {
  return CONTRADICTION.test([it.topic, ...it.readings].join('\n')) || TWO_PROVISIONS.test(it.topic) || TWO_FIGURES.test(it.topic);
}

interface Ctx {
  svc: ServiceDefinition;
  out: Finding[];
}

function push(c: Ctx, code: LintCode, message: string, where: { subcase?: string; step?: string } = {}, refs: Array<SourceRef | undefined> = []): void {
  const seen = new Set<string>();
  const list: SourceRef[] = [];
  for (const r of refs) {
    if (!r) continue;
    const k = JSON.stringify(r);
    if (seen.has(k)) continue;
    seen.add(k);
    list.push(r);
  }
  c.out.push({
    severity: LINT_CODES[code],
    code,
    message,
    serviceId: c.svc.id,
    version: c.svc.version,
    ...(where.subcase ? { subcase: where.subcase } : {}),
    ...(where.step ? { step: where.step } : {}),
    refs: list,
  });
}

// --- Graph helpers ----------------------------------------------------------------------------

function targetsOf(st: Step): string[] {
  return st.outcomes.flatMap((o) => (typeof o.next === 'string' ? [o.next] : o.next.map((n) => n.step)));
}

/** Steps reachable from `from` by at least one outcome ('end' included when reachable). */
function successors(sc: SubCase, from: string): Set<string> {
  const byId = new Map(sc.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const cur = byId.get(queue.shift()!);
    if (!cur) continue;
    for (const t of targetsOf(cur)) {
      if (seen.has(t)) continue;
      seen.add(t);
      queue.push(t);
    }
  }
  return seen;
}

function reachable(sc: SubCase): Set<string> {
  const r = successors(sc, sc.firstStep);
  r.add(sc.firstStep);
  return r;
}

function canEnd(sc: SubCase): Set<string> {
  const preds = new Map<string, string[]>();
  for (const st of sc.steps) for (const t of targetsOf(st)) preds.set(t, [...(preds.get(t) ?? []), st.id]);
  const seen = new Set<string>();
  const queue = ['end'];
  while (queue.length) {
    for (const p of preds.get(queue.shift()!) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  return seen;
}

// --- Durations --------------------------------------------------------------------------------

const UNITS = new Set<string>(DurationUnit.options);

function durationProblem(d: unknown): string | undefined {
  if (!d || typeof d !== 'object') return 'is missing';
  const { unit, amount } = d as { unit?: unknown; amount?: unknown };
  if (unit === undefined || unit === null || unit === '') return 'has no unit';
  if (typeof unit !== 'string' || !UNITS.has(unit)) return `has an unknown unit ${JSON.stringify(unit)} (known: ${[...UNITS].join(', ')})`;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) return `has amount ${JSON.stringify(amount)}, not a whole number ≥ 0`;
  if (amount === 0 && unit !== 'same_day') return `has amount 0 in ${unit} (only same_day may be 0)`;
  if (unit === 'same_day' && amount !== 0) return `is same_day with amount ${amount} (the amount is ignored)`;
  return undefined;
}

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const refOf = (x: unknown): SourceRef | undefined => (isObj(x) && typeof x.seed === 'string' ? (x as SourceRef) : undefined);

/** Every duration of a definition, validated or raw: sub-case terms, step and outcome terms, pause terms. */
function checkDurations(c: Ctx, raw: unknown): void {
  if (!isObj(raw)) return;
  for (const sc of arr(raw.subcases)) {
    if (!isObj(sc)) continue;
    const subcase = str(sc.id);
    const term = (t: unknown, what: string, step?: string) => {
      const d = isObj(t) ? t.duration : undefined;
      const p = durationProblem(d);
      if (p) push(c, 'bad-duration', `${what}: the duration ${p}`, { ...(subcase ? { subcase } : {}), ...(step ? { step } : {}) }, [refOf(isObj(d) ? d.ref : undefined)]);
    };
    term(sc.term, 'overall term of the sub-case');
    for (const st of arr(sc.steps)) {
      if (!isObj(st)) continue;
      const step = str(st.id);
      term(st.term, `term of step "${step}"`, step);
      for (const o of arr(st.outcomes)) if (isObj(o) && o.term !== undefined) term(o.term, `term of outcome "${str(o.id)}" of step "${step}"`, step);
    }
    for (const p of arr(sc.pauses)) {
      if (!isObj(p)) continue;
      const problem = durationProblem(p.applicantTerm);
      if (problem) push(c, 'bad-duration', `applicant's term of pause "${str(p.id)}": the duration ${problem}`, subcase ? { subcase } : {}, [refOf(isObj(p.applicantTerm) ? p.applicantTerm.ref : undefined), refOf(p.ref)]);
    }
  }
}

// --- Working-time axis (see "Units" above) ----------------------------------------------------

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Working minutes in one working day of the provider. */
export function workingDayMinutes(h: WeekdayHours): number {
  const day = minutesOf(h.close) - minutesOf(h.open);
  const lunch = h.break ? minutesOf(h.break.to) - minutesOf(h.break.from) : 0;
  return Math.max(1, day - lunch);
}

/** Working days a term of n calendar days can span: [fewest, most]. */
export function calendarDaysAsWorkingDays(n: number): [number, number] {
  if (n <= 0) return [0, 0];
  const lo = Math.max(1, Math.floor((5 * n) / 7) - Math.min(4, Math.ceil(n / 7)));
  const hi = Math.min(n, Math.ceil((5 * n) / 7) + 1);
  return [lo, hi];
}

type Mode = 'lo' | 'hi';

function dayOf(pos: number, P: number): number {
  return pos <= 0 ? 0 : Math.ceil(pos / P) - 1;
}

/** The due, on the working-time axis, of `d` counted from `anchor`. */
function advance(anchor: number, d: Duration, mode: Mode, P: number): number {
  const day = dayOf(anchor, P);
  switch (d.unit) {
    case 'working_days':
      return (day + d.amount + 1) * P;
    case 'same_day':
      return (day + 1) * P;
    case 'calendar_days':
      return (day + calendarDaysAsWorkingDays(d.amount)[mode === 'lo' ? 0 : 1] + 1) * P;
    case 'working_hours':
      return anchor + d.amount * 60;
    case 'minutes':
      return anchor + d.amount;
  }
}

function describePos(pos: number, P: number): string {
  const day = dayOf(pos, P);
  const into = pos - day * P;
  if (into === P) return `the close of working day ${day}`;
  const h = Math.floor(into / 60);
  const m = into % 60;
  return `working day ${day}, ${h} h ${String(m).padStart(2, '0')} min of working time after opening`;
}

const UNIT_WORDS: Record<Duration['unit'], string> = {
  working_days: 'working days',
  calendar_days: 'calendar days',
  working_hours: 'working hours',
  minutes: 'minutes',
  same_day: 'same day',
};

export function describeTerm(t: Term): string {
  const d = t.duration;
  const amount = d.unit === 'same_day' ? 'same day' : `${d.amount} ${UNIT_WORDS[d.unit]}`;
  const from = t.from === 'received' ? 'from receipt' : t.from === 'step_start' ? 'from the step\'s start' : `from the completion of "${t.from.slice('completed:'.length)}"`;
  return `${amount} ${from}`;
}

interface Narrowing {
  channels: Set<string>;
  kinds: Set<string>;
  fields: Map<string, Set<string>>;
}

function narrow(n: Narrowing, when: Condition): Narrowing | null {
  const channels = when.channels ? new Set([...n.channels].filter((x) => when.channels!.includes(x as never))) : n.channels;
  const kinds = when.applicantKinds ? new Set([...n.kinds].filter((x) => when.applicantKinds!.includes(x as never))) : n.kinds;
  if (channels.size === 0 || kinds.size === 0) return null;
  let fields = n.fields;
  if (when.fields) {
    fields = new Map(n.fields);
    for (const [f, vs] of Object.entries(when.fields)) {
      const prev = fields.get(f);
      const next = new Set(prev ? vs.filter((v) => prev.has(v)) : vs);
      if (next.size === 0) return null;
      fields.set(f, next);
    }
  }
  return { channels, kinds, fields };
}

const PATH_LIMIT = 200_000;

interface PathResult {
  trail: string[];
  steps: Step[];
  terms: Term[];
  /** Excess over the overall term (working minutes) for [certain, possible]. */
  excess: [number, number];
  /** Path end and overall end per evaluation (see `combos`). */
  end: number[];
  overall: number[];
  /** The evaluations that gave the excess: [certain, possible]. */
  worst: [number, number];
}

function longestPath(c: Ctx, sc: SubCase): void {
  const P = workingDayMinutes(c.svc.provider.workingHours);
  const byId = new Map(sc.steps.map((s) => [s.id, s]));
  // Evaluations: path lo / overall hi (certain), path hi / overall lo (possible); receipt at opening and just before closing.
  const receipts = [0, P - 1];
  const combos: Array<{ mode: Mode; r: number }> = [
    { mode: 'lo', r: receipts[0]! },
    { mode: 'lo', r: receipts[1]! },
    { mode: 'hi', r: receipts[0]! },
    { mode: 'hi', r: receipts[1]! },
  ];
  const inverse = (m: Mode): Mode => (m === 'lo' ? 'hi' : 'lo');
  let worstCertain: PathResult | undefined;
  let worstPossible: PathResult | undefined;
  let visits = 0;
  let cut = false;

  const anchorOf = (t: Term, i: number, start: number[], done: Map<string, number[]>): number => {
    if (t.from === 'received') return combos[i]!.r;
    if (t.from === 'step_start') return start[i]!;
    return done.get(t.from.slice('completed:'.length))?.[i] ?? start[i]!;
  };

  // `skip`: working minutes of steps the law does not count (they stop the overall clock);
  // `ext`: terms that outcomes on the path add to the overall term.
  const finish = (trail: string[], terms: Term[], end: number[], done: Map<string, number[]>, skip: number[], ext: Duration[]) => {
    const steps = trail.map((t) => byId.get(t.replace(/\[.*$/, ''))!);
    const overall = combos.map((k, i) => {
      const of = sc.term.from.startsWith('completed:') ? done.get(sc.term.from.slice('completed:'.length))?.[i] : undefined;
      const base = advance(of ?? k.r, sc.term.duration, inverse(k.mode), P) + skip[i]!;
      return ext.reduce((at, d) => advance(at, d, inverse(k.mode), P), base);
    });
    const diff = combos.map((_, i) => end[i]! - overall[i]!);
    // Certain: whatever the moment of receipt (the smaller excess); possible: for some moment
    // (the larger). Ties go to the receipt at opening, whose figures read as whole days.
    const wc = diff[1]! < diff[0]! ? 1 : 0;
    const wp = diff[3]! > diff[2]! ? 3 : 2;
    const r: PathResult = { trail, steps, terms, excess: [diff[wc]!, diff[wp]!], end, overall, worst: [wc, wp] };
    if (!worstCertain || r.excess[0] > worstCertain.excess[0]) worstCertain = r;
    if (!worstPossible || r.excess[1] > worstPossible.excess[1]) worstPossible = r;
  };

  const walk = (stepId: string, start: number[], done: Map<string, number[]>, trail: string[], terms: Term[], n: Narrowing, skip: number[], ext: Duration[]) => {
    if (++visits > PATH_LIMIT) {
      cut = true;
      return;
    }
    const st = byId.get(stepId);
    if (!st) return;
    for (const o of st.outcomes) {
      const term = o.term ?? st.term;
      const due = combos.map((k, i) => Math.max(start[i]!, advance(anchorOf(term, i, start, done), term.duration, k.mode, P)));
      const label = st.outcomes.length > 1 ? `${st.id}[${o.id}]` : st.id;
      const nextDone = new Map(done).set(st.id, due);
      const nextSkip = st.counted ? skip : skip.map((x, i) => x + (due[i]! - start[i]!));
      const nextExt = o.extendsTerm ? [...ext, ...o.extendsTerm] : ext;
      const entries = typeof o.next === 'string' ? [{ when: {} as Condition, step: o.next }] : o.next;
      for (const e of entries) {
        const nn = narrow(n, e.when);
        if (!nn) continue;
        if (e.step === 'end') finish([...trail, label], [...terms, term], due, nextDone, nextSkip, nextExt);
        else if (!nextDone.has(e.step)) walk(e.step, due, nextDone, [...trail, label], [...terms, term], nn, nextSkip, nextExt);
      }
    }
  };
  const initial = combos.map((k) => k.r);
  walk(sc.firstStep, initial, new Map(), [], [], { channels: new Set(channelsOf(c.svc, sc)), kinds: new Set(c.svc.applicantKinds), fields: new Map() }, combos.map(() => 0), []);

  if (cut) push(c, 'path-limit', `sub-case "${sc.id}" has more than ${PATH_LIMIT} partial paths; the longest-path check saw only the first ones`, { subcase: sc.id });
  const overallText = `the overall term (${describeTerm(sc.term)})`;
  const refs = (r: PathResult) => [sc.term.duration.ref, ...r.terms.map((t) => t.duration.ref)];
  const applicantRoles = new Set(c.svc.roles.filter((r) => r.kind === 'applicant').map((r) => r.id));
  const applicantNote = (r: PathResult) => {
    const own = r.steps.map((st, i) => ({ st, t: r.terms[i]! })).filter((x) => applicantRoles.has(x.st.role) && x.st.counted);
    return own.length ? `. The path includes the applicant's own steps (${own.map((x) => `${x.st.id}: ${describeTerm(x.t)}`).join('; ')}), which count against the term unless marked \`counted: false\`` : '';
  };
  const receipt = (i: number) => (combos[i]!.r === 0 ? 'received at opening' : 'received a minute before closing');
  if (worstCertain && worstCertain.excess[0] > 0) {
    const r = worstCertain;
    const i = r.worst[0];
    push(
      c,
      'term-exceeds-overall',
      `sub-case "${sc.id}": by its step terms the path ${r.trail.join(' → ')} may take until ${describePos(r.end[i]!, P)}, but ${overallText} ends at ${describePos(r.overall[i]!, P)} (${receipt(i)}; working day 0 is the day of receipt; calendar days counted at their fewest working days on the path and their most in the overall term)${applicantNote(r)}`,
      { subcase: sc.id },
      refs(r),
    );
  } else if (worstPossible && worstPossible.excess[1] > 0) {
    const r = worstPossible;
    const i = r.worst[1];
    push(
      c,
      'term-may-exceed-overall',
      `sub-case "${sc.id}": by its step terms the path ${r.trail.join(' → ')} may take until ${describePos(r.end[i]!, P)}, and ${overallText} may end as early as ${describePos(r.overall[i]!, P)} (${receipt(i)}; working day 0 is the day of receipt; calendar days counted at their most working days on the path and their fewest in the overall term)${applicantNote(r)}`,
      { subcase: sc.id },
      refs(r),
    );
  }
}

// --- Branches ---------------------------------------------------------------------------------

function checkBranches(c: Ctx, sc: SubCase): void {
  const offered = channelsOf(c.svc, sc);
  const kinds = c.svc.applicantKinds;
  const fields = new Map(sc.fields.map((f) => [f.id, f]));
  const eff = (w: Condition) => ({
    channels: (w.channels ?? offered).filter((x) => offered.includes(x)),
    kinds: (w.applicantKinds ?? kinds).filter((x) => kinds.includes(x)),
  });
  for (const st of sc.steps) {
    for (const o of st.outcomes) {
      if (typeof o.next === 'string') continue;
      const where = { subcase: sc.id, step: st.id };
      const refs = [st.ref];
      for (const [i, e] of o.next.entries()) {
        const what = `entry ${i + 1} (→ ${e.step}) of outcome "${o.id}" of step "${st.id}"`;
        const me = eff(e.when);
        let why: string | undefined;
        if (me.channels.length === 0) why = `its channels ${e.when.channels!.join(', ')} are not offered in sub-case "${sc.id}" (${offered.join(', ')})`;
        else if (me.kinds.length === 0) why = `its applicant kinds ${e.when.applicantKinds!.join(', ')} are not served (${kinds.join(', ')})`;
        else {
          for (const [f, vs] of Object.entries(e.when.fields ?? {})) {
            const def = fields.get(f);
            if (!def) {
              if (!vs.includes('')) why = `it tests form field "${f}", which sub-case "${sc.id}" does not have`;
            } else if (def.options && !vs.some((v) => def.options!.some((op) => op.value === v))) {
              why = `field "${f}" offers none of ${vs.join(', ')}`;
            }
          }
        }
        if (!why) {
          for (const prev of o.next.slice(0, i)) {
            const pe = eff(prev.when);
            const coversFields = Object.entries(prev.when.fields ?? {}).every(([f, vs]) => {
              const mine = e.when.fields?.[f];
              return mine !== undefined && mine.every((v) => vs.includes(v));
            });
            if (me.channels.every((x) => pe.channels.includes(x)) && me.kinds.every((x) => pe.kinds.includes(x)) && coversFields) {
              why = `an earlier entry (→ ${prev.step}) already matches every case it matches`;
              break;
            }
          }
        }
        if (why) push(c, 'unreachable-branch', `${what} can never be taken: ${why}`, where, refs);
      }
      const uncovered: string[] = [];
      for (const ch of offered) {
        for (const k of kinds) {
          const any = o.next.some((e) => (!e.when.channels || e.when.channels.includes(ch)) && (!e.when.applicantKinds || e.when.applicantKinds.includes(k)));
          if (!any) uncovered.push(`${ch}/${k}`);
        }
      }
      if (uncovered.length) push(c, 'next-uncovered', `outcome "${o.id}" of step "${st.id}" has no next step for ${uncovered.join(', ')}: the case would stop there without its result`, where, refs);
    }
  }
}

// --- The checks -------------------------------------------------------------------------------

function checkSubcase(c: Ctx, sc: SubCase): void {
  const reach = reachable(sc);
  const ends = canEnd(sc);
  for (const st of sc.steps) {
    const where = { subcase: sc.id, step: st.id };
    if (!reach.has(st.id)) push(c, 'unreachable-step', `step "${st.id}" of sub-case "${sc.id}" cannot be reached from the first step "${sc.firstStep}"`, where, [st.ref]);
    if (!ends.has(st.id)) push(c, 'never-ends', `from step "${st.id}" of sub-case "${sc.id}" no path of outcomes leads to the end (the result is never issued)`, where, [st.ref]);
    const terms: Array<{ t: Term; what: string }> = [{ t: st.term, what: `the term of step "${st.id}"` }, ...st.outcomes.filter((o) => o.term).map((o) => ({ t: o.term!, what: `the term of outcome "${o.id}" of step "${st.id}"` }))];
    for (const { t, what } of terms) {
      if (!t.from.startsWith('completed:')) continue;
      const x = t.from.slice('completed:'.length);
      let why: string | undefined;
      if (x === st.id) why = `it is counted from the completion of the step itself, which refers to itself`;
      else if (!successors(sc, x).has(st.id)) why = `no path leads from "${x}" to "${st.id}", so "${x}" cannot have completed when "${st.id}" starts`;
      if (why) push(c, 'anchor-cannot-precede', `${what} (${describeTerm(t)}): ${why}; the engine counts it from the step's start instead`, where, [t.duration.ref, st.ref]);
    }
  }
  if (sc.term.from.startsWith('completed:')) {
    const x = sc.term.from.slice('completed:'.length);
    if (!reach.has(x)) push(c, 'anchor-cannot-precede', `the overall term of sub-case "${sc.id}" is counted from the completion of "${x}", which cannot be reached`, { subcase: sc.id }, [sc.term.duration.ref]);
  }
  checkBranches(c, sc);
  longestPath(c, sc);
}

function checkRolesAndGrounds(c: Ctx): void {
  const svc = c.svc;
  const used = new Set<string>();
  const cited = new Set<string>();
  for (const sc of svc.subcases) {
    for (const st of sc.steps) {
      used.add(st.role);
      for (const o of st.outcomes) {
        if (o.assigns) used.add(o.assigns);
        for (const g of o.grounds ?? []) cited.add(g);
      }
    }
    for (const p of sc.pauses) {
      used.add(p.role);
      if (p.onExpiry) cited.add(p.onExpiry.refuseWith);
    }
  }
  if (svc.subcases.length === 0) return; // a repealed entry kept for its history has no procedure
  for (const r of svc.roles) {
    if (r.kind === 'applicant' || used.has(r.id)) continue;
    push(c, 'unused-role', `role "${r.id}" (${r.name.en}) takes no step in any sub-case`, {}, []);
  }
  for (const g of svc.refusalGrounds) {
    if (cited.has(g.id)) continue;
    push(c, 'uncitable-ground', `refusal ground "${g.id}" (${g.text.en}) is listed by no refusal outcome and no pause, so no refusal can cite it`, {}, [g.ref]);
  }
}

function checkEffective(c: Ctx): void {
  const e = c.svc.effective;
  if (e.to !== undefined && e.to <= e.from) push(c, 'empty-effective-period', `effective.to ${e.to} is not after effective.from ${e.from} (to is exclusive)`, {}, c.svc.sources.map((s) => s.ref));
}

/** Overlaps of `svc` with other versions of its id; `seen` (pairs already reported) makes each pair count once. */
function checkOverlaps(c: Ctx, others: readonly ServiceDefinition[], seen?: Set<string>): void {
  const svc = c.svc;
  const e = svc.effective;
  for (const o of others) {
    if (o === svc || o.id !== svc.id || o.version === svc.version) continue;
    const from = e.from > o.effective.from ? e.from : o.effective.from;
    const to = [e.to, o.effective.to].filter((x): x is string => x !== undefined).sort()[0];
    if (to !== undefined && from >= to) continue;
    if (seen) {
      const key = `${svc.id}|${[svc.version, o.version].sort().join('|')}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    push(
      c,
      'overlapping-versions',
      `versions ${svc.version} [${e.from}, ${e.to ?? '…'}) and ${o.version} [${o.effective.from}, ${o.effective.to ?? '…'}) of "${svc.id}" are both in force from ${from}${to ? ` to ${to} (exclusive)` : ' on'}; give the earlier one an effective.to`,
      {},
      [...svc.sources.map((s) => s.ref), ...o.sources.map((s) => s.ref)],
    );
  }
}

function checkInterpretations(c: Ctx, list: readonly Interpretation[]): void {
  for (const it of list) {
    if (!marksContradiction(it)) continue;
    push(c, 'interpretation-contradiction', `recorded contradiction "${it.topic}": chosen — ${it.chosen}${it.configurable ? ` (configurable: ${it.configurable})` : ''}`, {}, it.refs);
  }
}

/**
 * Lints one validated definition. `others` is the rest of the catalog (or any definitions): it is
 * used for the version checks and may include `svc` itself.
 */
export function lintService(svc: ServiceDefinition, others: readonly ServiceDefinition[] = []): Finding[] {
  const c: Ctx = { svc, out: [] };
  checkDurations(c, svc);
  checkEffective(c);
  checkOverlaps(c, others);
  for (const sc of svc.subcases) checkSubcase(c, sc);
  checkRolesAndGrounds(c);
  checkInterpretations(c, svc.interpretations);
  return c.out;
}

/**
 * Lints a definition as written in a module, before or without validation: the durations the
 * schema refuses are reported as `bad-duration`, every other schema problem as `schema-invalid`;
 * a definition that validates gets every check of `lintService`.
 */
export function lintServiceInput(input: unknown, others: readonly ServiceDefinition[] = []): Finding[] {
  const parsed = ServiceDefinitionSchema.safeParse(input);
  const o = isObj(input) ? input : {};
  const c: Ctx = { svc: { id: str(o.id) ?? '?', version: str(o.version) ?? '?' } as ServiceDefinition, out: [] };
  checkDurations(c, input);
  if (parsed.success) {
    const rest = lintService(parsed.data, others).filter((f) => f.code !== 'bad-duration');
    return [...c.out, ...rest];
  }
  const durationPath = /^subcases\.\d+\.(?:term|steps\.\d+\.(?:term|outcomes\.\d+\.term)|pauses\.\d+\.applicantTerm)/;
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (durationPath.test(path) && c.out.length > 0) continue;
    push(c, 'schema-invalid', `${path || '(definition)'}: ${issue.message}`);
  }
  return c.out;
}

/** Lints every definition of a catalog; an overlap of two versions is reported once. */
export function lintCatalog(defs: readonly ServiceDefinition[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const d of defs) {
    const c: Ctx = { svc: d, out: [] };
    checkOverlaps(c, defs, seen);
    out.push(...c.out, ...lintService(d, []));
  }
  return out;
}

/** Errors first, then by service, version, sub-case, step. */
export function sortFindings(fs: readonly Finding[]): Finding[] {
  const k = (f: Finding) => [f.severity === 'error' ? 0 : 1, f.serviceId, f.version, f.subcase ?? '', f.step ?? ''] as const;
  return [...fs].sort((a, b) => {
    const ka = k(a);
    const kb = k(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}
