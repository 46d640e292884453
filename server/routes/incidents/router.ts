// Incident reports: a merchant reports one (with the product picker it needs), reads its own; the
// bureaus read those of their jurisdiction, newest first with the result count.
import { idParam, page } from '../../../shared/schemas/common.js';
import {
  incidentPage,
  incidentProductQuery,
  incidentQuery,
  incidentSchema,
  reportIncidentSchema,
} from '../../../shared/schemas/incidents.js';
import { productSnapshotSchema } from '../../../shared/schemas/products.js';
import { endpoint } from '../../http/endpoint.js';
import { reportIncident } from '../../incidents/report.js';
import { IncidentModel, type IncidentRecord } from '../../models/Incident.js';
import { authorizeVisible } from '../../policies/index.js';
import { presentIncident } from '../../presenters/safety.js';
import { ownOrRegionPage } from '../../products/ownOrRegionPage.js';
import { searchProducts } from '../products/products.js';

const TAG = 'incidents';

export const incidentRoutes = () => [
  endpoint(
    {
      method: 'post',
      path: '/incidents',
      summary: 'Report a product-safety incident (事故强制报告); the bureaus of the place hear of it at once',
      tag: TAG,
      policy: 'incident:report',
      body: reportIncidentSchema,
      response: incidentSchema,
    },
    async ({ actor, body }) => presentIncident(await reportIncident(actor!, body)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/incident-products',
      summary: 'Product records to name in an incident report',
      tag: TAG,
      policy: 'incident:report',
      query: incidentProductQuery,
      response: page(productSnapshotSchema),
    },
    async ({ query }) => searchProducts({ q: query.q, limit: 20 }),
  ),
  endpoint(
    {
      method: 'get',
      path: '/incidents',
      summary: "Incident reports: a bureau's jurisdiction (or a region in it), a merchant's own",
      tag: TAG,
      policy: 'incident:list',
      query: incidentQuery,
      response: incidentPage,
    },
    async ({ actor, query }) =>
      ownOrRegionPage(IncidentModel, {
        actor: actor!,
        asked: query.region,
        match: {},
        sort: 'reportedAt',
        cursor: query.cursor,
        limit: query.limit,
        present: (i) => presentIncident(i as IncidentRecord),
      }),
  ),
  endpoint(
    {
      method: 'get',
      path: '/incidents/:id',
      summary: 'One incident report',
      tag: TAG,
      policy: 'incident:read',
      params: idParam,
      response: incidentSchema,
    },
    async ({ actor, params }) =>
      presentIncident(authorizeVisible(actor, (await IncidentModel.findById(params.id).lean()) as IncidentRecord | null, 'Incident')),
  ),
];
