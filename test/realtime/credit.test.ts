// A bureau's decision on a credit contest reaches the merchant live: the notification arrives on its
// socket as it lands in its notifications.
import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { connected, DEMO, nextEvent, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('a credit contest decision reaches the merchant live', () => {
  let srv: TestServer;
  let socket: Socket | undefined;
  after(async () => {
    socket?.disconnect();
    await srv?.stop();
  });

  let world: DemoWorld;
  before(async function () {
    this.timeout(180_000);
    world = await freshWorld();
    srv = await startTestServer();
  });

  it('pushes the accepted decision to the merchant headquarters and lists it in its notifications', async function () {
    this.timeout(60_000);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    const merchant = await signedIn(srv.url, DEMO.merchant);
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const { id } = await fileVia(consumer, filing(world, '330106'));
    await effectsSettled();
    const form = new FormData();
    form.set('complaintId', id);
    form.set('reason', '消费者购买的并非本店商品，附销售流水。');
    form.set('file', new Blob([PDF], { type: 'application/pdf' }), '流水.pdf');
    const contest = await merchant.post('/credit/contests', form);
    expect(contest.status, contest.text).to.equal(201);

    socket = merchant.socket();
    await connected(socket);
    const arrives = nextEvent<{ kind: string; title: string; link: string }>(socket, 'notification', 15_000);
    const r = await hz.post(`/credit/contests/${contest.body.id}/decision`, { decision: 'accept', reason: '流水证实非本店售出。' });
    expect(r.status, r.text).to.equal(200);
    const got = await arrives;
    expect(got.kind).to.equal('credit_contest_decided');
    expect(got.link).to.equal('/credit');
    expect(got.title).to.contain('信用异议已接受');
    const listed = await merchant.get('/notifications');
    expect(listed.status, listed.text).to.equal(200);
    expect(listed.body.items.map((n: { kind: string }) => n.kind)).to.include('credit_contest_decided');
  });
});
