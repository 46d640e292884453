import type { Store } from '../../shared/schemas/directory.js';
import type { StoreRecord } from '../models/Store.js';

export function presentStore(s: StoreRecord): Store {
  return {
    id: String(s._id),
    merchantId: String(s.merchantId),
    merchantName: s.merchantName,
    name: s.name,
    countyCode: s.countyCode,
    cityCode: s.cityCode,
    address: s.address,
    status: s.status ?? 'open',
  };
}
