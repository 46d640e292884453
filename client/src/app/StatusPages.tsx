import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../components/EmptyState';
import { Page } from '../components/Page';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-forbidden" title={t('states.forbiddenTitle')}>
      <EmptyState title={t('states.forbiddenTitle')} hint={t('states.forbiddenHint')} action={<HomeLink />} />
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-not-found" title={t('states.notFoundTitle')}>
      <EmptyState title={t('states.notFoundTitle')} hint={t('states.notFoundHint')} action={<HomeLink />} />
    </Page>
  );
}

function HomeLink() {
  const { t } = useTranslation();
  return (
    <Link className="button button-primary" to="/">
      {t('actions.backHome')}
    </Link>
  );
}
