import type { AppRoute } from '../../app/appRoute';
import { AbuseReviewsPage } from './AbuseReviewsPage';
import { CaseDetailPage } from './CaseDetailPage';
import { CasesPage } from './CasesPage';
import { FlagDetailPage } from './FlagDetailPage';
import { FlagRulesPage } from './FlagRulesPage';
import { FlagsPage } from './FlagsPage';
import { MerchantPage } from './MerchantPage';
import { ProblemProductsPage } from './ProblemProductsPage';
import { SamplingImportPage } from './SamplingImportPage';

const regulators = ['regulator', 'admin'] as const;

export const routes: AppRoute[] = [
  { path: '/flags', element: <FlagsPage />, roles: regulators },
  { path: '/flags/:id', element: <FlagDetailPage />, roles: regulators },
  { path: '/flag-rules', element: <FlagRulesPage />, roles: regulators },
  { path: '/cases', element: <CasesPage />, roles: regulators },
  { path: '/cases/:id', element: <CaseDetailPage />, roles: regulators },
  { path: '/sampling', element: <SamplingImportPage />, roles: ['regulator'] },
  { path: '/abuse-reviews', element: <AbuseReviewsPage />, roles: regulators },
  { path: '/problem-products', element: <ProblemProductsPage /> },
  { path: '/merchants/:id', element: <MerchantPage /> },
];
