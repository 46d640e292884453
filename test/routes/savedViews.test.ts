import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import type { DemoWorld } from '../../server/seed/registry.js';
import { createOfficers } from '../../server/seed/officers.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { connected, DEMO, nextEvent, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const OFFICER = { email: 'o1.views@example.com', name: '杭州 赵敏' };
const URGENT = { status: 'open', priority: 'urgent' };
const XIHU_UNASSIGNED = { status: 'open', countyCode: '330106', assignee: 'none' };
const SINCE_2026 = { from: '2026-01-01T00:00:00+08:00', q: '热水壶' };

type View = { id: string; name: string; count: number; capped: boolean; mine: boolean; shared: boolean };

describe('saved queue views with live counts', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let bureau: ApiClient;
  let officer: ApiClient;
  let consumer: ApiClient;
  let socket: Socket;

  const views = async (c: ApiClient) => (await c.get('/saved-views')).body.items as View[];
  const byName = async (c: ApiClient, name: string) => (await views(c)).find((v) => v.name === name);
  const counted = async (c: ApiClient, q: Record<string, string>) =>
    (await c.get(`/complaints/counts?${new URLSearchParams(q).toString()}`)).body.count as number;

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    await createOfficers(world.users.get(DEMO.regulatorHz)!, [OFFICER]);
    srv = await startTestServer();
    bureau = await signedIn(srv.url, DEMO.regulatorHz);
    officer = await signedIn(srv.url, OFFICER.email);
    consumer = await signedIn(srv.url, DEMO.consumer);
    await fileVia(consumer, filing(world, '330106'));
    await fileVia(consumer, filing(world, '330106', { product: { name: '暖风机', category: 'electric_heater' } }));
  });
  after(async () => {
    socket?.disconnect();
    await srv.stop();
  });

  it('saves views per user, shares one with the bureau, and refuses a second of one name', async () => {
    for (const [name, filters, shared] of [
      ['紧急处理中', URGENT, false],
      ['西湖区未分配', XIHU_UNASSIGNED, true],
      ['今年的热水壶', SINCE_2026, false],
    ] as const) {
      const r = await bureau.post('/saved-views', { name, filters, shared });
      expect(r.status, name).to.equal(201);
      expect(r.body.count, name).to.equal(await counted(bureau, filters));
    }
    const again = await bureau.post('/saved-views', { name: '紧急处理中', filters: URGENT });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('duplicate_name');
    // A county outside the bureau's jurisdiction is refused as the queue refuses it, not saved as an empty view.
    const outside = await bureau.post('/saved-views', { name: '义乌', filters: { countyCode: '330782' } });
    expect(outside.status, outside.text).to.equal(403);
    // The officer sees only the shared one, not as its own.
    const theirs = await views(officer);
    expect(theirs.map((v) => v.name)).to.deep.equal(['西湖区未分配']);
    expect(theirs[0]!.mine).to.equal(false);
  });

  it('counts each view as the queue does, from the ledger or a capped equality read', async () => {
    const mine = await views(bureau);
    expect(mine.map((v) => v.name)).to.deep.equal(['紧急处理中', '西湖区未分配', '今年的热水壶']);
    expect(mine[0]!.count)
      .to.equal(await counted(bureau, URGENT))
      .and.to.equal(1);
    expect(mine[1]!.count)
      .to.equal(await counted(bureau, XIHU_UNASSIGNED))
      .and.to.equal(2);
    expect(mine[2]!.count)
      .to.equal(await counted(bureau, SINCE_2026))
      .and.to.equal(1);
    expect(mine.every((v) => !v.capped)).to.equal(true);
  });

  it('moves the counts when a complaint event reaches the socket', async () => {
    socket = officer.socket();
    await connected(socket);
    const before = (await byName(officer, '西湖区未分配'))!.count;
    const heard = nextEvent<{ id: string }>(socket, 'complaint:created', 10_000);
    const filed = await fileVia(consumer, filing(world, '330106', { product: { name: '电暖器', category: 'electric_heater' } }));
    expect((await heard).id).to.equal(filed.id);
    expect((await byName(officer, '西湖区未分配'))!.count).to.equal(before + 1);
    expect((await byName(bureau, '紧急处理中'))!.count).to.equal(2);
    // Taken by the officer: it leaves 未分配 as the update arrives.
    const updated = nextEvent<{ id: string; version: number }>(socket, 'complaint:updated', 10_000);
    const me = (await officer.get('/auth/me')).body.user.id;
    expect((await officer.post(`/complaints/${filed.id}/assignment`, { assigneeId: me, expectedVersion: 1 })).status).to.equal(200);
    expect((await updated).id).to.equal(filed.id);
    expect((await byName(officer, '西湖区未分配'))!.count).to.equal(before);
  });

  it('lets only the owner delete a view; other bureaus do not see it', async () => {
    const shared = (await byName(bureau, '西湖区未分配'))!;
    expect((await officer.request('DELETE', `/saved-views/${shared.id}`)).status).to.equal(403);
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.request('DELETE', `/saved-views/${shared.id}`)).status).to.equal(404);
    expect(await views(yw)).to.deep.equal([]);
    for (const who of [DEMO.consumer, DEMO.merchant, DEMO.admin]) {
      const c = await signedIn(srv.url, who);
      expect((await c.get('/saved-views')).status, who).to.equal(403);
      expect((await c.post('/saved-views', { name: 'x', filters: {} })).status, who).to.equal(403);
    }
    expect((await bureau.request('DELETE', `/saved-views/${shared.id}`)).status).to.equal(200);
    expect(await views(officer)).to.deep.equal([]);
  });
});
