// Attachments for a set of document requirements: one file input per requirement (or per chosen
// alternative), type and size checked before reading, a progress bar while the file is read.
import { useState, type ReactNode } from 'react';
import type { DocumentRequirement } from '../lib/types.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ALLOWED_MIME, MAX_DOCUMENT_BYTES, acceptOf, checkFile, readFile, toAttachment, typesText, type Attachment } from '../lib/files.ts';
import { altName } from '../lib/ui.tsx';

export function UploadSlot({ id, label, requirement, accepted = ALLOWED_MIME, current, onAttach, onRemove, problem }: { id: string; label: string; requirement: string; accepted?: readonly string[]; current: Attachment[]; onAttach: (a: Attachment) => void; onRemove: (a: Attachment) => void; problem?: string | null }) {
  const i = useI18n();
  const { t } = i;
  const [progress, setProgress] = useState<number | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const pick = async (file: File | undefined, input: HTMLInputElement) => {
    if (!file) return;
    setError(null);
    const bad = checkFile(file, accepted);
    if (bad) {
      setError(i.t(`file.${bad}`, { name: file.name, max: i.bytes(MAX_DOCUMENT_BYTES), types: typesText(accepted) }));
      input.value = '';
      return;
    }
    setReading(file.name);
    setProgress(0);
    try {
      const bytes = await readFile(file, setProgress);
      onAttach(await toAttachment(requirement, file, bytes, accepted));
    } catch {
      setError(t('file.unreadable', { name: file.name }));
    } finally {
      setReading(null);
      setProgress(null);
      input.value = '';
    }
  };
  const shown = error ?? problem ?? null;
  return (
    <div className={`field upload${shown ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={acceptOf(accepted)} aria-describedby={[hintId, shown ? errId : ''].filter(Boolean).join(' ')} aria-invalid={shown ? true : undefined} onChange={(e) => void pick(e.currentTarget.files?.[0], e.currentTarget)} />
      <p className="hint" id={hintId}>
        {t('file.limits', { types: typesText(accepted), max: i.bytes(MAX_DOCUMENT_BYTES) })}
      </p>
      {reading !== null && progress !== null && (
        <div className="progress-line" role="status">
          <span>{t('file.reading', { name: reading })}</span>
          <progress max={1} value={progress} aria-label={t('file.readingLabel', { name: reading })} />
        </div>
      )}
      {shown && (
        <p className="field-error" id={errId}>
          {shown}
        </p>
      )}
      {current.length > 0 && (
        <ul className="files">
          {current.map((a) => (
            <li key={a.sha256 + a.name}>
              <span className="file-name">{a.name}</span> <span className="muted">({i.bytes(a.size)})</span>{' '}
              <button type="button" className="btn btn-small btn-link" onClick={() => onRemove(a)} aria-label={t('file.removeNamed', { name: a.name })}>
                {t('file.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The alternative of a fee document that the payment gateway answers (no file: a payment order). */
export const GATEWAY_ALTERNATIVE = 'payment_gateway';

/** How the form pays a fee through the gateway: whether that alternative is chosen, and its panel. */
export interface GatewayChoice {
  chosen: boolean;
  choose(gateway: boolean): void;
  /** Rendered in place of the file input while the gateway is chosen, with the id given. */
  panel(id: string, problem: string | null): ReactNode;
}

/**
 * The upload slots for the requirements an application must (or may) carry. A requirement the
 * payment gateway can answer offers it next to its receipt alternatives when `gateway` is given;
 * without it the gateway is not offered (no file can stand for a gateway payment).
 */
export function DocumentUploads({ required, optional, docs, setDocs, problems, idPrefix = 'doc', gateway }: { required: DocumentRequirement[]; optional: DocumentRequirement[]; docs: Attachment[]; setDocs: (d: Attachment[]) => void; problems: Record<string, string>; idPrefix?: string; gateway?: GatewayChoice }) {
  const i = useI18n();
  const { t, tx } = i;
  const [alt, setAlt] = useState<Record<string, string>>({});
  const attach = (a: Attachment) => setDocs([...docs.filter((d) => !(d.requirement === a.requirement && d.sha256 === a.sha256)), a]);
  const remove = (a: Attachment) => setDocs(docs.filter((d) => d !== a));
  const slot = (d: DocumentRequirement) => {
    const alts = (d.satisfiedBy ?? []).filter((a) => a !== GATEWAY_ALTERNATIVE || gateway);
    const files = alts.filter((a) => a !== GATEWAY_ALTERNATIVE);
    const fileChoice = alts.length ? alt[d.id] ?? docs.find((x) => files.includes(x.requirement))?.requirement ?? files[files.length - 1] ?? d.id : d.id;
    const chosen = gateway?.chosen && alts.includes(GATEWAY_ALTERNATIVE) ? GATEWAY_ALTERNATIVE : fileChoice;
    return (
      <li key={d.id} className="doc-slot">
        {alts.length > 0 && (
          <fieldset className="alts">
            <legend>{tx(d.name)}</legend>
            {alts.map((a) => (
              <div className="field-check" key={a}>
                <input
                  type="radio"
                  id={`${idPrefix}-${d.id}-${a}`}
                  name={`${idPrefix}-${d.id}`}
                  checked={chosen === a}
                  onChange={() => {
                    if (a === GATEWAY_ALTERNATIVE) return gateway?.choose(true);
                    gateway?.choose(false);
                    setAlt({ ...alt, [d.id]: a });
                  }}
                />
                <label htmlFor={`${idPrefix}-${d.id}-${a}`}>{a === GATEWAY_ALTERNATIVE ? t('pay.option') : altName(a, i)}</label>
              </div>
            ))}
          </fieldset>
        )}
        {chosen === GATEWAY_ALTERNATIVE && gateway ? gateway.panel(`${idPrefix}-${d.id}`, problems[d.id] ?? null) : <UploadSlot
          id={`${idPrefix}-${d.id}`}
          label={alts.length ? altName(chosen, i) : tx(d.name)}
          requirement={chosen}
          accepted={d.mime ?? ALLOWED_MIME}
          current={docs.filter((x) => x.requirement === chosen)}
          onAttach={attach}
          onRemove={remove}
          problem={problems[d.id] ?? null}
        />}
      </li>
    );
  };
  return (
    <>
      <ul className="plain">{required.map(slot)}</ul>
      {optional.length > 0 && (
        <>
          <h3>{t('apply.optionalDocs')}</h3>
          <ul className="plain">{optional.map(slot)}</ul>
        </>
      )}
    </>
  );
}
