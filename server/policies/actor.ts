import type { Role, AccountStatus } from '../../shared/enums.js';

/** The signed-in user as policies see it; null when signed out. */
export interface Actor {
  id: string;
  role: Role;
  status: AccountStatus;
  orgId?: string;
  regionCode?: string;
  /** Merchant staff of one store; a merchant account without it is headquarters (all stores). */
  storeId?: string;
  /**
   * The user's own name and phone as read when the request began: the answer to a filing shows them
   * to their owner without reading the user again (server/presenters/complaint.ts).
   */
  identity?: { name: string; phone?: string };
}

export function toActor(user: {
  _id: unknown;
  role: Role;
  status: AccountStatus;
  orgId?: unknown;
  regionCode?: string | null;
  storeId?: unknown;
  name?: string | null;
  phone?: string | null;
}): Actor {
  return {
    id: String(user._id),
    role: user.role,
    status: user.status,
    orgId: user.orgId ? String(user.orgId) : undefined,
    regionCode: user.regionCode ?? undefined,
    storeId: user.role === 'merchant' && user.storeId ? String(user.storeId) : undefined,
    identity: typeof user.name === 'string' ? { name: user.name, ...(user.phone ? { phone: user.phone } : {}) } : undefined,
  };
}
