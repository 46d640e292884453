import mongoose, { Schema } from 'mongoose';

// The review thresholds a bureau sets for its region (one document per region code; last save wins,
// which is the intended behaviour for a setting).
const complianceSettingSchema = new Schema({
  regionCode: { type: String, required: true, unique: true },
  threshold: { type: Number, required: true },
  days: { type: Number, required: true },
  minRequests: { type: Number, required: true },
  breaches: { type: Number, required: true },
  updatedBy: { type: Schema.Types.ObjectId },
  updatedAt: { type: Date, required: true },
});

export const ComplianceSettingModel = mongoose.model('ComplianceSetting', complianceSettingSchema);
