import type { AppRoute } from '../../app/appRoute';
import { ApprovalsPage } from './ApprovalsPage';

export const routes: AppRoute[] = [{ path: '/approvals', element: <ApprovalsPage />, roles: ['regulator', 'admin'] }];
