// One store on the 门店 page: where it is, its badge, its last 90 days, and (headquarters) edit and close.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../i18n/format';
import { CommitmentBadge } from '../commitments/CommitmentCard';
import { RegionName } from '../complaints/regions';
import { percent } from '../returns/api';
import { updateStore, type ManagedStore } from './api';
import { StoreForm } from './StoreForm';
import { PosterLinks } from '../posters/PosterLinks';

interface Props {
  store: ManagedStore;
  manage: boolean;
  closing: boolean;
  onClose(): void;
  onChanged(message: string): void;
}

export function StoreCard({ store: s, manage, closing, onClose, onChanged }: Props) {
  const { t } = useTranslation(['stores', 'returns']);
  const [editing, setEditing] = useState(false);
  return (
    <article className="card store-card" data-testid={`store-${s.id}`}>
      <div className="store-card-head">
        <h3>{s.name}</h3>
        <div className="badge-stack">
          {s.status === 'closed' ? (
            <span className="badge badge-warning">{t('status.closed')}</span>
          ) : (
            <span className="badge badge-success">{t('status.open')}</span>
          )}
          {s.commitmentBadge && <CommitmentBadge />}
          {s.commitmentScopes.map((scope) => (
            <span key={scope} className="badge">
              {t(`returns:scope.${scope}`)}
            </span>
          ))}
        </div>
      </div>
      <p className="muted">
        <RegionName code={s.cityCode} /> · <RegionName code={s.countyCode} /> · {s.address}
      </p>
      {s.closedAt && <p className="muted">{t('closedAt', { time: formatDateTime(s.closedAt) })}</p>}
      <dl className="store-figures" data-testid="store-figures">
        <div>
          <dt>{t('figures.complaints')}</dt>
          <dd>{s.figures.complaints90d}</dd>
        </div>
        <div>
          <dt>{t('figures.returns')}</dt>
          <dd>{s.figures.returns90d}</dd>
        </div>
        <div>
          <dt>{t('figures.honorRate')}</dt>
          <dd>{percent(s.figures.honorRate)}</dd>
        </div>
        <div>
          <dt>{t('figures.breaches')}</dt>
          <dd className={s.figures.breaches90d > 0 ? 'reason-fail' : undefined}>{s.figures.breaches90d}</dd>
        </div>
      </dl>
      {s.status === 'open' && <PosterLinks storeId={s.id} storeName={s.name} />}
      {manage && s.status === 'open' && !editing && (
        <div className="button-row">
          <button className="button" onClick={() => setEditing(true)} data-testid="store-edit">
            {t('edit')}
          </button>
          <Button
            className="button button-outline-danger"
            busy={closing}
            busyLabel={t('closing')}
            onClick={onClose}
            data-testid="store-close"
          >
            {t('close')}
          </Button>
        </div>
      )}
      {editing && (
        <StoreForm
          initial={s}
          testId="store-edit-form"
          submitLabel={t('save')}
          busyLabel={t('saving')}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await updateStore(s.id, input);
            setEditing(false);
            onChanged(t('saved', { name: input.name }));
          }}
        />
      )}
    </article>
  );
}
