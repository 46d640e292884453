// Tells the merchant's staff and the bureaus of the purchase county and its city about a breach,
// through the fan-out: once per (breach, account), so completing a breach again (a retry, a second
// instance) notifies nobody twice.
import type { Notice } from '../mail/templates.js';
import type { ReturnRequestRecord } from '../models/ReturnRequest.js';
import { fanOut, type FanOut } from '../notifications/fanout.js';
import { bureaus, merchantStaff } from '../notifications/recipients.js';

function texts(r: ReturnRequestRecord, kind: 'refused' | 'overdue'): Notice {
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

export function notifyBreach(r: ReturnRequestRecord, kind: 'refused' | 'overdue'): Promise<number> {
  return fanOut(breachFanOut(r, kind));
}

/** The fan-out of a breach (the seeder sends many in one `fanOutAll`). */
export function breachFanOut(r: ReturnRequestRecord, kind: 'refused' | 'overdue'): FanOut {
  return {
    cause: `return-breach:${r._id}`,
    kind: 'return_breach',
    to: [merchantStaff(r.merchantId, [r.purchaseStoreId, r.returnStoreId]), bureaus([r.countyCode], { province: false })],
    notice: texts(r, kind),
    link: (u) => (u.role === 'regulator' ? '/compliance' : r.complaintId ? `/complaints/${r.complaintId}` : '/returns/desk'),
    complaintId: r.complaintId ?? null,
  };
}
