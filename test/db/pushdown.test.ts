import { expect } from 'chai';
import mongoose from 'mongoose';
import { SESSION_COLLECTION } from '../../server/auth/session.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { MerchantReturnFiguresModel } from '../../server/models/MerchantReturnFigures.js';
import { ReturnCommitmentModel } from '../../server/models/ReturnCommitment.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OrganizationModel } from '../../server/models/Organization.js';
import { MerchantRowModel } from '../../server/models/MerchantRow.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { ReturnFactModel } from '../../server/models/ReturnFact.js';
import { bureauReturnScope, consumerReturnScope, returnListScope } from '../../server/returns/counts.js';
import { publicScope } from '../../server/disclosure/counts.js';
import { reviewScope } from '../../server/returns/reviewRollup.js';
import { RegionModel } from '../../server/models/Region.js';
import { unreadScope } from '../../server/notifications/unread.js';
import { notificationSequence } from '../../server/notifications/numbers.js';
import { complaintListQuery } from '../../shared/schemas/complaint.js';
import { filterOf, pageQuery, plan } from '../../server/complaints/query.js';
import { daysScope } from '../../server/complaints/listBuckets.js';
import { searchProbe } from '../../server/complaints/search.js';
import { CUT_TERM } from '../../server/complaints/searchTerms.js';
import { ComplaintNumberModel } from '../../server/models/ComplaintNumber.js';
import { SubscriptionStampModel } from '../../server/models/SubscriptionStamp.js';
import { ComplaintEventModel, eventId } from '../../server/models/ComplaintEvent.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { ComplaintNoteModel } from '../../server/models/ComplaintNote.js';
import { SavedViewModel } from '../../server/models/SavedView.js';
import { ResponseTemplateModel } from '../../server/models/ResponseTemplate.js';
import { itemsOf, pendingOf } from '../../server/notifications/digest.js';
import { complaintKeys } from '../../server/notifications/subscriptions.js';
import { subscribers } from '../../server/notifications/recipients.js';
import { BulkJobModel } from '../../server/models/BulkJob.js';
import { BulkResultModel } from '../../server/models/BulkResult.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { CountSnapshotModel } from '../../server/models/CountSnapshot.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import { FlagEntryModel } from '../../server/models/FlagEntry.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { bandQuery, FLAG_LIST_ROWS_CLAIM, flagScope } from '../../server/products/flagEntries.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { DataAccessModel } from '../../server/models/DataAccess.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { SequenceBlockModel } from '../../server/models/SequenceBlock.js';
import { ACCOUNTS_SCOPE } from '../../server/accounts/numbers.js';
import { OpenDataExportModel } from '../../server/models/OpenDataExport.js';
import { OpenDataFigureModel } from '../../server/models/OpenDataFigure.js';
import { EnforcementCaseModel } from '../../server/models/EnforcementCase.js';
import { AbuseReviewModel } from '../../server/models/AbuseReview.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { ProductModel } from '../../server/models/Product.js';
import { ProductAliasModel } from '../../server/models/ProductAlias.js';
import { RecallModel } from '../../server/models/Recall.js';
import { RecallNoticeModel } from '../../server/models/RecallNotice.js';
import { IncidentModel } from '../../server/models/Incident.js';
import { CreditContestModel } from '../../server/models/CreditContest.js';
import { complaintContestsQuery, merchantBandFactsQuery, merchantDayFactsQuery } from '../../server/credit/contests.js';
import { SamplingFollowUpModel } from '../../server/models/SamplingFollowUp.js';
import { SamplingResultModel } from '../../server/models/SamplingResult.js';
import { cellScope, figureDayScope, figureScope, storeScope, topDayScope, topScope, WEEKS_SCOPE } from '../../server/analytics/rollup.js';
import { toActor } from '../../server/policies/actor.js';
import { UserModel } from '../../server/models/User.js';
import { StoreModel } from '../../server/models/Store.js';
import { recipientQueries } from '../../server/notifications/fanout.js';
import { bureaus } from '../../server/notifications/recipients.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { testEngine } from '../helpers/database.js';
import { pushdownProblems, type FindShape } from '../helpers/explain.js';
import { SamplingPlanAdjustmentModel } from '../../server/models/SamplingPlanAdjustment.js';
import { SamplingPlanItemModel } from '../../server/models/SamplingPlanItem.js';
import { planBandQuery } from '../../server/sampling/plan.js';
import { planItemId } from '../../server/sampling/riskPlan.js';
import { freshWorld } from '../helpers/server.js';

// Synchronous on purpose: awaiting a mongoose query would run it.
type Hot = (w: DemoWorld) => FindShape | mongoose.Query<any, any>;

const user = (w: DemoWorld, email: string) => w.users.get(email)!;
const actorOf = (w: DemoWorld, email: string) => toActor(user(w, email) as never);
const listQ = (q: Record<string, string>) => complaintListQuery.parse(q);

/**
 * Every hot read, by name, as the server builds it. One line adds a case: build the query with the
 * server function that issues it (before it runs), or write the find as the driver sends it.
 */
