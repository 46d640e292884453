import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { useUser } from '../auth/session';
import { AccountsPanel } from './AccountsPanel';

/** 用户: admins manage every account; a bureau manages its own officers. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const user = useUser();
  const admin = user.role === 'admin';
  return (
    <Page
      testId="page-users"
      title={admin ? t('list.title') : t('list.officersTitle')}
      description={admin ? t('list.description') : t('list.officersDescription')}
    >
      <AccountsPanel admin={admin} />
    </Page>
  );
}
