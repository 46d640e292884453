import type { AppRoute } from '../../app/appRoute';
import { RankingsPage } from './RankingsPage';

export const routes: AppRoute[] = [{ path: '/rankings', element: <RankingsPage /> }];
