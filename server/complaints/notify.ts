// Whoever an event concerns gets an in-app notification (pushed live) and a mail through the outbox.
// Both are keyed by (event key, user) and unique, so a repeated call notifies nobody twice.
import type mongoose from 'mongoose';
import { regionChain } from '../../shared/regions.js';
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { enqueueMail } from '../mail/outbox.js';
import { mailText, notice } from '../mail/templates.js';
import { addNotification } from '../notifications/unread.js';
import { UserModel } from '../models/User.js';
import { merchantSideAccounts } from '../policies/index.js';
import { emitTo } from '../realtime/emit.js';
import { publicUrl } from '../config.js';

export type Audience = 'consumer' | 'merchant' | 'regulators';

interface Target {
  _id: mongoose.Types.ObjectId | string;
  number: string;
  consumerId: unknown;
  merchantId: unknown;
  storeId: unknown;
  merchantName?: string;
  regulatorRegion: string;
  priority: string;
  product?: { name?: string } | null;
}

export async function recipients(c: Target, audiences: Audience[]) {
  const or: Record<string, unknown>[] = [];
  if (audiences.includes('consumer')) or.push({ _id: c.consumerId });
  if (audiences.includes('merchant')) or.push(...merchantSideAccounts(c.merchantId, [c.storeId]));
  if (audiences.includes('regulators')) {
    // The county and city bureaus; the province only for urgent complaints (it sees all, hears of few).
    const chain = regionChain(c.regulatorRegion).filter((r) => r.length > 2 || c.priority === 'urgent');
    or.push({ role: 'regulator', regionCode: { $in: chain } });
  }
  if (!or.length) return [];
  return UserModel.find({ $or: or, status: 'active' }, { _id: 1, email: 1, locale: 1 }).lean();
}

/** Notifies the audiences of a complaint about one event (`key` names the event, e.g. `<id>:3`). */
export async function notifyComplaint(
  c: Target,
  key: string,
  kind: string,
  audiences: Audience[],
  extra: Record<string, string> = {},
): Promise<number> {
  const users = await recipients(c, audiences);
  const n = notice(kind, { number: c.number, productName: c.product?.name, merchantName: c.merchantName }, extra);
  const link = `/complaints/${c._id}`;
  let count = 0;
  for (const u of users) {
    const doc = await addNotification({
      userId: u._id,
      key,
      kind,
      title: n.title,
      titleEn: n.titleEn,
      body: n.body,
      link,
      complaintId: c._id,
      at: now(),
    });
    if (doc) {
      emitTo([rooms.user(String(u._id))], 'notification', {
        id: String(doc._id),
        kind,
        title: u.locale === 'en' ? n.titleEn : n.title,
        link,
      });
      count++;
    }
    await enqueueMail({
      key,
      userId: u._id,
      to: u.email,
      subject: `[放心] ${n.title} / ${n.titleEn}`,
      text: mailText(n, publicUrl() + link),
    });
  }
  return count;
}
