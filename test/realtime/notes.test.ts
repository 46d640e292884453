// Internal notes are live: an officer watching a complaint sees a colleague's note arrive, while the
// consumer and the merchant watching the same complaint (same room) never hear of it.
import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import { createOfficers } from '../../server/seed/officers.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { connected, DEMO, nextEvent, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const OFFICER = { email: 'o1.notes@example.com', name: '杭州 周敏' };
const watch = (s: Socket, id: string) => new Promise<unknown>((resolve) => s.emit('complaint:watch', { id }, resolve));

describe('internal notes reach the officers watching a complaint live', () => {
  let srv: TestServer;
  const sockets: Socket[] = [];
  after(async () => {
    sockets.forEach((s) => s.disconnect());
    await srv?.stop();
  });

  async function watching(c: ApiClient, id: string): Promise<{ s: Socket; heard: string[] }> {
    const s = c.socket();
    sockets.push(s);
    await connected(s);
    expect(await watch(s, id)).to.deep.equal({ ok: true });
    const heard: string[] = [];
    s.on('complaint:note', (p: { note: { body: string } }) => heard.push(p.note.body));
    return { s, heard };
  }

  it('sends a new note to another officer watching, and not to the consumer or merchant watching', async function () {
    this.timeout(60_000);
    const world = await freshWorld();
    await createOfficers(world.users.get(DEMO.regulatorHz)!, [OFFICER]);
    srv = await startTestServer();
    const bureau = await signedIn(srv.url, DEMO.regulatorHz);
    const officer = await signedIn(srv.url, OFFICER.email);
    const consumer = await signedIn(srv.url, DEMO.consumer);
    const merchant = await signedIn(srv.url, DEMO.merchant);
    const { id } = await fileVia(consumer, filing(world, '330106'));

    const officerSock = await watching(officer, id);
    const consumerSock = await watching(consumer, id);
    const merchantSock = await watching(merchant, id);

    const arrives = nextEvent<{ complaintId: string; note: { body: string; authorName: string } }>(officerSock.s, 'complaint:note');
    const r = await bureau.post(`/complaints/${id}/notes`, { body: '商家曾有同类投诉，建议约谈' });
    expect(r.status, r.text).to.equal(201);
    const got = await arrives;
    expect(got.complaintId).to.equal(id);
    expect(got.note.body).to.equal('商家曾有同类投诉，建议约谈');
    expect(got.note.authorName).to.equal(r.body.authorName);

    // A message goes to the same room after the note: once the consumer and merchant hear it, they
    // would have heard the note first (one process, emits delivered in order).
    const m1 = nextEvent(consumerSock.s, 'complaint:message');
    const m2 = nextEvent(merchantSock.s, 'complaint:message');
    expect((await consumer.post(`/complaints/${id}/messages`, { body: '请尽快处理' })).status).to.equal(201);
    await Promise.all([m1, m2]);
    expect(consumerSock.heard, 'the consumer heard an internal note').to.deep.equal([]);
    expect(merchantSock.heard, 'the merchant heard an internal note').to.deep.equal([]);
    expect(officerSock.heard).to.deep.equal(['商家曾有同类投诉，建议约谈']);
  });
});
