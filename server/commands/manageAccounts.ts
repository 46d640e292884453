// Invite, re-invite, disable and enable accounts; accept an invitation. Every change is audited.
import crypto from 'node:crypto';
import type { InviteInput } from '../../shared/schemas/accounts.js';
import { audit } from '../accounts/audit.js';
import { invitationOf, issueInvitation } from '../accounts/invitations.js';
import { endSessions } from '../accounts/sessions.js';
import { now } from '../clock.js';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from '../http/errors.js';
import { InvitationModel, InvitationUseModel } from '../models/Invitation.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { UserModel, type UserRecord } from '../models/User.js';
import { accountNumber, countAccount } from '../accounts/numbers.js';
import type { Actor } from '../policies/index.js';
import { invitesRole, managesAccount, seesAccount } from '../policies/accounts.js';
import { firstWriter } from '../db/firstWriter.js';
import { hashPassword } from '../auth/passwords.js';

async function me(actor: Actor): Promise<UserRecord> {
  const u = (await UserModel.findById(actor.id).lean()) as UserRecord | null;
  if (!u) throw notFound('Account');
  return u;
}

/** An account the actor may change: 404 outside what it sees, 403 for its own. */
export async function managedAccount(actor: Actor, id: string): Promise<UserRecord> {
  const u = (await UserModel.findById(id).lean()) as UserRecord | null;
  if (!u || !seesAccount(actor, u)) throw notFound('Account');
  if (!managesAccount(actor, u)) throw forbidden('You cannot change your own account here');
  return u;
}

/** Where the invitee belongs, decided by who invites (see shared/schemas/accounts.ts). */
async function placement(actor: Actor, input: InviteInput) {
  if (!invitesRole(actor, input.role)) throw forbidden(`You can invite ${actor.role} accounts only`);
  if (actor.role === 'merchant') {
    const org = await OrganizationModel.findById(actor.orgId).lean();
    if (!org) throw notFound('Merchant');
    if (input.regionCode)
      throw badRequest('regionCode is for bureau officers', [{ path: 'regionCode', message: 'not allowed for merchant staff' }]);
    let storeId;
    if (input.storeId) {
      const store = await StoreModel.findById(input.storeId).lean();
      if (!store || String(store.merchantId) !== actor.orgId) throw notFound('Store');
      if (store.status === 'closed') throw unprocessable('store_closed', `${store.name} is closed`);
      storeId = store._id;
    }
    return { role: 'merchant' as const, orgId: org._id, orgName: org.name, storeId };
  }
  if (input.storeId) throw badRequest('storeId is for merchant staff', [{ path: 'storeId', message: 'not allowed here' }]);
  const role = actor.role === 'admin' ? input.role : 'regulator';
  if (!role || role === 'merchant')
    throw badRequest('role must be admin or regulator', [{ path: 'role', message: 'choose admin or regulator' }]);
  if (role === 'admin') return { role };
  // A bureau invites its own officers; an admin names the region whose bureau the officer joins.
  const region = actor.role === 'regulator' ? actor.regionCode : input.regionCode;
  if (!region) throw badRequest('regionCode is required for an officer', [{ path: 'regionCode', message: 'required' }]);
  if (actor.role === 'regulator' && input.regionCode && input.regionCode !== actor.regionCode)
    throw forbidden('Officers join your own bureau');
  const bureau = await OrganizationModel.findOne({ key: `region:${region}` }).lean();
  if (!bureau) throw unprocessable('unknown_region', `No bureau governs ${region}`);
  return { role, orgId: bureau._id, orgName: bureau.name, regionCode: region };
}

export async function inviteAccount(actor: Actor, input: InviteInput): Promise<UserRecord> {
  const place = await placement(actor, input);
  const inviter = await me(actor);
  // No usable password until the invitee sets one: a random hash nobody knows.
  const passwordHash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
  const doc = new UserModel({
    ...(await accountNumber()),
    name: input.name,
    email: input.email,
    passwordHash,
    status: 'invited',
    locale: 'zh-CN',
    invitedBy: inviter._id,
    ...place,
  });
  if (!(await firstWriter(doc.save()))) throw conflict('email_taken', 'An account with this email already exists');
  const user = doc.toObject() as UserRecord;
  await countAccount(user);
  await issueInvitation(user, inviter);
  await audit('invite', inviter, user);
  return user;
}

export async function resendInvitation(actor: Actor, id: string): Promise<UserRecord> {
  const user = await managedAccount(actor, id);
  if (user.status !== 'invited') throw conflict('not_invited', 'This account has already set its password');
  const inviter = await me(actor);
  await issueInvitation(user, inviter);
  await audit('resend_invitation', inviter, user);
  return user;
}

/** Disabling ends the account's sessions and sockets at once; enabling restores its previous status. */
export async function setAccountEnabled(actor: Actor, id: string, enabled: boolean): Promise<UserRecord> {
  const user = await managedAccount(actor, id);
  if (enabled && user.status !== 'disabled') throw conflict('not_disabled', 'This account is not disabled');
  if (!enabled && user.status === 'disabled') throw conflict('already_disabled', 'This account is already disabled');
  // A consumer's own closing is final: it holds no identity to give back (server/privacy/close.ts).
  if (enabled && (user as { closedAt?: Date }).closedAt) throw conflict('account_closed', 'This account was closed by its owner');
  if (enabled)
    await UserModel.updateOne(
      { _id: user._id, status: 'disabled' },
      { $set: { status: user.disabledFrom ?? 'active' }, $unset: { disabledFrom: 1 } },
    );
  else await UserModel.updateOne({ _id: user._id }, { $set: { status: 'disabled', disabledFrom: user.status } });
  if (!enabled) await endSessions(String(user._id));
  await audit(enabled ? 'enable' : 'disable', await me(actor), user);
  return (await UserModel.findById(user._id).lean()) as UserRecord;
}

/** The invitee sets a password. The unique InvitationUse insert makes the link work exactly once. */
export async function acceptInvitation(token: string, password: string): Promise<UserRecord> {
  const inv = await invitationOf(token);
  const user = (await UserModel.findById(inv.userId).lean()) as UserRecord | null;
  if (!user || user.status !== 'invited') throw notFound('Invitation');
  if (!(await firstWriter(InvitationUseModel.create({ invitationId: inv._id, userId: user._id, at: now() }))))
    throw new AppError(409, 'invitation_used', 'This invitation has already been used');
  await UserModel.updateOne(
    { _id: user._id, status: 'invited' },
    { $set: { status: 'active', passwordHash: await hashPassword(password) } },
  );
  await InvitationModel.deleteMany({ userId: user._id });
  await audit('accept_invitation', user, user);
  return (await UserModel.findById(user._id).lean()) as UserRecord;
}
