// What a merchant sees while its account awaits approval: what happens next, instead of pages that
// would refuse every action. The session turns it into the full navigation when the decision arrives.
import { useTranslation } from 'react-i18next';

export function PendingAccount() {
  const { t } = useTranslation('auth');
  return (
    <section className="card pending-account" data-testid="pending-account">
      <h1>{t('pending.title')}</h1>
      <p>{t('pending.body')}</p>
      <p className="muted">{t('pending.next')}</p>
      <p className="pending-account-wait" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('pending.waiting')}
      </p>
    </section>
  );
}
