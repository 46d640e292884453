// Contributes return figures to public merchant profiles (last 365 days).
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../clock.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { addMerchantFigures } from '../presenters/merchant.js';
import { loadRows, summarise } from './figures.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export async function merchantReturnFigures(merchantId: string) {
  const f = summarise(await loadRows({ merchantId, from: shanghaiDay(new Date(now().getTime() - YEAR_MS)) }));
  return { requests: f.requests, honorRate: f.honorRate, breaches: f.breaches, crossStoreShare: f.crossStoreShare, medianRefundHours: f.medianRefundHours };
}

let registered = false;
export function registerMerchantReturnFigures(): void {
  if (registered) return;
  registered = true;
  addMerchantFigures(async (merchantId) => {
    const [f, active] = await Promise.all([merchantReturnFigures(merchantId), ReturnCommitmentModel.countDocuments({ merchantId, status: 'active' })]);
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
  });
}
