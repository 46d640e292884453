import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { ApprovalRow } from './ApprovalRow';
import { decide, listPendingMerchants, type Decision, type PendingMerchant } from './api';

type Notice = { tone: 'success' | 'warning' | 'danger'; text: string };

export function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const [items, setItems] = useState<PendingMerchant[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listPendingMerchants(abort.signal).then(setItems, (e: unknown) => {
      if (!abort.signal.aborted) setLoadError(describeError(e));
    });
    return () => abort.abort();
  }, [attempt]);

  function retry() {
    setLoadError(null);
    setAttempt((n) => n + 1);
  }

  async function onDecide(applicant: PendingMerchant, decision: Decision, reason?: string) {
    const name = applicant.merchant.name;
    const removeRow = () => setItems((list) => list?.filter((a) => a.id !== applicant.id) ?? null);
    setBusyId(applicant.id);
    setNotice(null);
    try {
      await decide(applicant.id, decision, reason);
      setNotice({ tone: 'success', text: t(decision === 'approve' ? 'approved' : 'rejected', { name }) });
      removeRow();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) {
        setNotice({ tone: 'warning', text: t('alreadyDecided', { name }) });
        removeRow();
      } else {
        setNotice({ tone: 'danger', text: describeError(e) });
      }
    } finally {
      setBusyId(null);
    }
  }

  return (
    <Page testId="page-approvals" title={t('title')} description={t('description')}>
      {notice && (
        <Alert tone={notice.tone} testId="approvals-notice">
          {notice.text}
        </Alert>
      )}
      {loadError ? (
        <Alert tone="danger">
          {t('loadFailed', { message: loadError })}{' '}
          <button className="button button-ghost" onClick={retry}>
            {t('actions.retry')}
          </button>
        </Alert>
      ) : items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('emptyTitle')} hint={t('emptyHint')} />
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="approvals-table">
            <thead>
              <tr>
                <th>{t('columns.applicant')}</th>
                <th>{t('columns.merchant')}</th>
                <th>{t('columns.creditCode')}</th>
                <th>{t('columns.submittedAt')}</th>
                <th>{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <ApprovalRow key={a.id} applicant={a} busy={busyId === a.id} onDecide={(d, r) => void onDecide(a, d, r)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
