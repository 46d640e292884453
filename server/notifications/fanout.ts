// The one way a capability tells people that something happened: the accounts its recipient rules
// name each get an in-app notification (pushed live to their user room) and a mail through the outbox,
// in their language first, with an absolute link (PUBLIC_URL); the mail goes at once, into the daily
// digest, or not at all, as the recipient chose for the kind of event (docs/notification-settings.md).
// `cause` names what happened; the unique (userId, key) indexes of Notification and OutboxMail decide
// that a recipient hears of a cause once, however often the fan-out is retried (a crash, a second
// instance, a job firing twice).
import type mongoose from 'mongoose';
import type { Locale } from '../../shared/enums.js';
import { DEFAULT_DELIVERY, eventKindOf, type Deliveries } from '../../shared/schemas/notificationSettings.js';
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { publicUrl } from '../config.js';
import { enqueueMails } from '../mail/outbox.js';
import { mailText, type Notice } from '../mail/templates.js';
import { UserModel } from '../models/User.js';
import { emitTo } from '../realtime/emit.js';
import { addToDigest } from './digest.js';
import type { RecipientRule } from './recipients.js';
import { addNotifications } from './unread.js';

export interface Recipient {
  _id: mongoose.Types.ObjectId;
  email: string;
  locale: Locale;
  role: string;
  regionCode?: string | null;
  /** The recipient's choice per kind of event (notification settings); mail at once where none. */
  deliveries?: Deliveries | null;
}

export interface FanOut {
  /** What happened, unique per event (e.g. `<complaintId>:3`, `return-breach:<id>`). */
  cause: string;
  /** The notification's kind, for the client (e.g. `filed_merchant`, `return_breach`). */
  kind: string;
  /** Recipient rules from `./recipients.ts`; an account named by several rules hears once. */
  to: RecipientRule[];
  /** Titles and bodies in both languages (`server/mail/templates.ts`). */
  notice: Notice;
  /** The app path the notice opens, or one per recipient (a regulator and a merchant see different pages). */
  link: string | ((r: Recipient) => string);
  /** The complaint it concerns, if any (the complaint page lists its notifications). */
  complaintId?: unknown;
  /** A mail body of its own instead of the notice's (given the absolute link). */
  mail?: (url: string) => string;
}

/**
 * The reads that find the active accounts of these rules: one per clause, each `$in` spread into one
 * equality per value. FerretDB pushes down top-level equality only, so one `$or` (or an `$in`) would
 * read every active account and filter after; this way each read selects its few accounts by index.
 */
export function recipientQueries(to: RecipientRule[]) {
  const clauses = to.flat().flatMap((clause) => {
    let out = [clause];
    for (const [field, value] of Object.entries(clause)) {
      const values = (value as { $in?: unknown[] } | null)?.$in;
      if (Array.isArray(values)) out = out.flatMap((c) => values.map((v) => ({ ...c, [field]: v })));
    }
    return out;
  });
  return clauses.map((c) =>
    UserModel.find({ ...c, status: 'active' }, { _id: 1, email: 1, locale: 1, role: 1, regionCode: 1, deliveries: 1 }),
  );
}

export async function recipientsOf(to: RecipientRule[]): Promise<Recipient[]> {
  const found = (await Promise.all(recipientQueries(to).map((q) => q.lean<Recipient[]>()))).flat();
  // An account named by several clauses hears once.
  return [...new Map(found.map((r) => [String(r._id), r])).values()];
}

/** Mail subject in the recipient's language first, the other after (a mailbox may be shared). */
function subject(n: Notice, locale: Locale): string {
  return locale === 'en' ? `[Fangxin] ${n.titleEn} / ${n.title}` : `[放心] ${n.title} / ${n.titleEn}`;
}

/** Notifies every recipient of `f.cause` once; returns how many in-app notifications are new. */
export function fanOut(f: FanOut): Promise<number> {
  return fanOutAll([f]);
}

/**
 * Several fan-outs of one happening (a filing tells its consumer, its merchant and its bureaus) in
 * one insert per collection: the recipients of all are read at once, then the new notifications, their
 * unread counts and the mails are each stored by one unordered insert. An account named under the
 * same cause by several fan-outs hears once, from the first. Returns how many notifications are new.
 * `fresh`: no recipient can have heard of these causes before (see addNotifications).
 */
export async function fanOutAll(list: FanOut[], opts: { fresh?: boolean } = {}): Promise<number> {
  const found = await Promise.all(list.map((f) => recipientsOf(f.to)));
  const seen = new Set<string>();
  const sends = list.flatMap((f, i) =>
    found[i]!.flatMap((r) => {
      const once = `${String(r._id)}:${f.cause}`;
      if (seen.has(once)) return [];
      seen.add(once);
      return [{ f, r, link: typeof f.link === 'string' ? f.link : f.link(r) }];
    }),
  );
  if (!sends.length) return 0;
  const at = now();
  const docs = await addNotifications(
    sends.map(({ f, r, link }) => ({
      userId: r._id,
      key: f.cause,
      kind: f.kind,
      title: f.notice.title,
      titleEn: f.notice.titleEn,
      body: r.locale === 'en' ? f.notice.bodyEn : f.notice.body,
      link,
      complaintId: f.complaintId ?? null,
      at,
    })),
    opts,
  );
  const mails: Parameters<typeof enqueueMails>[0] = [];
  for (const [i, { f, r, link }] of sends.entries()) {
    const doc = docs[i];
    if (doc)
      emitTo([rooms.user(String(r._id))], 'notification', {
        id: String(doc._id),
        kind: f.kind,
        title: r.locale === 'en' ? f.notice.titleEn : f.notice.title,
        link,
      });
    // In the app always; beyond it as the recipient chose for this kind of event.
    const delivery = r.deliveries?.[eventKindOf(f.kind)] ?? DEFAULT_DELIVERY;
    if (delivery === 'app') continue;
    if (delivery === 'digest') {
      const body = r.locale === 'en' ? f.notice.bodyEn : f.notice.body;
      await addToDigest({ userId: r._id, key: f.cause, kind: f.kind, title: f.notice.title, titleEn: f.notice.titleEn, body, link });
      continue;
    }
    // Enqueued even when the notification existed: a retry after a crash between the two still mails.
    const url = publicUrl() + link;
    mails.push({
      key: f.cause,
      userId: r._id,
      to: r.email,
      subject: subject(f.notice, r.locale),
      text: f.mail ? f.mail(url) : mailText(f.notice, url, r.locale),
    });
  }
  await enqueueMails(mails);
  return docs.filter(Boolean).length;
}
