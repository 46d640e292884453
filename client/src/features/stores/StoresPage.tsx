import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function StoresPage() {
  const { t } = useTranslation('stores');
  return (
    <Page testId="page-stores" title={t('list.title')} description={t('list.description')}>
      <EmptyState title={t('list.emptyTitle')} hint={t('list.emptyHint')} />
    </Page>
  );
}
