import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function ProblemProductsPage() {
  const { t } = useTranslation('enforcement');
  return (
    <Page testId="page-problem-products" title={t('public.title')} description={t('public.description')}>
      <EmptyState title={t('public.emptyTitle')} hint={t('public.emptyHint')} />
    </Page>
  );
}
