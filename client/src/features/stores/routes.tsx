import type { AppRoute } from '../../app/appRoute';
import { StoresPage } from './StoresPage';

export const routes: AppRoute[] = [{ path: '/stores', element: <StoresPage />, roles: ['merchant'] }];
