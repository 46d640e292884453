// A merchant's credit inputs and its contests of them (docs/indices.md "Contesting an input"). The
// inputs are the complaint facts the credit tier counts (server/products/credit.ts), each with what
// it adds. A contest names one complaint, says why it should not count and carries a file; it goes to
// the bureau handling the complaint (where complaints are routed: the store's county, or the region a
// transfer moved it to). An accepted contest takes the complaint out of the credit inputs and the
// merchant's tier is recomputed at once; a rejected one leaves it in.
import mongoose from 'mongoose';
import { CREDIT_WINDOW_DAYS, type ContestDecisionInput, type CreditContest, type CreditInputs } from '../../shared/schemas/credit.js';
import { shanghaiDay } from '../../shared/calendar.js';
import type { Category, ComplaintStatus } from '../../shared/enums.js';
import { now } from '../clock.js';
import { withEvidence, type UploadedFile } from '../commands/addAttachment.js';
import { findByIds } from '../db/byIds.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/errors.js';
import { claim } from '../jobs/claim.js';
import type { Job } from '../jobs/scheduler.js';
import { logger } from '../logger.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { ComplaintFactModel, type ComplaintFactRecord } from '../models/ComplaintFact.js';
import { JobRunModel } from '../models/JobRun.js';
import { CreditContestModel, type CreditContestRecord } from '../models/CreditContest.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { UserModel } from '../models/User.js';
import { fanOut } from '../notifications/fanout.js';
import { bureaus, merchantStaff } from '../notifications/recipients.js';
import { authorizeVisible, governs, type Actor } from '../policies/index.js';
import { countsOf, refreshMerchantCredit } from '../products/credit.js';
import { readCounts } from '../counts/ledger.js';
import { audiences } from '../complaints/entries.js';
import { daysScope, readBuckets, type Bucket } from '../complaints/listBuckets.js';
import { firstWriter } from '../db/firstWriter.js';
import { bandOf, sequenceEnd } from '../db/sequence.js';
import { CREDIT_BAND, creditFactsNumbered, creditSequence } from '../products/factNumbers.js';

const DAY = 24 * 3600 * 1000;
const FACT_FIELDS = {
  complaintId: 1,
  createdAt: 1,
  status: 1,
  timelyResponse: 1,
  problemType: 1,
  promise: 1,
  satisfaction: 1,
  category: 1,
  number: 1,
  storeName: 1,
  filedProductName: 1,
} as const;

/** One day of one merchant's facts: two equalities the engine pushes down (it sorts nothing, the day's rows are sorted here). */
export const merchantDayFactsQuery = (merchantId: string, day: string) => ComplaintFactModel.find({ merchantId, day }, FACT_FIELDS);

type FactRow = Pick<ComplaintFactRecord, keyof typeof FACT_FIELDS>;
// Facts filed in the same millisecond (a breach's complaints, a bulk load) in one order on every read,
// so that the offset cursor pages them without a repeat or a gap.
const newestFirst = (a: FactRow, b: FactRow) =>
  new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (String(b.complaintId) < String(a.complaintId) ? -1 : 1);

/**
 * The merchant's first `want` facts since `sinceDay`, newest first. FerretDB sorts in memory whatever
 * a query matches, so one `{merchantId}` sorted read costs every fact of a chain (tens of thousands at
 * 200k complaints), and a week of a chain's facts is hundreds. The merchant's complaint list counts
 * its complaints per month and day of filing in the ledger (server/complaints/listBuckets.ts); the
 * days holding the page are read from the newest on, a few at once, as many as those counts say the
 * page still lacks. The day counts of every month the month counts say the page reaches are read at
 * once, not one month after the other; a month holding fewer facts than counted (a filing whose fact
 * its effects have not written yet) sends the reads on to the months after.
 */
