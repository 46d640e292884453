// What leaves the server of an incident report and of a post-sampling follow-up. The reporter's user
// id and the report file's storage key stay inside.
import type { FollowUp } from '../../shared/schemas/followUps.js';
import type { Incident } from '../../shared/schemas/incidents.js';
import type { IncidentRecord } from '../models/Incident.js';
import type { SamplingFollowUpRecord } from '../models/SamplingFollowUp.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
type P = { name: string; category: string; brand?: string | null; model?: string | null; gtin?: string | null; producer?: string | null };

/** The public description of a product as the record keeps it. */
function productOf(p: P) {
  return {
    name: p.name,
    category: p.category as Incident['product']['category'],
    brand: p.brand ?? null,
    model: p.model ?? null,
    gtin: p.gtin ?? null,
  };
}

export function presentIncident(i: IncidentRecord): Incident {
  const p = i.product as P;
  return {
    id: String(i._id),
    productId: String(i.productId),
    product: { ...productOf(p), producer: p.producer ?? null },
    keyCategory: i.keyCategory,
    merchantId: String(i.merchantId),
    merchantName: i.merchantName ?? null,
    reporterRole: i.reporterRole,
    kind: i.kind as Incident['kind'],
    injuredCount: i.injuredCount,
    severity: i.severity,
    description: i.description,
    countyCode: i.countyCode,
    cityCode: i.cityCode,
    address: i.address,
    occurredAt: new Date(i.occurredAt).toISOString(),
    reportedAt: new Date(i.reportedAt).toISOString(),
  };
}

export function presentFollowUp(f: SamplingFollowUpRecord): FollowUp {
  const p = f.product as P;
  const r = f.report;
  const re = f.resampling;
  return {
    id: String(f._id),
    samplingResultId: String(f.samplingResultId),
    productId: String(f.productId),
    product: productOf(p),
    producer: f.producer,
    merchantId: f.merchantId ? String(f.merchantId) : null,
    batch: f.batch ?? null,
    sampledOn: f.sampledOn,
    failedItems: f.failedItems ?? [],
    authority: f.authority ?? null,
    regionCode: f.regionCode,
    status: f.status,
    orderedAt: new Date(f.orderedAt).toISOString(),
    rectificationDueAt: new Date(f.rectificationDueAt).toISOString(),
    resamplingDueAt: new Date(f.resamplingDueAt).toISOString(),
    report: r
      ? {
          text: r.text ?? '',
          file: r.storageKey
            ? { name: r.fileName ?? 'file', size: r.size ?? 0, contentType: r.contentType ?? 'application/octet-stream' }
            : null,
          at: iso(r.at) ?? '',
        }
      : null,
    resampling: re ? { passed: !!re.passed, sampledOn: re.sampledOn ?? '', note: re.note ?? null, at: iso(re.at) ?? '' } : null,
    closedAt: iso(f.closedAt),
    closedOnTime: f.closedOnTime ?? null,
    overdue: !!f.overdue,
    caseId: f.caseId ? String(f.caseId) : null,
    escalatedAt: iso(f.escalatedAt),
  };
}
