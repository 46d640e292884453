import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function UsersPage() {
  const { t } = useTranslation('users');
  return (
    <Page testId="page-users" title={t('list.title')} description={t('list.description')}>
      <EmptyState title={t('list.emptyTitle')} hint={t('list.emptyHint')} />
    </Page>
  );
}
