import type { AppRoute } from '../../app/appRoute';
import { lazyPage } from '../../app/lazyPage';

export const routes: AppRoute[] = [
  {
    path: '/dashboard',
    element: lazyPage(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage }))),
    roles: ['regulator', 'admin'],
  },
];
