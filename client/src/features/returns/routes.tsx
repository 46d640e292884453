import type { AppRoute } from '../../app/appRoute';
import { lazyPage } from '../../app/lazyPage';
import { ReturnsDeskPage } from './ReturnsDeskPage';
import { ReturnsPage } from './ReturnsPage';

export const routes: AppRoute[] = [
  { path: '/returns', element: <ReturnsPage />, roles: ['consumer'] },
  { path: '/returns/desk', element: <ReturnsDeskPage />, roles: ['merchant'] },
  {
    path: '/compliance',
    element: lazyPage(() => import('./CompliancePage').then((m) => ({ default: m.CompliancePage }))),
    roles: ['regulator', 'admin'],
  },
];
