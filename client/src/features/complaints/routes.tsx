import type { AppRoute } from '../../app/appRoute';
import { ComplaintPage } from './ComplaintPage';
import { InboxPage } from './InboxPage';
import { MyComplaintsPage } from './MyComplaintsPage';
import { NewComplaintPage } from './NewComplaintPage';
import { QueuePage } from './QueuePage';
import { SearchPage } from './SearchPage';

// `/complaints/new` before `/complaints/:id`: the shell's canOpen takes the first route that matches.
export const routes: AppRoute[] = [
  { path: '/complaints', element: <MyComplaintsPage />, roles: ['consumer'] },
  { path: '/complaints/new', element: <NewComplaintPage />, roles: ['consumer'] },
  { path: '/complaints/:id', element: <ComplaintPage />, roles: ['consumer', 'merchant', 'regulator', 'admin'] },
  { path: '/inbox', element: <InboxPage />, roles: ['merchant'] },
  { path: '/queue', element: <QueuePage />, roles: ['regulator', 'admin'] },
  { path: '/search', element: <SearchPage />, roles: ['consumer', 'merchant', 'regulator', 'admin'] },
];
