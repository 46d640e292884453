import type { AppRoute } from '../../app/appRoute';
import { CasesPage } from './CasesPage';
import { FlagsPage } from './FlagsPage';
import { ProblemProductsPage } from './ProblemProductsPage';

export const routes: AppRoute[] = [
  { path: '/flags', element: <FlagsPage />, roles: ['regulator', 'admin'] },
  { path: '/cases', element: <CasesPage />, roles: ['regulator', 'admin'] },
  { path: '/problem-products', element: <ProblemProductsPage /> },
];