async function newestFacts(merchantId: string, want: number, sinceDay: string): Promise<FactRow[]> {
  const audience = audiences.merchant(merchantId);
  const counts = await readCounts(audience);
  const months = Object.entries(counts)
    .flatMap(([k, n]) =>
      /^tm:\d{4}-\d{2}\|\*$/.test(k) && n > 0 && k.slice(3, 10) >= sinceDay.slice(0, 7) ? [{ month: k.slice(3, 10), n }] : [],
    )
    .sort((a, b) => (a.month < b.month ? 1 : -1));
  const daysOf = (month: string, ofMonth: Record<string, number>): Bucket[] => {
    // Day keys still in the merchant's own scope (a ledger not yet moved) count too.
    for (const [k, n] of Object.entries(counts)) if (k.startsWith(`td:${month}-`)) ofMonth[k] = (ofMonth[k] ?? 0) + n;
    return Object.entries(ofMonth)
      .flatMap(([k, n]) =>
        n > 0 && k.endsWith('|*') && k.startsWith('td:') && k.slice(3, 13) >= sinceDay
          ? [{ field: 'td' as const, value: k.slice(3, 13), n }]
          : [],
      )
      .sort((a, b) => (a.value < b.value ? 1 : -1));
  };
  const out: FactRow[] = [];
  for (let i = 0; out.length < want && i < months.length;) {
    const batch: string[] = [];
    for (let lacking = want - out.length; i < months.length && lacking > 0; i++) {
      batch.push(months[i]!.month);
      lacking -= months[i]!.n;
    }
    const ofMonths = await Promise.all(batch.map((month) => readCounts(daysScope(audience, month))));
    out.push(
      ...(await readBuckets(
        batch.flatMap((month, j) => daysOf(month, ofMonths[j]!)),
        want - out.length,
        async (b) => (await merchantDayFactsQuery(merchantId, b.value).lean<FactRow[]>()).sort(newestFirst),
      )),
    );
  }
  return out;
}

/** A band of one merchant's numbered facts (factNumbers.ts): two equalities the engine pushes down, at most CREDIT_BAND rows. */
export const merchantBandFactsQuery = (merchantId: string, band: number) =>
  ComplaintFactModel.find({ merchantId, creditBand: band }, { ...FACT_FIELDS, creditSeq: 1, contested: 1 });

/** The contests of one complaint, newest first (a contested row of the page). */
export const complaintContestsQuery = (complaintId: unknown) => CreditContestModel.find({ complaintId }).sort({ filedAt: -1 });

type Numbered = FactRow & { creditSeq?: number; contested?: boolean };
/** A page's facts (newest first) and the one after them, if any; the merchant's contests of them and how many it had accepted. */
type Read = { page: FactRow[]; after: FactRow | undefined; contests: CreditContestRecord[]; excluded: number };

/**
 * The page's facts by their numbers: the offset counts numbers from the newest, so the page is the
 * facts numbered in [upper - limit, upper), read as the bands that hold them (three for a page of 50),
 * and the first one numbered below it. A gap (a number whose fact moved or was never written) leaves
 * the page a row short and the bands below are read on for the one after. The contests read are those
 * of the page's rows that a contest was filed for, and the count of the merchant's accepted ones: not
 * every contest the merchant ever filed.
 */
async function numberedRead(merchantId: string, skip: number, limit: number): Promise<Read> {
  const upper = (await sequenceEnd(creditSequence(merchantId))) - skip;
  const lowest = upper - limit;
  const rows: Numbered[] = [];
  const read = async (bands: number[]) => {
    for (const part of await Promise.all(bands.map((b) => merchantBandFactsQuery(merchantId, b).lean<Numbered[]>())))
      for (const r of part) if (typeof r.creditSeq === 'number' && r.creditSeq < upper) rows.push(r);
  };
  const top = bandOf(upper - 1, CREDIT_BAND);
  let next = bandOf(Math.max(0, lowest - 1), CREDIT_BAND);
  if (upper > 0) await read(Array.from({ length: top - next + 1 }, (_, i) => top - i));
  while (next > 0 && !rows.some((r) => r.creditSeq! < lowest)) await read([--next]);
  const page = rows.filter((r) => r.creditSeq! >= lowest).sort(newestFirst);
  const after = rows.filter((r) => r.creditSeq! < lowest).sort((a, b) => b.creditSeq! - a.creditSeq!)[0];
  const [contests, accepted] = await Promise.all([
    Promise.all(page.filter((r) => r.contested).map((r) => complaintContestsQuery(r.complaintId).lean<CreditContestRecord[]>())),
    CreditContestModel.find({ merchantId, state: 'accepted' }, { complaintId: 1 }).lean(),
  ]);
  return {
    page,
    after,
    contests: contests.flat().filter((c) => String(c.merchantId) === merchantId),
    excluded: new Set(accepted.map((c) => String(c.complaintId))).size,
  };
}

