import type { AppRoute } from '../../app/appRoute';
import { PublicComplaintsPage } from './PublicComplaintsPage';

export const routes: AppRoute[] = [{ path: '/public/complaints', element: <PublicComplaintsPage /> }];
