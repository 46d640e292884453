// The 门店 page: a merchant's own stores with their badge and figures; add, edit, close.
import { idParam } from '../../../shared/schemas/common.js';
import { createStoreSchema, storeSchema, updateStoreSchema } from '../../../shared/schemas/directory.js';
import { managedStoreSchema, myStoresPage, myStoresQuery, type ManagedStore } from '../../../shared/schemas/stores.js';
import { closeStore, createStore, updateStore } from '../../commands/manageStore.js';
import { endpoint } from '../../http/endpoint.js';
import { paginate } from '../../http/paginate.js';
import { StoreModel, type StoreRecord } from '../../models/Store.js';
import type { Actor } from '../../policies/index.js';
import { presentStore } from '../../presenters/store.js';
import { storeCommitments, storeFigures } from '../../stores/figures.js';

const TAG = 'stores';

async function presentManaged(actor: Actor, stores: StoreRecord[]): Promise<ManagedStore[]> {
  const [figures, scopes] = await Promise.all([storeFigures(actor.orgId!), storeCommitments(actor.orgId!)]);
  return stores.map((s) => {
    const id = String(s._id);
    return {
      ...presentStore(s),
      closedAt: s.closedAt ? new Date(s.closedAt).toISOString() : null,
      commitmentBadge: scopes(id).length > 0,
      commitmentScopes: scopes(id),
      figures: figures(id),
    };
  });
}

export const storeRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/merchant/stores',
      summary: 'My stores (headquarters: all; store staff: their own), with badge and figures',
      tag: TAG,
      policy: 'store:mine',
      query: myStoresQuery,
      response: myStoresPage,
    },
    async ({ actor, query }) => {
      const a = actor!;
      // Equality on { merchantId, status } (or the staff's own _id) + _id order + limit: a pushed-down shape.
      const base: Record<string, unknown> = a.storeId ? { _id: a.storeId } : { merchantId: a.orgId };
      const [p, open, closed] = await Promise.all([
        paginate(StoreModel, { ...base, status: query.status }, query),
        StoreModel.countDocuments({ ...base, status: 'open' }),
        StoreModel.countDocuments({ ...base, status: 'closed' }),
      ]);
      return { items: await presentManaged(a, p.items as StoreRecord[]), nextCursor: p.nextCursor, counts: { open, closed } };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/stores',
      summary: 'Add a store to own merchant',
      tag: TAG,
      policy: 'store:create',
      body: createStoreSchema,
      response: storeSchema,
    },
    async ({ actor, body }) => presentStore(await createStore(actor!, body)),
  ),
  endpoint(
    {
      method: 'patch',
      path: '/stores/:id',
      summary: 'Change a store’s name, address or county',
      tag: TAG,
      policy: 'store:update',
      params: idParam,
      body: updateStoreSchema,
      response: managedStoreSchema,
    },
    async ({ actor, params, body }) => (await presentManaged(actor!, [await updateStore(actor!, params.id, body)]))[0]!,
  ),
  endpoint(
    {
      method: 'post',
      path: '/stores/:id/close',
      summary: 'Close a store: it keeps its history and takes no new complaints or returns',
      tag: TAG,
      policy: 'store:close',
      params: idParam,
      response: managedStoreSchema,
      status: 200,
    },
    async ({ actor, params }) => (await presentManaged(actor!, [await closeStore(actor!, params.id)]))[0]!,
  ),
];
