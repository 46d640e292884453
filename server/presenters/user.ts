import type { User } from '../../shared/schemas/auth.js';
import type { UserRecord } from '../models/User.js';

/** Who an account is, as every presenter of accounts shows it: never the hash, never the phone. */
export function identity(u: UserRecord) {
  return { id: String(u._id), name: u.name, email: u.email, role: u.role, status: u.status };
}

/** The signed-in user's own account. */
export function presentUser(u: UserRecord, org?: { name: string } | null, store?: { name: string } | null): User {
  return {
    ...identity(u),
    locale: u.locale ?? 'zh-CN',
    ...(u.orgId ? { orgId: String(u.orgId) } : {}),
    ...(org ? { orgName: org.name } : {}),
    ...(u.regionCode ? { regionCode: u.regionCode } : {}),
    ...(u.role === 'merchant' && u.storeId ? { storeId: String(u.storeId), ...(store ? { storeName: store.name } : {}) } : {}),
  };
}
