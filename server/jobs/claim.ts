import { JobRunModel } from '../models/JobRun.js';
import { now } from '../clock.js';
import { groupCreate } from '../db/groupInsert.js';
import { firstWriter } from '../db/firstWriter.js';

/**
 * True for the one caller that inserts `key` first; every later or concurrent caller gets false.
 * `result` goes in with the claim, so what the winner decided survives a crash before it is applied.
 */
export async function claim(key: string, job: string, result?: unknown): Promise<boolean> {
  return firstWriter(groupCreate(JobRunModel, [{ key, job, at: now(), result }]));
}

// Claims a process remembers once it has seen them: a running database never loses one, so a read
// that asks on every request (may a list read thirds? may a search read phrases?) asks the database
// only until then. A test that empties the database must forget them all (forgetHeldClaims), or a
// later file's lists would trust a claim its database no longer holds.
const held = new Set<string>();

/** A claim recorded once per database (`mark`) and remembered by the process once seen (`held`). */
export function heldClaim(key: string, job: string) {
  return {
    mark: async (): Promise<void> => {
      await claim(key, job);
      held.add(key);
    },
    held: async (): Promise<boolean> => held.has(key) || (!!(await JobRunModel.exists({ key })) && !!held.add(key)),
  };
}

/** Forgets every remembered claim (a test that empties the database). */
export const forgetHeldClaims = () => held.clear();
