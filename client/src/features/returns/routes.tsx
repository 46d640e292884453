import type { AppRoute } from '../../app/appRoute';
import { CompliancePage } from './CompliancePage';
import { ReturnsDeskPage } from './ReturnsDeskPage';
import { ReturnsPage } from './ReturnsPage';

export const routes: AppRoute[] = [
  { path: '/returns', element: <ReturnsPage />, roles: ['consumer'] },
  { path: '/returns/desk', element: <ReturnsDeskPage />, roles: ['merchant'] },
  { path: '/compliance', element: <CompliancePage />, roles: ['regulator', 'admin'] },
];
