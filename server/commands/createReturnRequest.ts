// A return recorded by the consumer or by staff at the return desk. Coverage is decided at once and
// stored with its reasons; a covered request gets the refund deadline the commitment promised.
// Staff never name a consumer: a desk return carries a receipt code the customer may claim it with
// (commands/claimReturn.ts), so only the consumer links their account and chooses contact consent.
import { randomInt } from 'node:crypto';
import mongoose from 'mongoose';
import { isoWeek, shanghaiDay } from '../../shared/calendar.js';
import { productKey } from '../../shared/productKey.js';
import { CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH, type Coverage, type CreateReturnInput } from '../../shared/schemas/returns.js';
import { now } from '../clock.js';
import { conflict, isDuplicateKey, notFound, unprocessable } from '../http/errors.js';
import { ReturnFactModel } from '../models/ReturnFact.js';
import { ReturnRequestModel, type ReturnRequestRecord } from '../models/ReturnRequest.js';
import { factOf } from '../returns/facts.js';
import { StoreModel, type StoreRecord } from '../models/Store.js';
import { merchantSide, type Actor } from '../policies/index.js';
import { emitTo, merchantRooms, regionRooms } from '../realtime/emit.js';
import { coverageFor, purchaseDayOf } from '../returns/load.js';
import { listKeys } from '../returns/listKeys.js';
import { returnCountDeltas } from '../returns/counts.js';
import { addDeltas } from '../counts/ledger.js';
import { refreshMerchantReturnFigures } from '../returns/merchantFigures.js';

const HOUR_MS = 3600 * 1000;

export interface CreateReturnOptions {
  idempotencyKey?: string;
  /** Demo seeding records requests in the past. */
  at?: Date;
  /** False: the caller refreshes the merchants' return figures once after several requests (the demo seed). */
  refreshFigures?: boolean;
}

function fingerprint(input: CreateReturnInput): string {
  return JSON.stringify([
    input.purchaseStoreId,
    input.returnStoreId,
    input.purchaseDate,
    input.amountFen,
    input.product.name,
    input.product.category,
  ]);
}

/** A fresh receipt code: 50 random bits, so codes cannot be guessed. */
/** A return names a product by its barcode only (it has no brand or model): the key recalls find it by. */
function withProductKey(p: { category: string; gtin?: string }): { productKey?: string } {
  const key = p.gtin ? productKey({ category: p.category, gtin: p.gtin }) : null;
  return key ? { productKey: key } : {};
}

export function newClaimCode(): string {
  return Array.from({ length: CLAIM_CODE_LENGTH }, () => CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)]).join('');
}

/**
 * The stored request, coverage already decided (the demo seeder builds many at once with it). A
 * consumer's own request is theirs with their consent choice; a desk request gets a receipt code.
 */
export function returnDoc(a: {
  id: mongoose.Types.ObjectId;
  idemKey: string;
  recordedBy: string;
  consumerId?: string;
  p: StoreRecord;
  r: StoreRecord;
  input: CreateReturnInput;
  purchaseDay: string;
  coverage: Coverage;
  at: Date;
}) {
  const { id, idemKey, recordedBy, consumerId, p, r, input, purchaseDay, coverage, at } = a;
  return {
    _id: id,
    idemKey,
    fingerprint: fingerprint(input),
    merchantId: p.merchantId,
    merchantName: p.merchantName,
    ...(consumerId ? { consumerId, contactAgreement: input.contactAgreement === true } : { claimCode: newClaimCode() }),
    recordedBy,
    purchaseStoreId: p._id,
    returnStoreId: r._id,
    purchaseStoreName: p.name,
    returnStoreName: r.name,
    countyCode: p.countyCode,
    regionCodes: [...new Set([p.countyCode, r.countyCode])],
    ...listKeys(p, r),
    purchaseCityCode: p.cityCode,
    returnCountyCode: r.countyCode,
    returnCityCode: r.cityCode,
    crossStore: String(p._id) !== String(r._id),
    crossCity: p.cityCode !== r.cityCode,
    purchaseDate: purchaseDay,
    amountFen: input.amountFen,
    product: input.product,
    ...withProductKey(input.product),
    reason: input.reason,
    covered: coverage.covered,
    coverage,
    dueAt: coverage.covered ? new Date(at.getTime() + coverage.refundWithinHours! * HOUR_MS) : undefined,
    status: 'pending',
    breach: false,
    day: shanghaiDay(at),
    month: shanghaiDay(at).slice(0, 7),
    week: isoWeek(at),
    createdAt: at,
    updatedAt: at,
  };
}

export async function createReturnRequest(
  actor: Actor,
  input: CreateReturnInput,
  opts: CreateReturnOptions = {},
): Promise<{ request: ReturnRequestRecord; created: boolean }> {
  const idemKey = opts.idempotencyKey ? `${actor.id}:${opts.idempotencyKey}` : null;
  if (idemKey) {
    const prior = await ReturnRequestModel.findOne({ idemKey }).lean();
    if (prior) return replay(prior, input);
  }
  const at = opts.at ?? now();
  const [p, r] = await Promise.all([StoreModel.findById(input.purchaseStoreId).lean(), StoreModel.findById(input.returnStoreId).lean()]);
  if (!p) throw notFound('Purchase store');
  if (!r) throw notFound('Return store');
  if (r.status === 'closed') throw unprocessable('store_closed', `${r.name} is closed and takes no new returns`);
  // Staff record returns at their own desks only (store staff: at their one store).
  if (actor.role === 'merchant' && !merchantSide(actor, r.merchantId, [r._id]))
    throw unprocessable('not_your_store', 'Record returns at one of your own stores');
  const purchaseDay = purchaseDayOf(input.purchaseDate);
  if (purchaseDay > shanghaiDay(at)) throw unprocessable('purchase_in_future', 'The purchase date is in the future');

  // Consent is the consumer's own choice: the desk cannot give it for them.
  if (actor.role !== 'consumer' && input.contactAgreement !== undefined)
    throw unprocessable('consent_not_yours', 'Only the consumer chooses whether the merchant may see their contact details');
  const consumerId = actor.role === 'consumer' ? actor.id : undefined;
  const coverage = await coverageFor(p, r, purchaseDay, input.product.category, at);
  const id = new mongoose.Types.ObjectId();
  const doc = returnDoc({ id, idemKey: idemKey ?? `auto:${id}`, recordedBy: actor.id, consumerId, p, r, input, purchaseDay, coverage, at });
  try {
    await ReturnRequestModel.create(doc);
  } catch (e) {
    // A concurrent twin with the same key won the insert: answer with its record.
    if (idemKey && isDuplicateKey(e)) {
      const prior = await ReturnRequestModel.findOne({ idemKey }).lean();
      if (prior) return replay(prior, input);
    }
    throw e;
  }
  const request = (await ReturnRequestModel.findById(id).lean())!;
  await Promise.all([ReturnFactModel.create(factOf(request)), addDeltas(returnCountDeltas('created', null, request))]);
  if (opts.refreshFigures !== false) await refreshMerchantReturnFigures(request.merchantId);
  emitTo([...merchantRooms(p.merchantId, [p._id, r._id]), ...regionRooms(r.countyCode)], 'return:updated', {
    id: String(id),
    status: 'pending',
    breach: false,
  });
  return { request, created: true };
}

function replay(prior: ReturnRequestRecord, input: CreateReturnInput) {
  if (prior.fingerprint !== fingerprint(input))
    throw conflict('idempotency_key_reused', 'This Idempotency-Key was used for a different return');
  return { request: prior, created: false };
}
