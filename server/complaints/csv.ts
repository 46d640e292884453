// CSV export for bureaus (see http/csv.ts for the format). No personal data of consumers.
import { shanghaiDay } from '../../shared/calendar.js';
import type { Locale } from '../../shared/enums.js';
import { csvDocument } from '../http/csv.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { regionName } from '../regions/names.js';

const HEADER = [
  '编号 Number',
  '状态 Status',
  '提交日期 Filed',
  '优先级 Priority',
  '商家 Merchant',
  '门店 Store',
  '管辖区划 County',
  '受理区划 Handling region',
  '品类 Category',
  '商品 Product',
  'GTIN',
  '问题类型 Problem',
  '金额(元) Amount (CNY)',
  '诉求 Demand',
  '当前期限 Due',
  '按时答复 Responded in time',
  '满意度 Satisfaction',
  '区划代码 County code',
  '受理区划代码 Handling region code',
];

/** Regions by name in the reader's language; their codes last, for joining with other data. */
export function complaintsCsv(rows: ComplaintRecord[], locale: Locale = 'zh-CN'): string {
  const lines: unknown[][] = [HEADER];
  for (const c of rows) {
    const due = c.deadlines?.current?.dueAt;
    lines.push([
      c.number,
      c.status,
      shanghaiDay(new Date(c.createdAt)),
      c.priority,
      c.merchantName,
      c.storeName,
      regionName(c.countyCode, locale),
      regionName(c.regulatorRegion, locale),
      c.product?.category,
      c.product?.name,
      c.product?.gtin ?? '',
      c.problemType,
      ((c.purchase?.amountFen ?? 0) / 100).toFixed(2),
      c.demand?.type,
      due ? shanghaiDay(new Date(due)) : '',
      c.respondedAt ? (c.respondedInTime ? 'yes' : 'no') : '',
      (c.rating as { satisfaction?: number } | undefined)?.satisfaction ?? '',
      c.countyCode,
      c.regulatorRegion,
    ]);
  }
  return csvDocument(lines);
}
