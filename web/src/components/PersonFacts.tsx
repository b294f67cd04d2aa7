// Who the applicant is, as rows of a <dl className="facts">: the name and IIN, and the BIN and
// company name where there is a company. The application forms show what the state databases
// prefilled, the case and the NCA operator's request page what the case records; each page adds
// its own rows around these.
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n.tsx';

export function PersonRows({ name, iin, bin, organization }: { name: ReactNode; iin: ReactNode; bin?: string | null; organization?: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <div>
        <dt>{t('person.name')}</dt>
        <dd>{name}</dd>
      </div>
      <div>
        <dt>{t('person.iin')}</dt>
        <dd>{iin}</dd>
      </div>
      {bin && (
        <div>
          <dt>{t('person.bin')}</dt>
          <dd>{bin}</dd>
        </div>
      )}
      {organization && (
        <div>
          <dt>{t('person.organization')}</dt>
          <dd>{organization}</dd>
        </div>
      )}
    </>
  );
}
