// Incident reports (事故强制报告): an approved merchant reports a product-safety incident as the
// seller or the producer. The record is written in the request; after the answer the bureaus of the
// place (the county's and its city's) hear of it in-app, live and by mail, and the product's flag
// check counts it. Both steps repeat harmlessly (unique notification and mail keys, the flag's open
// key), so the sweep job finishes any report a crash cut short, marked by `delivered`.
import { isKeyCategory } from '../../shared/enums.js';
import { normalizeToken } from '../../shared/productKey.js';
import { cityOf } from '../../shared/regions.js';
import type { ReportIncidentInput } from '../../shared/schemas/incidents.js';
import { now } from '../clock.js';
import { checkProduct } from '../commands/detectFlags.js';
import { productSnapshot, resolveProduct, survivor } from '../commands/resolveProduct.js';
import { invalidField, notFound } from '../http/errors.js';
import type { Job } from '../jobs/scheduler.js';
import { logger } from '../logger.js';
import { IncidentModel, type IncidentRecord } from '../models/Incident.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductModel, type ProductRecord } from '../models/Product.js';
import { RegionModel } from '../models/Region.js';
import { fanOut } from '../notifications/fanout.js';
import { bureaus } from '../notifications/recipients.js';
import { approvedMerchant, type Actor } from '../policies/index.js';
import { regionName } from '../regions/names.js';

const SEVERITY: Record<string, [string, string]> = {
  none: ['无人受伤', 'nobody injured'],
  minor: ['轻伤', 'minor injuries'],
  serious: ['重伤', 'serious injuries'],
  fatal: ['死亡', 'fatal'],
};

async function productOf(input: ReportIncidentInput, merchantName: string): Promise<ProductRecord> {
  if (input.productId) {
    const p = (await ProductModel.findById(input.productId).lean()) as ProductRecord | null;
    if (!p) throw notFound('Product');
    return p.mergedInto ? survivor(p) : p;
  }
  const p = input.product!;
  // Without a barcode or brand + model the product is known by its name and producer (as a sampling row is).
  const fallback = `np:${p.category}:${normalizeToken(p.name)}:${normalizeToken(p.producer ?? merchantName)}`;
  return (await resolveProduct({ ...p, producer: p.producer ?? null }, fallback))!;
}

export async function reportIncident(actor: Actor, input: ReportIncidentInput): Promise<IncidentRecord> {
  const org = approvedMerchant(actor, await OrganizationModel.findById(actor.orgId).lean());
  const at = now();
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > at.getTime()) throw invalidField('occurredAt', 'The incident cannot have happened in the future');
  if (!(await RegionModel.exists({ code: input.countyCode }))) throw invalidField('countyCode', 'Unknown county');
  const product = await productOf(input, org.name);
  const snapshot = productSnapshot(product);
  const doc = await IncidentModel.create({
    productId: product._id,
    product: {
      name: snapshot.name,
      category: snapshot.category,
      brand: snapshot.brand,
      model: snapshot.model,
      gtin: snapshot.gtin,
      producer: snapshot.producer ?? (input.reporterRole === 'producer' ? org.name : null),
    },
    category: product.category,
    keyCategory: isKeyCategory(product.category),
    merchantId: org._id,
    merchantName: org.name,
    reporterRole: input.reporterRole,
    reportedBy: actor.id,
    kind: input.kind,
    injuredCount: input.injuredCount,
    severity: input.severity,
    description: input.description,
    countyCode: input.countyCode,
    cityCode: cityOf(input.countyCode),
    address: input.address,
    occurredAt,
    regionCodes: [input.countyCode],
    reportedAt: at,
  });
  const incident = doc.toObject() as IncidentRecord;
  // After the answer; the sweep (incidentNoticeJob) retries what this does not finish.
  setImmediate(
    () => void deliverIncident(incident).catch((err) => logger.warn({ err, incident: String(incident._id) }, 'incident notice failed')),
  );
  return incident;
}

/** Tells the bureaus of the place and checks the product's flag; then marks the report delivered. */
export async function deliverIncident(i: IncidentRecord): Promise<void> {
  const p = i.product as { name: string };
  const [sev, sevEn] = SEVERITY[i.severity] ?? [i.severity, i.severity];
  await fanOut({
    cause: `incident:${String(i._id)}`,
    kind: 'incident',
    to: [bureaus([i.countyCode], { province: false })],
    notice: {
      title: `产品安全事故报告：${p.name}`,
      titleEn: `Product-safety incident: ${p.name}`,
      body: `${i.merchantName ?? ''}报告${regionName(i.countyCode)}${i.address}发生产品安全事故（${i.injuredCount}人受伤，${sev}）。`,
      bodyEn: `${i.merchantName ?? ''} reported a product-safety incident at ${i.address}, ${regionName(i.countyCode, 'en')} (${i.injuredCount} injured, ${sevEn}).`,
    },
    link: `/incidents/${String(i._id)}`,
  });
  await checkProduct(String(i.productId));
  await IncidentModel.updateOne({ _id: i._id }, { $set: { notifiedAt: now(), delivered: true } });
}

/** Finishes the deliveries a crash or a failed fan-out left undone (reports older than a minute). */
export const incidentNoticeJob: Job = {
  name: 'incident-notices',
  everyMs: 5 * 60_000,
  async run(at) {
    const pending = await IncidentModel.find({ delivered: false }).limit(500).lean();
    let delivered = 0;
    for (const i of pending) {
      if (at.getTime() - new Date(i.reportedAt).getTime() < 60_000) continue;
      await deliverIncident(i as IncidentRecord);
      delivered++;
    }
    return { delivered };
  },
};
