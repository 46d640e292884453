import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useSubmit } from '../../components/useSubmit';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useSession } from '../auth/session';
import { usePanel } from '../dashboard/usePanel';
import { acknowledge, getMyNotice, getRecall, markRead, type Recall, type RecallNotice } from './api';
import { Loaded, productLabel, RiskBadge } from './parts';
import { ReachPanel } from './ReachPanel';
import './recalls.css';

/** One recall notice, public; a reached consumer or merchant also sees their notice, the bureau its reach. */
export function RecallPage() {
  const { t } = useTranslation('recalls');
  const { id = '' } = useParams();
  const { user } = useSession();
  const recall = usePanel((s) => getRecall(id, s), id, 0);
  return (
    <Page
      testId="page-recall"
      title={recall.data ? productLabel(recall.data.product) : t('list.title')}
      description={<Link to="/recalls">← {t('recall.back')}</Link>}
    >
      <Loaded panel={recall}>
        {(r) => (
          <div className="recall-stack">
            {(user?.role === 'consumer' || user?.role === 'merchant') && <MyNotice recallId={r.id} />}
            <RecallDetails r={r} />
            {(user?.role === 'regulator' || user?.role === 'admin') && <ReachPanel recallId={r.id} />}
          </div>
        )}
      </Loaded>
    </Page>
  );
}

function RecallDetails({ r }: { r: Recall }) {
  const { t } = useTranslation('recalls');
  const row = (label: string, value: string | null | undefined, testId?: string) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd data-testid={testId}>{value}</dd>
      </>
    ) : null;
  return (
    <article className="card recall-detail" data-testid="recall-detail">
      <header className="recall-head">
        <RiskBadge level={r.riskLevel} />
        <span className="muted">
          {r.bureauName ?? '—'} · {formatDate(r.publishedAt)}
        </span>
      </header>
      <dl className="recall-dl">
        {row(t('recall.product'), r.product.name)}
        {row(t('recall.brandModel'), [r.product.brand, r.product.model].filter(Boolean).join(' / '))}
        {row(t('recall.gtin'), r.product.gtin, 'recall-gtin')}
        {row(t('recall.batches'), r.batches.join('、'))}
        {row(t('recall.productionDates'), r.productionDates)}
        {row(t('recall.hazard'), r.hazard, 'recall-hazard')}
        <dt>{t('recall.whatToDo')}</dt>
        <dd>
          <ul className="recall-actions" data-testid="recall-actions">
            {r.consumerActions.map((a) => (
              <li key={a}>{t(`actions.${a}`)}</li>
            ))}
          </ul>
        </dd>
        {row(t('recall.remedy'), r.remedy)}
        {row(t('recall.producer'), r.producer)}
        {r.sellers.length > 0 && (
          <>
            <dt>{t('recall.sellers')}</dt>
            <dd className="recall-sellers">
              {r.sellers.map((m) => (
                <Link key={m.id} to={`/merchants/${m.id}`}>
                  {m.name}
                </Link>
              ))}
            </dd>
          </>
        )}
      </dl>
      {r.photos.length > 0 && (
        <figure className="recall-photos">
          <figcaption>{t('recall.photos')}</figcaption>
          {r.photos.map((src, i) => (
            <img key={src} src={src} alt={t('recall.photoAlt', { name: r.product.name, n: i + 1 })} loading="lazy" />
          ))}
        </figure>
      )}
    </article>
  );
}

/** The signed-in consumer's or merchant's own notice: opening it reads it; a merchant acknowledges. */
function MyNotice({ recallId }: { recallId: string }) {
  const { t } = useTranslation('recalls');
  const [notice, setNotice] = useState<RecallNotice | null>(null);
  const { busy, error, run } = useSubmit();
  useEffect(() => {
    const abort = new AbortController();
    // A 404 means the recall did not reach this account: nothing to show.
    getMyNotice(recallId, abort.signal).then(
      (n) => {
        setNotice(n);
        if (n.audience === 'consumer' && !n.readAt) markRead(recallId).then(setNotice, () => {});
      },
      () => {},
    );
    return () => abort.abort();
  }, [recallId]);
  if (!notice) return null;
  const ack = () => run(async () => setNotice(await acknowledge(recallId)));
  return (
    <Alert tone={notice.audience === 'merchant' && !notice.acknowledgedAt ? 'warning' : 'info'}>
      <div data-testid="recall-my-notice">
        <p>{notice.audience === 'consumer' ? t('notice.consumer') : t('notice.merchant')}</p>
        {notice.audience === 'merchant' &&
          (notice.acknowledgedAt ? (
            <p data-testid="recall-acknowledged">{t('notice.acknowledged', { at: formatDateTime(notice.acknowledgedAt) })}</p>
          ) : (
            <Button onClick={ack} busy={busy} data-testid="recall-acknowledge">
              {t('notice.acknowledge')}
            </Button>
          ))}
        {error && <p className="field-error">{error}</p>}
      </div>
    </Alert>
  );
}
