import type { AppRoute } from '../../app/appRoute';
import { PublishRecallPage } from './PublishRecallPage';
import { RecallNoticesPage } from './RecallNoticesPage';
import { RecallPage } from './RecallPage';
import { RecallsPage } from './RecallsPage';

export const routes: AppRoute[] = [
  { path: '/recalls', element: <RecallsPage /> },
  { path: '/recalls/:id', element: <RecallPage /> },
  { path: '/recall-notices', element: <RecallNoticesPage />, roles: ['consumer', 'merchant'] },
  { path: '/cases/:id/recall-notice', element: <PublishRecallPage />, roles: ['regulator'] },
];
