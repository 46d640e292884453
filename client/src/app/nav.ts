import type { Role } from '../../../shared/enums';

export interface NavEntry {
  path: string;
  /** An i18n key: `nav.*` in the common namespace, or `<feature>:<key>` for a feature's own label. */
  labelKey: string;
  roles: readonly Role[];
  /** Merchant headquarters only: store staff do not speak for the merchant (its credit, for one). */
  headquarters?: true;
}

/** Sidebar entries in display order. Grouped by role because each role sees its own order. */
export const NAV: readonly NavEntry[] = [
  { path: '/complaints', labelKey: 'nav.complaints', roles: ['consumer'] },
  { path: '/complaints/new', labelKey: 'nav.complaintsNew', roles: ['consumer'] },
  { path: '/returns', labelKey: 'nav.returns', roles: ['consumer'] },
  { path: '/commitments', labelKey: 'nav.commitments', roles: ['consumer'] },
  { path: '/search', labelKey: 'nav.search', roles: ['consumer'] },
  { path: '/public/complaints', labelKey: 'disclosure:list.title', roles: ['consumer'] },
  { path: '/recall-notices', labelKey: 'recalls:mine.title', roles: ['consumer', 'merchant'] },
  { path: '/my-data', labelKey: 'privacy:title', roles: ['consumer'] },

  { path: '/inbox', labelKey: 'nav.inbox', roles: ['merchant'] },
  { path: '/search', labelKey: 'nav.search', roles: ['merchant'] },
  { path: '/returns/desk', labelKey: 'nav.returnsDesk', roles: ['merchant'] },
  { path: '/my-commitments', labelKey: 'nav.myCommitments', roles: ['merchant'] },
  { path: '/stores', labelKey: 'nav.stores', roles: ['merchant'] },
  { path: '/incidents', labelKey: 'products:incidents.title', roles: ['merchant'] },
  { path: '/follow-ups', labelKey: 'products:followUps.title', roles: ['merchant'] },
  { path: '/templates', labelKey: 'templates:page.title', roles: ['merchant'] },
  { path: '/credit', labelKey: 'credit:title', roles: ['merchant'], headquarters: true },

  { path: '/dashboard', labelKey: 'nav.dashboard', roles: ['regulator'] },
  { path: '/queue', labelKey: 'nav.queue', roles: ['regulator'] },
  { path: '/search', labelKey: 'nav.search', roles: ['regulator'] },
  { path: '/flags', labelKey: 'nav.flags', roles: ['regulator'] },
  { path: '/cases', labelKey: 'nav.cases', roles: ['regulator'] },
  { path: '/recalls', labelKey: 'recalls:list.title', roles: ['regulator'] },
  { path: '/sampling', labelKey: 'products:sampling.title', roles: ['regulator'] },
  { path: '/follow-ups', labelKey: 'products:followUps.title', roles: ['regulator'] },
  { path: '/incidents', labelKey: 'products:incidents.title', roles: ['regulator'] },
  { path: '/sampling-plan', labelKey: 'samplingPlan:title', roles: ['regulator'] },
  { path: '/abuse-reviews', labelKey: 'products:abuse.title', roles: ['regulator'] },
  { path: '/credit-contests', labelKey: 'credit:contests.title', roles: ['regulator'] },
  { path: '/compliance', labelKey: 'nav.compliance', roles: ['regulator'] },
  { path: '/approvals', labelKey: 'nav.approvals', roles: ['regulator'] },
  { path: '/users', labelKey: 'users:list.officersTitle', roles: ['regulator'] },
  { path: '/templates', labelKey: 'templates:page.title', roles: ['regulator'] },

  { path: '/approvals', labelKey: 'nav.approvals', roles: ['admin'] },
  { path: '/users', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/outbox', labelKey: 'nav.outbox', roles: ['admin'] },
  { path: '/dashboard', labelKey: 'nav.dashboard', roles: ['admin'] },
  { path: '/search', labelKey: 'nav.search', roles: ['admin'] },
];

/** Header links for signed-out visitors. */
export const PUBLIC_NAV: readonly Omit<NavEntry, 'roles'>[] = [
  { path: '/commitments', labelKey: 'nav.commitments' },
  { path: '/problem-products', labelKey: 'nav.problemProducts' },
  { path: '/recalls', labelKey: 'recalls:list.title' },
  { path: '/open-data', labelKey: 'openData:title' },
  { path: '/public/complaints', labelKey: 'disclosure:list.title' },
  { path: '/rankings', labelKey: 'indices:title' },
];

export const ROLE_HOME: Record<Role, string> = {
  consumer: '/complaints',
  merchant: '/inbox',
  regulator: '/dashboard',
  admin: '/approvals',
};

/** A merchant account bound to one store is store staff; without a store it is headquarters. */
export function navFor(role: Role, storeStaff = false): NavEntry[] {
  return NAV.filter((entry) => entry.roles.includes(role) && !(entry.headquarters && storeStaff));
}

/** `/complaints/new` → `nav-complaints-new`. */
export function navTestId(path: string): string {
  return `nav-${path.replace(/^\/+/, '').replaceAll('/', '-')}`;
}
