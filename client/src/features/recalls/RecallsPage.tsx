import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { formatDate } from '../../i18n/format';
import { usePanel } from '../dashboard/usePanel';
import { listRecalls } from './api';
import { Loaded, productLabel, RiskBadge } from './parts';
import './recalls.css';

/** The published recalls, newest first, readable without signing in. */
export function RecallsPage() {
  const { t } = useTranslation('recalls');
  const list = usePanel((s) => listRecalls(s), 'all', 0);
  return (
    <Page testId="page-recalls" title={t('list.title')} description={t('list.description')}>
      <Loaded panel={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={t('list.emptyTitle')} hint={t('list.emptyHint')} />
          ) : (
            <ul className="recall-list" data-testid="recall-list">
              {page.items.map((r) => (
                <li key={r.id} className="card recall-card">
                  <div>
                    <Link to={`/recalls/${r.id}`} className="recall-title">
                      {productLabel(r.product)}
                    </Link>
                    <p>{r.hazard}</p>
                    <div className="muted">
                      {r.bureauName ?? '—'} · {formatDate(r.publishedAt)}
                    </div>
                  </div>
                  <RiskBadge level={r.riskLevel} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
