// Multipart parsing for the upload endpoints. A body that is not the multipart it claims to be
// (wrong boundary, cut short, a JSON body sent here) is the caller's mistake: 400, never a 500.
import type { RequestHandler } from 'express';
import multer from 'multer';
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/complaint.js';
import { badRequest } from './errors.js';
import { uploadSlot } from './uploadSlots.js';

/**
 * An upload endpoint's `before`: the user's upload slot is taken first, so no body is read past the
 * limit of uploads at once, then the one file (field "file") is parsed within `limits`.
 */
export function fileUpload(limits: { fileSize: number; fields?: number }): RequestHandler[] {
  const parse = multer({ storage: multer.memoryStorage(), limits: { ...limits, files: 1 }, defParamCharset: 'utf8' }).single('file');
  const parseOrReject: RequestHandler = (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { name?: string; code?: string; status?: number; type?: string };
      // Multer's own errors (too large, unexpected field) and the body parser's keep their meaning.
      if (e.name === 'MulterError' || typeof e.status === 'number') return next(err);
      next(badRequest('The multipart body is malformed; send the file in the field "file"'));
    });
  return [uploadSlot, parseOrReject];
}

/** Evidence (a complaint's file, a credit contest's, a rectification report's): one file and a few text fields. */
export const evidenceUpload = () => fileUpload({ fileSize: ATTACHMENT_MAX_BYTES, fields: 5 });
