import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Select } from '../../components/form/Select';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { listOutbox, type MailStatus, type OutboxMail } from './api';
import { MailRow } from './MailRow';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';
import './outbox.css';

type Loaded = { status: string; items: OutboxMail[]; nextCursor: string | null };

export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listOutbox(status ? { status } : {}, abort.signal).then(
      (p) => setLoaded({ status, ...p }),
      (e: unknown) => abort.signal.aborted || setError(describeError(e)),
    );
    return () => abort.abort();
  }, [status]);

  const { busy, track } = useBusy();
  const more = () =>
    track('more', async () => {
      if (!loaded?.nextCursor) return;
      try {
        const p = await listOutbox({ ...(status ? { status } : {}), cursor: loaded.nextCursor });
        setLoaded((l) => (l && l.status === status ? { status, items: [...l.items, ...p.items], nextCursor: p.nextCursor } : l));
      } catch (e) {
        setError(describeError(e));
      }
    });

  const current = loaded?.status === status ? loaded : null;
  const filter = (
    <Select
      aria-label={t('list.status')}
      value={status}
      onChange={(v) => setStatus(v as MailStatus | '')}
      any={t('list.anyStatus')}
      options={(['pending', 'sent', 'failed'] as const).map((s) => [s, t(`status.${s}`)] as const)}
      testId="outbox-status"
    />
  );
  return (
    <Page testId="page-outbox" title={t('list.title')} description={t('list.description')} actions={filter}>
      {error && <Alert tone="danger">{t('list.loadFailed', { message: error })}</Alert>}
      {!current ? (
        !error && <Loading />
      ) : current.items.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')} hint={t('list.emptyHint')} />
      ) : (
        <>
          <div className="card table-card">
            <table className="table" data-testid="outbox-table">
              <thead>
                <tr>
                  <th>{t('columns.subject')}</th>
                  <th>{t('columns.status')}</th>
                  <th>{t('columns.time')}</th>
                  <th>{t('columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {current.items.map((m) => (
                  <MailRow key={m.id} mail={m} />
                ))}
              </tbody>
            </table>
          </div>
          {current.nextCursor && (
            <div className="outbox-more">
              <Button className="button" busy={busy === 'more'} onClick={() => void more()}>
                {t('list.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
