// Response templates (issue #10, item 5): an organisation's named texts, and one filled for a complaint.
import { idParam, okSchema } from '../../../shared/schemas/common.js';
import {
  filledTemplateSchema,
  templateFillQuery,
  templateInput,
  templateListSchema,
  templateSchema,
} from '../../../shared/schemas/templates.js';
import { createTemplate, deleteTemplate, fillTemplate, listTemplates, updateTemplate } from '../../commands/responseTemplates.js';
import { endpoint } from '../../http/endpoint.js';
import { presentTemplate } from '../../presenters/templates.js';

const TAG = 'response templates';

export const templateRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/response-templates',
      summary: "My organisation's response templates, by name",
      tag: TAG,
      policy: 'template:list',
      response: templateListSchema,
    },
    async ({ actor }) => ({ items: (await listTemplates(actor!)).map(presentTemplate) }),
  ),
  endpoint(
    {
      method: 'post',
      path: '/response-templates',
      summary: 'Save a named template for my organisation (placeholders: {consumerName} {product} {number} {merchant} {deadline})',
      tag: TAG,
      policy: 'template:create',
      body: templateInput,
      response: templateSchema,
    },
    async ({ actor, body }) => presentTemplate(await createTemplate(actor!, body)),
  ),
  endpoint(
    {
      method: 'put',
      path: '/response-templates/:id',
      summary: "Rename or rewrite one of my organisation's templates",
      tag: TAG,
      policy: 'template:update',
      params: idParam,
      body: templateInput,
      response: templateSchema,
    },
    async ({ actor, params, body }) => presentTemplate(await updateTemplate(actor!, params.id, body)),
  ),
  endpoint(
    {
      method: 'delete',
      path: '/response-templates/:id',
      summary: "Delete one of my organisation's templates",
      tag: TAG,
      policy: 'template:delete',
      params: idParam,
      response: okSchema,
    },
    async ({ actor, params }) => {
      await deleteTemplate(actor!, params.id);
      return { ok: true as const };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/response-templates/:id/fill',
      summary: "A template's text for one complaint, its placeholders filled with what I may see of it",
      tag: TAG,
      policy: 'template:fill',
      params: idParam,
      query: templateFillQuery,
      response: filledTemplateSchema,
    },
    async ({ actor, params, query }) => fillTemplate(actor!, params.id, query.complaintId),
  ),
];
