// The key store chooser of Kazakhstan's portals: a .p12 file and its password. The file is read in
// this browser; nothing of it is uploaded.
import { useId } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import type { Purpose } from '../lib/eds.ts';

export interface KeyStoreValue {
  file: File | null;
  password: string;
}

export function KeyStoreFields({ purpose, value, onChange, disabled }: { purpose: Purpose; value: KeyStoreValue; onChange: (v: KeyStoreValue) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="keystore">
      <div className="field">
        <label htmlFor={`${id}-file`}>{t(purpose === 'auth' ? 'eds.fileAuth' : 'eds.fileSign')}</label>
        <input
          id={`${id}-file`}
          name="keystore"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          aria-describedby={`${id}-hint`}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, file: e.currentTarget.files?.[0] ?? null })}
        />
        <p className="hint" id={`${id}-hint`}>
          {t(purpose === 'auth' ? 'eds.hintAuth' : 'eds.hintSign')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-pw`}>{t('eds.password')}</label>
        <input id={`${id}-pw`} name="password" type="password" autoComplete="off" value={value.password} disabled={disabled} onChange={(e) => onChange({ ...value, password: e.currentTarget.value })} />
      </div>
    </div>
  );
}
