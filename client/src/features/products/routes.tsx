import type { AppRoute } from '../../app/appRoute';
import { AbuseReviewsPage } from './AbuseReviewsPage';
import { CaseDetailPage } from './CaseDetailPage';
import { CasesPage } from './CasesPage';
import { FlagDetailPage } from './FlagDetailPage';
import { FlagRulesPage } from './FlagRulesPage';
import { FlagsPage } from './FlagsPage';
import { FollowUpPage } from './FollowUpPage';
import { FollowUpsPage } from './FollowUpsPage';
import { IncidentPage } from './IncidentPage';
import { IncidentsPage } from './IncidentsPage';
import { MerchantPage } from './MerchantPage';
import { ProblemProductsPage } from './ProblemProductsPage';
import { ReportIncidentPage } from './ReportIncidentPage';
import { SamplingImportPage } from './SamplingImportPage';

const regulators = ['regulator', 'admin'] as const;
/** Incident reports and follow-ups: the merchant's own, the bureau's region. */
const safety = ['merchant', 'regulator', 'admin'] as const;

export const routes: AppRoute[] = [
  { path: '/flags', element: <FlagsPage />, roles: regulators },
  { path: '/flags/:id', element: <FlagDetailPage />, roles: regulators },
  { path: '/flag-rules', element: <FlagRulesPage />, roles: regulators },
  { path: '/cases', element: <CasesPage />, roles: regulators },
  { path: '/cases/:id', element: <CaseDetailPage />, roles: regulators },
  { path: '/sampling', element: <SamplingImportPage />, roles: ['regulator'] },
  { path: '/abuse-reviews', element: <AbuseReviewsPage />, roles: regulators },
  { path: '/incidents', element: <IncidentsPage />, roles: safety },
  { path: '/incidents/new', element: <ReportIncidentPage />, roles: ['merchant'] },
  { path: '/incidents/:id', element: <IncidentPage />, roles: safety },
  { path: '/follow-ups', element: <FollowUpsPage />, roles: safety },
  { path: '/follow-ups/:id', element: <FollowUpPage />, roles: safety },
  { path: '/problem-products', element: <ProblemProductsPage /> },
  { path: '/merchants/:id', element: <MerchantPage /> },
];
