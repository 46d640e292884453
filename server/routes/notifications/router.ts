import { z } from 'zod';
import { idParam } from '../../../shared/schemas/common.js';
import { notificationPage, notificationQuery, notificationSchema, readAllResponse } from '../../../shared/schemas/notification.js';
import { now } from '../../clock.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { paginate } from '../../http/paginate.js';
import { NotificationModel, type NotificationRecord } from '../../models/Notification.js';
import { bellPage, notificationsNumbered } from '../../notifications/numbers.js';
import { recordRead, unreadCount } from '../../notifications/unread.js';

function present(n: NotificationRecord) {
  return {
    id: String(n._id),
    kind: n.kind,
    title: n.title,
    ...(n.titleEn ? { titleEn: n.titleEn } : {}),
    body: n.body ?? '',
    link: n.link,
    complaintId: n.complaintId ? String(n.complaintId) : null,
    read: !!n.readAt,
    at: new Date(n.at).toISOString(),
  };
}

const TAG = 'notifications';

export const notificationRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/notifications',
      summary: 'My notifications with the unread count',
      tag: TAG,
      policy: 'notification:list',
      query: notificationQuery,
      response: notificationPage,
    },
    async ({ actor, query }) => {
      // The bell (no filter) reads bands of the user's numbers once every notification has one; the
      // rarer unread and read lists, and the bell until then, by _id.
      const readAt = query.unread === undefined ? {} : { readAt: query.unread === 'true' ? null : { $ne: null } };
      const page = async () =>
        query.unread === undefined && (await notificationsNumbered())
          ? bellPage(actor!.id, query)
          : paginate(NotificationModel, { userId: actor!.id, ...readAt }, query);
      const [p, unread] = await Promise.all([page(), unreadCount(actor!.id)]);
      return { items: p.items.map((n) => present(n as NotificationRecord)), nextCursor: p.nextCursor, unreadCount: unread };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/notifications/read-all',
      summary: 'Mark all my notifications read',
      tag: TAG,
      policy: 'notification:read',
      body: z.object({}).strict(),
      response: readAllResponse,
      status: 200,
    },
    async ({ actor }) => {
      // Exactly the notifications counted read are marked: one added meanwhile stays unread.
      const unread = await NotificationModel.find({ userId: actor!.id, readAt: null }, { key: 1 }).lean();
      await recordRead(
        actor!.id,
        unread.map((n) => n.key),
      );
      const r = await NotificationModel.updateMany({ _id: { $in: unread.map((n) => n._id) } }, { $set: { readAt: now() } });
      return { updated: r.modifiedCount, unreadCount: await unreadCount(actor!.id) };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/notifications/:id/read',
      summary: 'Mark one notification read',
      tag: TAG,
      policy: 'notification:read',
      params: idParam,
      body: z.object({}).strict(),
      response: notificationSchema,
      status: 200,
    },
    async ({ actor, params }) => {
      const n = await NotificationModel.findOne({ _id: params.id, userId: actor!.id }).lean();
      if (!n) throw notFound('Notification');
      if (!n.readAt) {
        await recordRead(actor!.id, [n.key]);
        await NotificationModel.updateOne({ _id: n._id }, { $set: { readAt: now() } });
      }
      return present({ ...(n as NotificationRecord), readAt: n.readAt ?? now() });
    },
  ),
];
