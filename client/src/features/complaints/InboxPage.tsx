import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { ComplaintList } from './ComplaintList';
import './complaints.css';

export function InboxPage() {
  const { t } = useTranslation('complaints');
  const [showClosed, setShowClosed] = useState(false);
  // Open complaints by their next deadline; closed ones have none, so they are listed newest first.
  const query = showClosed ? { status: 'closed', sort: 'newest' } : { status: 'open', sort: 'deadline' };
  const toggle = (
    <label className="checkbox">
      <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} data-testid="inbox-show-closed" />
      {t('inbox.showClosed')}
    </label>
  );
  return (
    <Page testId="page-inbox" title={t('inbox.title')} description={t('inbox.description')} actions={toggle}>
      <ComplaintList query={query} columns={['consumer']} testId="inbox" empty={{ title: t('inbox.emptyTitle'), hint: t('inbox.emptyHint') }} />
    </Page>
  );
}
