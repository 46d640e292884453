import type { AppRoute } from '../../app/appRoute';
import { InvitationPage } from './InvitationPage';
import { UsersPage } from './UsersPage';

export const routes: AppRoute[] = [
  { path: '/users', element: <UsersPage />, roles: ['admin', 'regulator'] },
  { path: '/invitation/:token', element: <InvitationPage /> },
];
