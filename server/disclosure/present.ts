// A public record as it leaves the server (the public list, the open-data API and its nightly files).
import type { Page } from '../../shared/schemas/common.js';
import type { PublicComplaint, PublicComplaintQuery } from '../../shared/schemas/disclosure.js';
import { paginate } from '../http/paginate.js';
import { PublicComplaintModel, type PublicComplaintRecord } from '../models/PublicComplaint.js';

const iso = (d: Date) => new Date(d).toISOString();

export function presentPublicComplaint(r: PublicComplaintRecord): PublicComplaint {
  return {
    id: String(r._id),
    merchantId: String(r.merchantId),
    merchantName: r.merchantName,
    storeId: String(r.storeId),
    storeName: r.storeName,
    cityCode: r.cityCode,
    countyCode: r.countyCode,
    category: r.category as PublicComplaint['category'],
    problemType: r.problemType as PublicComplaint['problemType'],
    demand: {
      type: r.demand!.type as PublicComplaint['demand']['type'],
      ...(r.demand!.amountFen != null ? { amountFen: r.demand!.amountFen } : {}),
    },
    outcome: r.outcome as PublicComplaint['outcome'],
    ...(r.remedyStatus ? { remedyStatus: r.remedyStatus as PublicComplaint['remedyStatus'] } : {}),
    filedOn: r.filedOn,
    ...(r.closedOn ? { closedOn: r.closedOn } : {}),
    publishedAt: iso(r.publishedAt),
    ...(r.merchantComment?.text ? { merchantComment: { text: r.merchantComment.text, at: iso(r.merchantComment.at!) } } : {}),
    ...(r.description ? { description: r.description } : {}),
  };
}

/** A page of the public list: each filter an indexed equality, newest first by _id. */
function filterOf(query: PublicComplaintQuery) {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

export async function listPublicComplaints(query: PublicComplaintQuery): Promise<Page<PublicComplaint>> {
  const result = await paginate(PublicComplaintModel, filterOf(query), { limit: query.limit, cursor: query.cursor });
  return { items: result.items.map(presentPublicComplaint), nextCursor: result.nextCursor };
}

/** Every record of the filter, for the list's result count: the same indexed equalities as the page. */
export const countPublicComplaints = (query: PublicComplaintQuery) => PublicComplaintModel.countDocuments(filterOf(query));
