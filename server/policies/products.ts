// Problem products, sampling imports, flags, enforcement cases, figures and abuse review:
// the regulators' tools. Record-level visibility (their region only) is checked per record.
import { anyone, role, signedIn, type Actor, type Rule } from './rules.js';

const regulatorOrAdmin = role('regulator', 'admin');
/** Thresholds apply province-wide, so the provincial bureau (or an admin) edits them. */
const provincial = (a: Actor | null) => regulatorOrAdmin(a) && (a!.role === 'admin' || a!.regionCode === '33');

export const productRules = {
  'product:list': regulatorOrAdmin,
  'product:read': regulatorOrAdmin,
  'product:merge': regulatorOrAdmin,
  'sampling:import': role('regulator'),
  'sampling:list': regulatorOrAdmin,
  'import-job:read': signedIn,
  'flag:list': regulatorOrAdmin,
  'flag:read': regulatorOrAdmin,
  'flag:detect': regulatorOrAdmin,
  'flag-rules:read': regulatorOrAdmin,
  'flag-rules:update': provincial,
  'case:create': role('regulator'),
  'case:transition': role('regulator'),
  'case:list': regulatorOrAdmin,
  'case:read': regulatorOrAdmin,
  'public:problem-products': anyone,
  'analytics:read': regulatorOrAdmin,
  'abuse:list': regulatorOrAdmin,
  'abuse:decide': role('regulator'),
} satisfies Record<string, Rule>;
