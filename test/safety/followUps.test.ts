// Post-sampling follow-up: a failed sampling import orders the producer to rectify by a deadline in
// working days; the producer's report (text + file) and the bureau's re-sampling close it; an overdue
// one escalates to exactly one enforcement case, however often and however concurrently the job runs.
import { expect } from 'chai';
import { addWorkingDays } from '../../shared/calendar.js';
import { RECTIFICATION_WORKING_DAYS, RESAMPLING_WORKING_DAYS } from '../../shared/schemas/followUps.js';
import { now, testClock } from '../../server/clock.js';
import { runSamplingImport } from '../../server/commands/importSampling.js';
import { escalate, runFollowUps } from '../../server/followUps/escalate.js';
import { CaseEventModel } from '../../server/models/CaseEvent.js';
import { EnforcementCaseModel } from '../../server/models/EnforcementCase.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import { SamplingFollowUpModel, type SamplingFollowUpRecord } from '../../server/models/SamplingFollowUp.js';
import { toActor } from '../../server/policies/actor.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const HEADER = '产品名称,类别,品牌,型号,生产企业,批次,抽样日期,检验结果,不合格项目,抽查机关,地区代码';
const row = (producer: string, batch: string, day: string, result: string, region = '330106') =>
  `燃气灶,gas_appliance,明火,FU-${producer.length},${producer},${batch},${day},${result},${result === '不合格' ? '熄火保护' : ''},杭州市市场监督管理局,${region}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('post-sampling follow-up', function () {
  this.timeout(120_000);
  let world: DemoWorld;
  let srv: TestServer;
  let hz: ApiClient;
  let yw: ApiClient;
  let shop: ApiClient;

  async function importRows(lines: string[]) {
    const hzActor = toActor(world.users.get(DEMO.regulatorHz)!);
    await runSamplingImport('000000000000000000000001', Buffer.from([HEADER, ...lines].join('\n') + '\n'), hzActor);
  }
  const followUpOf = async (batch: string) => (await SamplingFollowUpModel.findOne({ batch }).lean()) as SamplingFollowUpRecord;

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    [hz, yw, shop] = (await Promise.all(
      [DEMO.regulatorHz, DEMO.regulatorYw, DEMO.shop].map((e) => signedIn(srv.url, e)),
    )) as ApiClient[] as [ApiClient, ApiClient, ApiClient];
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  it('a failed sampling orders its producer to rectify within working days; a passed one opens nothing', async () => {
    const orderedAt = now();
    // The demo shop is the producer: its merchant is found by name and told.
    await importRows([row(world.shop.name, 'B-1', '2026-11-20', '不合格'), row(world.shop.name, 'B-OK', '2026-11-01', '合格')]);
    const f = await followUpOf('B-1');
    expect(f.status).to.equal('rectifying');
    expect(String(f.merchantId)).to.equal(String(world.shop._id));
    expect(f.regionCodes).to.deep.equal(['330106']);
    const due = addWorkingDays(orderedAt, RECTIFICATION_WORKING_DAYS);
    expect(new Date(f.rectificationDueAt).toISOString()).to.equal(due.toISOString());
    expect(new Date(f.resamplingDueAt).toISOString()).to.equal(addWorkingDays(due, RESAMPLING_WORKING_DAYS).toISOString());
    expect(await SamplingFollowUpModel.countDocuments({ batch: 'B-OK' })).to.equal(0);
    const shopUser = world.users.get(DEMO.shop)!._id;
    expect(await NotificationModel.countDocuments({ userId: shopUser, key: `follow-up:${f._id}` })).to.equal(1);
    const mine = await shop.get('/sampling-follow-ups');
    expect(mine.status, mine.text).to.equal(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).to.include(String(f._id));
  });

  it('the producer sends its report with a file; the bureau records the re-sampling; figures count it', async () => {
    const f = await followUpOf('B-1');
    const form = new FormData();
    form.set('text', '已更换熄火保护装置并全检库存。');
    form.set('file', new Blob([PDF], { type: 'application/pdf' }), '整改报告.pdf');
    const r = await shop.post(`/sampling-follow-ups/${f._id}/report`, form);
    expect(r.status, r.text).to.equal(200);
    expect(r.body.status).to.equal('reported');
    expect(r.body.report.file).to.deep.include({ name: '整改报告.pdf', contentType: 'application/pdf' });
    const file = await hz.get(`/sampling-follow-ups/${f._id}/report-file`);
    expect(file.status).to.equal(200);
    expect(file.text.startsWith('%PDF-')).to.equal(true);
    expect((await shop.post(`/sampling-follow-ups/${f._id}/report`, { text: 'again' })).status).to.equal(409);
    // Another region's bureau may not record it; the bureau of the place does.
    expect((await yw.post(`/sampling-follow-ups/${f._id}/resampling`, { passed: true, sampledOn: '2026-11-28' })).status).to.equal(404);
    const re = await hz.post(`/sampling-follow-ups/${f._id}/resampling`, { passed: true, sampledOn: '2026-11-28' });
    expect(re.status, re.text).to.equal(200);
    expect(re.body).to.deep.include({ status: 'closed', closedOnTime: true });
    const figures = await hz.get('/sampling-follow-ups/figures');
    expect(figures.body).to.deep.include({ closed: 1, closedOnTime: 1, resampled: 1, resamplingPassed: 1, resamplingPassRate: 1 });
  });

  it('a later imported sampling of the product is its re-sampling and closes the follow-up', async () => {
    await importRows([row('杭州某厨具厂', 'C-1', '2026-11-10', '不合格')]);
    expect((await followUpOf('C-1')).status).to.equal('rectifying');
    await importRows([row('杭州某厨具厂', 'C-2', '2026-11-25', '不合格')]);
    const closed = await followUpOf('C-1');
    expect(closed.status).to.equal('closed');
    expect(closed.resampling).to.deep.include({ passed: false, sampledOn: '2026-11-25' });
    // The failed re-sampling opens a follow-up of its own.
    expect((await followUpOf('C-2')).status).to.equal('rectifying');
  });

  it('an overdue follow-up escalates to one enforcement case, once, across concurrent and repeated runs', async () => {
    const f = await followUpOf('C-2');
    expect(await runFollowUps(now())).to.deep.include({ escalated: 0 });
    const late = new Date(new Date(f.rectificationDueAt).getTime() + 1000);
    testClock.set(late);
    await Promise.all([runFollowUps(late), runFollowUps(late), escalate(f, late), escalate(f, late)]);
    await runFollowUps(late);
    const after = await followUpOf('C-2');
    expect(after.overdue).to.equal(true);
    expect(after.caseId).to.not.equal(null);
    const cases = await EnforcementCaseModel.find({ productId: f.productId }).lean();
    expect(cases).to.have.length(1);
    expect(String(cases[0]!._id)).to.equal(String(after.caseId));
    expect(cases[0]).to.deep.include({ status: 'open', assignedRegion: '330106' });
    expect(await ProductFlagModel.countDocuments({ openKey: `follow-up:${f._id}` })).to.equal(1);
    expect(await CaseEventModel.countDocuments({ caseId: after.caseId })).to.equal(1);
    // Listed as overdue for the bureau of the place, with the case; the bureau was told once.
    const list = await hz.get('/sampling-follow-ups?overdue=true');
    expect(list.body.total).to.equal(1);
    expect(list.body.items[0]).to.deep.include({ id: String(f._id), caseId: String(after.caseId) });
    const hzUser = world.users.get(DEMO.regulatorHz)!._id;
    expect(await NotificationModel.countDocuments({ userId: hzUser, key: `follow-up-overdue:${f._id}` })).to.equal(1);
    const figures = await hz.get('/sampling-follow-ups/figures');
    expect(figures.body).to.deep.include({ open: 1, overdue: 1, escalated: 1 });
    // The case is the bureau's like any other.
    const c = await hz.get(`/enforcement-cases/${after.caseId}`);
    expect(c.status, c.text).to.equal(200);
  });

  it("regulators of other regions see none of another region's follow-ups", async () => {
    const list = await yw.get('/sampling-follow-ups');
    expect(list.status).to.equal(200);
    expect(list.body).to.deep.include({ total: 0, items: [] });
    expect((await yw.get('/sampling-follow-ups?overdue=true')).body.total).to.equal(0);
    const figures = await yw.get('/sampling-follow-ups/figures');
    expect(figures.body).to.deep.include({ open: 0, overdue: 0, closed: 0, escalated: 0 });
    const f = await followUpOf('C-2');
    expect((await yw.get(`/sampling-follow-ups/${f._id}`)).status).to.equal(404);
    expect((await yw.get(`/sampling-follow-ups?region=330106`)).status).to.equal(403);
  });
});
