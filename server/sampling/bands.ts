// The plan page reads a bureau's quarter a band at a time. FerretDB sorts in memory whatever its
// equalities select, and `{region, quarter, inPlan}` selects the province's whole plan (about 700 rows
// with their evidence at 50k complaints, 11–20× auth/me): so each row carries its band, its rank by `sk`
// (riskiest first) divided by BAND, written with the row by the plan job, and a page reads
// `{region, quarter, inPlan, band}` for the few bands it needs, each at most BAND rows.
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { SamplingPlanItemModel } from '../models/SamplingPlanItem.js';

/** Rows per band: a page of 50 reads three bands (four after a cursor), not the whole plan. */
export const BAND = 20;

/** The band of each row, by rank of `sk`, highest first: contiguous ranges of `sk`, so bands read in order are sorted. */
export function rankBands<R extends { _id: string; sk: string }>(rows: R[]): Map<string, number> {
  const ranked = [...rows].sort((a, b) => (a.sk < b.sk ? 1 : a.sk > b.sk ? -1 : 0));
  return new Map(ranked.map((r, i) => [r._id, Math.floor(i / BAND)]));
}

/** Writes the band of every row of a bureau's quarter whose band is not its rank's (a start-up migration's and the job's last step). */
export async function rebandPlan(region: string, quarter: string): Promise<number> {
  const rows = await SamplingPlanItemModel.find({ region, quarter }, { sk: 1, band: 1 }).lean();
  const bands = rankBands(rows);
  const writes = rows
    .filter((r) => r.band !== bands.get(r._id))
    .map((r) => ({ updateOne: { filter: { _id: r._id }, update: { $set: { band: bands.get(r._id)! } } } }));
  await bulkWriteInChunks(SamplingPlanItemModel, writes);
  return writes.length;
}

/** Rows written before bands existed get theirs, per bureau and quarter, once (server/db/backfill.ts). */
export async function backfillPlanBands(): Promise<void> {
  const unbanded = await SamplingPlanItemModel.find({ band: { $exists: false } }, { region: 1, quarter: 1 }).lean();
  for (const key of new Set(unbanded.map((r) => `${r.region}|${r.quarter}`))) await rebandPlan(...(key.split('|') as [string, string]));
}
