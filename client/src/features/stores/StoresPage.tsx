// 门店: the merchant's stores with badge and figures; headquarters adds, edits and closes them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { useUser } from '../auth/session';
import { AccountsPanel } from '../users/AccountsPanel';
import { closeStore, createStore } from './api';
import { StoreCard } from './StoreCard';
import { StoreForm } from './StoreForm';
import { useStorePages } from './useStorePages';
import '../returns/returns.css';
import './stores.css';

type Notice = { tone: 'success' | 'danger'; text: string };

export function StoresPage() {
  const { t } = useTranslation('stores');
  const user = useUser();
  const hq = !user.storeId;
  const [status, setStatus] = useState<StoreStatus>('open');
  const [adding, setAdding] = useState(false);
  const [closingId, setClosingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const pages = useStorePages(status);

  async function close(id: string, name: string) {
    if (!window.confirm(t('closeConfirm', { name }))) return;
    setClosingId(id);
    try {
      await closeStore(id);
      setNotice({ tone: 'success', text: t('closed', { name }) });
      pages.reload();
    } catch (e) {
      setNotice({ tone: 'danger', text: describeError(e) });
    } finally {
      setClosingId(null);
    }
  }

  return (
    <Page
      testId="page-stores"
      title={t('list.title')}
      description={hq ? t('list.description') : t('list.staffDescription')}
      actions={
        hq &&
        !adding && (
          <button className="button button-primary" onClick={() => setAdding(true)} data-testid="store-add">
            {t('add')}
          </button>
        )
      }
    >
      {notice && (
        <Alert tone={notice.tone} testId="stores-notice">
          {notice.text}
        </Alert>
      )}
      {adding && (
        <section className="card">
          <h2>{t('addTitle')}</h2>
          <StoreForm
            testId="store-add-form"
            submitLabel={t('addSubmit')}
            busyLabel={t('adding')}
            onCancel={() => setAdding(false)}
            onSubmit={async (input) => {
              await createStore(input);
              setAdding(false);
              setNotice({ tone: 'success', text: t('added', { name: input.name }) });
              if (status === 'open') pages.reload();
              else setStatus('open');
            }}
          />
        </section>
      )}
      <div className="tabs" role="tablist" aria-label={t('list.title')}>
        {(['open', 'closed'] as const).map((s) => (
          <button
            key={s}
            role="tab"
            aria-selected={status === s}
            className={`tab ${status === s ? 'tab-active' : ''}`}
            onClick={() => setStatus(s)}
            data-testid={`stores-tab-${s}`}
          >
            {t(`tabs.${s}`)} <span className="tab-count">{pages.counts?.[s] ?? '…'}</span>
          </button>
        ))}
      </div>
      {pages.error && <Alert tone="danger">{pages.error}</Alert>}
      {!pages.items ? (
        !pages.error && <Loading />
      ) : pages.items.length === 0 ? (
        <EmptyState
          title={t(status === 'open' ? 'list.emptyTitle' : 'list.emptyClosedTitle')}
          hint={status === 'open' && hq ? t('list.emptyHint') : undefined}
        />
      ) : (
        <>
          <p className="muted" data-testid="stores-count">
            {t('list.count', { shown: pages.items.length, total: pages.counts?.[status] ?? pages.items.length })}
          </p>
          <div className="store-grid" data-testid="store-list">
            {pages.items.map((s) => (
              <StoreCard
                key={s.id}
                store={s}
                manage={hq}
                closing={closingId === s.id}
                onClose={() => void close(s.id, s.name)}
                onChanged={(text) => {
                  setNotice({ tone: 'success', text });
                  pages.reload();
                }}
              />
            ))}
          </div>
          {pages.hasMore && (
            <Button
              className="button"
              busy={pages.loadingMore}
              busyLabel={t('loadingMore')}
              onClick={() => void pages.more()}
              data-testid="stores-more"
            >
              {t('more')}
            </Button>
          )}
        </>
      )}
      {hq && pages.items && status === 'open' && (
        <section className="staff-section">
          <h2>{t('staff.title')}</h2>
          <p className="muted">{t('staff.description')}</p>
          <AccountsPanel admin={false} stores={pages.items.map((s) => ({ id: s.id, name: s.name }))} />
        </section>
      )}
    </Page>
  );
}
