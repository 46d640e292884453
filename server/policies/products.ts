// Problem products, sampling imports, flags, enforcement cases, figures and abuse review:
// the regulators' tools. Record-level visibility (their region only) is checked per record.
import { anyone, canSee, governs, role, signedIn, type Actor, type Rule } from './rules.js';

const regulatorOrAdmin = role('regulator', 'admin');
/** Thresholds apply province-wide, so the provincial bureau (or an admin) edits them. */
const provincial = (a: Actor | null) => regulatorOrAdmin(a) && (a!.role === 'admin' || a!.regionCode === '33');

/** An import job is seen by the user who imported it and by admins; anyone else gets 404. */
export const seesImportJob = (a: Actor | null, job: { userId: unknown }) => !!a && (String(job.userId) === a.id || a.role === 'admin');

/** A bureau assigns (or reassigns) a case only to a bureau in its own region. */
export const assignsCaseTo = (a: Actor | null, region: string) => governs(a, region);
/** Only the assigned bureau (or one above it) moves a case; the others who see it only read it. */
export const movesCase = (a: Actor | null, c: { assignedRegion: string }) => governs(a, c.assignedRegion);

/**
 * The complaints of a review's evidence the actor may open: those in its region. A review recorded
 * before the evidence named each complaint's county gives all of them to an actor that sees every
 * region of the review, none to one that sees only some.
 */
export function openableEvidence(a: Actor | null, ids: string[], counties: string[] | undefined, regionCodes: string[]): string[] {
  if (counties?.length === ids.length) return ids.filter((_, i) => canSee(a, { regionCodes: [counties[i]!] }));
  return regionCodes.every((code) => canSee(a, { regionCodes: [code] })) ? ids : [];
}

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
