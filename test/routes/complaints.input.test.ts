import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { AttachmentModel } from '../../server/models/Attachment.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { ComplaintMessageModel } from '../../server/models/ComplaintMessage.js';
import { IdempotencyKeyModel } from '../../server/models/IdempotencyKey.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { FsStorage } from '../../server/storage/fs.js';
import { setStorage } from '../../server/storage/index.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const counts = async () => ({
  complaints: await ComplaintModel.countDocuments(),
  events: await ComplaintEventModel.countDocuments(),
  messages: await ComplaintMessageModel.countDocuments(),
  attachments: await AttachmentModel.countDocuments(),
  keys: await IdempotencyKeyModel.countDocuments(),
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

describe('complaint endpoints refuse malformed and oversized input, storing nothing', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient;
  let id: string;
  let dir: string;
  let before0: Awaited<ReturnType<typeof counts>>;

  before(async () => {
    world = await freshWorld();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-uploads-'));
    setStorage(new FsStorage(dir));
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    id = (await fileVia(consumer, filing(world))).id;
  });
  beforeEach(async () => {
    before0 = await counts();
  });
  afterEach(async () => {
    expect(await counts(), 'something was stored').to.deep.equal(before0);
    expect(filesUnder(dir)).to.deep.equal([]);
  });
  after(async () => {
    await srv.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const base = () => filing(world);
  const bad: [string, (b: any) => unknown][] = [
    ['an empty body', () => ({})],
    ['a missing description', (b) => ({ ...b, description: undefined })],
    ['a blank description', (b) => ({ ...b, description: '   ' })],
    ['an over-long description', (b) => ({ ...b, description: 'x'.repeat(5001) })],
    ['a GTIN with a wrong check digit', (b) => ({ ...b, product: { ...b.product, gtin: '6901234567891' } })],
    ['a GTIN of letters', (b) => ({ ...b, product: { ...b.product, gtin: 'abcdefgh' } })],
    ['an amount in yuan with decimals', (b) => ({ ...b, purchase: { ...b.purchase, amountFen: 129.5 } })],
    ['a negative amount', (b) => ({ ...b, purchase: { ...b.purchase, amountFen: -1 } })],
    ['an amount as a string', (b) => ({ ...b, purchase: { ...b.purchase, amountFen: '12900' } })],
    ['a future purchase date', (b) => ({ ...b, purchase: { ...b.purchase, date: '2999-01-01' } })],
    ['a nonsense date', (b) => ({ ...b, purchase: { ...b.purchase, date: '2026-13-45' } })],
    ['an unknown category', (b) => ({ ...b, product: { ...b.product, category: 'weapons' } })],
    ['an unknown problem type', (b) => ({ ...b, problemType: 'annoyed' })],
    ['an unknown channel', (b) => ({ ...b, purchase: { ...b.purchase, channel: 'mail' } })],
    ['a malformed store id', (b) => ({ ...b, storeId: 'x' })],
    ['an operator as store id', (b) => ({ ...b, storeId: { $gt: '' } })],
    ['an extra key', (b) => ({ ...b, status: 'resolved' })],
    ['an extra key in product', (b) => ({ ...b, product: { ...b.product, $where: '1' } })],
    ['a safety incident without description', (b) => ({ ...b, safetyIncident: { kind: 'fire', injured: true } })],
    ['contactAgreement as a string', (b) => ({ ...b, contactAgreement: 'yes' })],
    ['an array', () => [1, 2]],
  ];
  for (const [name, make] of bad) {
    it(`POST /complaints: 400 for ${name}`, async () => {
      const r = await consumer.post('/complaints', make(base()) as object);
      expect(r.status, r.text).to.equal(400);
      expect(r.body.error.code).to.equal('invalid_input');
      expect(r.body.error.details).to.be.an('array').that.is.not.empty;
    });
  }

  it('POST /complaints: 400 for invalid JSON, 413 for a body over 1 MB, 422 for an unknown store, 400 for a bad Idempotency-Key', async () => {
    expect((await consumer.request('POST', '/complaints', '{"storeId":', { 'content-type': 'application/json' })).status).to.equal(400);
    const huge = await consumer.post('/complaints', { ...base(), description: 'x'.repeat(1_200_000) });
    expect(huge.status).to.equal(413);
    const unknown = await consumer.post('/complaints', { ...base(), storeId: '0123456789abcdef01234567' });
    expect(unknown.status).to.equal(422);
    expect((await consumer.post('/complaints', base(), { 'idempotency-key': 'x'.repeat(300) })).status).to.equal(400);
    expect((await consumer.post('/complaints', base(), { 'idempotency-key': 'a b' })).status).to.equal(400);
  });

  it('POST /complaints: merchants and regulators may not file (403)', async () => {
    expect((await merchant.post('/complaints', base())).status).to.equal(403);
  });

  for (const [name, body] of [
    ['no action', { expectedVersion: 1 }],
    ['an unknown action', { action: 'close', expectedVersion: 1 }],
    ['no expectedVersion', { action: 'respond', responseType: 'rejected', messageToConsumer: 'x' }],
    ['a fractional version', { action: 'respond', expectedVersion: 1.5, responseType: 'rejected', messageToConsumer: 'x' }],
    ['an accepted response without remedy', { action: 'respond', expectedVersion: 1, responseType: 'accepted', messageToConsumer: 'x' }],
    [
      'a remedy amount as text',
      {
        action: 'respond',
        expectedVersion: 1,
        responseType: 'accepted',
        remedy: { type: 'refund', amountFen: '1' },
        messageToConsumer: 'x',
      },
    ],
    ['an extra key', { action: 'respond', expectedVersion: 1, responseType: 'rejected', messageToConsumer: 'x', status: 'resolved' }],
    ['an unknown decline reason', { action: 'decline', expectedVersion: 1, reasonCode: 'bored' }],
    ['a rating of 6', { action: 'rate', expectedVersion: 1, satisfaction: 6 }],
    ['a transfer outside Zhejiang', { action: 'transfer', expectedVersion: 1, toRegion: '110101' }],
  ] as const) {
    it(`POST /complaints/:id/transitions: 400 for ${name}`, async () => {
      const r = await merchant.post(`/complaints/${id}/transitions`, body);
      expect(r.status, r.text).to.equal(400);
    });
  }

  it('400 for malformed ids, list queries and message bodies; 413 for an over-large message', async () => {
    expect((await consumer.get('/complaints/not-an-id')).status).to.equal(400);
    expect((await merchant.post('/complaints/not-an-id/transitions', { action: 'withdraw', expectedVersion: 1 })).status).to.equal(400);
    for (const q of [
      'limit=0',
      'limit=1000',
      'status=lost',
      'category=x',
      'cursor=zzz',
      'sort=deadline&cursor=abc',
      'countyCode=110101',
      'from=yesterday',
      'unknown=1',
      'q=' + 'x'.repeat(200),
    ]) {
      expect((await consumer.get(`/complaints?${q}`)).status, q).to.equal(400);
    }
    expect((await consumer.get('/complaints/export.csv')).status).to.equal(403);
    expect((await consumer.post(`/complaints/${id}/messages`, {})).status).to.equal(400);
    expect((await consumer.post(`/complaints/${id}/messages`, { body: '' })).status).to.equal(400);
    expect((await consumer.post(`/complaints/${id}/messages`, { body: 'x'.repeat(5001) })).status).to.equal(400);
    expect((await consumer.post(`/complaints/${id}/messages`, { body: { $gt: '' } })).status).to.equal(400);
    expect((await consumer.post(`/complaints/${id}/messages`, { body: 'x'.repeat(1_100_000) })).status).to.equal(413);
    expect((await consumer.get('/attachments/xyz')).status).to.equal(400);
    expect((await consumer.get('/attachments/0123456789abcdef01234567')).status).to.equal(404);
  });

  it('refuses uploads that are not images or PDFs (415), over 10 MB (413), or missing (400)', async () => {
    const form = (bytes: Uint8Array, name: string, type: string, field = 'file') => {
      const f = new FormData();
      f.append(field, new Blob([bytes as unknown as BlobPart], { type }), name);
      return f;
    };
    const text = await consumer.post(`/complaints/${id}/attachments`, form(Buffer.from('hello world'), 'a.txt', 'text/plain'));
    expect(text.status).to.equal(415);
    // A script renamed to .png with an image type is still refused: the bytes decide.
    const fake = await consumer.post(`/complaints/${id}/attachments`, form(Buffer.from('<script>alert(1)</script>'), 'a.png', 'image/png'));
    expect(fake.status).to.equal(415);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    big.set(Buffer.from('%PDF-1.4'));
    const tooBig = await consumer.post(`/complaints/${id}/attachments`, form(big, 'big.pdf', 'application/pdf'));
    expect(tooBig.status).to.equal(413);
    expect(
      (await consumer.post(`/complaints/${id}/attachments`, form(Buffer.from('%PDF-1.4'), 'a.pdf', 'application/pdf', 'other'))).status,
    ).to.equal(400);
    expect((await consumer.post(`/complaints/${id}/attachments`, new FormData())).status).to.equal(400);
    expect((await consumer.post(`/complaints/${id}/attachments`, { file: 'x' })).status).to.equal(400);
  });

  it("400 for malformed notification requests, 404 for someone else's notification", async () => {
    expect((await consumer.get('/notifications?limit=500')).status).to.equal(400);
    expect((await consumer.post('/notifications/nope/read')).status).to.equal(400);
    expect((await consumer.post('/notifications/read-all', { all: true })).status).to.equal(400);
    const theirs = await NotificationModel.findOne({ userId: world.users.get(DEMO.merchant)!._id }).lean();
    expect((await consumer.post(`/notifications/${theirs!._id}/read`)).status).to.equal(404);
    expect((await NotificationModel.findById(theirs!._id).lean())!.readAt).to.equal(null);
    expect((await merchant.get('/admin/outbox')).status).to.equal(403);
  });
});
