import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { useRegions } from '../dashboard/regions';
import { usePanel } from '../dashboard/usePanel';
import { Loaded, ProductLine } from './parts';
import { getIncident } from './safetyApi';
import './products.css';

export function IncidentPage() {
  const { t } = useTranslation('products');
  const { id = '' } = useParams();
  const regions = useRegions();
  const incident = usePanel((s) => getIncident(id, s), id, 0);
  return (
    <Page testId="page-incident" title={t('incidents.title')} description={<Link to="/incidents">← {t('incidents.back')}</Link>}>
      <Loaded panel={incident}>
        {(i) => (
          <div className="card" data-testid="incident-detail">
            <h2>
              <ProductLine product={i.product} />
            </h2>
            <dl className="enf-dl">
              <dt>{t('incidents.kind')}</dt>
              <dd>
                {t(`complaints:safetyKinds.${i.kind}`)}
                {i.keyCategory && <span className="badge badge-warning enf-gap">{t('incidents.keyCategory')}</span>}
              </dd>
              <dt>{t('incidents.injuries')}</dt>
              <dd data-testid="incident-injuries">
                {t(`incidents.severity.${i.severity}`)} · {t('incidents.injured', { count: i.injuredCount })}
              </dd>
              <dt>{t('incidents.place')}</dt>
              <dd>
                {regions.name(i.cityCode)} {regions.name(i.countyCode)} {i.address}
              </dd>
              <dt>{t('incidents.occurredAt')}</dt>
              <dd>{formatDateTime(i.occurredAt)}</dd>
              <dt>{t('incidents.reporter')}</dt>
              <dd>
                {i.merchantName} · {t(`incidents.roles.${i.reporterRole}`)}
              </dd>
              <dt>{t('incidents.reportedAt')}</dt>
              <dd>{formatDateTime(i.reportedAt)}</dd>
              {i.product.producer && (
                <>
                  <dt>{t('followUps.producer')}</dt>
                  <dd>{i.product.producer}</dd>
                </>
              )}
            </dl>
            <h3>{t('incidents.description2')}</h3>
            <p className="enf-pre">{i.description}</p>
            <p className="muted">{t('incidents.flagEvidence')}</p>
          </div>
        )}
      </Loaded>
    </Page>
  );
}
