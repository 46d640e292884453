// The daily digest mail: notifications of the kinds a user chose `digest` for wait as DigestItems, and
// after each Asia/Shanghai day ends one mail per user lists that day's, in the user's language. The
// mail is claimed by its outbox row's unique (key, userId) insert with key `digest:<day>`: whichever
// run (a second instance, the same job after a restart) inserts it first sends it, every later run
// finds it there and only marks the items done, so a day's digest goes out once.
import type mongoose from 'mongoose';
import type { Locale } from '../../shared/enums.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { now } from '../clock.js';
import { publicUrl } from '../config.js';
import { enqueueMail } from '../mail/outbox.js';
import { DigestItemModel, type DigestItemRecord } from '../models/DigestItem.js';
import { UserModel } from '../models/User.js';
import { firstWriter } from '../db/firstWriter.js';

/** Days back the job looks for pending digests (a server down for longer sends those days late, never twice). */
export const DIGEST_LOOKBACK_DAYS = 7;
const BATCH = 500;

export async function addToDigest(item: {
  userId: mongoose.Types.ObjectId;
  key: string;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  link: string;
}): Promise<void> {
  const at = now();
  await firstWriter(DigestItemModel.create({ ...item, day: shanghaiDay(at), pending: true, at }));
}

const DAY_MS = 86_400_000;

/** The Shanghai days before today still worth sending, newest last. */
export function digestDays(at: Date): string[] {
  return Array.from({ length: DIGEST_LOOKBACK_DAYS }, (_, i) => shanghaiDay(new Date(at.getTime() - (DIGEST_LOOKBACK_DAYS - i) * DAY_MS)));
}

/** A day's pending items (the job's read: equality on day and pending). */
export const pendingOf = (day: string) => DigestItemModel.find({ day, pending: true }).limit(BATCH);
/** One user's items of a day (equality on userId and day). */
export const itemsOf = (userId: string, day: string) => DigestItemModel.find({ userId, day }).limit(1000);

function digestText(day: string, items: DigestItemRecord[], locale: Locale): { subject: string; text: string } {
  const en = locale === 'en';
  const subject = en ? `[Fangxin] Your notifications of ${day} (${items.length})` : `[放心] ${day} 的通知摘要（${items.length} 条）`;
  const lines = items
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((i) => `• ${en ? i.titleEn : i.title}\n  ${i.body}\n  ${publicUrl()}${i.link}`);
  const head = en ? `What happened on ${day}:` : `${day} 的通知：`;
  const foot = en
    ? 'Change how you hear of each kind of event under Account → Notification settings.'
    : '可在“账户 → 通知设置”中更改各类事件的提醒方式。';
  return { subject, text: `${head}\n\n${lines.join('\n\n')}\n\n${foot}\n\n—— 放心 Fangxin ——\n` };
}

/** Sends every finished day's digest not yet sent; returns how many digest mails this run enqueued. */
export async function sendDigests(at = now()): Promise<number> {
  let sent = 0;
  for (const day of digestDays(at)) {
    for (;;) {
      const items = (await pendingOf(day).lean()) as DigestItemRecord[];
      if (!items.length) break;
      const byUser = new Set(items.map((i) => String(i.userId)));
      for (const userId of byUser) {
        const user = await UserModel.findById(userId, { email: 1, locale: 1, status: 1 }).lean();
        if (user && user.status === 'active') {
          // All of the user's items of the day, not only those of this batch.
          const all = (await itemsOf(userId, day).lean()) as DigestItemRecord[];
          const { subject, text } = digestText(day, all, (user.locale ?? 'zh-CN') as Locale);
          if (await enqueueMail({ key: `digest:${day}`, userId, to: user.email, subject, text })) sent++;
        }
        await DigestItemModel.updateMany({ userId, day }, { $set: { pending: false } });
      }
    }
  }
  return sent;
}
