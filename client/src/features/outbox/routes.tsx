import type { AppRoute } from '../../app/appRoute';
import { OutboxPage } from './OutboxPage';

export const routes: AppRoute[] = [{ path: '/outbox', element: <OutboxPage />, roles: ['admin'] }];
