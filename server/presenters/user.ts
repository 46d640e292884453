import type { User } from '../../shared/schemas/auth.js';
import type { UserRecord } from '../models/User.js';

/** What of an account leaves the server: never the hash, never the phone. */
export function presentUser(u: UserRecord, org?: { name: string } | null, store?: { name: string } | null): User {
  return {
    id: String(u._id),
    name: u.name,
    email: u.email,
    role: u.role,
    status: u.status,
    locale: u.locale ?? 'zh-CN',
    ...(u.orgId ? { orgId: String(u.orgId) } : {}),
    ...(org ? { orgName: org.name } : {}),
    ...(u.regionCode ? { regionCode: u.regionCode } : {}),
    ...(u.role === 'merchant' && u.storeId ? { storeId: String(u.storeId), ...(store ? { storeName: store.name } : {}) } : {}),
  };
}
