import type { AppRoute } from '../../app/appRoute';
import { ContestsPage } from './ContestsPage';
import { CreditPage } from './CreditPage';

export const routes: AppRoute[] = [
  { path: '/credit', element: <CreditPage />, roles: ['merchant'] },
  { path: '/credit-contests', element: <ContestsPage />, roles: ['regulator', 'admin'] },
];
