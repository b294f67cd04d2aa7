// The list of what is wrong with a form, shown above its submit button once the user has tried to
// go on: an alert that takes the focus, each problem a link to its field.
import { useRef, useState, type RefObject } from 'react';
import { useI18n } from '../lib/i18n.tsx';

/** Whether every problem is shown yet, and `reveal`: show them all and move the focus to the summary. */
export function useErrorSummary() {
  const [showAll, setShowAll] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const reveal = () => {
    setShowAll(true);
    window.setTimeout(() => ref.current?.focus(), 0);
  };
  return { showAll, setShowAll, ref, reveal };
}

/** `problems` as [the field's element id, the text]; `wide` spans a form grid's columns. */
export function ErrorSummary({ problems, focusRef, wide }: { problems: ReadonlyArray<readonly [string, string]>; focusRef: RefObject<HTMLDivElement | null>; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={`alert alert-error${wide ? ' span-all' : ''}`} role="alert" tabIndex={-1} ref={focusRef}>
      <p>{t('apply.fixErrors')}</p>
      <ul>
        {problems.map(([id, text]) => (
          // Two problems may point at one field (the IIN both malformed and not the holder's).
          <li key={id + text}>
            <a href={`#${id}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
