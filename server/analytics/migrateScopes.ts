// The dashboard's figures moved from one province-wide scope per week keyed county × category × day
// (`fig:<week>`, `top:<dim>:<week>`) to per-region week scopes without the day and per-day scopes
// read only for a period's edge weeks (rollup.ts). A database written before holds the old scopes:
// once, at start (and before a bulk seed adds to it), the new scopes are recounted from the list
// entries' complaint copies and the product facts, written as one delta per scope with a fixed id (a
// run again after a crash adds nothing), folded into snapshots, and the old scopes are deleted. A
// database without old scopes (a fresh one, or one migrated already) has nothing to recount.
import { addDeltas, readCounts, sealScopes } from '../counts/ledger.js';
import { claim } from '../jobs/claim.js';
import { CountDeltaModel } from '../models/CountDelta.js';
import { CountSnapshotModel } from '../models/CountSnapshot.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { JobRunModel } from '../models/JobRun.js';
import { logger } from '../logger.js';
import {
  addCounts,
  legacyScopes,
  productCounts,
  regionalFigureCounts,
  WEEKS_SCOPE,
  type FigureSource,
  type ProductFact,
} from './rollup.js';

const DONE = 'backfill:regional-figure-scopes-v1';
const ROWS_PER_INSERT = 100;

async function legacyPresent(weeks: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const w of weeks)
    for (const scope of legacyScopes(w))
      if ((await CountSnapshotModel.exists({ scope })) || (await CountDeltaModel.exists({ scope }))) found.push(scope);
  return found;
}

export async function migrateFigureScopes(): Promise<void> {
  if (await JobRunModel.exists({ key: DONE })) return;
  const legacy = await legacyPresent(Object.keys(await readCounts(WEEKS_SCOPE)));
  if (legacy.length) {
    const started = Date.now();
    const tally = new Map<string, Record<string, number>>();
    for await (const r of ComplaintEntryModel.find({}, { c: 1 }).lean().cursor())
      if (r.c) addCounts(tally, regionalFigureCounts(r.c as unknown as FigureSource));
    for await (const f of ComplaintFactModel.find({}, { countyCode: 1, category: 1, day: 1, week: 1, productId: 1 }).lean().cursor())
      addCounts(tally, productCounts(f as ProductFact));
    const rows = [...tally].map(([scope, d]) => ({ _id: `${scope}|figures-v1`, scope, d }));
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await addDeltas(rows.slice(i, i + ROWS_PER_INSERT));
    await sealScopes(tally.keys());
    for (const scope of legacy) {
      await CountDeltaModel.deleteMany({ scope });
      await CountSnapshotModel.deleteMany({ scope });
    }
    logger.info({ ms: Date.now() - started, scopes: rows.length, removed: legacy.length }, 'dashboard figures moved to per-region scopes');
  }
  await claim(DONE, 'backfill');
}