/** The same from the days of the facts and every contest of the merchant: facts not numbered yet (backfillCreditNumbers). */
async function dayRead(merchantId: string, skip: number, limit: number, sinceDay: string): Promise<Read> {
  const [facts, contests] = await Promise.all([
    newestFacts(merchantId, skip + limit + 1, sinceDay),
    CreditContestModel.find({ merchantId }).sort({ filedAt: -1 }).lean<CreditContestRecord[]>(),
  ]);
  const excluded = new Set(contests.filter((c) => c.state === 'accepted').map((c) => String(c.complaintId))).size;
  return { page: facts.slice(skip, skip + limit), after: facts[skip + limit], contests, excluded };
}

/** One page of the merchant's credit inputs: the complaints of the window, each with what it counts for. */
export async function creditInputs(merchantId: string, q: { cursor?: string; limit: number }): Promise<CreditInputs> {
  const skip = Number(q.cursor ?? 0);
  const since = now().getTime() - CREDIT_WINDOW_DAYS * DAY;
  const [credit, read] = await Promise.all([
    MerchantCreditModel.findById(merchantId).lean(),
    (await creditFactsNumbered())
      ? numberedRead(merchantId, skip, q.limit)
      : dayRead(merchantId, skip, q.limit, shanghaiDay(new Date(since))),
  ]);
  // Newest first: a fact older than the window ends the inputs.
  const inWindow = (r: FactRow) => new Date(r.createdAt).getTime() >= since;
  const page = read.page.filter(inWindow);
  const latest = new Map<string, CreditContestRecord>();
  for (const c of read.contests) if (!latest.has(String(c.complaintId))) latest.set(String(c.complaintId), c);
  const excluded = new Set(read.contests.filter((c) => c.state === 'accepted').map((c) => String(c.complaintId)));
  // A fact carries what the row shows of its complaint; one written before it did (until the start-up
  // backfill reaches it) has its complaint read, as every row was: 50 reads by _id per page.
  const complaints = new Map(
    (
      await findByIds<ComplaintRecord>(
        ComplaintModel,
        page.filter((r) => r.number == null).map((r) => r.complaintId),
        { number: 1, storeName: 1, product: 1 },
      )
    ).map((c) => [String(c._id), c]),
  );
  const shown = (r: FactRow) =>
    r.number == null
      ? complaints.get(String(r.complaintId))
      : { number: r.number, storeName: r.storeName, product: { name: r.filedProductName, category: r.category } };
  return {
    creditTier: (credit?.tier as CreditInputs['creditTier']) ?? null,
    figures: (credit?.figures as Record<string, number | null>) ?? {},
    computedAt: credit?.at ? new Date(credit.at).toISOString() : null,
    windowDays: CREDIT_WINDOW_DAYS,
    excluded: read.excluded,
    items: page.map((r) => {
      const id = String(r.complaintId);
      const c = shown(r);
      const contest = latest.get(id);
      return {
        complaintId: id,
        number: c?.number ?? '',
        filedAt: new Date(r.createdAt).toISOString(),
        storeName: c?.storeName ?? '',
        productName: c?.product?.name ?? '',
        category: (c?.product?.category ?? 'other') as Category,
        problemType: r.problemType,
        status: r.status as ComplaintStatus,
        counts: countsOf(r as Record<string, unknown>),
        excluded: excluded.has(id),
        contest: contest ? { id: String(contest._id), state: contest.state as CreditContest['state'] } : null,
      };
    }),
    nextCursor: read.after && inWindow(read.after) ? String(skip + q.limit) : null,
  };
}

