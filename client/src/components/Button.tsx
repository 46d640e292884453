// Every action button: while its request runs it stays readable, shows a spinner and a busy label,
// and cannot be pressed twice.
import type { ButtonHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy?: boolean;
  /** What is happening ("发布中…"); the shared "处理中…" when omitted. */
  busyLabel?: string;
}

export function Button({ busy = false, busyLabel, disabled, className = 'button', children, ...rest }: Props) {
  const { t } = useTranslation('common');
  return (
    <button {...rest} className={className} disabled={disabled || busy} aria-busy={busy || undefined} data-busy={busy || undefined}>
      {busy ? (
        <>
          <span className="spinner spinner-inline" aria-hidden="true" />
          {busyLabel ?? t('states.working')}
        </>
      ) : (
        children
      )}
    </button>
  );
}
