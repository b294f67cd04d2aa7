// One form field of a regulation, by its type, with its label from the catalog and its problem (if
// any) in words; IIN and BIN are checked as they are typed with the same function as the server.
import type { Field } from '../../../src/core/regulation.ts';
import type { FieldProblem } from '../../../src/core/application.ts';
import { useI18n, type I18n, type MessageKey } from '../lib/i18n.tsx';
import { en } from '../lib/messages/en.ts';

export function problemText(p: FieldProblem, f: Field | undefined, i: I18n): string {
  const key = `val.${p.rule}`;
  const label = f ? i.tx(f.label) : p.field;
  return key in en ? i.t(key as MessageKey, { label, max: f?.maxLength ?? '' }) : `${label}: ${p.detail}`;
}

/** Each problem's text, by the same keys; for problems with no field definition at hand (documents). */
export function problemTexts(problems: Record<string, FieldProblem>, i: I18n): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, problemText(p, undefined, i)]));
}

/** Form value from an input's text, typed as the regulation's field type expects. */
export function parseValue(f: Field, raw: string | boolean): unknown {
  if (f.type === 'boolean') return raw === true ? true : raw === false ? false : undefined;
  const s = String(raw);
  if (s === '') return undefined;
  if (f.type === 'number') {
    const n = Number(s.replace(',', '.'));
    return Number.isFinite(n) ? n : s;
  }
  if (f.type === 'iin' || f.type === 'bin') return s.replace(/\s+/g, '');
  return s;
}

export function FieldInput({ field: f, value, onChange, onBlur, problem }: { field: Field; value: unknown; onChange: (v: unknown) => void; onBlur?: () => void; problem?: string }) {
  const i = useI18n();
  const { t, tx } = i;
  const id = `f-${f.id}`;
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const hint = f.type === 'iin' ? t('hint.iin') : f.type === 'bin' ? t('hint.bin') : f.type === 'phone' ? t('hint.phone') : f.maxLength ? t('hint.maxLength', { max: f.maxLength }) : null;
  const describedBy = [hint ? hintId : null, problem ? errId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: f.id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': f.required || undefined,
    onBlur,
  } as const;
  const str = value === undefined || value === null ? '' : String(value);
  let control;
  switch (f.type) {
    case 'textarea':
      control = <textarea {...common} rows={3} value={str} maxLength={f.maxLength} onChange={(e) => onChange(parseValue(f, e.currentTarget.value))} />;
      break;
    case 'select':
      control = (
        <select {...common} value={str} onChange={(e) => onChange(parseValue(f, e.currentTarget.value))}>
          <option value="">{t('form.choose')}</option>
          {(f.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {tx(o.label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      return (
        <div className="field field-check">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />
          <label htmlFor={id}>
            {tx(f.label)} {!f.required && <span className="muted">{t('form.optional')}</span>}
          </label>
          {problem && (
            <p className="field-error" id={errId}>
              {problem}
            </p>
          )}
        </div>
      );
    default: {
      const type = f.type === 'date' ? 'date' : f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : f.type === 'number' ? 'text' : 'text';
      const inputMode = f.type === 'iin' || f.type === 'bin' ? 'numeric' : f.type === 'number' ? 'decimal' : undefined;
      control = (
        <input
          {...common}
          type={type}
          inputMode={inputMode}
          autoComplete={f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'off'}
          maxLength={f.type === 'iin' || f.type === 'bin' ? 12 : f.maxLength}
          value={str}
          onChange={(e) => onChange(parseValue(f, e.currentTarget.value))}
        />
      );
    }
  }
  return (
    <div className={`field${problem ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {tx(f.label)} {f.required ? <span aria-hidden="true" className="req">*</span> : <span className="muted">{t('form.optional')}</span>}
      </label>
      {control}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-error" id={errId}>
          {problem}
        </p>
      )}
    </div>
  );
}
