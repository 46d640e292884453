// List filters matching canSee() for records carrying `regionCodes`: a regulator sees those with
// a region inside its own. An $in over the region's own codes keeps it an indexable equality.
import { regionContains } from '../../shared/regions.js';
import { RegionModel } from '../models/Region.js';
import type { Actor } from '../policies/index.js';

let allCodes: string[] | null = null;

export async function codesUnder(region: string): Promise<string[]> {
  allCodes ??= (await RegionModel.find({}, { code: 1 }).lean()).map((r) => r.code);
  return [...new Set([region, ...allCodes.filter((c) => regionContains(region, c))])];
}

/** The visibility part of a list query; `asked` narrows to a region inside the actor's own. */
export async function regionScope(actor: Actor, asked?: string): Promise<Record<string, unknown>> {
  const own = actor.role === 'regulator' ? actor.regionCode ?? '-' : '33';
  const region = asked && regionContains(own, asked) ? asked : asked ? '-' : own;
  if (region === '33') return {};
  return { regionCodes: { $in: await codesUnder(region) } };
}
