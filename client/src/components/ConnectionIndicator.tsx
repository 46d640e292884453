import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../realtime/socket';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span className={`connection connection-${state}`} title={t('connection.hint')} data-testid="connection-state" data-state={state}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t(`connection.${state}`)}</span>
    </span>
  );
}
