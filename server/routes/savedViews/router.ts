// Saved queue views with their live counts (issue #10, item 2). The navigation asks for the list,
// counts included, whenever a complaint event reaches the viewer's socket.
import { idParam, okSchema } from '../../../shared/schemas/common.js';
import { savedViewInput, savedViewListSchema, savedViewSchema, type SavedViewFilters } from '../../../shared/schemas/savedViews.js';
import { deleteView, listViews, saveView } from '../../commands/savedViews.js';
import { viewCounts } from '../../complaints/viewCounts.js';
import { endpoint } from '../../http/endpoint.js';
import { presentView } from '../../presenters/officers.js';

const TAG = 'saved views';

export const savedViewRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/saved-views',
      summary: 'My saved queue views and those shared with my bureau, each with its count for me',
      tag: TAG,
      policy: 'view:list',
      response: savedViewListSchema,
    },
    async ({ actor }) => {
      const views = await listViews(actor!);
      const counts = await viewCounts(
        actor!,
        views.map((v) => v.filters as SavedViewFilters),
      );
      return { items: views.map((v, i) => presentView(v, actor!, counts[i]!)) };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/saved-views',
      summary: 'Save the queue filters under a name (optionally shared with my bureau)',
      tag: TAG,
      policy: 'view:save',
      body: savedViewInput,
      response: savedViewSchema,
    },
    async ({ actor, body }) => {
      const v = await saveView(actor!, body);
      const [n] = await viewCounts(actor!, [body.filters]);
      return presentView(v, actor!, n!);
    },
  ),
  endpoint(
    {
      method: 'delete',
      path: '/saved-views/:id',
      summary: 'Delete a view I saved',
      tag: TAG,
      policy: 'view:delete',
      params: idParam,
      response: okSchema,
    },
    async ({ actor, params }) => {
      await deleteView(actor!, params.id);
      return { ok: true as const };
    },
  ),
];
