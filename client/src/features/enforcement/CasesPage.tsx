import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function CasesPage() {
  const { t } = useTranslation('enforcement');
  return (
    <Page testId="page-cases" title={t('cases.title')} description={t('cases.description')}>
      <EmptyState title={t('cases.emptyTitle')} hint={t('cases.emptyHint')} />
    </Page>
  );
}
