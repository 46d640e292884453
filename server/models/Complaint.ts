import mongoose, { Schema } from 'mongoose';
import { CATEGORIES, COMPLAINT_STATUSES, DEMAND_TYPES, PROBLEM_TYPES, SAFETY_KINDS } from '../../shared/enums.js';
import { DEADLINE_KINDS } from '../../shared/schemas/complaint.js';

// The projection of a complaint's events (ComplaintEvent): never edited except by replaying an event
// onto it (server/complaints/projection.ts), so `npm run rebuild-projections` can recompute it.
// No mongoose timestamps: createdAt/updatedAt come from the events, so a rebuild gives the same values.
const complaintSchema = new Schema(
  {
    number: { type: String, required: true, unique: true },
    status: { type: String, enum: COMPLAINT_STATUSES, required: true },
    version: { type: Number, required: true },
    consumerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    merchantId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    merchantName: { type: String, required: true },
    storeId: { type: Schema.Types.ObjectId, ref: 'Store', required: true },
    storeName: { type: String, required: true },
    storeCountyCode: { type: String, required: true },
    // Jurisdiction: the store's county, or the merchant's registered county for online purchases.
    countyCode: { type: String, required: true },
    cityCode: { type: String, required: true },
    // The bureau handling it now (a transfer moves it); both regions see the complaint.
    regulatorRegion: { type: String, required: true },
    product: {
      name: { type: String, required: true },
      category: { type: String, enum: CATEGORIES, required: true },
      gtin: String,
      brand: String,
      model: String,
      batch: String,
    },
    purchase: {
      date: { type: String, required: true },
      amountFen: { type: Number, required: true },
      channel: { type: String, enum: ['in_store', 'online'], required: true },
      orderRef: String,
    },
    problemType: { type: String, enum: PROBLEM_TYPES, required: true },
    description: { type: String, required: true },
    demand: { type: { type: String, enum: DEMAND_TYPES, required: true }, amountFen: Number },
    safetyIncident: {
      type: new Schema({ kind: { type: String, enum: SAFETY_KINDS }, injured: Boolean, description: String }, { _id: false }),
      default: undefined,
    },
    contactAgreement: { type: Boolean, required: true },
    // The consumer's choice that the public record may show the description (scrubbed of personal data).
    publishDescription: { type: Boolean, default: undefined },
    priority: { type: String, enum: ['normal', 'urgent'], required: true },
    deadlines: {
      current: {
        // pauses/pausedAt/pauseRequest: deadlines that pause for testing (shared/deadlines.ts, projection.ts).
        type: new Schema(
          {
            kind: { type: String, enum: DEADLINE_KINDS },
            dueAt: Date,
            startedAt: Date,
            pauses: { type: [Schema.Types.Mixed], default: undefined },
            pausedAt: Date,
            pauseRequest: { type: Schema.Types.Mixed, default: undefined },
          },
          { _id: false },
        ),
        default: null,
      },
    },
    statusSince: { type: Date, required: true },
    response: { type: Schema.Types.Mixed, default: undefined },
    outcome: { type: Schema.Types.Mixed, default: undefined },
    rating: { type: Schema.Types.Mixed, default: undefined },
    redirectedFrom: { type: Schema.Types.Mixed, default: undefined },
    respondedAt: { type: Date, default: undefined },
    respondedInTime: { type: Boolean, default: undefined },
    acceptedAt: { type: Date, default: undefined },
    closedAt: { type: Date, default: undefined },
    // A promised refund, exchange, repair or compensation and its fulfilment (shared/complaintMachine.ts).
    remedy: { type: Schema.Types.Mixed, default: undefined },
    // When the deadline job next looks at the remedy: its promised date, or the consumer's confirmation time.
    remedyCheckAt: { type: Date, default: undefined },
    // Publication (投诉公示): the merchant's comment window, its one comment, then the publication.
    disclosure: { type: Schema.Types.Mixed, default: undefined },
    // When the deadline job publishes it (end of the comment window); gone once published.
    disclosureAt: { type: Date, default: undefined },
    links: { returnRequestId: String },
    // Each bureau's officer for it: [{region (the bureau's region), userId, name, at}] (see projection.ts `assign`).
    assignments: { type: Schema.Types.Mixed, default: undefined },
    // Bucket fields for analytics (no date operators in the portable subset).
    day: { type: String, required: true },
    week: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { minimize: true },
);
complaintSchema.index({ consumerId: 1 });
complaintSchema.index({ merchantId: 1, status: 1 });
complaintSchema.index({ countyCode: 1, status: 1 });
complaintSchema.index({ regulatorRegion: 1 });
complaintSchema.index({ status: 1, 'deadlines.current.dueAt': 1 });
complaintSchema.index({ day: 1 });
complaintSchema.index({ remedyCheckAt: 1 });
complaintSchema.index({ disclosureAt: 1 });

export type ComplaintRecord = mongoose.InferSchemaType<typeof complaintSchema> & { _id: mongoose.Types.ObjectId };
export const ComplaintModel = mongoose.model('Complaint', complaintSchema);
