import type { AppRoute } from '../../app/appRoute';
import { MyDataPage } from './MyDataPage';

export const routes: AppRoute[] = [{ path: '/my-data', element: <MyDataPage />, roles: ['consumer'] }];
