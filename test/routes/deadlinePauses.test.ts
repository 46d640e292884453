// Deadlines that pause for testing (issue #12 item 6), on 2026's calendar with chinese-days: a complaint
// filed on Thursday 2026-09-17 has 10 working days to be answered, counted by hand:
//   09-18 (1), 09-20 Sunday worked for National Day (调休, 2), 09-21..09-24 (3-6), 09-25 Mid-autumn skipped,
//   09-28..09-30 (7-9), 10-01..10-07 National Day skipped, 10-08 (10): due at the end of 2026-10-08.
import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { COMPLAINT_DEADLINE_JOB } from '../../server/jobs/complaintDeadlines.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { NotificationModel } from '../../server/models/Notification.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

/** 10:00 in Shanghai on a day. */
const at10 = (day: string) => new Date(`${day}T02:00:00Z`);
/** The end of a Shanghai day, as the API writes it. */
const endOf = (day: string) => new Date(Date.parse(`${day}T16:00:00Z`)).toISOString();

describe('deadlines that pause for testing, inspection or appraisal', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient, hz: ApiClient;
  const run = async (day: string) => {
    testClock.set(at10(day));
    const r = (await runJob(COMPLAINT_DEADLINE_JOB, at10(day))) as Record<string, number>;
    await effectsSettled();
    return r;
  };
  const ok = async (r: Promise<{ status: number; text: string; body: any }>) => {
    const res = await r;
    expect(res.status, res.text).to.equal(200);
    return res.body;
  };
  const read = async (id: string, who = hz) => ok(who.get(`/complaints/${id}`));
  const file = async () => {
    testClock.set(at10('2026-09-17'));
    return (await fileVia(consumer, filing(world))).id as string;
  };

  beforeEach(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    hz = await signedIn(srv.url, DEMO.regulatorHz);
  });
  afterEach(() => srv.stop());
  after(() => testClock.reset());

  it('explains the unpaused deadline: start, 10 working days, 调休 09-20 counted, holidays skipped', async () => {
    const id = await file();
    const d = (await read(id)).deadlines;
    expect(d.current.dueAt).to.equal(endOf('2026-10-08'));
    expect(d.current.paused).to.equal(false);
    expect(d.current.explanation).to.deep.include({
      startDay: '2026-09-17',
      unit: 'working_days',
      days: 10,
      dueDay: '2026-10-08',
      adjustedWorkdays: ['2026-09-20'],
      pausedWorkingDays: 0,
      paused: false,
    });
    expect(d.current.explanation.holidays.map((h: { day: string }) => h.day)).to.deep.equal([
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(d.current.explanation.holidays[0]).to.deep.include({ zh: '中秋', en: 'Mid-autumn Festival' });
    expect(d.actions).to.deep.equal(['pause']);
  });

  it("the merchant asks, the bureau pauses and resumes: the deadline moves by the pause's 4 working days across National Day", async () => {
    const id = await file();
    testClock.set(at10('2026-09-22'));
    expect((await read(id, merchant)).deadlines.actions).to.deep.equal(['request_pause']);
    let c = await ok(merchant.post(`/complaints/${id}/deadline/pause-request`, { expectedVersion: 1, reason: 'testing', note: '送检' }));
    expect(c.deadlines.current.pauseRequest).to.include({ reason: 'testing', note: '送检' });
    expect(c.deadlines.actions).to.deep.equal([]);
    expect((await read(id)).deadlines.actions).to.deep.equal(['pause', 'decline_pause_request']);
    c = await ok(hz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 2, reason: 'testing' }));
    expect(c.deadlines.current.paused).to.equal(true);
    expect(c.deadlines.current.pauseRequest).to.equal(undefined);
    expect(c.deadlines.current.explanation.pauses).to.deep.equal([
      { reason: 'testing', from: '2026-09-22', to: null, workingDays: 0, requestedBy: 'merchant' },
    ]);
    // The queue's entry leaves the running deadlines: a paused one is listed after all of them.
    const entry = await ComplaintEntryModel.findById(id).lean();
    expect(entry!.dk!.startsWith(String(Date.UTC(9999, 11, 30)))).to.equal(true);

    // While paused it is shown due as if resumed today: on 09-28, 3 working days later (09-23, 09-24, 09-28).
    testClock.set(at10('2026-09-28'));
    const paused = (await read(id)).deadlines.current;
    expect(paused.explanation.pauses[0].workingDays).to.equal(3);
    expect(paused.overdue).to.equal(false);
    expect((await read(id)).deadlines.actions).to.deep.equal(['resume']);

    testClock.set(at10('2026-09-29'));
    c = await ok(hz.post(`/complaints/${id}/deadline/resume`, { expectedVersion: 3 }));
    // 09-23, 09-24, 09-28, 09-29 paused: 10 + 4 working days from 09-17 is 10-13 (10-10 a Saturday worked).
    expect(c.deadlines.current.paused).to.equal(false);
    expect(c.deadlines.current.dueAt).to.equal(endOf('2026-10-13'));
    expect(c.deadlines.current.explanation).to.deep.include({ dueDay: '2026-10-13', pausedWorkingDays: 4 });
    expect(c.deadlines.current.explanation.adjustedWorkdays).to.deep.equal(['2026-09-20', '2026-10-10']);
    expect(c.deadlines.current.explanation.pauses[0]).to.include({ from: '2026-09-22', to: '2026-09-29', workingDays: 4 });
    expect(
      (await ComplaintEntryModel.findById(id).lean())!.dk!.startsWith(String(Date.parse(endOf('2026-10-13'))).padStart(15, '0')),
    ).to.equal(true);

    const timeline = (await read(id, consumer)).timeline.map((e: { action: string }) => e.action);
    expect(timeline).to.deep.equal(['file', 'request_pause', 'pause_deadline', 'resume_deadline']);
  });

  it('tells each step to those who must act on it: the bureau of a request, both parties of a pause and its end, the merchant of a refusal', async () => {
    const id = await file();
    testClock.set(at10('2026-09-22'));
    const notices = async (who: ApiClient) => {
      await effectsSettled();
      const r = await who.get('/notifications');
      expect(r.status, r.text).to.equal(200);
      return (r.body.items as { kind: string; title: string; body: string; link: string }[]).filter((n) => n.link === `/complaints/${id}`);
    };
    const kinds = async (who: ApiClient) => (await notices(who)).map((n) => n.kind);
    await ok(merchant.post(`/complaints/${id}/deadline/pause-request`, { expectedVersion: 1, reason: 'appraisal' }));
    const asked = (await notices(hz)).find((n) => n.kind === 'pause_requested');
    expect(asked?.body).to.contain('鉴定');
    expect(await kinds(consumer)).not.to.include('pause_requested');

    await ok(hz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 2, reason: 'appraisal' }));
    for (const who of [consumer, merchant]) expect((await notices(who)).find((n) => n.kind === 'deadline_paused')?.body).to.contain('鉴定');

    testClock.set(at10('2026-09-29'));
    await ok(hz.post(`/complaints/${id}/deadline/resume`, { expectedVersion: 3 }));
    // Paused 09-23, 09-24, 09-28, 09-29: due 10-13 instead of 10-08.
    for (const who of [consumer, merchant])
      expect((await notices(who)).find((n) => n.kind === 'deadline_resumed')?.body).to.contain('2026-10-13');

    await ok(merchant.post(`/complaints/${id}/deadline/pause-request`, { expectedVersion: 4, reason: 'testing' }));
    await ok(hz.post(`/complaints/${id}/deadline/pause-request/decline`, { expectedVersion: 5, reason: '无需检测' }));
    expect((await notices(merchant)).find((n) => n.kind === 'pause_declined')?.body).to.contain('无需检测');
    expect(await kinds(consumer)).not.to.include('pause_declined');
  });

  it('the deadline job does not fire while paused, and fires once at the moved due day', async () => {
    const id = await file();
    testClock.set(at10('2026-09-22'));
    await ok(hz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 1, reason: 'appraisal' }));
    // Past the original due day (10-08), and past both reminder points: nothing happens.
    const r = await run('2026-10-09');
    expect(r.escalated).to.equal(0);
    expect(r.reminded).to.equal(0);
    expect((await ComplaintModel.findById(id).lean())!.status).to.equal('awaiting_merchant');
    expect(await NotificationModel.countDocuments({ complaintId: id, kind: 'merchant_reminder' })).to.equal(0);

    // Resumed 10-12: paused 09-23, 09-24, 09-28..09-30, 10-08..10-10, 10-12 = 9 working days; due 10-20.
    testClock.set(at10('2026-10-12'));
    const c = await ok(hz.post(`/complaints/${id}/deadline/resume`, { expectedVersion: 2 }));
    expect(c.deadlines.current.dueAt).to.equal(endOf('2026-10-20'));
    expect((await run('2026-10-20')).escalated).to.equal(0);
    expect((await run('2026-10-21')).escalated).to.equal(1);
    expect((await ComplaintModel.findById(id).lean())!.status).to.equal('awaiting_regulator');
  });

  it('refuses what does not fit: a second pause, a resume of a running clock, a merchant pausing, a bad reason', async () => {
    const id = await file();
    testClock.set(at10('2026-09-22'));
    const bad = await hz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 1, reason: 'holiday' });
    expect(bad.status).to.equal(400);
    expect((await hz.post(`/complaints/${id}/deadline/resume`, { expectedVersion: 1 })).body.error.code).to.equal('not_paused');
    expect((await merchant.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 1, reason: 'testing' })).status).to.equal(403);
    await ok(hz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 1, reason: 'inspection' }));
    const again = await hz.post(`/complaints/${id}/deadline/pause`, { expectedVersion: 2, reason: 'inspection' });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('already_paused');
    const stale = await hz.post(`/complaints/${id}/deadline/resume`, { expectedVersion: 1 });
    expect(stale.body.error.code).to.equal('version_conflict');
    // A bureau declines a merchant's request: the clock keeps running.
    await ok(hz.post(`/complaints/${id}/deadline/resume`, { expectedVersion: 2 }));
    await ok(merchant.post(`/complaints/${id}/deadline/pause-request`, { expectedVersion: 3, reason: 'testing' }));
    const declined = await ok(hz.post(`/complaints/${id}/deadline/pause-request/decline`, { expectedVersion: 4, reason: '无需检测' }));
    expect(declined.deadlines.current.pauseRequest).to.equal(undefined);
    expect(declined.deadlines.current.paused).to.equal(false);
  });
});
