import { useTranslation } from 'react-i18next';
import type { Complaint } from './api';

/** The server sends the consumer's identity only to those entitled; everyone else sees "anonymous". */
export function ConsumerName({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation('complaints');
  if (complaint.consumer) return <span data-testid="consumer-name">{complaint.consumer.name}</span>;
  return (
    <span className="muted" title={t('identityHidden')} data-testid="consumer-anonymous">
      {t('anonymous')}
    </span>
  );
}
