import mongoose, { Schema } from 'mongoose';

// The list read model: one row per complaint naming its audiences (`consumer:<id>`, `merchant:<orgId>`,
// `store:<storeId>`, `region:<code>` for each level of the county and the handling bureau), with flat
// top-level fields, so every list, queue and inbox filter is top-level scalar equality (the shape
// FerretDB pushes down; `aud` and `tt` match by element) plus one sort key, and a copy of the
// complaint so a page is one read. Written with every projection change and rebuilt from the
// complaint by `npm run rebuild-projections` (server/complaints/entries.ts). One row per complaint,
// not one per audience: FerretDB inserts cost about a millisecond a row.
const complaintEntrySchema = new Schema(
  {
    // The complaint id as a string: FerretDB over SQLite reads a string _id by index, not an ObjectId.
    _id: { type: String, required: true },
    aud: { type: [String], required: true },
    version: { type: Number, required: true },
    /** open | closed */
    group: { type: String, required: true },
    /** The merchant inbox's tabs: todo | responded | bureau | closed. */
    tab: { type: String, required: true },
    status: { type: String, required: true },
    priority: { type: String, required: true },
    category: { type: String, required: true },
    countyCode: { type: String, required: true },
    cityCode: { type: String, required: true },
    merchantId: { type: String, required: true },
    storeId: { type: String, required: true },
    /** Newest-first key: `<createdAt ms, 15 digits>|<complaintId>` (unique, so it is its own keyset cursor). */
    ts: { type: String, required: true },
    /** Deadline key: `<dueAt ms, 15 digits>|<complaintId>`; absent when nothing is due (closed). */
    dk: { type: String },
    /** Shanghai month, third of the month (旬), day and hour of `ts`, month, day and hour of `dk` (server/complaints/listBuckets.ts): a large list is read a bucket at a time. */
    tm: { type: String, required: true },
    /** Absent on rows written before it until the start's backfill (server/complaints/tenDays.ts) gives it. */
    tx: { type: String },
    td: { type: String, required: true },
    /** Absent on rows written before it until the start's backfill (server/complaints/tenDays.ts) gives it, and `dh`. */
    th: { type: String },
    dm: { type: String },
    dd: { type: String },
    dh: { type: String },
    /** Which counts the row's writer added to the ledger (server/complaints/backfillCounts.ts). */
    cv: { type: Number },
    /**
     * Search terms (server/complaints/searchTerms.ts) of number, product, brand, model, merchant, store,
     * description, each behind the month of filing (`2026-11|热水`): a search reads a month at a time.
     */
    tt: { type: [String], default: [] },
    c: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false },
);
// The equality fields of each list, then its sort key (MongoDB sorts from such an index; FerretDB
// uses the first field's GIN companion). MongoDB indexes one array per compound index, so a search
// uses tt + ts and checks its audience (tt holds the month: server/complaints/search.ts reads one at a time).
complaintEntrySchema.index({ aud: 1, ts: -1 });
complaintEntrySchema.index({ aud: 1, group: 1, ts: -1 });
complaintEntrySchema.index({ aud: 1, group: 1, dk: 1 });
complaintEntrySchema.index({ aud: 1, group: 1, priority: 1, dk: 1 });
complaintEntrySchema.index({ aud: 1, tab: 1, dk: 1 });
complaintEntrySchema.index({ aud: 1, tab: 1, ts: -1 });
complaintEntrySchema.index({ tt: 1, ts: -1 });
// The same lists of a large audience, one month, third of a month, day or hour at a time (listBuckets.ts):
// newest first (everything, a status group, a tab), and by deadline (a tab, the regulator queue's sections).
for (const bucket of ['tm', 'tx', 'td', 'th']) {
  complaintEntrySchema.index({ aud: 1, [bucket]: 1, ts: -1 });
  complaintEntrySchema.index({ aud: 1, group: 1, [bucket]: 1, ts: -1 });
  complaintEntrySchema.index({ aud: 1, tab: 1, [bucket]: 1, ts: -1 });
}
for (const bucket of ['dm', 'dd', 'dh']) {
  complaintEntrySchema.index({ aud: 1, tab: 1, [bucket]: 1, dk: 1 });
  complaintEntrySchema.index({ aud: 1, group: 1, priority: 1, [bucket]: 1, dk: 1 });
}

export type ComplaintEntryRecord = mongoose.InferSchemaType<typeof complaintEntrySchema>;
export const ComplaintEntryModel = mongoose.model('ComplaintEntry', complaintEntrySchema);
