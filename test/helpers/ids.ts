import { createHash } from 'node:crypto';

/** A stable ObjectId-shaped id for a readable label: events carry real-looking ids, tests keep their names. */
export const labelId = (label: string): string => createHash('sha1').update(label).digest('hex').slice(0, 24);
