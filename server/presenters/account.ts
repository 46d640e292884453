import type { Account } from '../../shared/schemas/accounts.js';
import type { AuditEntryRecord } from '../models/AuditEntry.js';
import type { UserRecord } from '../models/User.js';
import type { Actor } from '../policies/index.js';
import { managesAccount } from '../policies/accounts.js';
import { identity } from './user.js';

/** An account on a management page: never the hash, phone or search tokens. */
export function presentAccount(u: UserRecord, actor: Actor, storeNames: Map<string, string>): Account {
  return {
    ...identity(u),
    orgId: u.orgId ? String(u.orgId) : null,
    orgName: u.orgName ?? null,
    regionCode: u.regionCode ?? null,
    storeId: u.storeId ? String(u.storeId) : null,
    storeName: u.storeId ? (storeNames.get(String(u.storeId)) ?? null) : null,
    createdAt: (u as { createdAt?: Date }).createdAt?.toISOString() ?? '',
    manageable: managesAccount(actor, u),
  };
}

export function presentAudit(e: AuditEntryRecord) {
  return {
    id: String(e._id),
    at: e.at.toISOString(),
    action: e.action,
    actorName: e.actorName,
    actorRole: e.actorRole as Account['role'],
    targetId: String(e.targetId),
    targetName: e.targetName,
    targetEmail: e.targetEmail,
    orgName: e.orgName ?? null,
    storeName: e.storeName ?? null,
  };
}
