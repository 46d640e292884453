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
