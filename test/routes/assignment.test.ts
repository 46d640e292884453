import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import type { DemoWorld } from '../../server/seed/registry.js';
import { createOfficers } from '../../server/seed/officers.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { connected, DEMO, nextEvent, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const OFFICERS = [
  { email: 'o1.hz@example.com', name: '杭州 王敏' },
  { email: 'o2.hz@example.com', name: '杭州 李强' },
];

const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);

describe('assigning complaints to officers (我的 / 未分配 / 全部)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let bureau: ApiClient;
  let o1: ApiClient;
  let o2: ApiClient;
  let consumer: ApiClient;
  let merchant: ApiClient;
  const officerIds: string[] = [];
  let id = '';
  const sockets: Socket[] = [];

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    const made = await createOfficers(world.users.get(DEMO.regulatorHz)!, OFFICERS);
    officerIds.push(...made.map((u) => String(u._id)));
    srv = await startTestServer();
    bureau = await signedIn(srv.url, DEMO.regulatorHz);
    o1 = await signedIn(srv.url, OFFICERS[0]!.email);
    o2 = await signedIn(srv.url, OFFICERS[1]!.email);
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    id = (await fileVia(consumer, filing(world, '330106'))).id;
  });
  after(async () => {
    sockets.forEach((s) => s.disconnect());
    await srv.stop();
  });

  it('lists the officers of my bureau only', async () => {
    const r = await o1.get('/officers');
    expect(r.status).to.equal(200);
    const names = r.body.items.map((o: { name: string }) => o.name);
    expect(names).to.include.members(['杭州 王敏', '杭州 李强']);
    expect(names.some((n: string) => n.includes('义乌'))).to.equal(false);
  });

  it('a new complaint is 未分配 for its bureau and in nobody’s 我的', async () => {
    expect(ids(await bureau.get('/complaints?assignee=none&status=open&limit=100'))).to.include(id);
    expect(ids(await o1.get('/complaints?assignee=me&limit=100'))).to.not.include(id);
  });

  it('of two officers taking the same complaint at once, exactly one wins; the other gets 409', async () => {
    const { version } = (await o1.get(`/complaints/${id}`)).body;
    const answers = await Promise.all([
      o1.post(`/complaints/${id}/assignment`, { assigneeId: officerIds[0], expectedVersion: version }),
      o2.post(`/complaints/${id}/assignment`, { assigneeId: officerIds[1], expectedVersion: version }),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).to.deep.equal([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.code).to.equal('version_conflict');
    const winner = answers.findIndex((a) => a.status === 200);
    const now = (await bureau.get(`/complaints/${id}`)).body;
    expect(now.version).to.equal(version + 1);
    expect(now.assignee).to.deep.equal({ id: officerIds[winner], name: OFFICERS[winner]!.name });
    // The winner's 我的 has it, the loser's not, and it left 未分配.
    const mine = [o1, o2][winner]!;
    const other = [o1, o2][1 - winner]!;
    expect(ids(await mine.get('/complaints?assignee=me&limit=100'))).to.include(id);
    expect(ids(await other.get('/complaints?assignee=me&limit=100'))).to.not.include(id);
    expect(ids(await bureau.get('/complaints?assignee=none&status=open&limit=100'))).to.not.include(id);
    expect((await mine.get('/complaints/counts?assignee=me')).body.count).to.equal(1);
  });

  it('reassigning tells the officer live, and the timeline shows it to bureaus only', async () => {
    const current = (await bureau.get(`/complaints/${id}`)).body;
    const target = current.assignee.id === officerIds[0] ? 1 : 0;
    const officer = [o1, o2][target]!;
    const socket = officer.socket();
    sockets.push(socket);
    await connected(socket);
    const heard = nextEvent<{ kind: string; link: string }>(socket, 'notification', 10_000);
    const r = await bureau.post(`/complaints/${id}/assignment`, { assigneeId: officerIds[target], expectedVersion: current.version });
    expect(r.status).to.equal(200);
    expect(r.body.assignee.id).to.equal(officerIds[target]);
    const n = await heard;
    expect(n.kind).to.equal('assigned');
    expect(n.link).to.equal(`/complaints/${id}`);
    expect(ids(await officer.get('/complaints?assignee=me&limit=100'))).to.include(id);

    const asBureau = (await bureau.get(`/complaints/${id}`)).body;
    expect(asBureau.timeline.filter((e: { action: string }) => e.action === 'assign')).to.have.length(2);
    for (const party of [consumer, merchant]) {
      const seen = (await party.get(`/complaints/${id}`)).body;
      expect(seen.assignee).to.equal(undefined);
      expect(seen.timeline.map((e: { action: string }) => e.action)).to.not.include('assign');
      expect(JSON.stringify(seen)).to.not.include(OFFICERS[target]!.name);
    }
  });

  it('refuses an assignee outside the bureau, a repeat and a stale version', async () => {
    const c = (await bureau.get(`/complaints/${id}`)).body;
    const yw = String(world.users.get(DEMO.regulatorYw)!._id);
    const consumerId = String(world.users.get(DEMO.consumer)!._id);
    for (const assigneeId of [yw, consumerId]) {
      const r = await bureau.post(`/complaints/${id}/assignment`, { assigneeId, expectedVersion: c.version });
      expect(r.status, assigneeId).to.equal(422);
      expect(r.body.error.code).to.equal('not_an_officer');
    }
    const again = await bureau.post(`/complaints/${id}/assignment`, { assigneeId: c.assignee.id, expectedVersion: c.version });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('already_assigned');
    const stale = await bureau.post(`/complaints/${id}/assignment`, { assigneeId: officerIds[0], expectedVersion: c.version - 1 });
    expect(stale.status).to.equal(409);
    expect(stale.body.error.code).to.equal('version_conflict');
  });

  it('a closed complaint is not assigned', async () => {
    const other = (await fileVia(consumer, filing(world, '330106'))).id;
    expect((await consumer.post(`/complaints/${other}/transitions`, { action: 'withdraw', expectedVersion: 1 })).status).to.equal(200);
    const r = await o1.post(`/complaints/${other}/assignment`, { assigneeId: officerIds[0], expectedVersion: 2 });
    expect(r.status).to.equal(409);
    expect(r.body.error.code).to.equal('invalid_transition');
  });
});
