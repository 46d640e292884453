import type mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { isDuplicateKey } from '../http/errors.js';
import { ComplaintNumberModel } from '../models/ComplaintNumber.js';

/**
 * Takes the next readable number of the Shanghai day, ZJ-YYYYMMDD-000123. Each candidate is claimed by
 * a unique insert; a concurrent filing that took it makes us try the next one.
 */
export async function takeComplaintNumber(complaintId: mongoose.Types.ObjectId, at: Date): Promise<string> {
  const day = shanghaiDay(at).replace(/-/g, '');
  const last = await ComplaintNumberModel.findOne({ day }).sort({ n: -1 }).lean();
  let n = (last?.n ?? 0) + 1;
  for (let attempt = 0; attempt < 200; attempt++, n++) {
    try {
      await ComplaintNumberModel.create({ day, n, complaintId });
      return `ZJ-${day}-${String(n).padStart(6, '0')}`;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw new Error('could not take a complaint number');
}
