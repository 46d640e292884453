import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { fileComplaint } from '../../server/commands/fileComplaint.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { freePort } from '../../server/db/ferretdb.js';
import { deliverOutbox } from '../../server/mail/outbox.js';
import { configureMail } from '../../server/mail/transport.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { freshWorld } from '../helpers/server.js';
import { smtpDown, smtpUp, type SmtpMessage } from '../helpers/smtp.js';
import { pick, report } from './scale.js';

// A real SMTP server goes down (between messages and in the middle of a delivery run), stays down
// while mail piles up and two instances keep trying, and comes back: every mail arrives exactly once.
// The outbox is driven as its job drives it (server/jobs/outbox.ts), on the test clock, so the
// backoff of minutes passes at once.

interface Received {
  to: string;
  subject: string;
  text: string;
}

/** Records each recipient of each accepted message with its subject and body; `accepted(n)` sees each acceptance. */
function recorder(received: Received[], accepted: (n: number) => void = () => {}) {
  return ({ to, raw }: SmtpMessage) => {
    const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
    const text = raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n\n');
    for (const address of to) received.push({ to: address, subject, text });
    accepted(received.length);
  };
}

describe('fault: the SMTP server down for a while, then back', function () {
  this.timeout(pick(180_000, 600_000));
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

  it('delivers every mail exactly once across outages, with two instances sending', async () => {
    const port = await freePort();
    configureMail({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const received: Received[] = [];
    let failedAttempts = 0;
    let runs = 0;
    const file = async (n: number) => {
      for (let i = 0; i < n; i++)
        await fileComplaint({
          consumerId: consumerId(world),
          data: filing(world, '330106', { description: `第 ${runs}-${i} 次投诉：底座漏电。` }),
        });
      // The mails are queued after the answer, by the effect runner.
      await effectsSettled();
    };
    // One job tick on two instances at once, then the clock moves past any backoff.
    const tick = async () => {
      runs++;
      const r = await Promise.all([deliverOutbox(), deliverOutbox()]);
      failedAttempts += r[0].failed + r[1].failed;
      testClock.advance(61 * 60_000);
      return r[0].sent + r[1].sent;
    };
    const pending = () => OutboxMailModel.countDocuments({ status: 'pending' });

    const cycles = pick(1, 3);
    const perPhase = pick(3, 10);
    let server = await smtpUp(port, recorder(received));
    for (let cycle = 0; cycle < cycles; cycle++) {
      await file(perPhase);
      // Down in the middle of a run: the server shuts down after accepting two more messages.
      const before = received.length;
      await smtpDown(server);
      let closing: Promise<void> | null = null;
      server = await smtpUp(
        port,
        recorder(received, (n) => n === before + 2 && (closing = smtpDown(server))),
      );
      await tick();
      expect(closing, 'the server shut down during the run').to.not.equal(null);
      await closing;
      // Down for a while: more mail is filed and every instance keeps failing.
      await file(perPhase);
      for (let i = 0; i < pick(2, 4); i++) expect(await tick(), 'sent while SMTP is down').to.equal(0);
      expect(await pending()).to.be.greaterThan(0);
      // Back: everything pending goes out.
      server = await smtpUp(port, recorder(received));
      for (let i = 0; i < 10 && (await pending()) > 0; i++) await tick();
      expect(await pending(), 'mails still pending once SMTP is back').to.equal(0);
    }
    await smtpDown(server);

    const mails = await OutboxMailModel.find().lean();
    expect(
      mails.filter((m) => m.status !== 'sent'),
      'mails not sent',
    ).to.deep.equal([]);
    const key = (m: Received) => `${m.to}\n${m.subject}\n${m.text}`;
    const keys = received.map(key);
    const duplicated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicated, 'mails received twice').to.deep.equal([]);
    expect(received.length, 'mails received').to.equal(mails.length);
    // Per recipient, as many arrived as were queued (subjects arrive MIME-encoded, so they are not compared).
    const lost = [...new Set(mails.map((m) => m.to))].flatMap((to) => {
      const missing = mails.filter((m) => m.to === to).length - received.filter((r) => r.to === to).length;
      return missing > 0 ? [`${to}: ${missing}`] : [];
    });
    expect(lost, 'mails never received').to.deep.equal([]);

    report('SMTP down and back', {
      'outage cycles': cycles,
      'mails queued': mails.length,
      delivered: received.length,
      lost: lost.length,
      duplicated: duplicated.length,
      'failed attempts while down': failedAttempts,
      'job ticks (two instances each)': runs,
    });
  });
});
