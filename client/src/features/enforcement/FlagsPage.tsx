import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function FlagsPage() {
  const { t } = useTranslation('enforcement');
  return (
    <Page testId="page-flags" title={t('flags.title')} description={t('flags.description')}>
      <EmptyState title={t('flags.emptyTitle')} hint={t('flags.emptyHint')} />
    </Page>
  );
}
