// The region an actor's lists and figures cover, and the one failure mode of a region filter. A
// regulator's jurisdiction is its own region; an admin's (and the public figures') is the province.
// A filter naming a region outside it answers 403 everywhere (figures, flags, cases, abuse reviews,
// return figures, compliance, and the complaint queue with its counts, export and saved views): regions
// are public (GET /api/regions), so naming one is a visible thing with a forbidden action, and an empty
// answer would read as "nothing happened there".
import { PROVINCE_CODE, regionContains } from '../../shared/regions.js';
import { forbidden } from '../http/errors.js';
import type { Actor } from './actor.js';

export function jurisdiction(actor: Actor | null): string {
  return actor?.role === 'regulator' ? (actor.regionCode ?? '') : PROVINCE_CODE;
}

/** The region a list or figure is for: the asked one inside the actor's jurisdiction, else its whole jurisdiction. */
export function regionFor(actor: Actor | null, asked?: string): string {
  const own = jurisdiction(actor);
  if (!asked) return own;
  if (!own || !regionContains(own, asked)) throw forbidden('That region is outside your jurisdiction');
  return asked;
}
