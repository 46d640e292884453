import type { AppRoute } from '../../app/appRoute';
import { CommitmentsPage } from './CommitmentsPage';
import { MyCommitmentsPage } from './MyCommitmentsPage';

export const routes: AppRoute[] = [
  { path: '/commitments', element: <CommitmentsPage /> },
  { path: '/my-commitments', element: <MyCommitmentsPage />, roles: ['merchant'] },
];
