// Keeps each request's figure row (ReturnFact) equal to the request.
import { ReturnFactModel } from '../models/ReturnFact.js';
import { ReturnRequestModel, type ReturnRequestRecord } from '../models/ReturnRequest.js';
import { refreshMerchantReturnFigures } from './merchantFigures.js';

export function factOf(
  r: Pick<
    ReturnRequestRecord,
    | '_id'
    | 'merchantId'
    | 'merchantName'
    | 'returnStoreId'
    | 'returnStoreName'
    | 'returnCountyCode'
    | 'returnCityCode'
    | 'covered'
    | 'status'
    | 'breach'
    | 'breachKind'
    | 'crossStore'
    | 'crossCity'
    | 'refundHours'
    | 'refusalReason'
    | 'complaintId'
    | 'day'
    | 'week'
  >,
) {
  return {
    _id: r._id,
    merchantId: r.merchantId,
    merchantName: r.merchantName,
    returnStoreId: r.returnStoreId,
    returnStoreName: r.returnStoreName,
    returnCountyCode: r.returnCountyCode,
    returnCityCode: r.returnCityCode,
    covered: r.covered,
    status: r.status,
    breach: r.breach,
    breachKind: r.breachKind ?? undefined,
    crossStore: r.crossStore,
    crossCity: r.crossCity,
    refundHours: r.refundHours ?? undefined,
    refusalReason: r.refusalReason ?? undefined,
    complaintId: r.complaintId ?? undefined,
    day: r.day,
    month: r.day.slice(0, 7),
    review: r.breach || r.status === 'refused',
    week: r.week,
  };
}

/** Copies the request's current state into its fact (a whole-document replace: idempotent). */
export async function syncFact(requestId: unknown): Promise<void> {
  const r = await ReturnRequestModel.findById(requestId).lean();
  if (!r) return;
  await ReturnFactModel.replaceOne({ _id: r._id }, factOf(r), { upsert: true });
  await refreshMerchantReturnFigures(r.merchantId);
}
