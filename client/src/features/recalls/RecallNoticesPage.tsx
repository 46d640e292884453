import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { usePanel } from '../dashboard/usePanel';
import { listMyNotices, type RecallNotice } from './api';
import { Loaded, RiskBadge } from './parts';
import './recalls.css';

/** A consumer's or a merchant's recall notices; each opens the recall (where a merchant acknowledges). */
export function RecallNoticesPage() {
  const { t } = useTranslation('recalls');
  const list = usePanel((s) => listMyNotices(s), 'mine', 0);
  return (
    <Page testId="page-recall-notices" title={t('mine.title')} description={t('mine.description')}>
      <Loaded panel={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('mine.emptyTitle')} hint={t('mine.emptyHint')} />
          ) : (
            <ul className="recall-list" data-testid="recall-notices">
              {page.items.map((n) => (
                <li key={n.id} className="card recall-card">
                  <div>
                    <Link to={`/recalls/${n.recallId}`} className="recall-title">
                      {n.productName}
                    </Link>
                    <div className="muted">
                      {t('mine.notifiedAt')}: {formatDateTime(n.notifiedAt)} · <State n={n} />
                    </div>
                  </div>
                  <RiskBadge level={n.riskLevel} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}

function State({ n }: { n: RecallNotice }) {
  const { t } = useTranslation('recalls');
  if (n.audience === 'merchant')
    return <span>{n.acknowledgedAt ? t('notice.acknowledged', { at: formatDateTime(n.acknowledgedAt) }) : t('mine.pendingAck')}</span>;
  return <span>{n.readAt ? t('notice.read') : t('mine.unread')}</span>;
}
