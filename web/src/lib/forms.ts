// Form helpers shared by the portal application, the office acceptance and the case page.
import type { FieldProblem } from '../../../src/core/application.ts';
import { matches, type MatchContext } from '../../../src/core/regulation.ts';
import type { Field, SubCase } from './types.ts';
import type { I18n } from './i18n.tsx';

/** Only the fields that apply (a value left in a field that no longer applies is an error on the server). */
export function applicable(sc: SubCase, fields: Record<string, unknown>, ctx: MatchContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of sc.fields) {
    const v = fields[f.id];
    if (v !== undefined && v !== '' && matches(f.when, { ...ctx, fields })) out[f.id] = v;
  }
  return out;
}

export function displayValue(f: Field | undefined, v: unknown, i: I18n): string {
  if (v === undefined || v === null || v === '') return '—';
  if (f?.type === 'select') return i.tx(f.options?.find((o) => o.value === v)?.label, String(v));
  if (f?.type === 'boolean') return i.t(v ? 'common.yes' : 'common.no');
  if (f?.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return i.date(`${v}T12:00:00+05:00`);
  return String(v);
}

export function problemsByField(problems: FieldProblem[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const p of problems) {
    const id = p.field.replace(/^(fields|documents)\./, '');
    out[id] ??= p;
  }
  return out;
}

