// Loads what the coverage rules need from the database.
import { shanghaiDay } from '../../shared/calendar.js';
import type { CommitmentScope, CommitmentStatus, Coverage } from '../../shared/schemas/returns.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import type { StoreRecord } from '../models/Store.js';
import { decideCoverage, type CoverageCommitment, type CoverageStore } from './coverage.js';

export function toCoverageStore(s: StoreRecord): CoverageStore {
  return { id: String(s._id), merchantId: String(s.merchantId), name: s.name, countyCode: s.countyCode, cityCode: s.cityCode };
}

export async function merchantCommitments(merchantId: unknown): Promise<CoverageCommitment[]> {
  const rows = await ReturnCommitmentModel.find({ merchantId }).lean();
  return rows.map((c) => ({
    id: String(c._id),
    scope: c.scope as CommitmentScope,
    status: c.status as CommitmentStatus,
    storeIds: c.storeIds.map(String),
    windowDays: c.windowDays,
    categories: c.categories,
    excludedCategories: c.excludedCategories,
    refundWithinHours: c.refundWithinHours,
    createdAt: c.createdAt,
  }));
}

/** A purchase date as its Shanghai calendar day: a bare date is that day, an instant is converted. */
export function purchaseDayOf(purchaseDate: string): string {
  return purchaseDate.length === 10 ? purchaseDate : shanghaiDay(new Date(purchaseDate));
}

export async function coverageFor(p: StoreRecord, r: StoreRecord, purchaseDay: string, category: string, at: Date): Promise<Coverage> {
  return decideCoverage({
    purchaseStore: toCoverageStore(p),
    returnStore: toCoverageStore(r),
    purchaseDay,
    returnDay: shanghaiDay(at),
    category,
    commitments: await merchantCommitments(p.merchantId),
  });
}
