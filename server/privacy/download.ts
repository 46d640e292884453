// Everything Fangxin holds about one consumer, as one ZIP: data.json (the account, each complaint as
// the consumer's own page shows it with its timeline, thread and evidence list, their returns,
// notifications, mails and the access log) and every evidence file of their complaints under
// attachments/<complaint number>/. Each read selects by the consumer's own id, so nothing of
// another consumer can enter.
import { ZipArchive } from 'archiver';
import { complaintDetail } from '../complaints/detail.js';
import { ComplaintModel } from '../models/Complaint.js';
import { AttachmentModel } from '../models/Attachment.js';
import { DataAccessModel } from '../models/DataAccess.js';
import { NotificationModel } from '../models/Notification.js';
import { OutboxMailModel } from '../models/OutboxMail.js';
import { ReturnRequestModel, type ReturnRequestRecord } from '../models/ReturnRequest.js';
import { UserModel } from '../models/User.js';
import type { Actor } from '../policies/index.js';
import { presentReturn } from '../presenters/returns.js';
import { storage } from '../storage/index.js';
import { presentAccess } from './present.js';

const iso = (d?: Date | null) => (d ? new Date(d).toISOString() : null);

export async function personalData(actor: Actor) {
  const user = (await UserModel.findById(actor.id).lean())!;
  // Filed order (ids grow with time), sorted here: the consumerId index has no sort key.
  const complaints = (await ComplaintModel.find({ consumerId: user._id }, { _id: 1 }).lean()).sort((a, b) =>
    String(a._id).localeCompare(String(b._id)),
  );
  const details = [];
  for (const c of complaints) details.push(await complaintDetail(actor, String(c._id)));
  const [returns, notifications, mails, access] = await Promise.all([
    ReturnRequestModel.find({ consumerId: user._id }).sort({ _id: -1 }).lean<ReturnRequestRecord[]>(),
    NotificationModel.find({ userId: user._id }).sort({ _id: -1 }).lean(),
    OutboxMailModel.find({ userId: user._id }).sort({ _id: -1 }).lean(),
    DataAccessModel.find({ consumerId: user._id }).sort({ _id: -1 }).lean(),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: String(user._id),
      name: user.name,
      email: user.email,
      ...(user.phone ? { phone: user.phone } : {}),
      role: user.role,
      locale: user.locale,
      createdAt: iso((user as { createdAt?: Date }).createdAt),
    },
    complaints: details,
    returnRequests: returns.map((r) => presentReturn(r, actor)),
    notifications: notifications.map((n) => ({
      title: n.title,
      titleEn: n.titleEn,
      body: n.body,
      link: n.link,
      at: iso(n.at),
      readAt: iso(n.readAt),
    })),
    mails: mails.map((m) => ({
      to: m.to,
      subject: m.subject,
      text: m.text,
      status: m.status,
      createdAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
    })),
    accessLog: access.map(presentAccess),
  };
}

/** The ZIP, streamed as it is written; evidence files come from storage one at a time. */
export async function personalDataZip(actor: Actor): Promise<ZipArchive> {
  const data = await personalData(actor);
  const zip = new ZipArchive({ zlib: { level: 6 } });
  zip.append(JSON.stringify(data, null, 2), { name: 'data.json' });
  for (const c of data.complaints) {
    const files = await AttachmentModel.find({ complaintId: c.id }).sort({ at: 1 }).lean();
    const used = new Set<string>();
    for (const a of files) {
      // Two files of one name stay apart (the attachment id is unique).
      const name = used.has(a.name) ? `${String(a._id)}-${a.name}` : a.name;
      used.add(a.name);
      zip.append(await storage().get(a.storageKey), { name: `attachments/${c.number}/${name}`, date: new Date(a.at) });
    }
  }
  void zip.finalize();
  return zip;
}
