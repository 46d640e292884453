// The list filters of GET /api/complaints and the CSV export, always within the viewer's visibility.
import mongoose from 'mongoose';
import { CLOSED_STATUSES } from '../../shared/enums.js';
import type { ComplaintListQuery } from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import { badRequest } from '../http/errors.js';
import { literalPattern } from '../http/paginate.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import type { Actor } from '../policies/index.js';
import { visibleFilter } from '../policies/complaints.js';

const OPEN = ['awaiting_merchant', 'merchant_responded', 'awaiting_regulator', 'in_mediation'];

export function complaintFilter(actor: Actor, q: Omit<ComplaintListQuery, 'limit' | 'cursor' | 'sort'>): Record<string, unknown> {
  const and: Record<string, unknown>[] = [visibleFilter(actor)];
  if (q.status === 'open') and.push({ status: { $in: OPEN } });
  else if (q.status === 'closed') and.push({ status: { $in: CLOSED_STATUSES } });
  else if (q.status) and.push({ status: q.status });
  if (q.countyCode) and.push(q.countyCode.length === 6 ? { countyCode: q.countyCode } : { countyCode: new RegExp('^' + q.countyCode) });
  if (q.category) and.push({ 'product.category': q.category });
  if (q.merchantId) and.push({ merchantId: q.merchantId });
  if (q.priority) and.push({ priority: q.priority });
  if (q.overdue === 'true') and.push({ 'deadlines.current.dueAt': { $lt: now() } });
  if (q.overdue === 'false') and.push({ $or: [{ 'deadlines.current': null }, { 'deadlines.current.dueAt': { $gte: now() } }] });
  if (q.from) and.push({ createdAt: { $gte: new Date(q.from) } });
  if (q.to) and.push({ createdAt: { $lt: new Date(q.to) } });
  if (q.q) {
    const re = literalPattern(q.q);
    and.push({ $or: [{ number: re }, { 'product.name': re }, { 'product.brand': re }, { merchantName: re }, { storeName: re }, { description: re }] });
  }
  return { $and: and };
}

/**
 * Keyset pages: newest first on _id, or by due time (open items, soonest first) on (dueAt, _id).
 * The cursor of the deadline order is "<dueAt ms>_<id>".
 */
export async function listComplaints(actor: Actor, q: ComplaintListQuery): Promise<{ items: ComplaintRecord[]; nextCursor: string | null }> {
  const filter = complaintFilter(actor, q);
  const and = filter.$and as Record<string, unknown>[];
  let sort: Record<string, 1 | -1>;
  if (q.sort === 'deadline') {
    and.push({ 'deadlines.current.dueAt': { $ne: null } });
    sort = { 'deadlines.current.dueAt': 1, _id: 1 };
    if (q.cursor) {
      const m = /^(\d{1,15})_([0-9a-f]{24})$/.exec(q.cursor);
      if (!m) throw badRequest('cursor is not valid');
      const due = new Date(Number(m[1]));
      const id = new mongoose.Types.ObjectId(m[2]);
      and.push({ $or: [{ 'deadlines.current.dueAt': { $gt: due } }, { 'deadlines.current.dueAt': due, _id: { $gt: id } }] });
    }
  } else {
    sort = { _id: -1 };
    if (q.cursor) {
      if (!/^[0-9a-f]{24}$/.test(q.cursor)) throw badRequest('cursor is not valid');
      and.push({ _id: { $lt: new mongoose.Types.ObjectId(q.cursor) } });
    }
  }
  const rows = (await ComplaintModel.find(filter).sort(sort).limit(q.limit + 1).lean()) as ComplaintRecord[];
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  const last = items[items.length - 1];
  let nextCursor: string | null = null;
  if (more && last) nextCursor = q.sort === 'deadline' ? `${new Date(last.deadlines!.current!.dueAt!).getTime()}_${last._id}` : String(last._id);
  return { items, nextCursor };
}
