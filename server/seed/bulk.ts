// `npm run seed -- --complaints N`: N more synthetic complaints in the database `npm start` uses,
// over every store (so every region, merchant and category the demo knows), the last 12 months and
// every status. Each complaint is lived by the lifecycle with its deadline clock and folded by the
// projection (products/synthetic.ts), then stored in bulk with its events, facts and rollup entries;
// the weekly rollups and merchant credit are brought up to date as the hourly job would.
import { now } from '../clock.js';
import { StoreModel } from '../models/Store.js';
import { UserModel } from '../models/User.js';
import { refreshAllCredit } from '../products/credit.js';
import { insertSynthetic } from '../products/synthetic.js';
import { backgroundSpecs } from './productsPlan.js';
import { withoutCompanions } from '../db/directWrites.js';
import { writeTally, type Tally } from '../counts/ledger.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';

// Specs are made a slice at a time, so a million complaints never sit in memory at once.
const SLICE = 10_000;

export async function seedBulk(n: number, opts: { onProgress?: (done: number) => void } = {}): Promise<number> {
  const at = now();
  // A closed store takes no new complaints.
  const stores = await StoreModel.find({ status: { $ne: 'closed' } }, { merchantId: 1, merchantName: 1, name: 1, countyCode: 1 }).lean();
  const consumers = (await UserModel.find({ role: 'consumer' }, { _id: 1 }).lean()).map((u) => u._id);
  if (!stores.length || !consumers.length) throw new Error('the database has no stores or consumers to file complaints with');
  // A different plan for every run, the same for the same clock. (Not the number of complaints:
  // FerretDB v1 counts a collection by reading all of it.)
  const base = Math.floor(at.getTime() / 1000);
  let done = 0;
  // One delta row per audience and week for the whole load (not per chunk).
  const tally: Tally = new Map();
  const load = async () => {
    for (let i = 0; i < n; i += SLICE) {
      const specs = backgroundSpecs({
        now: at,
        stores: stores as never,
        consumers,
        background: Math.min(SLICE, n - i),
        days: 365,
        seed: base + i + 1,
      });
      await insertSynthetic(specs, at, { clock: true, tally, onProgress: (d) => opts.onProgress?.(done + d) });
      done += specs.length;
    }
  };
  // A load at least as large as what is there goes in without the tables' GIN companions, which are
  // built once after it (withoutCompanions); a smaller one grows them row by row, which then costs
  // less than building them again over everything.
  const tables = [ComplaintModel, ComplaintEventModel, ComplaintFactModel, ComplaintEntryModel];
  if (n >= (await ComplaintModel.estimatedDocumentCount()))
    await withoutCompanions(
      tables.map((m) => m.collection),
      load,
    );
  else await load();
  await writeTally(tally, `${base}-${done}`);
  // Credit once, over every merchant, at the end.
  await refreshAllCredit(at);
  return done;
}
