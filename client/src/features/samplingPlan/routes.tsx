import type { AppRoute } from '../../app/appRoute';
import { SamplingPlanPage } from './SamplingPlanPage';

export const routes: AppRoute[] = [{ path: '/sampling-plan', element: <SamplingPlanPage />, roles: ['regulator'] }];
