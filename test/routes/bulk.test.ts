import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { bulkJobsSettled, BULK_JOB } from '../../server/jobs/bulkJobs.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { BulkJobModel } from '../../server/models/BulkJob.js';
import { BulkResultModel } from '../../server/models/BulkResult.js';
import { now } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { createOfficers } from '../../server/seed/officers.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { connected, DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

type Progress = { jobId: string; done: number; skipped: number; total: number; status: string };

/** Every progress event of one job until it is done. */
function progressUntilDone(socket: Socket, jobId: () => string): Promise<Progress[]> {
  const seen: Progress[] = [];
  return new Promise((resolve) => {
    const on = (p: Progress) => {
      if (p.jobId !== jobId()) return;
      seen.push(p);
      if (p.status === 'done') {
        socket.off('bulk:progress', on);
        resolve(seen);
      }
    };
    socket.on('bulk:progress', on);
  });
}

describe('bulk actions on the queue', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let bureau: ApiClient;
  let officer: ApiClient;
  let consumer: ApiClient;
  let officerId = '';
  let socket: Socket;
  const ids: string[] = [];

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    const [o] = await createOfficers(world.users.get(DEMO.regulatorHz)!, [{ email: 'bulk.o1@example.com', name: '杭州 孙丽' }]);
    officerId = String(o!._id);
    srv = await startTestServer();
    bureau = await signedIn(srv.url, DEMO.regulatorHz);
    officer = await signedIn(srv.url, 'bulk.o1@example.com');
    consumer = await signedIn(srv.url, DEMO.consumer);
    for (let i = 0; i < 3; i++) ids.push((await fileVia(consumer, filing(world, '330106'))).id);
    socket = bureau.socket();
    await connected(socket);
  });
  after(async () => {
    socket?.disconnect();
    await srv.stop();
  });

  it('assigns many in one job: a conflicting complaint is reported, the rest are done, a retry makes no second job', async () => {
    // Someone else moves the second complaint on after the officer selected it.
    const me = (await officer.get('/auth/me')).body.user.id;
    expect((await officer.post(`/complaints/${ids[1]}/assignment`, { assigneeId: me, expectedVersion: 1 })).status).to.equal(200);
    let jobId = '';
    const events = progressUntilDone(socket, () => jobId);
    const body = { action: 'assign', assigneeId: officerId, items: ids.map((id) => ({ id, version: 1 })) };
    const first = await bureau.post('/bulk-jobs', body, { 'Idempotency-Key': 'bulk-assign-1' });
    expect(first.status).to.equal(201);
    jobId = first.body.id;
    expect(first.body.total).to.equal(3);
    const again = await bureau.post('/bulk-jobs', body, { 'Idempotency-Key': 'bulk-assign-1' });
    expect(again.status).to.equal(200);
    expect(again.body.id).to.equal(jobId);
    expect(await BulkJobModel.countDocuments({ key: 'bulk-assign-1' })).to.equal(1);

    const seen = await events;
    expect(seen.at(-1)).to.deep.equal({ jobId, done: 2, skipped: 1, total: 3, status: 'done' });
    const job = (await bureau.get(`/bulk-jobs/${jobId}`)).body;
    expect(job.status).to.equal('done');
    const byId = new Map(job.results.map((r: { complaintId: string }) => [r.complaintId, r]));
    expect(byId.get(ids[1]!)).to.include({ outcome: 'skipped', reason: 'version_conflict' });
    for (const id of [ids[0]!, ids[2]!]) {
      expect(byId.get(id)).to.include({ outcome: 'done' });
      expect((await bureau.get(`/complaints/${id}`)).body.assignee.id).to.equal(officerId);
    }
    // Only its officer sees the job.
    expect((await officer.get(`/bulk-jobs/${jobId}`)).status).to.equal(404);
  });

  it('exports everything a filter matches as CSV', async () => {
    let jobId = '';
    const events = progressUntilDone(socket, () => jobId);
    const r = await bureau.post('/bulk-jobs', { action: 'export', filter: { status: 'open', countyCode: '330106' } });
    expect(r.status).to.equal(201);
    jobId = r.body.id;
    expect((await events).at(-1)).to.include({ done: 3, skipped: 0, status: 'done' });
    const job = (await bureau.get(`/bulk-jobs/${jobId}`)).body;
    const csv = await bureau.request('GET', job.exportUrl.replace(/^\/api/, ''));
    expect(csv.status).to.equal(200);
    for (const id of ids) expect(csv.text).to.contain((await bureau.get(`/complaints/${id}`)).body.number);
  });

  it('refuses a bad assignee before touching anything, and non-officers', async () => {
    const consumerId = String(world.users.get(DEMO.consumer)!._id);
    const r = await bureau.post('/bulk-jobs', { action: 'assign', assigneeId: consumerId, items: [{ id: ids[0], version: 1 }] });
    expect(r.status).to.equal(422);
    expect(r.body.error.code).to.equal('not_an_officer');
    expect((await consumer.post('/bulk-jobs', { action: 'export', items: [{ id: ids[0], version: 1 }] })).status).to.equal(403);
  });

  it('resumes a job left running by a process that died, without redoing stored results', async () => {
    // As a crashed process leaves it: the job stored, one result stored, the rest owed.
    const current = await Promise.all(ids.map(async (id) => (await bureau.get(`/complaints/${id}`)).body.version as number));
    const job = await BulkJobModel.create({
      ownerId: world.users.get(DEMO.regulatorHz)!._id,
      key: 'crashed-1',
      action: 'accept',
      params: {},
      items: ids.map((id, i) => ({ id, version: current[i] })),
      total: 3,
      status: 'running',
      createdAt: now(),
    });
    await BulkResultModel.create({
      _id: `${job._id}:${ids[0]}`,
      jobId: job._id,
      complaintId: ids[0],
      number: 'x',
      outcome: 'skipped',
      reason: 'earlier',
      at: now(),
    });
    await runJob(BULK_JOB, now());
    await bulkJobsSettled();
    const after = (await bureau.get(`/bulk-jobs/${job._id}`)).body;
    expect(after.status).to.equal('done');
    expect(after.results).to.have.length(3);
    expect(after.results.find((r: { complaintId: string }) => r.complaintId === ids[0])).to.include({ reason: 'earlier' });
    // A normal complaint still with the merchant cannot be accepted yet: skipped with the reason.
    expect(after.results.filter((r: { reason?: string }) => r.reason === 'invalid_transition')).to.have.length(2);
  });
});
