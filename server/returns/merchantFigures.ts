// A merchant's return figures (last 365 days) for the public registry and profiles: computed from the
// merchant's return facts when one of its returns changes (and hourly, as the window moves), stored
// per merchant, and read by _id, so a registry page of many merchants reads one small document each.
import mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../clock.js';
import { MerchantReturnFiguresModel } from '../models/MerchantReturnFigures.js';
import { findByIds } from '../db/byIds.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import type { FigureSource } from '../presenters/merchant.js';
import { groupBy, loadRows, summarise, type FigureRow } from './figures.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const since = (at: Date) => shanghaiDay(new Date(at.getTime() - YEAR_MS));

type ReturnFigures = {
  requests: number;
  honorRate: number | null;
  breaches: number;
  crossStoreShare: number | null;
  medianRefundHours: number | null;
};

function figuresOf(rows: FigureRow[]): ReturnFigures {
  const f = summarise(rows);
  return {
    requests: f.requests,
    honorRate: f.honorRate,
    breaches: f.breaches,
    crossStoreShare: f.crossStoreShare,
    medianRefundHours: f.medianRefundHours,
  };
}

async function store(merchantId: unknown, f: ReturnFigures, at: Date) {
  const _id = new mongoose.Types.ObjectId(String(merchantId));
  await MerchantReturnFiguresModel.replaceOne({ _id }, { _id, ...f, at }, { upsert: true });
}

/** Recomputes and stores one merchant's figures: after a return of it was recorded or changed. */
export async function refreshMerchantReturnFigures(merchantId: unknown, at = now()): Promise<ReturnFigures> {
  const f = figuresOf(await loadRows({ merchantId: String(merchantId), from: since(at) }));
  await store(merchantId, f, at);
  return f;
}

/** Every merchant's figures from one read of the year's facts: the hourly job and the seed. */
export async function refreshAllReturnFigures(at = now()): Promise<number> {
  const byMerchant = groupBy(await loadRows({ from: since(at) }), (r) => String(r.merchantId));
  for (const [merchantId, rows] of byMerchant) await store(merchantId, figuresOf(rows), at);
  // Merchants whose returns all left the window.
  const stale = await MerchantReturnFiguresModel.find({}, { _id: 1 }).lean();
  for (const s of stale) if (!byMerchant.has(String(s._id))) await store(s._id, figuresOf([]), at);
  return byMerchant.size;
}

/** The stored figures of these merchants; one never computed is computed now. */
export async function merchantReturnFigures(merchantIds: string[]): Promise<Map<string, ReturnFigures>> {
  const unique = [...new Set(merchantIds)];
  const rows = await findByIds<{
    requests: number;
    honorRate?: number | null;
    breaches: number;
    crossStoreShare?: number | null;
    medianRefundHours?: number | null;
  }>(MerchantReturnFiguresModel, unique);
  const out = new Map<string, ReturnFigures>(
    rows.map((r) => [
      String(r._id),
      {
        requests: r.requests,
        honorRate: r.honorRate ?? null,
        breaches: r.breaches,
        crossStoreShare: r.crossStoreShare ?? null,
        medianRefundHours: r.medianRefundHours ?? null,
      },
    ]),
  );
  for (const id of unique) if (!out.has(id)) out.set(id, await refreshMerchantReturnFigures(id));
  return out;
}

/** The return figures and the commitment badge on a merchant's public profile. */
export const returnFigures: FigureSource = async (merchantId) => {
  const [figures, active] = await Promise.all([
    merchantReturnFigures([merchantId]),
    ReturnCommitmentModel.countDocuments({ merchantId, status: 'active' }),
  ]);
  const f = figures.get(merchantId)!;
  return {
    figures: {
      returnRequests: f.requests,
      returnHonorRate: f.honorRate,
      returnBreaches: f.breaches,
      returnCrossStoreShare: f.crossStoreShare,
      returnMedianRefundHours: f.medianRefundHours,
      // 1 while the merchant holds an active commitment: the 放心消费承诺 badge.
      commitmentBadge: active > 0 ? 1 : 0,
      activeReturnCommitments: active,
    },
  };
};
