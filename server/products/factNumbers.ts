// The numbers of a merchant's complaint facts, for its credit inputs page (server/credit/contests.ts).
// The page lists the merchant's facts newest first; FerretDB sorts in memory whatever a find selects,
// and the day buckets it read before grow with the data (a large chain's day held 50–110 facts at 200k
// complaints for a page of 50). Each fact carries its number among its merchant's facts (`creditSeq`,
// of the sequence `credit:m:<id>`, server/db/sequence.ts) and its band of CREDIT_BAND, so a page reads
// the two or three bands that hold its numbers, whatever the merchant's history.
//
// The numbers follow the facts' filing times: a bulk numbering (the seeds' end, the start-up backfill)
// hands them out in the order of (createdAt, complaintId), the page's order; a live fact takes the next
// one when it is written, which is its filing's order but for filings of one merchant whose effects
// overtake each other. A fact that moves to another merchant (a redirect) or is written late (the flag
// job's backfillFacts) takes the next number of its merchant, so it is listed with the newest; the
// number it leaves, and one taken for an insert that lost its race, is a gap: the page holding it is
// one row short, none is listed twice or lost.
import mongoose from 'mongoose';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { readDirect, setIntsDirect } from '../db/directWrites.js';
import { bandOf, takeNumbers, type Numbering } from '../db/sequence.js';
import { heldClaim } from '../jobs/claim.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { CreditContestModel } from '../models/CreditContest.js';

/** Facts per band: a page of 50 reads three bands (four when it starts mid-band). */
export const CREDIT_BAND = 20;
export const CREDIT_NUMBERING = { seq: 'creditSeq', band: 'creditBand', size: CREDIT_BAND, dense: true } as const satisfies Numbering;
const NUMBERED = 'backfill:credit-fact-numbers-v1';

/** The sequence of one merchant's facts. */
export const creditSequence = (merchantId: unknown) => `credit:m:${String(merchantId)}`;

const numberFields = (seq: number) => ({ creditSeq: seq, creditBand: bandOf(seq, CREDIT_BAND) });

let taking: Promise<unknown> = Promise.resolve();

/** The next number of a merchant's facts, for a fact written now; waits while a bulk numbering runs. */
export function nextFactNumber(merchantId: unknown): Promise<{ creditSeq: number; creditBand: number }> {
  const next = taking.then(async () => numberFields(await takeNumbers(creditSequence(merchantId), 1)));
  taking = next.catch(() => undefined);
  return next;
}

type Row = { _id: unknown; complaintId: unknown; merchantId: unknown; createdAt: unknown };
type Plan = { ids: string[]; merchants: string[]; fields: { creditSeq: number[]; creditBand: number[] } };

/**
 * Every fact's number among its merchant's, in the order of (createdAt, complaintId), above every
 * number taken before: one block per merchant. Read straight from the table when the seeders write
 * directly (directWrites.ts), else through the driver.
 */
async function planNumbers(): Promise<Plan> {
  const read = ['_id', 'complaintId', 'merchantId', 'createdAt'];
  const rows = ((await readDirect(ComplaintFactModel.collection, read)) ??
    (await ComplaintFactModel.find({}, Object.fromEntries(read.map((f) => [f, 1]))).lean())) as Row[];
  const byMerchant = new Map<string, { id: string; at: number; complaint: string }[]>();
  for (const r of rows) {
    if (r.merchantId == null) continue;
    const m = String(r.merchantId);
    if (!byMerchant.has(m)) byMerchant.set(m, []);
    byMerchant
      .get(m)!
      .push({ id: String(r._id), at: new Date(r.createdAt as string | number).getTime(), complaint: String(r.complaintId) });
  }
  const plan: Plan = { ids: [], merchants: [], fields: { creditSeq: [], creditBand: [] } };
  for (const [merchantId, facts] of byMerchant) {
    facts.sort((a, b) => a.at - b.at || (a.complaint < b.complaint ? -1 : 1));
    const first = await takeNumbers(creditSequence(merchantId), facts.length);
    facts.forEach((f, i) => {
      plan.ids.push(f.id);
      plan.merchants.push(merchantId);
      plan.fields.creditSeq.push(first + i);
      plan.fields.creditBand.push(bandOf(first + i, CREDIT_BAND));
    });
  }
  return plan;
}

/**
 * Writes the numbers: in one UPDATE of the table when the seeders write directly, else through the
 * driver in commands of ten, each to the fact while it is still its merchant's (one a redirect moved
 * meanwhile has its new merchant's number already).
 */
async function writeNumbers({ ids, merchants, fields }: Plan): Promise<number> {
  if (!ids.length) return 0;
  if (!(await setIntsDirect(ComplaintFactModel.collection, ids, fields)))
    await bulkWriteInChunks(
      ComplaintFactModel,
      ids.map((id, i) => ({
        updateOne: {
          filter: { _id: mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : id, merchantId: merchants[i] },
          update: { $set: numberFields(fields.creditSeq[i]!) },
        },
      })),
      4,
    );
  return ids.length;
}

const numbered = heldClaim(NUMBERED, 'backfill');

/** Whether every fact has its number and every contested fact says so (then the page reads bands). */
export const creditFactsNumbered = numbered.held;

/** Records that the facts are numbered: a database seeded from empty (its seeds number theirs at their end), a bulk seed's end. */
export const factsNumbered = numbered.mark;

/**
 * Numbers every fact among its merchant's (the seeds at their end, the start's backfill). The live
 * numbering waits while the facts are read and the blocks taken (a fact written meanwhile is numbered
 * after all of them), not while they are written: at start through the driver, one command per ten facts.
 */
export async function numberFactsHolding(): Promise<number> {
  const plan = taking.then(planNumbers);
  taking = plan.catch(() => undefined);
  return writeNumbers(await plan);
}

/**
 * A database written before the numbers, once: every fact numbered, and the facts of contested
 * complaints marked (the page reads the contests of its marked rows alone). Not awaited at start:
 * until it is done the page reads days and every contest of the merchant, as before. A restart midway
 * numbers them all again. Resolves to the facts numbered (0: nothing to do).
 */
export async function backfillCreditNumbers(): Promise<number> {
  if (await creditFactsNumbered()) return 0;
  const n = await numberFactsHolding();
  const contested = [...new Set((await CreditContestModel.find({}, { complaintId: 1 }).lean()).map((c) => String(c.complaintId)))];
  await bulkWriteInChunks(
    ComplaintFactModel,
    contested.map((id) => ({ updateOne: { filter: { complaintId: id }, update: { $set: { contested: true } } } })),
    4,
  );
  await factsNumbered();
  return n;
}
