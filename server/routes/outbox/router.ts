import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { page } from '../../../shared/schemas/common.js';
import { objectId } from '../../../shared/schemas/common.js';
import { outboxMailSchema, outboxQuery } from '../../../shared/schemas/notification.js';
import { endpoint } from '../../http/endpoint.js';
import { notFound } from '../../http/errors.js';
import { outboxPage } from '../../mail/outbox.js';
import { composeEml, mailDir } from '../../mail/transport.js';
import { OutboxMailModel, type OutboxMailRecord } from '../../models/OutboxMail.js';

const iso = (d: unknown) => (d ? new Date(d as Date).toISOString() : null);

function present(m: OutboxMailRecord) {
  return {
    id: String(m._id),
    to: m.to,
    subject: m.subject,
    text: m.text,
    status: m.status,
    attempts: m.attempts ?? 0,
    lastError: m.lastError ?? null,
    transport: m.transport ?? null,
    createdAt: iso(m.createdAt)!,
    sentAt: iso(m.sentAt),
    nextAttemptAt: iso(m.nextAttemptAt)!,
  };
}

export const outboxRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/admin/outbox',
      summary: 'Mails sent or waiting (admin)',
      tag: 'admin',
      policy: 'outbox:list',
      query: outboxQuery,
      response: page(outboxMailSchema),
    },
    async ({ query }) => {
      const p = await outboxPage(query);
      return { items: p.items.map((m) => present(m as OutboxMailRecord)), nextCursor: p.nextCursor };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/admin/outbox/:id.eml',
      summary: 'One mail as an .eml file (admin)',
      tag: 'admin',
      policy: 'outbox:list',
      params: z.object({ id: objectId }),
      raw: true,
    },
    async ({ params, res }) => {
      const m = await OutboxMailModel.findById(params.id).lean();
      if (!m) throw notFound('Mail');
      // The file the outbox wrote when there was no SMTP; otherwise the same message composed again.
      const file = path.join(mailDir(), `${m._id}.eml`);
      const eml = fs.existsSync(file)
        ? await fs.promises.readFile(file)
        : await composeEml({ to: m.to, subject: m.subject, text: m.text, messageId: m.messageId, date: m.sentAt ?? m.createdAt });
      res.setHeader('content-type', 'message/rfc822');
      res.setHeader('content-disposition', `attachment; filename="${m._id}.eml"`);
      res.status(200).send(eml);
    },
  ),
];
