// Public rankings of merchants per city and category (docs/indices.md); no sign-in.
import { rankingQuery, rankingSchema } from '../../../shared/schemas/rankings.js';
import { endpoint } from '../../http/endpoint.js';
import { ranking } from '../../indices/rankings.js';

export const rankingRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/public/rankings',
      summary:
        "A city's merchants in one category by complaints per open store, only those with at least the minimum of complaints; no sign-in",
      tag: 'indices',
      policy: 'public:rankings',
      query: rankingQuery,
      response: rankingSchema,
    },
    async ({ query }) => ranking(query.cityCode, query.category),
  ),
];
