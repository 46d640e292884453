import type { AppRoute } from '../../app/appRoute';
import { StorePublicPage } from './StorePublicPage';

export const routes: AppRoute[] = [{ path: '/public/stores/:id', element: <StorePublicPage /> }];
