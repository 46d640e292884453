// Account management (用户 page, bureau officers, merchant staff) and invitation links.
import { z } from 'zod';
import {
  type Account,
  acceptInvitationSchema,
  accountListQuery,
  accountPage,
  accountSchema,
  auditPage,
  auditQuery,
  invitationParams,
  invitationSchema,
  inviteSchema,
} from '../../../shared/schemas/accounts.js';
import { userSchema } from '../../../shared/schemas/auth.js';
import { idParam } from '../../../shared/schemas/common.js';
import { tokenFilter } from '../../search/tokens.js';
import { invitationOf } from '../../accounts/invitations.js';
import { acceptInvitation, inviteAccount, resendInvitation, setAccountEnabled } from '../../commands/manageAccounts.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { paginate } from '../../http/paginate.js';
import { bandedPage } from '../../db/sequence.js';
import { ACCOUNTS_SEQUENCE, accountTotal } from '../../accounts/numbers.js';
import { AuditEntryModel, type AuditEntryRecord } from '../../models/AuditEntry.js';
import { StoreModel } from '../../models/Store.js';
import { UserModel, type UserRecord } from '../../models/User.js';
import type { Actor } from '../../policies/index.js';
import { managedAccounts, managedAudit } from '../../policies/accounts.js';
import { presentAccount, presentAudit } from '../../presenters/account.js';
import { currentUser, signIn } from '../auth/router.js';

const TAG = 'accounts';

async function present(actor: Actor, users: UserRecord[]): Promise<Account[]> {
  const ids = [...new Set(users.flatMap((u) => (u.storeId ? [String(u.storeId)] : [])))];
  const names = new Map((await StoreModel.find({ _id: { $in: ids } }, { name: 1 }).lean()).map((s) => [String(s._id), s.name]));
  return users.map((u) => presentAccount(u, actor, names));
}

const presentOne = async (actor: Actor, user: UserRecord): Promise<Account> => (await present(actor, [user]))[0]!;

export const userRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/users',
      summary: 'Accounts I manage: search by name, email or organization; filter by role and status',
      tag: TAG,
      policy: 'user:list',
      query: accountListQuery,
      response: accountPage,
    },
    async ({ actor, query }) => {
      // Equality (scope, role, status, one search token; the query's other tokens checked on what it matched) + _id order + limit; the count uses the same filter.
      const filter: Record<string, unknown> = managedAccounts(actor!, query.role);
      if (query.status) filter.status = query.status;
      const search = query.q ? tokenFilter('search', query.q) : null;
      if (search) Object.assign(filter, search);
      // The admin's list of every account, or of one role, counts from the ledger; every account is
      // read a band at a time (server/accounts/numbers.ts).
      const counted = actor!.role === 'admin' && !query.status && !search;
      const [p, total] = await Promise.all([
        counted && !query.role ? bandedPage(UserModel, ACCOUNTS_SEQUENCE, {}, query) : paginate(UserModel, filter, query),
        counted ? accountTotal(query.role) : UserModel.countDocuments(filter),
      ]);
      return { items: await present(actor!, p.items as UserRecord[]), nextCursor: p.nextCursor, total };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/users/invitations',
      summary: 'Invite an account by email (a single-use link to set a password)',
      tag: TAG,
      policy: 'user:invite',
      body: inviteSchema,
      response: accountSchema,
    },
    async ({ actor, body }) => presentOne(actor!, await inviteAccount(actor!, body)),
  ),
  endpoint(
    {
      method: 'post',
      path: '/users/:id/resend-invitation',
      summary: 'Send a new invitation link (older links stop working)',
      tag: TAG,
      policy: 'user:resend-invitation',
      params: idParam,
      response: accountSchema,
      status: 200,
    },
    async ({ actor, params }) => presentOne(actor!, await resendInvitation(actor!, params.id)),
  ),
  endpoint(
    {
      method: 'post',
      path: '/users/:id/disable',
      summary: 'Disable an account: its sessions and sockets end at once',
      tag: TAG,
      policy: 'user:disable',
      params: idParam,
      response: accountSchema,
      status: 200,
    },
    async ({ actor, params }) => presentOne(actor!, await setAccountEnabled(actor!, params.id, false)),
  ),
  endpoint(
    {
      method: 'post',
      path: '/users/:id/enable',
      summary: 'Enable a disabled account again',
      tag: TAG,
      policy: 'user:enable',
      params: idParam,
      response: accountSchema,
      status: 200,
    },
    async ({ actor, params }) => presentOne(actor!, await setAccountEnabled(actor!, params.id, true)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/audit/accounts',
      summary: 'The audit trail of the accounts I manage, newest first',
      tag: TAG,
      policy: 'audit:list',
      query: auditQuery,
      response: auditPage,
    },
    async ({ actor, query }) => {
      const filter = managedAudit(actor!);
      const p = await paginate(AuditEntryModel, filter, query);
      return { items: (p.items as AuditEntryRecord[]).map(presentAudit), nextCursor: p.nextCursor };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/invitations/:token',
      summary: 'Who an invitation link is for',
      tag: TAG,
      policy: 'invitation:read',
      params: invitationParams,
      response: invitationSchema,
    },
    async ({ params }) => {
      const inv = await invitationOf(params.token);
      const u = await UserModel.findById(inv.userId).lean();
      if (!u || u.status !== 'invited') throw notFound('Invitation');
      const store = u.storeId ? await StoreModel.findById(u.storeId, { name: 1 }).lean() : null;
      return {
        name: u.name,
        email: u.email,
        role: u.role,
        orgName: u.orgName ?? null,
        storeName: store?.name ?? null,
        expiresAt: inv.expiresAt.toISOString(),
      };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/invitations/:token/accept',
      summary: 'Set a password and sign in (the link works once)',
      tag: TAG,
      policy: 'invitation:accept',
      params: invitationParams,
      body: acceptInvitationSchema,
      response: z.object({ user: userSchema }),
      status: 200,
    },
    async ({ req, params, body }) => {
      const user = await acceptInvitation(params.token, body.password);
      await signIn(req, { id: String(user._id), role: user.role, status: user.status, orgId: user.orgId ? String(user.orgId) : undefined });
      return currentUser(String(user._id));
    },
  ),
];
