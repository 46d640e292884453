import { api } from '../../api/client';
import type { z } from 'zod';
import type { ManagedStore, myStoresPage } from '../../../../shared/schemas/stores';
import type { StoreStatus } from '../../../../shared/enums';

export type { ManagedStore };

export interface StoreInput {
  name: string;
  countyCode: string;
  address: string;
}

export type MyStoresPage = z.infer<typeof myStoresPage>;

export const listMyStores = (status: StoreStatus, cursor: string | null, signal?: AbortSignal) =>
  api.get<MyStoresPage>('/merchant/stores', { query: { status, cursor, limit: 20 }, signal });
export const createStore = (body: StoreInput) => api.post<ManagedStore>('/stores', body);
export const updateStore = (id: string, body: Partial<StoreInput>) => api.patch<ManagedStore>(`/stores/${id}`, body);
export const closeStore = (id: string) => api.post<ManagedStore>(`/stores/${id}/close`, {});
