// Every race here is decided by a unique index (portable to MongoDB): the second writer of a key gets
// E11000. For most writers losing is an answer, not a failure, and this says which it was.
import { isDuplicateKey } from '../http/errors.js';

/** True when `write` stored its document, false when a unique index already held its key; other errors are thrown. */
export async function firstWriter(write: PromiseLike<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}
