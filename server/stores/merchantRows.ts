// The public registry's rows (server/models/MerchantRow.ts): each merchant's listing fields and credit
// tier, kept in line with its organization and its stored credit. Two flows write the sources (an
// approval, a credit computation), so a row is written only here, from both sources read after the row:
// each write names the version it read (a new row is an insert), a writer that finds the row moved reads
// again, and a row written after a source changed is at least as new as that change.
import mongoose from 'mongoose';
import { findByIds } from '../db/byIds.js';
import { firstWriter } from '../db/firstWriter.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { MerchantRowModel } from '../models/MerchantRow.js';
import { OrganizationModel } from '../models/Organization.js';

type Id = mongoose.Types.ObjectId;
interface Org {
  _id: Id;
  status?: string | null;
  name: string;
  creditCode?: string | null;
  regionCode: string;
  isChain?: boolean | null;
}
interface Row {
  _id: Id;
  status: string;
  name: string;
  creditCode?: string;
  regionCode: string;
  isChain: boolean;
  tier: string | null;
  v?: number;
}

const ORG = { status: 1, name: 1, creditCode: 1, regionCode: 1, isChain: 1 } as const;
const FIELDS = ['status', 'name', 'creditCode', 'regionCode', 'isChain', 'tier'] as const;

function rowOf(o: Org, tier: string | null): Row {
  return {
    _id: o._id,
    status: o.status ?? 'active',
    name: o.name,
    ...(o.creditCode != null ? { creditCode: o.creditCode } : {}),
    regionCode: o.regionCode,
    isChain: !!o.isChain,
    tier,
  };
}

const same = (a: Row, b: Row) => FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));

/** The rows the sources call for, and the stored rows, of these merchants (every merchant without ids). */
async function read(ids: string[] | null): Promise<{ have: Map<string, Row>; want: Map<string, Row> }> {
  const rows = ids ? await findByIds<Row>(MerchantRowModel, ids) : await MerchantRowModel.find({}).lean<Row[]>();
  const [orgs, credits] = ids
    ? await Promise.all([
        findByIds<Org & { kind: string }>(OrganizationModel, ids, { ...ORG, kind: 1 }),
        findByIds<{ tier: string }>(MerchantCreditModel, ids, { tier: 1 }),
      ])
    : await Promise.all([
        OrganizationModel.find({ kind: 'merchant' }, { ...ORG, kind: 1 }).lean<(Org & { kind: string })[]>(),
        MerchantCreditModel.find({}, { tier: 1 }).lean<{ _id: Id; tier: string }[]>(),
      ]);
  const tiers = new Map(credits.map((c) => [String(c._id), c.tier]));
  return {
    have: new Map(rows.map((r) => [String(r._id), r])),
    want: new Map(orgs.filter((o) => o.kind === 'merchant').map((o) => [String(o._id), rowOf(o, tiers.get(String(o._id)) ?? null)])),
  };
}

/** The merchants whose rows differ from their sources. */
async function differing(ids: string[] | null): Promise<{ id: string; old?: Row; row?: Row }[]> {
  const { have, want } = await read(ids);
  return [...new Set([...have.keys(), ...want.keys()])]
    .map((id) => ({ id, old: have.get(id), row: want.get(id) }))
    .filter(({ old, row }) => !old || !row || !same(old, row));
}

/** One pass; the merchants another writer moved first, to pass again. */
async function syncPass(ids: string[] | null): Promise<string[]> {
  const lost: string[] = [];
  for (const { id, old, row } of await differing(ids)) {
    const won = !row
      ? (await MerchantRowModel.deleteOne({ _id: id, v: old!.v ?? 0 })).deletedCount === 1
      : old
        ? (await MerchantRowModel.replaceOne({ _id: id, v: old.v ?? 0 }, { ...row, v: (old.v ?? 0) + 1 })).matchedCount === 1
        : await firstWriter(MerchantRowModel.create({ ...row, v: 1 }));
    if (!won) lost.push(id);
  }
  return lost;
}

/**
 * Brings the rows of these merchants (every merchant without ids) in line with their organizations and
 * stored credit: call after writing either.
 */
export async function syncMerchantRows(ids?: unknown[]): Promise<void> {
  for (let left = ids ? ids.map(String) : null; !left || left.length;) left = await syncPass(left);
}

/** How many rows differ from their sources (the rebuild's check; it then syncs them). */
export const merchantRowsDiffering = async () => (await differing(null)).length;

const BACKFILL = 'backfill:merchant-rows-v1';

/** A database written before the rows gets them once, at start. */
export async function backfillMerchantRows(): Promise<void> {
  if (await JobRunModel.exists({ key: BACKFILL })) return;
  await syncMerchantRows();
  await claim(BACKFILL, 'backfill');
}
