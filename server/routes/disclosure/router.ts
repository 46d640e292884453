import { countedPage } from '../../../shared/schemas/common.js';
import { publicComplaintQuery, publicComplaintSchema } from '../../../shared/schemas/disclosure.js';
import { endpoint } from '../../http/endpoint.js';
import { countedPublicComplaints } from '../../disclosure/present.js';

export const disclosureRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/public/complaints',
      summary: 'Published complaints (投诉公示), newest first, by merchant, city, category or problem type; no sign-in',
      tag: 'disclosure',
      policy: 'public:complaints',
      query: publicComplaintQuery,
      response: countedPage(publicComplaintSchema),
    },
    async ({ query }) => countedPublicComplaints(query),
  ),
];