async function nameOf(actor: Actor): Promise<string> {
  return (await UserModel.findById(actor.id, { name: 1 }).lean())?.name ?? '';
}

/** The merchant contests one of its credit inputs; a second open (or accepted) contest of it answers 409. */
export async function fileContest(actor: Actor, input: { complaintId: string; reason: string }, file: UploadedFile | undefined) {
  if (!file || file.size === 0) throw badRequest('Send the evidence in the multipart field "file"');
  const complaint = (await ComplaintModel.findById(input.complaintId).lean()) as ComplaintRecord | null;
  // Another merchant's complaint is not disclosed.
  if (!complaint || String(complaint.merchantId) !== actor.orgId) throw notFound('Complaint');
  if (new Date(complaint.createdAt).getTime() < now().getTime() - CREDIT_WINDOW_DAYS * DAY)
    throw unprocessable('not_a_credit_input', `Only complaints of the last ${CREDIT_WINDOW_DAYS} days count towards the credit tier`);
  const region = complaint.regulatorRegion;
  // The fact says so first, so its row on the credit inputs page reads this complaint's contests: a
  // contest that then fails to be written leaves a mark that finds none, never a contest unmarked.
  await ComplaintFactModel.updateOne({ complaintId: complaint._id }, { $set: { contested: true } });
  const contest = await withEvidence(file, async (evidence) => {
    const doc = new CreditContestModel({
      merchantId: complaint.merchantId,
      merchantName: complaint.merchantName,
      complaintId: complaint._id,
      complaintNumber: complaint.number,
      storeName: complaint.storeName,
      productName: complaint.product?.name ?? '',
      slot: String(complaint._id),
      regionCode: region,
      regionCodes: [region],
      reason: input.reason,
      evidence,
      state: 'open',
      filedAt: now(),
      filedBy: actor.id,
      filedByName: await nameOf(actor),
    });
    if (!(await firstWriter(doc.save())))
      throw conflict('already_contested', 'This complaint is already contested or already left out of the credit tier');
    return doc.toObject() as CreditContestRecord;
  });
  await fanOut({
    cause: `credit-contest:${String(contest._id)}`,
    kind: 'credit_contest_filed',
    to: [bureaus([region], { province: false })],
    notice: {
      title: `信用异议：${complaint.merchantName}（投诉 ${complaint.number}）`,
      titleEn: `Credit contest: ${complaint.merchantName} (complaint ${complaint.number})`,
      body: `${complaint.merchantName}对投诉 ${complaint.number} 计入信用等级提出异议，并附证据。请审核后接受或驳回。`,
      bodyEn: `${complaint.merchantName} contests complaint ${complaint.number} counting towards its credit tier, with evidence. Accept or reject it.`,
    },
    link: '/credit-contests',
  }).catch((err) => logger.warn({ err }, 'credit contest notice failed'));
  return contest;
}

export async function visibleContest(actor: Actor | null, id: string): Promise<CreditContestRecord> {
  return authorizeVisible(actor, (await CreditContestModel.findById(id).lean()) as CreditContestRecord | null, 'Contest');
}

type Decision = { state: 'accepted' | 'rejected'; reason: string; at: Date; by: mongoose.Types.ObjectId; byName: string };
const decisionKey = (id: string) => `credit-contest-decision:${id}`;

/** A bureau over the complaint's handling region accepts (the complaint leaves the credit inputs) or rejects. */
export async function decideContest(actor: Actor, id: string, input: ContestDecisionInput): Promise<CreditContestRecord> {
  const c = await visibleContest(actor, id);
  if (!governs(actor, c.regionCode)) throw forbidden('Only a bureau over the complaint’s region decides its contest');
  if (c.state !== 'open') throw conflict('already_decided', `This contest is ${c.state}`);
  const state = input.decision === 'accept' ? 'accepted' : 'rejected';
  const d: Decision = { state, reason: input.reason, at: now(), by: new mongoose.Types.ObjectId(actor.id), byName: await nameOf(actor) };
  // Two officers deciding at once: the first insert of the decision's key wins, the other answers 409.
  // The claim holds the decision, so one a crash left unapplied is applied by the repair job.
  if (!(await claim(decisionKey(id), 'credit-contest', d))) throw conflict('already_decided', 'This contest was just decided');
  return applyDecision(c, d);
}

