import type { AppRoute } from '../../app/appRoute';
import { SettingsPage } from './SettingsPage';

export const routes: AppRoute[] = [{ path: '/settings/notifications', element: <SettingsPage /> }];
