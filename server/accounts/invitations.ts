// Invitation links: a random token mailed through the outbox, stored only as its hash, valid 7 days,
// single-use. Issuing a new one (a resend) removes the account's older links.
import crypto from 'node:crypto';
import { publicUrl } from '../config.js';
import { now } from '../clock.js';
import { AppError, notFound } from '../http/errors.js';
import { enqueueMail } from '../mail/outbox.js';
import { InvitationModel, type InvitationRecord } from '../models/Invitation.js';
import { StoreModel } from '../models/Store.js';
import type { UserRecord } from '../models/User.js';

export const INVITATION_DAYS = 7;

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function issueInvitation(user: UserRecord, invitedBy: Pick<UserRecord, '_id' | 'name'>): Promise<void> {
  await InvitationModel.deleteMany({ userId: user._id });
  const token = crypto.randomBytes(32).toString('base64url');
  const at = now();
  const inv = await InvitationModel.create({
    tokenHash: hash(token),
    userId: user._id,
    invitedBy: invitedBy._id,
    createdAt: at,
    expiresAt: new Date(at.getTime() + INVITATION_DAYS * 86_400_000),
  });
  const store = user.storeId ? await StoreModel.findById(user.storeId, { name: 1 }).lean() : null;
  const where = [user.orgName, store?.name].filter(Boolean).join(' · ') || '放心 Fangxin';
  const link = `${publicUrl()}/invitation/${token}`;
  await enqueueMail({
    key: `invitation:${inv._id}`,
    userId: user._id,
    to: user.email,
    subject: `[放心] ${invitedBy.name} 邀请您加入 ${where} / You are invited to Fangxin`,
    text:
      `${user.name}，您好：\n\n${invitedBy.name} 邀请您使用放心平台（${where}）。请在 ${INVITATION_DAYS} 天内打开下面的链接设置密码，链接仅可使用一次。\n\n${link}\n\n—— 放心 Fangxin ——\n\n` +
      `Hello ${user.name},\n\n${invitedBy.name} invited you to Fangxin (${where}). Open the link within ${INVITATION_DAYS} days to set your password; it works once.\n\n${link}\n`,
  });
}

/** The live invitation of a token: 404 when unknown or already used, 422 when expired. */
export async function invitationOf(token: string): Promise<InvitationRecord> {
  const inv = (await InvitationModel.findOne({ tokenHash: hash(token) }).lean()) as InvitationRecord | null;
  if (!inv) throw notFound('Invitation');
  if (inv.expiresAt.getTime() < now().getTime())
    throw new AppError(422, 'invitation_expired', 'This invitation has expired; ask for a new one');
  return inv;
}
