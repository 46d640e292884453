// What leaves the server of a recall (public: no consumer, no evidence) and of one recipient's notice.
import type { Recall, RecallNotice } from '../../shared/schemas/recalls.js';
import type { RecallRecord } from '../models/Recall.js';
import type { RecallNoticeRecord } from '../models/RecallNotice.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentRecall(r: RecallRecord): Recall {
  const p = r.product as Recall['product'];
  return {
    id: String(r._id),
    caseId: String(r.caseId),
    product: { name: p.name, category: p.category, brand: p.brand ?? null, model: p.model ?? null, gtin: p.gtin ?? null },
    batches: r.batches,
    productionDates: r.productionDates ?? null,
    photos: r.photos,
    hazard: r.hazard,
    riskLevel: r.riskLevel as Recall['riskLevel'],
    consumerActions: r.consumerActions as Recall['consumerActions'],
    remedy: r.remedy,
    producer: r.producer ?? null,
    sellers: r.sellers.map((s) => ({ id: String(s.id), name: s.name ?? '' })),
    bureauName: r.bureauName ?? null,
    publishedAt: new Date(r.publishedAt).toISOString(),
  };
}

export function presentNotice(n: RecallNoticeRecord): RecallNotice {
  return {
    id: String(n._id),
    recallId: String(n.recallId),
    audience: n.audience,
    productName: n.productName,
    riskLevel: n.riskLevel as RecallNotice['riskLevel'],
    notifiedAt: new Date(n.notifiedAt).toISOString(),
    readAt: iso(n.readAt),
    acknowledgedAt: iso(n.acknowledgedAt),
  };
}
