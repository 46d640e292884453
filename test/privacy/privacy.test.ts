import { expect } from 'chai';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintMessageModel } from '../../server/models/ComplaintMessage.js';
import { ComplaintEventModel, eventId } from '../../server/models/ComplaintEvent.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { UserModel } from '../../server/models/User.js';
import { accessLogSettled } from '../../server/privacy/accessLog.js';
import { CLOSED_NAME } from '../../server/privacy/close.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { download, zipEntries } from '../helpers/download.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { DEMO_PASSWORD, freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const OTHER = { name: '李另一位', email: 'other-consumer@example.com', phone: '13900001111', password: 'other-long-password' };

async function attach(c: ApiClient, complaintId: string, name: string) {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), name);
  const r = await c.post(`/complaints/${complaintId}/attachments`, form);
  expect(r.status, r.text).to.equal(201);
  return r.body as { id: string };
}

describe("a consumer's own data (PIPL): download, access log, closing the account", () => {
  let world: DemoWorld;
  let srv: TestServer;
  let consumer: ApiClient, other: ApiClient, merchant: ApiClient, regulator: ApiClient, admin: ApiClient;
  let mine: { id: string; number: string }[];
  let theirs: { id: string; number: string };

  before(async function () {
    this.timeout(90_000);
    world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    regulator = await signedIn(srv.url, DEMO.regulatorHz);
    admin = await signedIn(srv.url, DEMO.admin);
    other = new ApiClient(srv.url);
    await other.fetchCsrf();
    const reg = await other.post('/auth/register', { ...OTHER, role: 'consumer' });
    expect(reg.status, reg.text).to.equal(201);
    // Two of the demo consumer's, one naming them to the merchant; one of another consumer.
    mine = [
      await fileVia(consumer, filing(world, '330106', { contactAgreement: true, description: '插头冒烟，电话13805711234。' })),
      await fileVia(consumer, filing(world, '330106', { description: '第二件：盖子松动。' })),
    ];
    theirs = await fileVia(other, filing(world, '330106', { contactAgreement: true, description: '另一位消费者的投诉。' }));
    await attach(consumer, mine[0]!.id, 'receipt.png');
    await attach(consumer, mine[0]!.id, 'receipt.png');
    await attach(consumer, mine[1]!.id, 'photo.png');
    await attach(other, theirs.id, 'their-photo.png');
    expect((await consumer.post(`/complaints/${mine[0]!.id}/messages`, { body: '请尽快处理' })).status).to.equal(201);
  });
  after(() => srv.stop());

  it("logs a merchant's and an officer's views of the consumer's data, and the consumer reads them newest first", async () => {
    // The merchant sees the name only where the consumer agreed: the first complaint's page is a view, the second's is not.
    expect((await merchant.get(`/complaints/${mine[0]!.id}`)).body.consumer.name).to.be.a('string');
    expect((await merchant.get(`/complaints/${mine[1]!.id}`)).body).not.to.have.property('consumer');
    expect((await download(srv, merchant, `/complaints/${mine[1]!.id}/record.pdf`)).status).to.equal(200);
    expect((await download(srv, merchant, `/complaints/${mine[0]!.id}/evidence.zip`)).status).to.equal(200);
    expect((await regulator.get(`/complaints/${mine[0]!.id}`)).status).to.equal(200);
    // The consumer's own reads are not someone else's view.
    expect((await consumer.get(`/complaints/${mine[0]!.id}`)).status).to.equal(200);
    await accessLogSettled();

    const log = await consumer.get('/me/data-access?limit=10');
    expect(log.status, log.text).to.equal(200);
    const rows = log.body.items.map((e: { what: string; complaintNumber: string; viewerRole: string }) => [
      e.what,
      e.complaintNumber,
      e.viewerRole,
    ]);
    expect(rows).to.deep.equal([
      ['detail', mine[0]!.number, 'regulator'],
      ['evidence', mine[0]!.number, 'merchant'],
      ['record_pdf', mine[1]!.number, 'merchant'],
      ['detail', mine[0]!.number, 'merchant'],
    ]);
    const first = log.body.items[3];
    expect(first.viewerName).to.equal(world.users.get(DEMO.merchant)!.name);
    expect(first.viewerOrg).to.equal(world.chain.name);
    // Paged by cursor.
    const p1 = await consumer.get('/me/data-access?limit=3');
    const p2 = await consumer.get(`/me/data-access?limit=3&cursor=${p1.body.nextCursor}`);
    expect([...p1.body.items, ...p2.body.items].map((e: { id: string }) => e.id)).to.deep.equal(
      log.body.items.map((e: { id: string }) => e.id),
    );
    // Nobody else's log holds them.
    expect((await other.get('/me/data-access')).body.items).to.deep.equal([]);
  });

  it('downloads every record of the consumer and nothing of another, with the evidence files', async function () {
    this.timeout(60_000);
    const r = await download(srv, consumer, '/me/data.zip');
    expect(r.status).to.equal(200);
    expect(r.type).to.equal('application/zip');
    const entries = await zipEntries(r.bytes);
    const data = JSON.parse(entries.get('data.json')!.toString('utf8'));
    expect(data.account.email).to.equal(DEMO.consumer);
    expect(data.complaints.map((c: { id: string }) => c.id).sort()).to.deep.equal(mine.map((c) => c.id).sort());
    const first = data.complaints.find((c: { id: string }) => c.id === mine[0]!.id);
    expect(first.messages.map((m: { body: string }) => m.body)).to.include('请尽快处理');
    expect(first.timeline.length).to.be.greaterThan(0);
    expect(data.accessLog).to.have.length(4);
    expect(data.notifications).to.be.an('array');
    // Both files of one name kept, and the second complaint's.
    const files = [...entries.keys()].filter((k) => k.startsWith('attachments/')).sort();
    expect(files).to.have.length(3);
    expect(files.filter((f) => f.startsWith(`attachments/${mine[0]!.number}/`))).to.have.length(2);
    expect(files).to.include(`attachments/${mine[1]!.number}/photo.png`);
    expect(entries.get(files[0]!)!.equals(PNG)).to.equal(true);
    // Nothing of the other consumer anywhere in the archive.
    const all = [...entries.values()].map((b) => b.toString('latin1')).join('\n') + entries.get('data.json')!.toString('utf8');
    for (const needle of [theirs.id, theirs.number, OTHER.email, OTHER.name, OTHER.phone, '另一位消费者的投诉', 'their-photo.png'])
      expect(all, needle).not.to.include(needle);
    expect((await download(srv, merchant, '/me/data.zip')).status).to.equal(403);
  });

  it('closes the account: identity erased, complaints kept without it, sessions ended, no way back', async function () {
    this.timeout(60_000);
    const id = String(world.users.get(DEMO.consumer)!._id);
    const second = await signedIn(srv.url, DEMO.consumer);
    expect((await consumer.post('/me/close', { password: 'wrong-password', confirm: true })).status).to.equal(403);
    expect((await consumer.post('/me/close', { password: DEMO_PASSWORD })).status).to.equal(400);
    expect((await consumer.get('/auth/me')).status).to.equal(200);

    const r = await consumer.post('/me/close', { password: DEMO_PASSWORD, confirm: true });
    expect(r.status, r.text).to.equal(200);
    // This session and the one on another browser both ended; the old password opens nothing.
    expect((await consumer.get('/auth/me')).status).to.equal(401);
    expect((await second.get('/auth/me')).status).to.equal(401);
    const again = new ApiClient(srv.url);
    await again.fetchCsrf();
    expect((await again.post('/auth/login', { email: DEMO.consumer, password: DEMO_PASSWORD })).status).to.equal(401);

    const user = (await UserModel.findById(id).lean())!;
    expect(user.name).to.equal(CLOSED_NAME);
    expect(user.email).not.to.include('demo.fangxin.cn');
    expect(user.phone ?? null).to.equal(null);
    expect(JSON.stringify(user)).not.to.include(world.users.get(DEMO.consumer)!.name);

    // The complaints stay for the bureau, without identity.
    expect(await ComplaintModel.countDocuments({ consumerId: id })).to.equal(2);
    const seen = await regulator.get(`/complaints/${mine[0]!.id}`);
    expect(seen.status).to.equal(200);
    expect(seen.body.consumer).to.deep.equal({ name: CLOSED_NAME });
    expect(seen.body.messages.map((m: { authorName: string }) => m.authorName)).to.deep.equal([CLOSED_NAME]);
    expect(await ComplaintMessageModel.countDocuments({ authorName: world.users.get(DEMO.consumer)!.name })).to.equal(0);
    // Their own words lose the phone number, in the complaint and in the filing event a rebuild reads.
    expect(seen.body.description).to.equal('插头冒烟，电话[电话]。');
    const filed = (await ComplaintEventModel.findById(eventId(mine[0]!.id, 1)).lean()) as { data: { complaint: { description: string } } };
    expect(filed.data.complaint.description).to.equal('插头冒烟，电话[电话]。');
    const rebuilt = await rebuildProjections();
    expect(rebuilt.differing).to.deep.equal([]);
    expect(rebuilt.entriesDiffering).to.equal(0);
    // An admin cannot give it back.
    const restore = await admin.post(`/users/${id}/enable`, {});
    expect(restore.status, restore.text).to.equal(409);
    expect(restore.body.error.code).to.equal('account_closed');
    // The other consumer is untouched.
    expect((await other.get('/auth/me')).body.user.email).to.equal(OTHER.email);
  });
});
