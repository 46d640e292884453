import { matchPath } from 'react-router-dom';
import type { Role } from '../../../shared/enums';
import { routes as approvals } from '../features/approvals/routes';
import { routes as commitments } from '../features/commitments/routes';
import { routes as complaints } from '../features/complaints/routes';
import { routes as credit } from '../features/credit/routes';
import { routes as dashboard } from '../features/dashboard/routes';
import { routes as disclosure } from '../features/disclosure/routes';
import { routes as posters } from '../features/posters/routes';
import { routes as products } from '../features/products/routes';
import { routes as notifications } from '../features/notifications/routes';
import { routes as outbox } from '../features/outbox/routes';
import { routes as openData } from '../features/openData/routes';
import { routes as privacy } from '../features/privacy/routes';
import { routes as indices } from '../features/indices/routes';
import { routes as recalls } from '../features/recalls/routes';
import { routes as samplingPlan } from '../features/samplingPlan/routes';
import { routes as returns } from '../features/returns/routes';
import { routes as stores } from '../features/stores/routes';
import { routes as templates } from '../features/templates/routes';
import { routes as users } from '../features/users/routes';
import type { AppRoute } from './appRoute';

/** Every feature's pages. A feature declares them in its own routes.tsx; add one line here. */
export const ROUTES: readonly AppRoute[] = [
  ...complaints,
  ...returns,
  ...commitments,
  ...stores,
  ...dashboard,
  ...products,
  ...recalls,
  ...disclosure,
  ...posters,
  ...samplingPlan,
  ...approvals,
  ...users,
  ...outbox,
  ...openData,
  ...templates,
  ...privacy,
  ...indices,
  ...credit,
  ...notifications,
];

export function canOpen(role: Role, pathname: string): boolean {
  const route = ROUTES.find((r) => matchPath(r.path, pathname));
  return !!route && (!route.roles || route.roles.includes(role));
}
