// A locked account (or a forgotten password) can still sign in through a single-use link mailed to
// the account's address through the outbox. Asking for one never tells whether the email is known.
import crypto from 'node:crypto';
import { now } from '../clock.js';
import { publicUrl } from '../config.js';
import { clearFailures } from '../auth/lockout.js';
import { AppError } from '../http/errors.js';
import { LIMITS, take } from '../http/rateLimit.js';
import { claim } from '../jobs/claim.js';
import { enqueueMail } from '../mail/outbox.js';
import { SignInTokenModel } from '../models/SignInToken.js';
import { UserModel, type UserRecord } from '../models/User.js';

export const SIGN_IN_LINK_MINUTES = 15;

const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function sendSignInLink(email: string): Promise<void> {
  const user = await UserModel.findOne({ email }).lean();
  if (!user || user.status === 'rejected') return;
  // Per account as well as per address, so nobody can flood someone's mailbox with links.
  if (await take(`sign-in-link:e:${email}`, LIMITS['sign-in-link'].user)) return;
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenHash = hashOf(token);
  const at = now();
  await SignInTokenModel.create({
    tokenHash,
    userId: user._id,
    createdAt: at,
    expiresAt: new Date(at.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
  });
  // The token travels in the fragment, which browsers never send to a server or put in a Referer.
  const link = `${publicUrl()}/sign-in-link#token=${token}`;
  await enqueueMail({
    key: `sign-in-link:${tokenHash}`,
    userId: user._id,
    to: user.email,
    subject: '[放心] 登录链接 / Your sign-in link',
    text: `请在${SIGN_IN_LINK_MINUTES}分钟内打开下面的链接登录放心。链接只能使用一次；如果不是您本人申请，请忽略本邮件。\n\n${link}\n\n—— 放心 Fangxin ——\n\nOpen the link above within ${SIGN_IN_LINK_MINUTES} minutes to sign in to Fangxin. It works once; if you did not ask for it, ignore this mail.\n`,
  });
}

const invalid = () => new AppError(400, 'link_invalid', 'This sign-in link is invalid, already used or expired; ask for a new one');

/** The account a link signs in, once; a second use, an unknown or an expired link is refused. */
export async function redeemSignInLink(token: string): Promise<UserRecord> {
  const t = await SignInTokenModel.findOne({ tokenHash: hashOf(token) }).lean();
  if (!t || t.expiresAt.getTime() <= now().getTime()) throw invalid();
  if (!(await claim(`sign-in-link:${t.tokenHash}`, 'sign-in-link'))) throw invalid();
  const user = (await UserModel.findById(t.userId).lean()) as UserRecord | null;
  if (!user || user.status === 'rejected') throw invalid();
  // The owner proved control of the mailbox: the failures that locked the account are void.
  await clearFailures(user.email);
  return user;
}

export async function sweepSignInTokens(at: Date): Promise<number> {
  return (await SignInTokenModel.deleteMany({ expiresAt: { $lt: at } })).deletedCount;
}
