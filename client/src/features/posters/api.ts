// A store's public page (where its QR poster leads), its QR code and its printable poster.
import { api } from '../../api/client';
import type { PublicStore } from '../../../../shared/schemas/posters';

export type { PublicStore };

export const getPublicStore = (id: string, signal?: AbortSignal) => api.get<PublicStore>(`/public/stores/${id}`, { signal });

export const qrUrl = (storeId: string) => `/api/public/stores/${storeId}/qr.png`;
export const posterUrl = (storeId: string, kind: 'pdf' | 'png') => `/api/stores/${storeId}/poster.${kind}?download=1`;
