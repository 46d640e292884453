// What leaves the server of flags, cases, imports, sampling results and abuse reviews.
import type { ProductFlagRecord } from '../models/ProductFlag.js';
import { openableEvidence } from '../policies/products.js';
import type { Actor } from '../policies/index.js';
import type { EnforcementCaseRecord } from '../models/EnforcementCase.js';
import type { ImportJobRecord } from '../models/ImportJob.js';
import {
  IMPORT_ERROR_CODES,
  type AbuseReview,
  type Case,
  type Flag,
  type FlagListItem,
  LIST_COMPLAINT_IDS,
  type ImportErrorCode,
  type ImportJob,
  type ProductSnapshot,
  type PublicCase,
  type SamplingResult,
} from '../../shared/schemas/products.js';
import type { SamplingResultRecord } from '../models/SamplingResult.js';

const iso = (d: unknown) => (d ? new Date(d as Date).toISOString() : null);

// Mixed and enum-typed paths are cast to the contract's types; the response check holds them to it.
export function presentFlag(f: ProductFlagRecord): Flag {
  const e = (f.evidence ?? {}) as Record<string, unknown>;
  return {
    id: String(f._id),
    productId: String(f.productId),
    product: f.product as ProductSnapshot,
    category: f.category as Flag['category'],
    rules: f.rules as Flag['rules'],
    score: f.score,
    status: f.status as Flag['status'],
    evidence: {
      complaintIds: (e.complaintIds as string[]) ?? [],
      complaintCount: (e.complaintCount as number) ?? 0,
      merchantCount: (e.merchantCount as number) ?? 0,
      regionCodes: (e.regionCodes as string[]) ?? [],
      samplingFailures: (e.samplingFailures as number) ?? 0,
      cityCodes: (e.cityCodes as string[]) ?? [],
      merchantIds: (e.merchantIds as string[]) ?? [],
      complaintsInVolumeWindow: (e.complaintsInVolumeWindow as number) ?? 0,
      safetyIncidents: (e.safetyIncidents as number) ?? 0,
      safetyComplaintIds: (e.safetyComplaintIds as string[]) ?? [],
      incidentIds: (e.incidentIds as string[]) ?? [],
      samplingResults: (e.samplingResults as Flag['evidence']['samplingResults']) ?? [],
      spike: (e.spike as Flag['evidence']['spike']) ?? null,
    },
    regionCodes: f.regionCodes,
    caseId: f.caseId ? String(f.caseId) : null,
    raisedAt: iso(f.raisedAt),
    updatedAt: iso((f as { updatedAt?: Date }).updatedAt),
    closedAt: iso(f.closedAt),
  };
}

/** A flag as its lists show it (shared/schemas/products.ts flagListItemSchema): the list row's `shown`. */
export function presentFlagRow(f: ProductFlagRecord): FlagListItem {
  const { id, productId, product, category, rules, score, status, caseId, raisedAt, evidence: e } = presentFlag(f);
  const evidence = {
    complaintIds: e.complaintIds.slice(0, LIST_COMPLAINT_IDS),
    complaintCount: e.complaintCount,
    merchantCount: e.merchantCount,
    regionCodes: e.regionCodes,
    samplingFailures: e.samplingFailures,
  };
  return { id, productId, product, category, rules, score, status, caseId, raisedAt, evidence };
}

export function presentCase(c: EnforcementCaseRecord): Case {
  return {
    id: String(c._id),
    flagId: String(c.flagId),
    productId: String(c.productId),
    product: c.product as ProductSnapshot,
    producer: c.producer ?? null,
    status: c.status as Case['status'],
    version: c.version,
    assignedRegion: c.assignedRegion,
    bureauId: c.bureauId ? String(c.bureauId) : null,
    bureauName: c.bureauName ?? null,
    public: !!c.public,
    finding: c.finding ?? null,
    measures: c.measures ?? null,
    log: ((c.log ?? []) as Record<string, unknown>[]).map(
      (l) => ({ ...l, actorId: String(l.actorId), at: new Date(l.at as Date).toISOString() }) as Case['log'][number],
    ),
    createdAt: iso((c as { createdAt?: Date }).createdAt),
    updatedAt: iso((c as { updatedAt?: Date }).updatedAt),
    closedAt: iso(c.closedAt),
  };
}

/** The public problem-product list: no people, no evidence, only what the bureau published. */
export function presentPublicCase(c: EnforcementCaseRecord): Omit<PublicCase, 'merchants'> {
  const p = c.product as { name: string; category: string; brand?: string | null; model?: string | null; gtin?: string | null };
  return {
    id: String(c._id),
    product: { name: p.name, category: p.category, brand: p.brand ?? null, model: p.model ?? null, gtin: p.gtin ?? null },
    producer: c.producer ?? null,
    finding: c.finding ?? null,
    measures: c.measures ?? null,
    status: c.status as PublicCase['status'],
    bureauName: c.bureauName ?? null,
    date: iso(c.closedAt ?? (c as { updatedAt?: Date }).updatedAt),
  };
}

type StoredLineError = {
  line?: number | null;
  code?: string | null;
  field?: string | null;
  value?: string | null;
  message?: string | null;
};

export function presentImportJob(j: Omit<ImportJobRecord, 'lineErrors'> & { lineErrors?: StoredLineError[] }): ImportJob {
  return {
    id: String(j._id),
    status: j.status,
    done: j.done ?? 0,
    total: j.total ?? 0,
    inserted: j.inserted ?? 0,
    duplicates: j.duplicates ?? 0,
    encoding: j.encoding ?? null,
    fileName: j.fileName ?? null,
    errors: (j.lineErrors ?? []).map((e) => ({
      line: e.line ?? 0,
      code: (IMPORT_ERROR_CODES as readonly string[]).includes(e.code ?? '') ? (e.code as ImportErrorCode) : 'invalid',
      field: e.field ?? null,
      value: e.value ?? null,
      message: e.message ?? '',
    })),
  };
}

export function presentSampling(s: SamplingResultRecord): SamplingResult {
  return {
    id: String(s._id),
    productId: String(s.productId),
    productName: s.productName,
    category: s.category as SamplingResult['category'],
    gtin: s.gtin ?? null,
    brand: s.brand ?? null,
    model: s.model ?? null,
    producer: s.producer,
    batch: s.batch,
    sampledOn: s.sampledOn,
    passed: s.passed,
    failedItems: s.failedItems ?? [],
    authority: s.authority,
    regionCode: s.regionCode,
  };
}

/** A review as `actor` sees it: the evidence's complaints it may open are named (policies/products.ts). */
export function presentAbuse(
  r: {
    _id: unknown;
    consumerId: unknown;
    consumerName?: string | null;
    status: string;
    evidence: unknown;
    regionCodes?: string[];
    note?: string | null;
    decidedAt?: Date | null;
    createdAt?: Date;
  },
  actor: Actor | null,
): AbuseReview {
  // The counties stay on the server: the contract names the complaints, not where each was filed.
  const { complaintCounties: counties, ...evidence } = r.evidence as Omit<AbuseReview['evidence'], 'openableIds'> & {
    complaintCounties?: string[];
  };
  return {
    id: String(r._id),
    consumerId: String(r.consumerId),
    consumerName: r.consumerName ?? null,
    status: r.status as AbuseReview['status'],
    evidence: { ...evidence, openableIds: openableEvidence(actor, evidence.complaintIds, counties, r.regionCodes ?? []) },
    regionCodes: r.regionCodes ?? [],
    note: r.note ?? null,
    decidedAt: iso(r.decidedAt),
    createdAt: iso(r.createdAt),
  };
}
