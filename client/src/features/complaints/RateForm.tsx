import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { useAction, type Act } from './useAction';
import { Button } from '../../components/Button';

export function RateForm({ act }: { act: Act }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [stars, setStars] = useState(0);
  return (
    <form
      className="card action-card"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ action: 'rate', satisfaction: stars });
      }}
      data-testid="rate-form"
    >
      <h2>{t('consumer.rateTitle')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="star-input" role="radiogroup" aria-label={t('consumer.rateTitle')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= stars ? 'is-on' : ''} title={t('consumer.stars', { count: n })}>
            <input type="radio" name="stars" value={n} checked={stars === n} onChange={() => setStars(n)} data-testid={`rate-star-${n}`} />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">{t('consumer.stars', { count: n })}</span>
          </label>
        ))}
      </div>
      <div className="button-row">
        <Button className="button button-primary" busy={busy} disabled={stars === 0} data-testid="rate-submit">
          {t('consumer.rate')}
        </Button>
      </div>
    </form>
  );
}
