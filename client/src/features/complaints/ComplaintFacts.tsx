// What the consumer filed: product, purchase, problem, demand, safety incident, and who they are
// (only to those the server tells).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isKeyCategory } from '../../../../shared/enums';
import { formatDate, formatMoney } from '../../i18n/format';
import type { Complaint } from './api';
import { ConsumerName } from './ConsumerName';
import { RegionName } from './regions';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`fact${wide ? ' fact-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ComplaintFacts({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation('complaints');
  const p = c.product;
  return (
    <section className="card" data-testid="complaint-facts">
      <h2>{t('detail.facts')}</h2>
      {c.safetyIncident && (
        <div className="alert alert-danger safety-box" data-testid="safety-incident">
          <strong>
            {t('detail.safety')}: {t(`safetyKinds.${c.safetyIncident.kind}`)}
            {c.safetyIncident.injured && ` · ${t('detail.injured')}`}
          </strong>
          <p>{c.safetyIncident.description}</p>
        </div>
      )}
      <dl className="facts">
        <Fact label={t('detail.product')}>
          <span className="cell-strong">{p.name}</span> · {t(`categories.${p.category}`)}
          {isKeyCategory(p.category) && <span className="badge badge-warning key-badge">{t('keyCategory')}</span>}
        </Fact>
        {p.brand && <Fact label={t('detail.brand')}>{p.brand}</Fact>}
        {p.model && <Fact label={t('detail.model')}>{p.model}</Fact>}
        {p.batch && <Fact label={t('detail.batch')}>{p.batch}</Fact>}
        {p.gtin && (
          <Fact label={t('detail.gtin')}>
            <span className="mono">{p.gtin}</span>
          </Fact>
        )}
        <Fact label={t('detail.purchase')}>
          {formatDate(c.purchase.date)} · {formatMoney(c.purchase.amountFen)} · {t(`channel.${c.purchase.channel}`)}
        </Fact>
        {c.purchase.orderRef && (
          <Fact label={t('detail.orderRef')}>
            <span className="mono">{c.purchase.orderRef}</span>
          </Fact>
        )}
        <Fact label={t('detail.store')}>
          {c.merchantName} · {c.storeName}
        </Fact>
        <Fact label={t('detail.county')}>
          <RegionName code={c.countyCode} />
          {c.regulatorRegion !== c.countyCode && (
            <>
              {' → '}
              {t('detail.handledBy')} <RegionName code={c.regulatorRegion} />
            </>
          )}
        </Fact>
        <Fact label={t('detail.consumer')}>
          <ConsumerName complaint={c} />
          {c.consumer?.phone && <span className="muted"> · {c.consumer.phone}</span>}
        </Fact>
        <Fact label={t('detail.problem')}>{t(`problemTypes.${c.problemType}`)}</Fact>
        <Fact label={t('detail.demand')}>
          {t(`demandTypes.${c.demand.type}`)}
          {c.demand.amountFen !== undefined && ` · ${formatMoney(c.demand.amountFen)}`}
        </Fact>
        <Fact label={t('detail.description')} wide>
          <p className="prewrap">{c.description}</p>
        </Fact>
      </dl>
    </section>
  );
}
