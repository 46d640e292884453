// Sends the mail outbox: SMTP when configured, else .eml files. Failures back off (server/mail/outbox.ts).
import { deliverOutbox } from '../mail/outbox.js';
import { JobRunModel } from '../models/JobRun.js';
import type { Job } from './scheduler.js';

export const OUTBOX_JOB = 'outbox';
const WEEK = 7 * 24 * 3600 * 1000;

export const outboxJob: Job = {
  name: OUTBOX_JOB,
  everyMs: 15_000,
  async run(at) {
    const r = await deliverOutbox(at);
    // Slot and attempt claims older than a week can no longer clash with anything.
    await JobRunModel.deleteMany({ job: OUTBOX_JOB, at: { $lt: new Date(at.getTime() - WEEK) } });
    return r;
  },
};
