// Attachments for a set of document requirements: one file input per requirement (or per chosen
// alternative), type and size checked before reading, a progress bar while the file is read.
import { useState } from 'react';
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

/** The upload slots for the requirements an application must (or may) carry. */
export function DocumentUploads({ required, optional, docs, setDocs, problems, idPrefix = 'doc' }: { required: DocumentRequirement[]; optional: DocumentRequirement[]; docs: Attachment[]; setDocs: (d: Attachment[]) => void; problems: Record<string, string>; idPrefix?: string }) {
  const i = useI18n();
  const { t, tx } = i;
  const [alt, setAlt] = useState<Record<string, string>>({});
  const attach = (a: Attachment) => setDocs([...docs.filter((d) => !(d.requirement === a.requirement && d.sha256 === a.sha256)), a]);
  const remove = (a: Attachment) => setDocs(docs.filter((d) => d !== a));
  const slot = (d: DocumentRequirement) => {
    const alts = d.satisfiedBy ?? [];
    const chosen = alts.length ? alt[d.id] ?? docs.find((x) => alts.includes(x.requirement))?.requirement ?? alts[alts.length - 1]! : d.id;
    return (
      <li key={d.id} className="doc-slot">
        {alts.length > 0 && (
          <fieldset className="alts">
            <legend>{tx(d.name)}</legend>
            {alts.map((a) => (
              <div className="field-check" key={a}>
                <input type="radio" id={`${idPrefix}-${d.id}-${a}`} name={`${idPrefix}-${d.id}`} checked={chosen === a} onChange={() => setAlt({ ...alt, [d.id]: a })} />
                <label htmlFor={`${idPrefix}-${d.id}-${a}`}>{altName(a, i)}</label>
              </div>
            ))}
          </fieldset>
        )}
        <UploadSlot
          id={`${idPrefix}-${d.id}`}
          label={alts.length ? altName(chosen, i) : tx(d.name)}
          requirement={chosen}
          accepted={d.mime ?? ALLOWED_MIME}
          current={docs.filter((x) => x.requirement === chosen)}
          onAttach={attach}
          onRemove={remove}
          problem={problems[d.id] ?? null}
        />
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
