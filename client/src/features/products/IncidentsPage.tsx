import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { useSocketEvent } from '../../realtime/socket';
import { useSession } from '../auth/session';
import { useRegions } from '../dashboard/regions';
import { usePanel } from '../dashboard/usePanel';
import { CountedTable, ProductLine } from './parts';
import { listIncidents, type Incident } from './safetyApi';
import './products.css';

/** A bureau's incident reports (its jurisdiction), or a merchant's own, newest first; a new report arrives live. */
export function IncidentsPage() {
  const { t } = useTranslation('products');
  const { user } = useSession();
  const regions = useRegions();
  const [tick, setTick] = useState(0);
  useSocketEvent('notification', (n) => n.kind === 'incident' && setTick((x) => x + 1));
  const incidents = usePanel((s) => listIncidents(s), 'incidents', tick);
  const merchant = user?.role === 'merchant';
  return (
    <Page
      testId="page-incidents"
      title={t('incidents.title')}
      description={t('incidents.description')}
      actions={
        merchant && (
          <Link className="button button-primary" to="/incidents/new" data-testid="incident-report-link">
            {t('incidents.report')}
          </Link>
        )
      }
    >
      <CountedTable<Incident>
        panel={incidents}
        testId="incidents"
        empty={{ title: t('incidents.emptyTitle'), hint: t(merchant ? 'incidents.emptyMerchantHint' : 'incidents.emptyHint') }}
        columns={[
          {
            label: t('incidents.product'),
            cell: (i) => (
              <Link to={`/incidents/${i.id}`}>
                <ProductLine product={i.product} />
              </Link>
            ),
          },
          { label: t('incidents.kind'), cell: (i) => t(`complaints:safetyKinds.${i.kind}`) },
          {
            label: t('incidents.injuries'),
            cell: (i) => (
              <>
                <span className={`badge ${i.severity === 'none' ? '' : 'badge-danger'}`}>{t(`incidents.severity.${i.severity}`)}</span>{' '}
                {t('incidents.injured', { count: i.injuredCount })}
              </>
            ),
          },
          { label: t('incidents.place'), cell: (i) => regions.name(i.countyCode) },
          { label: t('incidents.reporter'), cell: (i) => `${i.merchantName ?? ''} · ${t(`incidents.roles.${i.reporterRole}`)}` },
          { label: t('incidents.occurredAt'), cell: (i) => formatDateTime(i.occurredAt) },
        ]}
      />
    </Page>
  );
}
