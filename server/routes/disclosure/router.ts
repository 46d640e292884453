import { page } from '../../../shared/schemas/common.js';
import { publicComplaintQuery, publicComplaintSchema, type PublicComplaint } from '../../../shared/schemas/disclosure.js';
import { endpoint } from '../../http/endpoint.js';
import { paginate } from '../../http/paginate.js';
import { PublicComplaintModel, type PublicComplaintRecord } from '../../models/PublicComplaint.js';

const iso = (d: Date) => new Date(d).toISOString();

function present(r: PublicComplaintRecord): PublicComplaint {
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

export const disclosureRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/public/complaints',
      summary: 'Published complaints (投诉公示), newest first, by merchant, city, category or problem type; no sign-in',
      tag: 'disclosure',
      policy: 'public:complaints',
      query: publicComplaintQuery,
      response: page(publicComplaintSchema),
    },
    async ({ query }) => {
      const { limit, cursor, ...filters } = query;
      const filter = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
      const result = await paginate(PublicComplaintModel, filter, { limit, cursor });
      return { items: result.items.map(present), nextCursor: result.nextCursor };
    },
  ),
];
