import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useSocketEvent } from '../../realtime/socket';
import { listReturns, type ReturnRequest } from './api';
import { ClaimReturnForm } from './ClaimReturnForm';
import { DisputeAction } from './DisputeAction';
import { ReturnForm } from './ReturnForm';
import { ReturnRows } from './ReturnRows';
import { useLoad } from './useLoad';
import './returns.css';

/** The consumer: request a return, see whether it is covered and why, dispute a refusal. */
export function ReturnsPage() {
  const { t } = useTranslation('returns');
  const list = useLoad((signal) => listReturns({}, signal), []);
  useSocketEvent('return:updated', () => list.reload());

  const upsert = (r: ReturnRequest) =>
    list.setData((d) =>
      d ? { ...d, items: d.items.some((x) => x.id === r.id) ? d.items.map((x) => (x.id === r.id ? r : x)) : [r, ...d.items] } : d,
    );

  return (
    <Page testId="page-returns" title={t('mine.title')} description={t('mine.description')}>
      <ReturnForm onCreated={upsert} />
      <ClaimReturnForm onClaimed={upsert} />
      <h2>{t('mine.listTitle')}</h2>
      {list.error ? (
        <Alert tone="danger">{t('loadFailed', { message: list.error })}</Alert>
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('mine.emptyTitle')} hint={t('mine.emptyHint')} />
      ) : (
        <ReturnRows items={list.data.items} actions={(r) => <DisputeAction request={r} onDone={upsert} />} />
      )}
    </Page>
  );
}
