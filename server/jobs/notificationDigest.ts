// Sends the daily digest mails of the days that ended (server/notifications/digest.ts). Each mail is
// claimed by its outbox row's unique insert, so running more often than daily sends nothing twice.
import { sendDigests } from '../notifications/digest.js';
import type { Job } from './scheduler.js';

export const notificationDigestJob: Job = { name: 'notification-digest', everyMs: 15 * 60_000, run: (at) => sendDigests(at) };
