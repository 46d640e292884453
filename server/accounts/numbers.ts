// The admin's account list without filters read every account twice (FerretDB sorts in memory what
// a find selects, and counts by reading every row): 7–13× auth/me at the demo's 425 accounts. Each
// account now carries its number and band (server/db/sequence.ts), and the count ledger keeps how many
// accounts there are, in all and per role, written once per account (accounts are closed, never
// deleted, and keep their role).
import mongoose, { type HydratedDocument } from 'mongoose';
import { addDeltas, readCounts } from '../counts/ledger.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { numbered } from '../db/sequence.js';
import { UserModel, type UserRecord } from '../models/User.js';

export const ACCOUNTS_SEQUENCE = 'accounts';
export const ACCOUNTS_SCOPE = 'accounts';

type NewAccount = { _id: mongoose.Types.ObjectId | string; role: string };

/** What one numbered account adds to the ledger: the total and its role's count. */
export const accountCounts = (role: string) => ({ '*': 1, [`r:${role}`]: 1 });

/** One account's ledger delta, by its id (a replay adds nothing). */
const added = (u: NewAccount) => ({ _id: `account:${String(u._id)}`, scope: ACCOUNTS_SCOPE, d: accountCounts(u.role) });

/** The number and band of one account about to be created. */
export const accountNumber = async () => (await numbered(ACCOUNTS_SEQUENCE, 1))[0]!;

/** Counts an account just created with its number. */
export const countAccount = (u: NewAccount) => addDeltas([added(u)]);

/**
 * New accounts in bulk (the seeds), numbered and counted as they go in: numbering them after the insert
 * cost an update per account (400 for the dashboard's consumers, seconds of the first start's wait).
 */
export async function insertNumberedAccounts(
  docs: ({ role: string } & Record<string, unknown>)[],
): Promise<HydratedDocument<UserRecord>[]> {
  const rows = docs.map((d) => ({ _id: new mongoose.Types.ObjectId(), ...d }));
  for (let i = 0; i < rows.length; i += 500) await addDeltas(rows.slice(i, i + 500).map(added));
  const numbers = await numbered(ACCOUNTS_SEQUENCE, rows.length);
  return (await UserModel.insertMany(rows.map((r, i) => ({ ...r, ...numbers[i]! })))) as unknown as HydratedDocument<UserRecord>[];
}

/**
 * Accounts written without a number (a database from before the numbers) get one and are counted: in
 * _id order, after every account numbered so far. Run at start (server/db/backfill.ts); finds nothing
 * the second time.
 */
export async function numberNewAccounts(): Promise<number> {
  const rows = (await UserModel.find({ seq: { $exists: false } }, { _id: 1, role: 1 }).lean()).sort((a, b) =>
    String(a._id) < String(b._id) ? -1 : 1,
  );
  if (!rows.length) return 0;
  // Counted first: a start that dies between the two counts them again only by the same delta ids.
  for (let i = 0; i < rows.length; i += 500) await addDeltas(rows.slice(i, i + 500).map(added));
  const numbers = await numbered(ACCOUNTS_SEQUENCE, rows.length);
  await bulkWriteInChunks(
    UserModel,
    rows.map((r, i) => ({ updateOne: { filter: { _id: r._id }, update: { $set: numbers[i]! } } })),
  );
  return rows.length;
}

/** How many accounts there are, of one role or in all (the ledger's keys). */
export async function accountTotal(role?: string): Promise<number> {
  return (await readCounts(ACCOUNTS_SCOPE))[role ? `r:${role}` : '*'] ?? 0;
}
