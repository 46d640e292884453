import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  return (
    <Page testId="page-dashboard" title={t('overview.title')} description={t('overview.description')}>
      <EmptyState title={t('overview.emptyTitle')} hint={t('overview.emptyHint')} />
    </Page>
  );
}
