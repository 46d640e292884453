// One audit entry per account change; the trail is insert-only (models/AuditEntry.ts).
import type { AUDIT_ACTIONS } from '../../shared/schemas/accounts.js';
import { now } from '../clock.js';
import { AuditEntryModel } from '../models/AuditEntry.js';
import type { UserRecord } from '../models/User.js';
import { StoreModel } from '../models/Store.js';

export async function audit(
  action: (typeof AUDIT_ACTIONS)[number],
  actor: Pick<UserRecord, '_id' | 'name' | 'role'>,
  target: UserRecord,
): Promise<void> {
  const store = target.storeId ? await StoreModel.findById(target.storeId, { name: 1 }).lean() : null;
  await AuditEntryModel.create({
    at: now(),
    action,
    actorId: actor._id,
    actorName: actor.name,
    actorRole: actor.role,
    targetId: target._id,
    targetName: target.name,
    targetEmail: target.email,
    targetRole: target.role,
    orgId: target.orgId ?? undefined,
    orgName: target.orgName ?? undefined,
    storeName: store?.name,
  });
}