const HOT: Record<string, Hot> = {
  // connect-mongo's get(): _id plus an expiry $or, which FerretDB checks on the one row _id picks.
  'session by id (every request)': () => ({
    collection: SESSION_COLLECTION,
    filter: { _id: 'sid', $or: [{ expires: { $exists: false } }, { expires: { $gt: new Date() } }] },
    limit: 1,
  }),
  'user by _id (passport deserializeUser, GET /auth/me)': (w) => UserModel.findById(user(w, 'consumer@demo.fangxin.cn')._id),
  'organization by _id (GET /auth/me)': (w) => OrganizationModel.findById(w.chain._id),
  'notification recipients: the bureau of a county (fan-out after a filing)': () =>
    recipientQueries([bureaus(['330106'], { province: false })])[0]!,
  // The bell: one or two bands of the user's own notification numbers (server/notifications/numbers.ts).
  'notifications page, one band of my numbers (the bell, every page)': (w) =>
    NotificationModel.find({ userId: user(w, 'merchant@demo.fangxin.cn')._id, band: 3 }),
  "notifications page: the next block of my numbers' sequence (the bell, every page)": (w) =>
    SequenceBlockModel.findById(`${notificationSequence(user(w, 'merchant@demo.fangxin.cn')._id)}:7`),
  'notifications page after a cursor: its row, mine (GET /notifications?cursor=)': (w) =>
    NotificationModel.findOne({ userId: user(w, 'merchant@demo.fangxin.cn')._id, _id: w.chain._id }, { seq: 1 }),
  "unread count: the user's unsealed ledger deltas (every page)": (w) =>
    CountDeltaModel.find({ scope: unreadScope(user(w, 'merchant@demo.fangxin.cn')._id), sealed: false }, { d: 1 }),
  "unread count: the user's ledger snapshot by _id (every page)": (w) =>
    CountSnapshotModel.findById(`${unreadScope(user(w, 'merchant@demo.fangxin.cn')._id)}#1`),
  // The public list (server/disclosure/present.ts): a band of publication numbers of all records, or of a merchant's or a city's alone (days and months until they are numbered), a day or a month of publication of one or two filters', and the view's counts.
  'public complaints, one day (GET /public/complaints)': () => PublicComplaintModel.find({ day: '2026-03-10' }),
  'public complaints, one month (GET /public/complaints)': () => PublicComplaintModel.find({ month: '2026-03' }),
  'public complaints, one band of publication numbers (GET /public/complaints, no filter)': () => PublicComplaintModel.find({ band: 3 }),
  "public complaints of a merchant, one band of the merchant's numbers (GET /public/complaints?merchantId=)": (w) =>
    PublicComplaintModel.find({ merchantId: w.chain._id, merchantBand: 3 }),
  "public complaints of a city, one band of the city's numbers (GET /public/complaints?cityCode=)": () =>
    PublicComplaintModel.find({ cityCode: '3301', cityBand: 3 }),
  'public complaints of a merchant, the cursor row by _id, of the merchant (GET /public/complaints?merchantId=&cursor=)': (w) =>
    PublicComplaintModel.findOne({ merchantId: w.chain._id, _id: w.chain._id }, { merchantSeq: 1 }),
  'public complaints of a merchant, one day (GET /public/complaints?merchantId=)': (w) =>
    PublicComplaintModel.find({ merchantId: w.chain._id, day: '2026-03-10' }),
  'public complaints of a city, one month (GET /public/complaints?cityCode=)': () =>
    PublicComplaintModel.find({ cityCode: '3301', month: '2026-03' }),
  'public complaints of a category and a city, one day': () =>
    PublicComplaintModel.find({ category: 'toy', cityCode: '3301', day: '2026-03-10' }),
  'public complaints of a problem type, one month': () => PublicComplaintModel.find({ problemType: 'quality', month: '2026-03' }),
  "public complaint counts: a city's and a category's view, unsealed ledger deltas": () =>
    CountDeltaModel.find({ scope: publicScope('c:3301&k:toy'), sealed: false }, { d: 1 }),
  "public complaint counts: the view's unsealed ledger deltas": () =>
    CountDeltaModel.find({ scope: publicScope('c:3301'), sealed: false }, { d: 1 }),
  "public complaint counts: the view's ledger snapshot by _id": () => CountSnapshotModel.findById(`${publicScope('*')}#1`),
  'public complaint count of filters no view pairs (GET /public/complaints?merchantId=&cityCode= total)': (w) =>
    PublicComplaintModel.find({ merchantId: w.chain._id, cityCode: '3301' }, { _id: 1 }),
  // A merchant's desk list (server/returns/list.ts): whole when short, else a month or a day at a
  // time, as headquarters, store staff and the store filter read it; its count is the ledger's.
  'return desk list of a merchant, whole (GET /return-requests)': (w) => ReturnRequestModel.find({ merchantId: w.chain._id }),
  'return desk list of a merchant, one month': (w) => ReturnRequestModel.find({ merchantId: w.chain._id, month: '2026-03' }),
  'return desk list of a merchant, one day': (w) => ReturnRequestModel.find({ merchantId: w.chain._id, day: '2026-03-10' }),
  "return desk list of store staff, one day (the return store's view)": (w) =>
    ReturnRequestModel.find({ merchantId: w.chain._id, returnStoreId: w.stores[0]!._id, day: '2026-03-10' }),
  'return desk list filtered by store and status, one day': (w) =>
    ReturnRequestModel.find({ merchantId: w.chain._id, storeIds: w.stores[0]!._id, status: 'pending', day: '2026-03-10' }),
  'return desk list: the day of the cursor row': (w) => ReturnRequestModel.findById(w.chain._id, { day: 1 }),
  "return desk counts: the merchant's unsealed ledger deltas": (w) =>
    CountDeltaModel.find({ scope: returnListScope(w.chain._id), sealed: false }, { d: 1 }),
  "return desk counts: the merchant's ledger snapshot by _id": (w) => CountSnapshotModel.findById(`${returnListScope(w.chain._id)}#1`),
  // A consumer's list and a bureau's, a month or a day at a time as the desk's, and their counts.
  'returns of a consumer, one month (GET /return-requests)': (w) =>
    ReturnRequestModel.find({ consumerId: user(w, 'consumer@demo.fangxin.cn')._id, month: '2026-03' }),
  'returns of a consumer, one day, by status': (w) =>
    ReturnRequestModel.find({ consumerId: user(w, 'consumer@demo.fangxin.cn')._id, status: 'refused', day: '2026-03-10' }),
  'returns a bureau sees, one month (GET /return-requests)': () => ReturnRequestModel.find({ regionKeys: '3301', month: '2026-03' }),
  'returns a bureau sees, one day, at one store': (w) =>
    ReturnRequestModel.find({ regionKeys: '3301', storeIds: w.stores[0]!._id, day: '2026-03-10' }),
  "consumer's return counts: unsealed ledger deltas": (w) =>
    CountDeltaModel.find({ scope: consumerReturnScope(user(w, 'consumer@demo.fangxin.cn')._id), sealed: false }, { d: 1 }),
  "bureau's return counts: ledger snapshot by _id": () => CountSnapshotModel.findById(`${bureauReturnScope('3301')}#1`),
  'returns at one store, an admin (GET /return-requests?storeId=)': (w) =>
    ReturnRequestModel.find({ storeIds: w.stores[0]!._id }).sort({ _id: -1 }).limit(21),
  "a merchant's return figures (registry, profile)": (w) => MerchantReturnFiguresModel.findById(w.chain._id),
  // The public merchant registry (GET /api/merchants): the active merchants' rows, tier included (server/stores/merchantRows.ts).
  'public merchant registry page (GET /merchants)': () => MerchantRowModel.find({ status: 'active' }).sort({ _id: -1 }).limit(101),
  // Complaint lists (server/complaints/query.ts) as each role's page asks for its first page.
  "consumer's complaints, newest first": (w) => pageQuery(actorOf(w, 'consumer@demo.fangxin.cn'), listQ({ sort: 'newest' }))!,
  'merchant inbox tab by deadline': (w) => pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'todo', sort: 'deadline' }))!,
  // countComplaints: a search is counted over the audience's rows holding its first term, a month of filing at a time.
  'list counts of a search (inbox tab counts), one month': (w) =>
    ComplaintEntryModel.find(
      filterOf(plan(actorOf(w, 'merchant@demo.fangxin.cn'), { q: '热水' })!, { field: 'tm', value: '2026-11', n: 0 }),
      { tab: 1, status: 1, group: 1 },
    ),
  // GET /complaints/search: a typed number is its own term, in any month, within the searcher's audience.
  'complaint search: a whole number within the audience': () => searchProbe('region:3301', 'zj-20261130-000123'),
  // ... a word is read a month of filing at a time, newest first (the month's rows holding it are the cost).
  'complaint search: one term within the audience, one month': () => searchProbe('region:33', '热水', '2026-11'),
  // ... a word of three characters or more by one of its phrases (the same read), and the few complaints whose terms were cut.
  'complaint search: complaints whose terms were cut, within the audience': () => searchProbe('region:33', CUT_TERM),
  'merchant inbox closed tab, newest first': (w) =>
    pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'closed', sort: 'newest' }))!,
  'regulator queue, urgent section by deadline': (w) =>
    pageQuery(actorOf(w, 'regulator.hz@demo.fangxin.cn'), listQ({ status: 'open', priority: 'urgent', sort: 'deadline' }))!,
  'regulator queue, closed, newest first': (w) =>
    pageQuery(actorOf(w, 'regulator.hz@demo.fangxin.cn'), listQ({ status: 'closed', sort: 'newest' }))!,
  // The same lists over a large audience, one bucket at a time (server/complaints/listBuckets.ts).
  'province complaints, newest first, one day of filings': (w) =>
    pageQuery(actorOf(w, 'regulator.zj@demo.fangxin.cn'), listQ({ sort: 'newest' }), { field: 'td', value: '2026-11-30', n: 0 })!,
  // A list of more than two pages is read by bucket (query.ts pageRows): the consumer's list, a city's queue sections.
  "consumer's complaints, one month of filings": (w) =>
    pageQuery(actorOf(w, 'consumer@demo.fangxin.cn'), listQ({ sort: 'newest' }), { field: 'tm', value: '2026-11', n: 0 })!,
  // ... a month too big for the page, a third of it (旬) at a time when that is small (listBuckets.ts byTenDays).
  "consumer's complaints, one third of a month of filings": (w) =>
    pageQuery(actorOf(w, 'consumer@demo.fangxin.cn'), listQ({ sort: 'newest' }), { field: 'tx', value: '2026-11/3', n: 0 })!,
  'merchant inbox closed tab, one third of a month of filings': (w) =>
    pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'closed', sort: 'newest' }), { field: 'tx', value: '2026-11/3', n: 0 })!,
  'regulator queue 未分配 (unassigned), urgent, one month of due times': (w) =>
    pageQuery(
      actorOf(w, 'regulator.hz@demo.fangxin.cn'),
      listQ({ status: 'open', priority: 'urgent', assignee: 'none', sort: 'deadline' }),
      { field: 'dm', value: '2026-09', n: 0 },
    )!,
  'merchant inbox closed tab, one month of filings': (w) =>
    pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'closed', sort: 'newest' }), { field: 'tm', value: '2026-11', n: 0 })!,
  'merchant inbox tab by deadline, one day of due times': (w) =>
    pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'todo', sort: 'deadline' }), {
      field: 'dd',
      value: '2026-11-30',
      n: 0,
    })!,
  'regulator queue section by deadline, one month of due times': (w) =>
    pageQuery(actorOf(w, 'regulator.zj@demo.fangxin.cn'), listQ({ status: 'open', priority: 'normal', sort: 'deadline' }), {
      field: 'dm',
      value: '2026-12',
      n: 0,
    })!,
  // A month holding much more than the page lacks is read by day (listBuckets.ts).
  'regulator queue section by deadline, one day of due times': (w) =>
    pageQuery(actorOf(w, 'regulator.zj@demo.fangxin.cn'), listQ({ status: 'open', priority: 'normal', sort: 'deadline' }), {
      field: 'dd',
      value: '2026-07-01',
      n: 0,
    })!,
  'regulator queue, closed, one day of filings': (w) =>
    pageQuery(actorOf(w, 'regulator.zj@demo.fangxin.cn'), listQ({ status: 'closed', sort: 'newest' }), {
      field: 'td',
      value: '2026-11-30',
      n: 0,
    })!,
  // A day holding more than twice what the page lacks is read an hour at a time (listBuckets.ts byHours).
  'merchant inbox closed tab, one hour of filings': (w) =>
    pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'closed', sort: 'newest' }), {
      field: 'th',
      value: '2026-11-30T14',
      n: 0,
    })!,
  'merchant inbox responded tab by deadline, one hour of due times': (w) =>
    pageQuery(actorOf(w, 'merchant@demo.fangxin.cn'), listQ({ tab: 'responded', sort: 'deadline' }), {
      field: 'dh',
      value: '2026-12-07T09',
      n: 0,
    })!,
  'regulator queue, closed, one hour of filings': (w) =>
    pageQuery(actorOf(w, 'regulator.zj@demo.fangxin.cn'), listQ({ status: 'closed', sort: 'newest' }), {
      field: 'th',
      value: '2026-11-30T14',
      n: 0,
    })!,
  'regulator queue section by deadline, one hour of due times': (w) =>
    pageQuery(actorOf(w, 'regulator.zj@demo.fangxin.cn'), listQ({ status: 'open', priority: 'normal', sort: 'deadline' }), {
      field: 'dh',
      value: '2026-07-01T09',
      n: 0,
    })!,
  // A bureau's views (issue #10): 我的 and 未分配 are audiences of the same entries.
  'regulator queue 我的 (my assigned), urgent by deadline': (w) =>
    pageQuery(actorOf(w, 'regulator.hz@demo.fangxin.cn'), listQ({ status: 'open', priority: 'urgent', assignee: 'me', sort: 'deadline' }))!,
  'regulator queue 未分配 (unassigned), by deadline': (w) =>
    pageQuery(
      actorOf(w, 'regulator.hz@demo.fangxin.cn'),
      listQ({ status: 'open', priority: 'normal', assignee: 'none', sort: 'deadline' }),
    )!,
  'officers of a bureau (GET /officers, the assign picker)': (w) =>
    UserModel.find({ orgId: user(w, 'regulator.hz@demo.fangxin.cn').orgId, role: 'regulator', status: 'active' }, { name: 1 }).limit(500),
  "a complaint's internal notes (GET /complaints/:id/notes)": () =>
    ComplaintNoteModel.find({ complaintId: '000000000000000000000000' }).sort({ _id: 1 }).limit(500),
  // Saved views (GET /saved-views, in the navigation of every regulator page): the viewer's and the bureau's.
  "a user's saved views": () => SavedViewModel.find({ aud: 'user:000000000000000000000000' }).limit(30),
  'the saved views shared with a bureau': () => SavedViewModel.find({ aud: 'org:000000000000000000000000' }).limit(100),
  "a saved view's count beyond the ledger (a search), one month, capped": (w) =>
    ComplaintEntryModel.find(
      filterOf(plan(actorOf(w, 'regulator.hz@demo.fangxin.cn'), { status: 'open', q: '热水' })!, { field: 'tm', value: '2026-11', n: 0 }),
      { _id: 1 },
    ).limit(1000),
  // Response templates (GET /api/response-templates, the template manager and every form's picker).
  "an organisation's response templates by name": () =>
    ResponseTemplateModel.find({ orgId: '000000000000000000000000' }).sort({ name: 1 }).limit(100),
  // Notification settings: a filing's subscribers (one equality per key on the users' subs), the
  // digest job's pending items of a day and one user's items of that day.
  "a filing's subscribed regulators (one read per key)": () =>
    recipientQueries([
      subscribers(complaintKeys({ product: { category: 'toy' }, merchantId: '000000000000000000000000', countyCode: '330106' })),
    ])[0]!,
  "a filing's subscription check: the subscriptions stamp by _id": () => SubscriptionStampModel.findById('subscriptions', { token: 1 }),
  "the digest job: a day's pending items": () => pendingOf('2026-03-02'),
  "the digest job: one user's items of a day": () => itemsOf('000000000000000000000000', '2026-03-02'),
  // Bulk jobs (GET /bulk-jobs/:id, the runner's resume pass, a retried POST's Idempotency-Key).
  "a bulk job's results": () => BulkResultModel.find({ jobId: '000000000000000000000000' }).limit(1000),
  'bulk jobs still running (resumed on start and periodically)': () => BulkJobModel.find({ status: 'running' }).limit(50),
  "an officer's bulk job by Idempotency-Key": () => BulkJobModel.findOne({ ownerId: '000000000000000000000000', key: 'k' }),
  // The sealer marks a scope's folded deltas by this too (ledger.ts markSealed: the `_id` `$in` is filtered among these rows).
  'list counts: unsealed deltas of an audience': () => CountDeltaModel.find({ scope: 'merchant:x', sealed: false }),
  'list counts: snapshot generation by _id': () => CountSnapshotModel.findById('merchant:x#1'),
  // A large list's month read by day (query.ts pageRows) and the credit inputs read its month's day counts.
  "list day counts of an audience's month: unsealed deltas": () =>
    CountDeltaModel.find({ scope: daysScope('merchant:x', '2026-11'), sealed: false }, { d: 1 }),
  "list day counts of an audience's month: snapshot by _id": () => CountSnapshotModel.findById(`${daysScope('merchant:x', '2026-11')}#1`),
  // The dashboard (GET /api/analytics/summary, /timeseries, /map, /hotspots, /top/*): per week of the period.
  "dashboard figures: a week's unsealed deltas (province, city)": () =>
    CountDeltaModel.find({ scope: figureScope('33', '2026-W10'), sealed: false }),
  "dashboard figures: an edge week's per-day unsealed deltas": () =>
    CountDeltaModel.find({ scope: figureDayScope('3301', '2026-W10'), sealed: false }),
  "dashboard top merchants: a week's unsealed deltas": () =>
    CountDeltaModel.find({ scope: topScope('merchants', '3301', '2026-W10'), sealed: false }),
  "dashboard top merchants: an edge week's per-day unsealed deltas": () =>
    CountDeltaModel.find({ scope: topDayScope('merchants', '33', '2026-W10'), sealed: false }),
  "dashboard figures: a week's snapshot by _id": () => CountSnapshotModel.findById(`${figureScope('33', '2026-W10')}#1`),
  // The store pages (GET /api/merchant/stores, /api/public/stores/:id): the merchant's store counts of a quarter.
  "store pages: a merchant's quarter of store counts, unsealed deltas": () =>
    CountDeltaModel.find({ scope: storeScope('000000000000000000000000', '2026-Q1'), sealed: false }),
  "hotspots: a quarter's unsealed grid deltas (province)": () => CountDeltaModel.find({ scope: cellScope('33', '2026-Q4'), sealed: false }),
  "hotspots: a quarter's grid snapshot by _id (province)": () => CountSnapshotModel.findById(`${cellScope('33', '2026-Q4')}#1`),
  // A city or county officer reads only its city's grid.
  "hotspots: a quarter's unsealed grid deltas (city, county)": () =>
    CountDeltaModel.find({ scope: cellScope('3301', '2026-Q4'), sealed: false }),
  "hotspots: a quarter's grid snapshot by _id (city, county)": () => CountSnapshotModel.findById(`${cellScope('3301', '2026-Q4')}#1`),
  // A call with a `limit` checks the grids it keeps (ledger.ts readCountsKept): their unsealed deltas as above, and no newer generation.
  "hotspots with a limit: a kept grid's next generation, by _id": () =>
    CountSnapshotModel.exists({ _id: `${cellScope('33', '2026-Q4')}#2` }),
  'dashboard figures over all time: the weeks with complaints': () => CountDeltaModel.find({ scope: WEEKS_SCOPE, sealed: false }),
  "ledger: a scope's latest snapshot, once per process": () =>
    CountSnapshotModel.findOne({ scope: figureScope('3301', '2026-W10') }).sort({ gen: -1 }),
  // Flags, cases and abuse reviews: one read per region code under the bureau's (server/products/visibility.ts).
  'product flags of one county, one status (GET /product-flags while older flags get their list rows)': () =>
    ProductFlagModel.find({ regionCodes: '330106', status: 'open' }),
  // The flag lists (server/products/flagEntries.ts): a region and status, one score band, in order, what the page shows.
  'flag list rows of a region and status, one band (GET /product-flags)': () => bandQuery('33|open', 12),
  // Until an instance has seen it: whether every flag's rows carry what the list shows (the start-up backfill's claim).
  "flag lists: the list rows' backfill recorded, by its key (GET /product-flags, once per process)": () =>
    JobRunModel.exists({ key: FLAG_LIST_ROWS_CLAIM }),
  'flag list rows of a region and status, one band, one category (GET /product-flags?category=)': () =>
    bandQuery('3301|case_opened', 12, 'household_appliance'),
  "a flag's list rows (rewritten with the flag)": () => FlagEntryModel.find({ flagId: '000000000000000000000000' }),
  "flag list counts: the region and status's unsealed ledger deltas": () =>
    CountDeltaModel.find({ scope: flagScope('3301|open'), sealed: false }, { d: 1 }),
  "flag list counts: the region and status's ledger snapshot by _id": () => CountSnapshotModel.findById(`${flagScope('3301|open')}#1`),
  'enforcement cases of one county (GET /enforcement-cases)': () => EnforcementCaseModel.find({ regionCodes: '330106' }),
  'abuse reviews of one county, pending (GET /abuse-reviews)': () => AbuseReviewModel.find({ regionCodes: '330106', status: 'pending' }),
  // Result counts of the lists (their `total`): the same equalities as the page, counted.
  'return desk count of a combination the ledger does not count (status and breach)': (w) =>
    ReturnRequestModel.find({ merchantId: w.chain._id, status: 'refused', breach: true }, { _id: 1 }),
  'return list count of a bureau at one store (GET /return-requests?storeId= total)': (w) =>
    ReturnRequestModel.find({ regionKeys: '3301', storeIds: w.stores[0]!._id }, { _id: 1 }),
  'public registry count of a county (GET /return-commitments?region= total)': () =>
    ReturnCommitmentModel.find({ status: 'active', countyCodes: '330106' }, { _id: 1 }),
  // A store's public page (server/posters/storePage.ts): the commitments naming the store.
  'commitments covering a store (GET /public/stores/:id)': (w) => ReturnCommitmentModel.find({ storeIds: w.stores[0]!._id }),
  // The return review list (server/returns/compliance.ts): tier D merchants, the live commitments by
  // status (joined in code) and the cities of the trend.
  'credit tier D merchants (review list)': () => MerchantCreditModel.find({ tier: 'D' }),
  'live commitments of one status (review list)': () =>
    ReturnCommitmentModel.find({ status: 'suspended' }, 'merchantId scope status countyCodes merchantName'),
  'the cities (review list trend)': () => RegionModel.find({ level: 'city' }, 'code name nameEn'),
  // Its figures: the rollup of a month of the period, a city's or the province's (server/returns/reviewRollup.ts), and that month's
  // evidence (breaches and refusals) in a city, a county or the province.
  "return review rollup: a city's month, its unsealed ledger deltas": () =>
    CountDeltaModel.find({ scope: reviewScope('3301', '2026-03'), sealed: false }, { d: 1 }),
  "return review rollup: a city's month, its ledger snapshot by _id": () =>
    CountSnapshotModel.findById(`${reviewScope('3301', '2026-03')}#1`),
  "return review evidence of a city's month": () => ReturnFactModel.find({ returnCityCode: '3301', month: '2026-03', review: true }),
  "return review evidence of a county's month": () => ReturnFactModel.find({ returnCountyCode: '330106', month: '2026-03', review: true }),
  "return review evidence of the province's month": () => ReturnFactModel.find({ month: '2026-03', review: true }),
  // Return figures over a period (GET /api/analytics/returns?from=, stores page, compliance): week by week.
  'return figures of a merchant, one week of the period': (w) => ReturnFactModel.find({ merchantId: w.chain._id, week: '2026-W10' }),
  'return figures of a county, one week of the period': () => ReturnFactModel.find({ returnCountyCode: '330106', week: '2026-W10' }),
  // Recalls (server/routes/recalls/, server/recalls/): the public list, the reach figures, one's own notices,
  // and the reach job's reads of who a product concerns, one per product record and identity key.
  'published recalls, newest first (GET /public/recalls)': () => RecallModel.find({ listed: true }).sort({ publishedAt: -1 }).limit(21),
  "a recall's notices (GET /recalls/:id/reach, recall:reach)": () => RecallNoticeModel.find({ recallId: '000000000000000000000000' }),
  'my recall notices (GET /recall-notices)': (w) => RecallNoticeModel.find({ recipient: `org:${w.chain._id}` }),
  'recalls not yet reached (recall-reach job)': () => RecallModel.find({ reachDone: false }, { _id: 1 }),
  'complaint facts of a product (recall reach)': () =>
    ComplaintFactModel.find({ productId: '000000000000000000000000' }, { consumerId: 1, merchantId: 1 }),
  'returns naming a product by barcode (recall reach)': () =>
    ReturnRequestModel.find({ productKey: 'gtin:6901234567892' }, { consumerId: 1, merchantId: 1 }),
  'sampling records of a product (recall reach)': () =>
    SamplingResultModel.find({ productId: '000000000000000000000000' }, { producer: 1 }),
  'identity keys of a product (recall reach)': () => ProductAliasModel.find({ productId: '000000000000000000000000' }, { _id: 1 }),
  'product records merged into a product (recall reach)': () => ProductModel.find({ mergedInto: '000000000000000000000000' }, { _id: 1 }),
  // Incident reports and post-sampling follow-ups (server/routes/incidents/, server/routes/followUps/).
  "a county's incident reports (GET /incidents, one read per county of the bureau)": () =>
    IncidentModel.find({ regionCodes: '330106' }).sort({ reportedAt: -1 }),
  "a merchant's own incident reports (GET /incidents as a merchant)": (w) =>
    IncidentModel.find({ merchantId: w.chain._id }).sort({ reportedAt: -1 }),
  "a product's incident reports (product page, flag rules)": () =>
    IncidentModel.find({ productId: '000000000000000000000000' }).sort({ occurredAt: -1 }).limit(50),
  'incident reports not yet delivered (incident-notices job)': () => IncidentModel.find({ delivered: false }).limit(500),
  "a region's follow-ups of one status (GET /sampling-follow-ups?status=)": () =>
    SamplingFollowUpModel.find({ regionCodes: '3301', status: 'rectifying' }),
  "a region's overdue follow-ups (GET /sampling-follow-ups?overdue=true)": () =>
    SamplingFollowUpModel.find({ regionCodes: '3301', overdue: true }),
  "a region's follow-ups for its figures (GET /sampling-follow-ups/figures)": () =>
    SamplingFollowUpModel.find({ regionCodes: '3301' }, { status: 1, overdue: 1, caseId: 1, closedOnTime: 1, 'resampling.passed': 1 }),
  "a producer's follow-ups (GET /sampling-follow-ups as a merchant)": (w) =>
    SamplingFollowUpModel.find({ merchantId: w.chain._id }).sort({ orderedAt: -1 }),
  'open follow-ups of one step (sampling-follow-ups job)': () => SamplingFollowUpModel.find({ status: 'rectifying' }),
  "a product's open follow-ups (an import's re-sampling closes them)": () =>
    SamplingFollowUpModel.find({ productId: '000000000000000000000000', status: 'reported' }),
  // Credit inputs and contests (server/credit/contests.ts).
  "a merchant's credit inputs, a day at a time (GET /credit/inputs)": (w) => merchantDayFactsQuery(String(w.chain._id), '2026-10-01'),
  "a merchant's credit inputs, a band of its facts' numbers at a time (GET /credit/inputs)": (w) =>
    merchantBandFactsQuery(String(w.chain._id), 3),
  "a contested credit input's contests (GET /credit/inputs)": (w) => complaintContestsQuery(w.chain._id),
  "a merchant's credit contests (GET /credit/inputs, /credit/contests as a merchant)": (w) =>
    CreditContestModel.find({ merchantId: w.chain._id }).sort({ filedAt: -1 }),
  "a region's credit contests of one state (GET /credit/contests?state=)": () =>
    CreditContestModel.find({ regionCodes: '330106', state: 'open' }),
  "a merchant's accepted contests (credit tier of one merchant)": (w) =>
    CreditContestModel.find({ merchantId: w.chain._id, state: 'accepted' }, { complaintId: 1 }),
  // The risk-based sampling plan (server/sampling/plan.ts): a bureau's quarter, riskiest first, and its counts.
  "a bureau's sampling plan, one band of planned subjects (GET /sampling-plan)": () => planBandQuery('33', '2026-Q4', 'planned', 0),
  "a bureau's sampling plan, one band of every subject (GET /sampling-plan?show=all)": () => planBandQuery('33', '2026-Q4', 'all', 1),
  "a bureau's sampling plan, the cursor row's band (GET /sampling-plan?cursor=)": () =>
    SamplingPlanItemModel.findById(planItemId('33', '2026-Q4', '000000000000000000000000'), { band: 1 }),
  "a bureau's sampling plan, planned and sampled (its totals)": () =>
    SamplingPlanItemModel.find({ region: '3301', quarter: '2026-Q4', inPlan: true, wasSampled: true }, { _id: 1 }),
  "a bureau's plan adjustments of a quarter (sampling-plan job, before and after its row writes)": () =>
    SamplingPlanAdjustmentModel.find({ region: '3301', quarter: '2026-Q4' }, { override: 1, adjustment: 1 }),
  'complaint timeline event by _id': () => ComplaintEventModel.findById(eventId('000000000000000000000000', 1)),
  'events whose effects are owed (effect runner, on start and every few seconds)': () =>
    ComplaintEventModel.find({ effects: 'pending' }).limit(500),
  "the day's last block of complaint numbers (a filing that needs a new block)": () =>
    ComplaintNumberModel.findOne({ day: '20261130' }, { n: 1, size: 1 }).sort({ n: -1 }),
  // Open data (server/routes/openData/): the latest export, its figures of one level, the export list.
  'open data: latest finished export (GET /open-data/figures, /open-data/exports)': () =>
    OpenDataExportModel.findOne({ state: 'done' }).sort({ day: -1 }),
  'open data: figures of one level of an export (GET /open-data/figures?level=)': () =>
    OpenDataFigureModel.find({ scope: '000000000000000000000000:county' }).sort({ _id: -1 }).limit(51),
  "a city's open stores, per merchant (GET /public/rankings)": () =>
    StoreModel.find({ cityCode: '3301', status: 'open' }, { merchantId: 1 }),
  'open data: an export by its day (GET /open-data/exports/:day/:file)': () => OpenDataExportModel.findOne({ day: '2026-11-30' }),
  // A consumer's own data (server/routes/privacy/): the access log, and each read of the download.
  'my access log (GET /me/data-access)': (w) =>
    DataAccessModel.find({ consumerId: user(w, 'consumer@demo.fangxin.cn')._id })
      .sort({ _id: -1 })
      .limit(21),
  'my data download: my complaints (GET /me/data.zip)': (w) =>
    ComplaintModel.find({ consumerId: user(w, 'consumer@demo.fangxin.cn')._id }, { _id: 1 }),
  'my data download: my returns (GET /me/data.zip)': (w) =>
    ReturnRequestModel.find({ consumerId: user(w, 'consumer@demo.fangxin.cn')._id }).sort({ _id: -1 }),
  // The admin's outbox and account list, a band (at most 50 rows) at a time (server/db/sequence.ts), and the end of their sequence by _id.
  'admin outbox, one band of every mail (GET /admin/outbox)': () => OutboxMailModel.find({ band: 3 }),
  'admin outbox, one band of sent mails (GET /admin/outbox?status=sent)': () => OutboxMailModel.find({ status: 'sent', band: 3 }),
  'admin outbox, undelivered mails (GET /admin/outbox?status=failed)': () =>
    OutboxMailModel.find({ status: 'failed' }).sort({ _id: -1 }).limit(51),
  'admin outbox or account list: the next block of its sequence': () => SequenceBlockModel.findById('outbox:7'),
  'admin account list, one band (GET /users)': () => UserModel.find({ band: 3 }),
  "admin account list's total (GET /users): the ledger snapshot by _id": () => CountSnapshotModel.findById(`${ACCOUNTS_SCOPE}#1`),
  "admin account list's total: its unsealed ledger deltas": () => CountDeltaModel.find({ scope: ACCOUNTS_SCOPE, sealed: false }, { d: 1 }),
  'my data download: my mails (GET /me/data.zip)': (w) =>
    OutboxMailModel.find({ userId: user(w, 'consumer@demo.fangxin.cn')._id }).sort({ _id: -1 }),
  'my data download: my notifications (GET /me/data.zip)': (w) =>
    NotificationModel.find({ userId: user(w, 'consumer@demo.fangxin.cn')._id }).sort({ _id: -1 }),
};

describe('hot reads are answered from an index on FerretDB-over-PostgreSQL', function () {
  let world: DemoWorld;
  before(async function () {
    // The flags are FerretDB's; MongoDB (MONGODB_URI) and the SQLite engine answer differently.
    if (process.env.MONGODB_URI || testEngine() !== 'postgres') this.skip();
    this.timeout(120_000);
    world = await freshWorld();
  });

  for (const [name, build] of Object.entries(HOT)) {
    it(name, async () => {
      const problems = await pushdownProblems(build(world));
      expect(problems, `${name}: ${problems.join('; ')}`).to.deep.equal([]);
    });
  }

  it('flags a shape that is not pushed down, naming why', async () => {
    const problems = await pushdownProblems({
      collection: UserModel.collection.collectionName,
      filter: { $and: [{ role: 'consumer' }] },
      sort: { createdAt: -1 },
      limit: 20,
    });
    expect(problems.join('; ')).to.match(/\$and is never pushed down/);
  });
});
