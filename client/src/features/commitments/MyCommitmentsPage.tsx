import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { useUser } from '../auth/session';
import { listStores } from '../returns/api';
import { useLoad } from '../returns/useLoad';
import { getCommitment, listCommitments, withdrawCommitment } from './api';
import { CommitmentCard } from './CommitmentCard';
import { PublishForm } from './PublishForm';
import '../returns/returns.css';
import { useBusy } from '../../components/useBusy';
import { Button } from '../../components/Button';

/** A merchant's own commitments, whatever their status, with their history; publish and withdraw. */
export function MyCommitmentsPage() {
  const { t } = useTranslation('commitments');
  const user = useUser();
  const stores = useLoad((signal) => listStores({ merchantId: user.orgId }, signal), [user.orgId]);
  const list = useLoad(
    async (signal) => {
      const page = await listCommitments({ merchantId: user.orgId, status: 'all' }, signal);
      return Promise.all(page.items.map((c) => getCommitment(c.id, signal)));
    },
    [user.orgId],
  );
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);

  const { busy, track } = useBusy();
  const withdraw = (id: string) =>
    window.confirm(t('withdrawConfirm')) &&
    track(id, async () => {
      try {
        await withdrawCommitment(id);
        setNotice({ tone: 'success', text: t('withdrawn') });
        list.reload();
      } catch (e) {
        setNotice({ tone: 'danger', text: describeError(e) });
      }
    });

  return (
    <Page testId="page-my-commitments" title={t('mine.title')} description={t('mine.description')}>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {!list.data ? (
        list.error ? (
          <Alert tone="danger">{list.error}</Alert>
        ) : (
          <Loading />
        )
      ) : list.data.length === 0 ? (
        <EmptyState title={t('mine.emptyTitle')} hint={t('mine.emptyHint')} />
      ) : (
        <div className="commitment-list" data-testid="my-commitments">
          {list.data.map((c) => (
            <CommitmentCard key={c.id} c={c}>
              {c.status !== 'withdrawn' && (
                <Button
                  className="button button-outline-danger"
                  busy={busy === c.id}
                  data-testid="commitment-withdraw"
                  onClick={() => void withdraw(c.id)}
                >
                  {t('withdraw')}
                </Button>
              )}
            </CommitmentCard>
          ))}
        </div>
      )}
      {stores.data && (
        <PublishForm
          stores={stores.data}
          active={list.data?.filter((c) => c.status === 'active') ?? []}
          onPublished={() => {
            setNotice({ tone: 'success', text: t('published') });
            list.reload();
          }}
        />
      )}
    </Page>
  );
}
