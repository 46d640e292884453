// Tells the merchant's staff and the bureaus of the purchase county and its city about a breach: an
// in-app notification pushed live and a mail through the outbox. Both are unique per (key, user), so
// completing a breach again (a retry, a second instance) notifies nobody twice.
import { regionChain } from '../../shared/regions.js';
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { publicUrl } from '../config.js';
import { enqueueMail } from '../mail/outbox.js';
import { addNotification } from '../notifications/unread.js';
import type { ReturnRequestRecord } from '../models/ReturnRequest.js';
import { UserModel } from '../models/User.js';
import { merchantSideAccounts } from '../policies/index.js';
import { emitTo } from '../realtime/emit.js';

function texts(r: ReturnRequestRecord, kind: 'refused' | 'overdue') {
  const yuan = (r.amountFen / 100).toFixed(2);
  const why = kind === 'refused' ? '拒绝了承诺范围内的退货' : '未在承诺时限内退款';
  const whyEn = kind === 'refused' ? 'refused a return its commitment covers' : 'did not refund within the promised hours';
  return {
    title: `无理由退货违诺：${r.merchantName}`,
    titleEn: `Return commitment breached: ${r.merchantName}`,
    body: `${r.returnStoreName}${why}（${r.product.name}，¥${yuan}），已生成“拒绝退货”投诉。`,
    bodyEn: `${r.returnStoreName} ${whyEn} (${r.product.name}, ¥${yuan}); a "return refused" complaint was opened.`,
  };
}

export async function notifyBreach(r: ReturnRequestRecord, kind: 'refused' | 'overdue'): Promise<number> {
  const key = `return-breach:${r._id}`;
  const regions = regionChain(r.countyCode).filter((c) => c.length > 2);
  const users = await UserModel.find(
    {
      status: 'active',
      $or: [
        ...merchantSideAccounts(r.merchantId, [r.purchaseStoreId, r.returnStoreId]),
        { role: 'regulator', regionCode: { $in: regions } },
      ],
    },
    { _id: 1, email: 1, locale: 1, role: 1 },
  ).lean();
  const t = texts(r, kind);
  let count = 0;
  for (const u of users) {
    const link = u.role === 'regulator' ? '/compliance' : r.complaintId ? `/complaints/${r.complaintId}` : '/returns/desk';
    const doc = await addNotification({
      userId: u._id,
      key,
      kind: 'return_breach',
      title: t.title,
      titleEn: t.titleEn,
      body: t.body,
      link,
      complaintId: r.complaintId ?? null,
      at: now(),
    });
    if (doc) {
      emitTo([rooms.user(String(u._id))], 'notification', {
        id: String(doc._id),
        kind: 'return_breach',
        title: u.locale === 'en' ? t.titleEn : t.title,
        link,
      });
      count++;
    }
    await enqueueMail({
      key,
      userId: u._id,
      to: u.email,
      subject: `[放心] ${t.title} / ${t.titleEn}`,
      text: `${t.title}\n\n${t.body}\n\n查看 / View: ${publicUrl()}${link}\n\n—— 放心 Fangxin ——\n\n${t.titleEn}\n\n${t.bodyEn}\n`,
    });
  }
  return count;
}
