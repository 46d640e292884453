// The outbox: commands enqueue a mail per (event, recipient); the outbox job delivers it. A unique
// insert makes enqueueing idempotent, and each attempt is claimed so no two instances send it.
import fs from 'node:fs';
import path from 'node:path';
import type mongoose from 'mongoose';
import { now } from '../clock.js';
import { onlyDuplicateKeys } from '../http/errors.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { bandedPage, numbered } from '../db/sequence.js';
import { paginate } from '../http/paginate.js';
import { claim } from '../jobs/claim.js';
import { logger } from '../logger.js';
import { JobRunModel } from '../models/JobRun.js';
import { OutboxMailModel } from '../models/OutboxMail.js';
import { composeEml, mailDir, mailSettings, smtpTransport } from './transport.js';
import { groupInsert } from '../db/groupInsert.js';
import { firstWriter } from '../db/firstWriter.js';

type NewMail = {
  key: string;
  userId: mongoose.Types.ObjectId | string;
  to: string;
  subject: string;
  text: string;
};

/** The sequence that orders the admin's outbox (server/db/sequence.ts). */
export const OUTBOX_SEQUENCE = 'outbox';

export async function enqueueMail(m: NewMail): Promise<boolean> {
  const [n] = await numbered(OUTBOX_SEQUENCE, 1);
  return firstWriter(OutboxMailModel.create({ ...m, ...n, status: 'pending', nextAttemptAt: now(), createdAt: now() }));
}

/** Several mails in one unordered insert (a fan-out's); one already enqueued leaves the others stored. */
export async function enqueueMails(mails: NewMail[]): Promise<void> {
  if (!mails.length) return;
  const at = now();
  // One block of numbers for the batch; a mail already enqueued leaves its number unused.
  const numbers = await numbered(OUTBOX_SEQUENCE, mails.length);
  const docs = mails.map((m, i) => new OutboxMailModel({ ...m, ...numbers[i], status: 'pending', nextAttemptAt: at, createdAt: at }));
  for (const d of docs) {
    const invalid = d.validateSync();
    if (invalid) throw invalid;
  }
  await groupInsert(
    OutboxMailModel.collection as never,
    docs.map((d) => d.toObject()),
  ).catch((e) => {
    if (!onlyDuplicateKeys(e)) throw e;
  });
}

/** 30 s, 1 min, 2 min … capped at one hour; after 12 attempts the mail is marked failed. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}
export const MAX_ATTEMPTS = 12;
const ABANDONED_MS = 10 * 60_000;

export async function deliverOutbox(at = now(), limit = 50): Promise<{ sent: number; failed: number }> {
  const due = await OutboxMailModel.find({ status: 'pending', nextAttemptAt: { $lte: at } })
    .sort({ nextAttemptAt: 1 })
    .limit(limit)
    .lean();
  const { smtpUrl } = mailSettings();
  let sent = 0;
  let failed = 0;
  for (const mail of due) {
    // One attempt number is tried by one instance only.
    const key = `mail:${mail._id}:${mail.attempts}`;
    if (!(await claim(key, 'outbox'))) {
      // An attempt claimed long ago and never recorded: its sender died. Count it as failed so the
      // next run claims a fresh attempt (the mail may then go out twice, never zero times).
      const run = await JobRunModel.findOne({ key }).lean();
      if (run && at.getTime() - new Date(run.at).getTime() > ABANDONED_MS) {
        await OutboxMailModel.updateOne(
          { _id: mail._id, attempts: mail.attempts, status: 'pending' },
          { $set: { attempts: mail.attempts + 1, lastError: 'attempt abandoned' } },
        );
      }
      continue;
    }
    try {
      let messageId: string;
      if (smtpUrl) {
        const info = await smtpTransport(smtpUrl).sendMail({
          from: mailSettings().from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
        messageId = String(info.messageId ?? '');
      } else {
        messageId = `<${mail._id}@fangxin.local>`;
        const eml = await composeEml({ ...mail, messageId, date: at });
        await fs.promises.mkdir(mailDir(), { recursive: true });
        await fs.promises.writeFile(path.join(mailDir(), `${mail._id}.eml`), eml);
      }
      await OutboxMailModel.updateOne(
        { _id: mail._id },
        {
          $set: {
            status: 'sent',
            sentAt: at,
            attempts: mail.attempts + 1,
            transport: smtpUrl ? 'smtp' : 'file',
            messageId,
            lastError: null,
          },
        },
      );
      sent++;
    } catch (err) {
      const attempts = mail.attempts + 1;
      failed++;
      logger.warn({ err: (err as Error).message, mail: String(mail._id), attempts }, 'mail delivery failed; will retry');
      await OutboxMailModel.updateOne(
        { _id: mail._id },
        {
          $set: {
            attempts,
            lastError: (err as Error).message.slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            nextAttemptAt: new Date(at.getTime() + backoffMs(attempts)),
          },
        },
      );
    }
  }
  return { sent, failed };
}

/**
 * The admin's outbox, newest first. All mails, or the sent ones, a band at a time (`{band}`,
 * `{status: 'sent', band}`: at most 50 rows per read, whatever the outbox holds). Pending and failed
 * mails are the few the job has not delivered: one `{status}` read sorted by _id, as before.
 */
export async function outboxPage(q: { status?: 'pending' | 'sent' | 'failed'; limit: number; cursor?: string }) {
  if (q.status === 'pending' || q.status === 'failed') return paginate(OutboxMailModel, { status: q.status }, q);
  return bandedPage(OutboxMailModel, OUTBOX_SEQUENCE, q.status ? { status: q.status } : {}, q);
}

const NUMBERED = 'backfill:outbox-numbers-v1';

/**
 * Mails enqueued before the outbox was numbered get their numbers, in _id order, once
 * (server/db/backfill.ts). They come before any mail enqueued since, unless those were enqueued first
 * by a newer process on the same database.
 */
export async function backfillOutboxNumbers(): Promise<number> {
  if (await JobRunModel.exists({ key: NUMBERED })) return 0;
  const rows = (await OutboxMailModel.find({}, { _id: 1, seq: 1 }).lean())
    .filter((r) => typeof r.seq !== 'number')
    .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  const numbers = await numbered(OUTBOX_SEQUENCE, rows.length);
  await bulkWriteInChunks(
    OutboxMailModel,
    rows.map((r, i) => ({ updateOne: { filter: { _id: r._id }, update: { $set: numbers[i]! } } })),
  );
  await claim(NUMBERED, 'backfill');
  if (rows.length) logger.info({ mails: rows.length }, 'outbox mails numbered for the admin list');
  return rows.length;
}
