import { isDuplicateKey } from '../http/errors.js';
import { JobRunModel } from '../models/JobRun.js';
import { now } from '../clock.js';

/** True for the one caller that inserts `key` first; every later or concurrent caller gets false. */
export async function claim(key: string, job: string): Promise<boolean> {
  try {
    await JobRunModel.create({ key, job, at: now() });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}
