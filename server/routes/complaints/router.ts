import { idParam, page } from '../../../shared/schemas/common.js';
import {
  attachmentSchema,
  complaintDetailSchema,
  complaintMessageSchema,
  complaintCountsSchema,
  complaintListQuery,
  complaintSchema,
  countQuery,
  createComplaintSchema,
  exportQuery,
  messageSchema,
  recordQuery,
  transitionSchema,
} from '../../../shared/schemas/complaint.js';
import { complaintSearchQuery, complaintSearchSchema } from '../../../shared/schemas/complaintSearch.js';
import { addAttachment } from '../../commands/addAttachment.js';
import { fileComplaint } from '../../commands/fileComplaint.js';
import { postMessage } from '../../commands/postMessage.js';
import { transitionComplaint } from '../../commands/transitionComplaint.js';
import { complaintsCsv } from '../../complaints/csv.js';
import { countComplaints, exportComplaints, listComplaints } from '../../complaints/query.js';
import { searchComplaints } from '../../complaints/search.js';
import { complaintDetail, visibleComplaint } from '../../complaints/detail.js';
import { evidenceZip } from '../../complaints/evidenceZip.js';
import { recordPdf } from '../../complaints/recordPdf.js';
import { endpoint } from '../../http/endpoint.js';
import { readIdempotencyKey } from '../../http/idempotency.js';
import { notFound } from '../../http/errors.js';
import { evidenceUpload } from '../../http/multipart.js';
import { AttachmentModel } from '../../models/Attachment.js';
import type { ComplaintRecord } from '../../models/Complaint.js';
import type { Actor } from '../../policies/index.js';
import { checkComplaintRegionFilter } from '../../policies/complaints.js';
import { identities, presentAttachment, presentComplaint, presentMessage } from '../../presenters/complaint.js';
import { storage } from '../../storage/index.js';
import { sendPrivateFile } from '../../http/stream.js';
import { logView } from '../../privacy/accessLog.js';

const TAG = 'complaints';
const EXPORT_LIMIT = 20_000;

async function present(c: ComplaintRecord, actor: Actor | null) {
  return presentComplaint(c, actor, await identities([c], actor));
}

