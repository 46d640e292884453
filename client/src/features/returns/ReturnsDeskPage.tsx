import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultCount } from '../../components/ResultCount';
import { useUser } from '../auth/session';
import { useSocketEvent } from '../../realtime/socket';
import { listReturns, returnAnalytics, type ReturnRequest } from './api';
import { CoverageReasons, StatusBadge } from './CoverageReasons';
import { FiguresTable } from './FiguresTable';
import { OutcomeActions } from './OutcomeActions';
import { ReturnForm } from './ReturnForm';
import { ReturnRows } from './ReturnRows';
import { useLoad } from './useLoad';
import './returns.css';

/** Merchant staff: record a return, see at once whether it is covered and why, record the outcome. */
export function ReturnsDeskPage() {
  const { t } = useTranslation('returns');
  const user = useUser();
  const list = useLoad((signal) => listReturns({}, signal), []);
  const figures = useLoad((signal) => returnAnalytics({}, signal), []);
  const [latest, setLatest] = useState<ReturnRequest | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useSocketEvent('return:updated', () => {
    list.reload();
    figures.reload();
  });

  function replace(r: ReturnRequest, message?: string) {
    list.setData((d) =>
      d
        ? d.items.some((x) => x.id === r.id)
          ? { ...d, items: d.items.map((x) => (x.id === r.id ? r : x)) }
          : { ...d, items: [r, ...d.items], total: d.total + 1 }
        : d,
    );
    if (latest?.id === r.id) setLatest(r);
    if (message) setNotice(message);
    figures.reload();
  }

  return (
    <Page testId="page-returns-desk" title={t('desk.title')} description={t('desk.description')}>
      <ReturnForm
        deskMerchantId={user.orgId}
        onCreated={(r) => {
          setLatest(r);
          setNotice(null);
          replace(r);
        }}
      />
      {latest && (
        <div className="card" data-testid="return-result">
          <h2>
            {latest.product.name} · {latest.purchaseStore.name} → {latest.returnStore.name}
          </h2>
          <CoverageReasons request={latest} />
          <StatusBadge request={latest} />
          {latest.claimCode && (
            <p data-testid="return-claim-code">
              {t('desk.claimCode')} <strong>{latest.claimCode}</strong>
            </p>
          )}
          <OutcomeActions request={latest} onDone={replace} />
        </div>
      )}
      {notice && (
        <Alert tone="success" testId="desk-notice">
          {notice}
        </Alert>
      )}
      {figures.data && figures.data.byStore.length > 0 && (
        <>
          <h2>{t('desk.figuresTitle')}</h2>
          <FiguresTable
            testId="desk-figures"
            label={t('columns.store')}
            rows={figures.data.byStore.map((s) => ({ ...s, key: s.storeId, name: s.storeName }))}
          />
        </>
      )}
      <h2>{t('desk.listTitle')}</h2>
      {list.error ? (
        <Alert tone="danger">{t('loadFailed', { message: list.error })}</Alert>
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('desk.emptyTitle')} hint={t('desk.emptyHint')} />
      ) : (
        <>
          <ResultCount count={list.data.total} />
          <ReturnRows items={list.data.items} actions={(r) => <OutcomeActions request={r} onDone={replace} />} />
        </>
      )}
    </Page>
  );
}
