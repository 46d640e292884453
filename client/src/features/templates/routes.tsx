import type { AppRoute } from '../../app/appRoute';
import { TemplatesPage } from './TemplatesPage';

export const routes: AppRoute[] = [{ path: '/templates', element: <TemplatesPage />, roles: ['merchant', 'regulator'] }];
