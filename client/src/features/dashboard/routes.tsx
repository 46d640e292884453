import type { AppRoute } from '../../app/appRoute';
import { DashboardPage } from './DashboardPage';

export const routes: AppRoute[] = [{ path: '/dashboard', element: <DashboardPage />, roles: ['regulator', 'admin'] }];