export const complaintRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/complaints/export.csv',
      summary: 'Export complaints as CSV (UTF-8 with BOM)',
      tag: TAG,
      policy: 'complaint:export',
      rateLimit: 'expensive',
      query: exportQuery,
      raw: true,
    },
    async ({ actor, query, res }) => {
      checkComplaintRegionFilter(actor!, query.countyCode);
      const rows = await exportComplaints(actor!, query, EXPORT_LIMIT);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="complaints.csv"; filename*=UTF-8''${encodeURIComponent('投诉导出.csv')}`);
      res.status(200).send(complaintsCsv(rows, query.lang));
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints',
      summary: 'File a complaint (honours Idempotency-Key)',
      tag: TAG,
      policy: 'complaint:create',
      rateLimit: 'filing',
      body: createComplaintSchema,
      response: complaintSchema,
    },
    async ({ req, res, actor, body }) => {
      const key = readIdempotencyKey(req);
      const { complaint, created } = await fileComplaint({ consumerId: actor!.id, data: body, idempotencyKey: key });
      if (!created) res.locals.status = 200;
      return present(complaint, actor);
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints',
      summary: 'Complaints visible to me, filtered',
      tag: TAG,
      policy: 'complaint:list',
      query: complaintListQuery,
      response: page(complaintSchema),
    },
    async ({ actor, query }) => {
      checkComplaintRegionFilter(actor!, query.countyCode);
      const p = await listComplaints(actor!, query);
      const who = await identities(p.items, actor);
      return { items: p.items.map((c) => presentComplaint(c, actor, who)), nextCursor: p.nextCursor };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints/counts',
      summary: 'How many complaints a list holds, and per inbox tab',
      tag: TAG,
      policy: 'complaint:list',
      query: countQuery,
      response: complaintCountsSchema,
    },
    async ({ actor, query }) => {
      checkComplaintRegionFilter(actor!, query.countyCode);
      return countComplaints(actor!, query);
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints/search',
      summary:
        'Search my visible complaints by any words of number, product, brand, model, merchant, store or description; ranked, with the text to highlight',
      tag: TAG,
      policy: 'complaint:list',
      query: complaintSearchQuery,
      response: complaintSearchSchema,
    },
    async ({ actor, query }) => {
      const { hits, partial, nextCursor } = await searchComplaints(actor!, query.q, query.limit, query.cursor);
      const who = await identities(
        hits.map((h) => h.complaint),
        actor,
      );
      return { items: hits.map((h) => ({ ...h, complaint: presentComplaint(h.complaint, actor, who) })), partial, nextCursor };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints/:id',
      summary: 'A complaint with its timeline, messages and attachments',
      tag: TAG,
      policy: 'complaint:read',
      params: idParam,
      response: complaintDetailSchema,
    },
    async ({ actor, params }) => {
      const detail = await complaintDetail(actor, params.id);
      // Only a page that shows who the consumer is counts as a view of their personal data.
      if (detail.consumer) logView(actor, detail.id, 'detail');
      return detail;
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/transitions',
      summary: 'Take a lifecycle action',
      tag: TAG,
      policy: 'complaint:transition',
      params: idParam,
      body: transitionSchema,
      response: complaintSchema,
      status: 200,
    },
    async ({ actor, params, body }) => present(await transitionComplaint(actor!, params.id, body), actor),
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/messages',
      summary: 'Post a message in the thread',
      tag: TAG,
      policy: 'complaint:message',
      rateLimit: 'message',
      params: idParam,
      body: messageSchema,
      response: complaintMessageSchema,
    },
    async ({ actor, params, body }) => {
      const { message, complaint } = await postMessage(actor!, params.id, body.body, body.attachmentId);
      return presentMessage(message, complaint, true);
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/complaints/:id/attachments',
      summary: 'Upload evidence (image or PDF, at most 10 MB)',
      tag: TAG,
      policy: 'complaint:attach',
      rateLimit: 'upload',
      params: idParam,
      response: attachmentSchema,
      before: evidenceUpload(),
    },
    async ({ req, actor, params }) => presentAttachment(await addAttachment(actor!, params.id, req.file)),
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints/:id/record.pdf',
      summary:
        "The complaint's printable record (facts, timeline, messages, response, outcome and mediation agreement) as a PDF, as this reader may see it",
      tag: TAG,
      policy: 'complaint:record',
      rateLimit: 'expensive',
      params: idParam,
      query: recordQuery,
      raw: true,
    },
    async ({ actor, params, query, res }) => {
      const detail = await complaintDetail(actor, params.id);
      logView(actor, detail.id, 'record_pdf');
      await sendPrivateFile(res, await recordPdf(detail, query.lang ?? 'zh-CN'), {
        contentType: 'application/pdf',
        name: `投诉记录-${detail.number}.pdf`,
        asciiName: `${detail.number}.pdf`,
        download: true,
      });
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/complaints/:id/evidence.zip',
      summary: "The complaint's evidence files as one ZIP",
      tag: TAG,
      policy: 'complaint:record',
      rateLimit: 'expensive',
      params: idParam,
      raw: true,
    },
    async ({ actor, params, res }) => {
      const c = await visibleComplaint(actor, params.id);
      const files = await AttachmentModel.find({ complaintId: c._id }).sort({ at: 1 }).lean();
      logView(actor, String(c._id), 'evidence');
      await sendPrivateFile(res, await evidenceZip(files), {
        contentType: 'application/zip',
        name: `证据-${c.number}.zip`,
        asciiName: `${c.number}.zip`,
        download: true,
      });
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/attachments/:id',
      summary: 'Download an evidence file',
      tag: TAG,
      policy: 'attachment:read',
      params: idParam,
      raw: true,
    },
    async ({ actor, params, res }) => {
      const a = await AttachmentModel.findById(params.id).lean();
      if (!a) throw notFound('Attachment');
      await visibleComplaint(actor, String(a.complaintId)).catch(() => {
        throw notFound('Attachment');
      });
      const stream = await storage().get(a.storageKey);
      logView(actor, String(a.complaintId), 'evidence');
      await sendPrivateFile(res, stream, { contentType: a.contentType, name: a.name, size: a.size });
    },
  ),
];
