import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { fileComplaint } from '../../server/commands/fileComplaint.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { freePort } from '../../server/db/ferretdb.js';
import { backfillOutboxNumbers, deliverOutbox, enqueueMail, enqueueMails } from '../../server/mail/outbox.js';
import { configureMail } from '../../server/mail/transport.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer } from '../helpers/server.js';
import { smtpDown, smtpUp, type SmtpMessage } from '../helpers/smtp.js';

describe('mail outbox', () => {
  let world: DemoWorld;
  const AT = new Date('2026-03-02T02:00:00Z');
  beforeEach(async () => {
    world = await freshWorld();
    testClock.set(AT);
  });
  afterEach(() => {
    testClock.reset();
    configureMail({ smtpUrl: undefined });
  });

  it('retries with backoff while SMTP is down and delivers each mail exactly once when it is up', async () => {
    const port = await freePort();
    configureMail({ smtpUrl: `smtp://127.0.0.1:${port}` });
    await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
    await effectsSettled();
    const total = await OutboxMailModel.countDocuments();
    expect(total).to.be.greaterThan(1);

    const down = await deliverOutbox(AT);
    expect(down).to.deep.equal({ sent: 0, failed: total });
    const waiting = await OutboxMailModel.find().lean();
    expect(waiting.every((m) => m.status === 'pending' && m.attempts === 1 && m.nextAttemptAt > AT)).to.equal(true);
    // Not due again until the backoff has passed.
    expect(await deliverOutbox(new Date(AT.getTime() + 1000))).to.deep.equal({ sent: 0, failed: 0 });

    const received: SmtpMessage[] = [];
    const server = await smtpUp(port, (m) => received.push(m));
    try {
      const later = new Date(AT.getTime() + 60_000);
      const runs = await Promise.all([deliverOutbox(later), deliverOutbox(later), deliverOutbox(later)]);
      expect(runs.reduce((n, r) => n + r.sent, 0)).to.equal(total);
      expect(await deliverOutbox(new Date(AT.getTime() + 3600_000))).to.deep.equal({ sent: 0, failed: 0 });
      expect(received).to.have.length(total);
      const recipients = received.flatMap((r) => r.to).sort();
      expect(new Set(recipients).size).to.equal(total);
      expect(recipients).to.include(DEMO.consumer);
      expect(received[0]!.raw).to.match(/Content-Type: text\/plain; charset=utf-8/i);
      const sent = await OutboxMailModel.find().lean();
      expect(sent.every((m) => m.status === 'sent' && m.attempts === 2 && m.transport === 'smtp')).to.equal(true);
    } finally {
      await smtpDown(server);
    }
  });

  it('lists every mail newest first, a band at a time, those enqueued before numbering included, and the sent ones alone', async () => {
    const userId = world.users.get(DEMO.consumer)!._id;
    const mail = (i: number) => ({ key: `t:${i}`, userId, to: DEMO.consumer, subject: `s${i}`, text: 't' });
    // Written before the outbox was numbered: the start-up backfill numbers them in _id order, once.
    await OutboxMailModel.collection.insertMany(
      [0, 1, 2].map((i) => ({ ...mail(i), status: 'sent', attempts: 1, nextAttemptAt: AT, createdAt: AT })),
    );
    expect(await backfillOutboxNumbers()).to.equal(3);
    expect(await backfillOutboxNumbers()).to.equal(0);
    await enqueueMails(Array.from({ length: 70 }, (_, i) => mail(3 + i)));
    await enqueueMails([mail(5), mail(73)]); // one already enqueued: its number stays unused
    for (let i = 74; i < 130; i++) await enqueueMail(mail(i));
    await OutboxMailModel.updateMany({}, { $set: { status: 'sent' } });
    await OutboxMailModel.updateMany({ key: { $in: ['t:0', 't:100', 't:129'] } }, { $set: { status: 'failed' } });
    const srv = await startTestServer();
    try {
      const admin = await signedIn(srv.url, DEMO.admin);
      const all = async (q: string) => {
        const subjects: string[] = [];
        for (let cursor = ''; ;) {
          const page = await admin.get(`/admin/outbox?limit=50${q}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.status).to.equal(200);
          subjects.push(...page.body.items.map((m: { subject: string }) => m.subject));
          if (!page.body.nextCursor) return subjects;
          cursor = page.body.nextCursor;
        }
      };
      const newestFirst = Array.from({ length: 130 }, (_, i) => `s${129 - i}`);
      expect(await all('')).to.deep.equal(newestFirst);
      expect(await all('&status=sent')).to.deep.equal(newestFirst.filter((s) => !['s0', 's100', 's129'].includes(s)));
      expect(await all('&status=failed')).to.deep.equal(['s129', 's100', 's0']);
    } finally {
      await srv.stop();
    }
  });

  it('without SMTP writes .eml files, which the admin outbox lists and serves; others get 403', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-mail-'));
    configureMail({ smtpUrl: undefined, dataDir: dir });
    await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
    await effectsSettled();
    const r = await deliverOutbox(AT);
    expect(r.sent).to.be.greaterThan(0);
    const files = fs.readdirSync(path.join(dir, 'mail'));
    expect(files).to.have.length(r.sent);
    const eml = fs.readFileSync(path.join(dir, 'mail', files[0]!), 'utf8');
    expect(eml).to.match(/^Subject: /m);
    const srv = await startTestServer();
    try {
      const admin = await signedIn(srv.url, DEMO.admin);
      const list = await admin.get('/admin/outbox');
      expect(list.status).to.equal(200);
      expect(list.body.items).to.have.length(r.sent);
      expect(list.body.items[0]).to.include({ status: 'sent', transport: 'file' });
      expect(list.body.items[0].text).to.match(/View/);
      const one = await admin.get(`/admin/outbox/${list.body.items[0].id}.eml`);
      expect(one.status).to.equal(200);
      expect(one.headers.get('content-type')).to.match(/message\/rfc822/);
      const consumer = await signedIn(srv.url, DEMO.consumer);
      expect((await consumer.get('/admin/outbox')).status).to.equal(403);
      expect((await consumer.get(`/admin/outbox/${list.body.items[0].id}.eml`)).status).to.equal(403);
    } finally {
      await srv.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends a mail whose sender died after claiming its attempt, once the claim is abandoned', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-mail-'));
    configureMail({ smtpUrl: undefined, dataDir: dir });
    try {
      await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
      await effectsSettled();
      const mails = await OutboxMailModel.find().lean();
      await JobRunModel.create({ key: `mail:${mails[0]!._id}:0`, job: 'outbox', at: AT });
      expect((await deliverOutbox(new Date(AT.getTime() + 60_000))).sent).to.equal(mails.length - 1);
      expect((await deliverOutbox(new Date(AT.getTime() + 5 * 60_000))).sent).to.equal(0);
      await deliverOutbox(new Date(AT.getTime() + 11 * 60_000));
      expect((await deliverOutbox(new Date(AT.getTime() + 12 * 60_000))).sent).to.equal(1);
      expect(await OutboxMailModel.countDocuments({ status: 'sent' })).to.equal(mails.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
