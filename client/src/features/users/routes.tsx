import type { AppRoute } from '../../app/appRoute';
import { UsersPage } from './UsersPage';

export const routes: AppRoute[] = [{ path: '/users', element: <UsersPage />, roles: ['admin'] }];