/** Writes a claimed decision onto its contest, recomputes the tier and tells the merchant (each step repeatable). */
async function applyDecision(c: CreditContestRecord, d: Decision): Promise<CreditContestRecord> {
  const { state, ...decision } = d;
  const id = String(c._id);
  // A rejection frees the complaint's slot for a new contest; an accepted contest keeps it out.
  const slot = state === 'rejected' ? `${String(c.complaintId)}:${id}` : c.slot;
  await CreditContestModel.updateOne({ _id: c._id }, { $set: { state, decision, slot } });
  if (state === 'accepted') await refreshMerchantCredit(String(c.merchantId));
  await fanOut({
    cause: decisionKey(id),
    kind: 'credit_contest_decided',
    to: [merchantStaff(c.merchantId, [])],
    notice:
      state === 'accepted'
        ? {
            title: `信用异议已接受：投诉 ${c.complaintNumber}`,
            titleEn: `Credit contest accepted: complaint ${c.complaintNumber}`,
            body: `监管部门接受了您的异议，投诉 ${c.complaintNumber} 不再计入信用等级，等级已重新计算。理由：${d.reason}`,
            bodyEn: `The bureau accepted your contest: complaint ${c.complaintNumber} no longer counts towards your credit tier, which was recomputed. Reason: ${d.reason}`,
          }
        : {
            title: `信用异议被驳回：投诉 ${c.complaintNumber}`,
            titleEn: `Credit contest rejected: complaint ${c.complaintNumber}`,
            body: `监管部门驳回了您的异议，投诉 ${c.complaintNumber} 仍计入信用等级。理由：${d.reason}`,
            bodyEn: `The bureau rejected your contest: complaint ${c.complaintNumber} still counts towards your credit tier. Reason: ${d.reason}`,
          },
    link: '/credit',
  }).catch((err) => logger.warn({ err }, 'credit contest decision notice failed'));
  return { ...c, state, decision, slot } as CreditContestRecord;
}

/** Applies the decisions claimed more than a minute ago whose contest is still open (a crash came between). */
export const contestDecisionJob: Job = {
  name: 'credit-contest-decisions',
  everyMs: 5 * 60_000,
  async run(at) {
    const open = (await CreditContestModel.find({ state: 'open' }).lean()) as CreditContestRecord[];
    let applied = 0;
    for (const c of open) {
      const run = await JobRunModel.findOne({ key: decisionKey(String(c._id)) }).lean();
      if (!run || at.getTime() - new Date(run.at).getTime() < 60_000) continue;
      const d = run.result as Decision;
      await applyDecision(c, { ...d, at: new Date(d.at), by: new mongoose.Types.ObjectId(String(d.by)) });
      applied++;
    }
    return { applied };
  },
};

export function presentContest(c: CreditContestRecord): CreditContest {
  const d = c.decision as { reason: string; at: Date; byName: string } | null;
  const e = c.evidence as { fileName: string; size: number; contentType: string };
  return {
    id: String(c._id),
    merchantId: String(c.merchantId),
    merchantName: c.merchantName,
    complaintId: String(c.complaintId),
    complaintNumber: c.complaintNumber,
    storeName: c.storeName,
    productName: c.productName,
    regionCode: c.regionCode,
    reason: c.reason,
    evidence: { name: e.fileName, size: e.size, contentType: e.contentType },
    state: c.state as CreditContest['state'],
    filedAt: new Date(c.filedAt).toISOString(),
    timeline: [
      { at: new Date(c.filedAt).toISOString(), action: 'filed' as const, byName: c.filedByName, text: c.reason },
      ...(d && c.state !== 'open'
        ? [{ at: new Date(d.at).toISOString(), action: c.state as 'accepted' | 'rejected', byName: d.byName, text: d.reason }]
        : []),
    ],
  };
}
