import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { FsStorage } from '../../server/storage/fs.js';
import { setStorage } from '../../server/storage/index.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('complaint filing, lists, evidence and notifications over HTTP', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient, hz: ApiClient;
  let dir: string;

  before(async () => {
    world = await freshWorld();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-uploads-'));
    setStorage(new FsStorage(dir));
    srv = await startTestServer();
    [consumer, merchant, hz] = (await Promise.all([DEMO.consumer, DEMO.merchant, DEMO.regulatorHz].map((e) => signedIn(srv.url, e)))) as [
      ApiClient,
      ApiClient,
      ApiClient,
    ];
  });
  after(async () => {
    await srv.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('honours Idempotency-Key: the same key twice gives one complaint (201 then 200), another body with it 422', async () => {
    const data = filing(world, '330108');
    const h = { 'idempotency-key': 'file-once-123' };
    const [a, b] = await Promise.all([consumer.post('/complaints', data, h), consumer.post('/complaints', data, h)]);
    expect([a.status, b.status].sort()).to.deep.equal([200, 201]);
    expect(a.body.id).to.equal(b.body.id);
    const again = await consumer.post('/complaints', data, h);
    expect(again.status).to.equal(200);
    expect(again.body.id).to.equal(a.body.id);
    expect(await ComplaintModel.countDocuments({ storeCountyCode: '330108' })).to.equal(1);
    const other = await consumer.post('/complaints', { ...data, description: '另一件事' }, h);
    expect(other.status).to.equal(422);
    // Keys are per user: the same key from someone else is theirs alone.
    const c2 = await signedIn(srv.url, DEMO.consumer);
    expect((await c2.post('/complaints', data, h)).body.id).to.equal(a.body.id);
  });

  it('stores evidence and streams it back byte for byte to those who may see it', async () => {
    const c = await fileVia(consumer, filing(world));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7)]);
    const f = new FormData();
    f.append('file', new Blob([pdf], { type: 'application/pdf' }), '发票.pdf');
    const up = await consumer.post(`/complaints/${c.id}/attachments`, f);
    expect(up.status).to.equal(201);
    expect(up.body).to.include({ name: '发票.pdf', size: pdf.length, contentType: 'application/pdf' });
    const r = await fetch(`${srv.url}/api/attachments/${up.body.id}`, { headers: { cookie: merchant.cookieHeader() } });
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-type')).to.equal('application/pdf');
    expect(Buffer.from(await r.arrayBuffer()).equals(pdf)).to.equal(true);
    const detail = await merchant.get(`/complaints/${c.id}`);
    expect(detail.body.attachments.map((a: { id: string }) => a.id)).to.deep.equal([up.body.id]);
    const msg = await consumer.post(`/complaints/${c.id}/messages`, { body: '发票见附件', attachmentId: up.body.id });
    expect(msg.status).to.equal(201);
    expect(msg.body.attachmentId).to.equal(up.body.id);
    const other = await fileVia(consumer, filing(world));
    expect((await consumer.post(`/complaints/${other.id}/messages`, { body: 'x', attachmentId: up.body.id })).status).to.equal(422);
  });

  it('lists with filters and stable keyset pages, newest first or soonest deadline first', async () => {
    for (let i = 0; i < 5; i++) await fileVia(consumer, filing(world, '330212'));
    const urgent = await fileVia(consumer, filing(world, '330212', { product: { name: '取暖器', category: 'electric_heater' } }));
    const p1 = await consumer.get('/complaints?countyCode=330212&limit=4');
    expect(p1.body.items).to.have.length(4);
    expect(p1.body.items[0].id).to.equal(urgent.id);
    const p2 = await consumer.get(`/complaints?countyCode=330212&limit=4&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items).to.have.length(2);
    expect(p2.body.nextCursor).to.equal(null);
    const all = [...p1.body.items, ...p2.body.items].map((i: { id: string }) => i.id);
    expect(new Set(all).size).to.equal(6);
    expect((await consumer.get('/complaints?countyCode=3302&priority=urgent')).body.items.map((i: { id: string }) => i.id)).to.deep.equal([
      urgent.id,
    ]);
    expect((await consumer.get('/complaints?category=electric_heater&countyCode=330212')).body.items).to.have.length(1);
    expect((await consumer.get(`/complaints?q=${encodeURIComponent(urgent.number)}`)).body.items).to.have.length(1);
    const byDue = await merchant.get('/complaints?sort=deadline&status=open&limit=3');
    expect(byDue.status).to.equal(200);
    const dues = byDue.body.items.map((i: any) => i.deadlines.current.dueAt);
    expect([...dues].sort()).to.deep.equal(dues);
    const next = await merchant.get(`/complaints?sort=deadline&status=open&limit=3&cursor=${byDue.body.nextCursor}`);
    expect(next.body.items.map((i: any) => i.id)).to.not.include.members(byDue.body.items.map((i: any) => i.id));
  });

  it('threads messages and notifies the other party, with unread counts and mark-read', async () => {
    const c = await fileVia(consumer, filing(world));
    // The filing's own notices are written after its answer: count from after them.
    await effectsSettled();
    const before = (await consumer.get('/notifications')).body.unreadCount;
    const m = await merchant.post(`/complaints/${c.id}/messages`, { body: '请提供购物小票照片。' });
    expect(m.status).to.equal(201);
    expect(m.body).to.include({ party: 'merchant', body: '请提供购物小票照片。' });
    const list = await consumer.get('/notifications');
    expect(list.body.unreadCount).to.equal(before + 1);
    expect(list.body.items[0]).to.include({ kind: 'message', read: false, link: `/complaints/${c.id}` });
    const read = await consumer.post(`/notifications/${list.body.items[0].id}/read`);
    expect(read.status).to.equal(200);
    expect(read.body.read).to.equal(true);
    expect((await consumer.get('/notifications')).body.unreadCount).to.equal(before);
    expect((await consumer.post('/notifications/read-all')).status).to.equal(200);
    expect((await consumer.get('/notifications?unread=true')).body.items).to.deep.equal([]);
    const detail = await consumer.get(`/complaints/${c.id}`);
    expect(detail.body.messages.map((x: { body: string }) => x.body)).to.deep.equal(['请提供购物小票照片。']);
    expect((await act(hz, c.id, 'accept')).status).to.equal(409);
  });

  it('documents every complaint endpoint in the OpenAPI document', async () => {
    const r = await consumer.get('/openapi.json');
    expect(r.status).to.equal(200);
    for (const p of [
      '/api/complaints',
      '/api/complaints/{id}',
      '/api/complaints/{id}/transitions',
      '/api/complaints/{id}/messages',
      '/api/complaints/{id}/attachments',
      '/api/attachments/{id}',
      '/api/complaints/export.csv',
      '/api/notifications',
      '/api/notifications/{id}/read',
      '/api/notifications/read-all',
      '/api/admin/outbox',
    ]) {
      expect(r.body.paths, p).to.have.property(p);
    }
  });
});
