// Evidence files: only images and PDFs, recognised by their first bytes (not the name or the declared
// type), stored behind the storage interface, metadata in Attachment.
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import { AppError, badRequest } from '../http/errors.js';
import { AttachmentModel } from '../models/Attachment.js';
import { storage } from '../storage/index.js';
import type { Actor } from '../policies/index.js';
import { loadForParty } from './postMessage.js';

/** The real type of a file from its magic bytes, or null for anything we do not accept. */
export function sniffType(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  if (
    b.length >= 12 &&
    b.subarray(4, 8).toString('latin1') === 'ftyp' &&
    /^(heic|heix|mif1|msf1)$/.test(b.subarray(8, 12).toString('latin1'))
  )
    return 'image/heic';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * A safe display name: no path, no control characters, no bidirectional controls (which make
 * `invoice\u202egnp.exe` display as `invoiceexe.png`), at most 200 characters.
 */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, 200) || 'file';
}

export type UploadedFile = { originalname: string; buffer: Buffer; size: number };

export type StoredEvidence = Awaited<ReturnType<typeof storeEvidence>>;

/** A file checked like complaint evidence (size, real type) and stored; its metadata for the record that names it. */
export async function storeEvidence(file: UploadedFile) {
  if (file.size > ATTACHMENT_MAX_BYTES) throw new AppError(413, 'too_large', 'Files may be at most 10 MB');
  const contentType = sniffType(file.buffer);
  if (!contentType)
    throw new AppError(415, 'unsupported_media_type', 'Only images (JPEG, PNG, GIF, WebP, HEIC) and PDF files are accepted');
  return {
    storageKey: await storage().put(file.buffer, { contentType }),
    fileName: cleanName(file.originalname),
    contentType,
    size: file.size,
  };
}

/**
 * Stores the file as evidence and saves the record that names it; when the record cannot be saved
 * (a clash, the database away), the stored file is removed again, so no file is kept that nothing names.
 */
export async function withEvidence<T>(file: UploadedFile, save: (stored: StoredEvidence) => Promise<T>): Promise<T> {
  const stored = await storeEvidence(file);
  try {
    return await save(stored);
  } catch (e) {
    await storage().delete(stored.storageKey);
    throw e;
  }
}

export async function addAttachment(actor: Actor, complaintId: string, file: UploadedFile | undefined) {
  if (!file) throw badRequest('Send the file in the multipart field "file"');
  if (file.size === 0) throw badRequest('The file is empty');
  const { complaint } = await loadForParty(actor, complaintId);
  return withEvidence(file, async (stored) => {
    const a = await AttachmentModel.create({
      complaintId: complaint._id,
      uploaderId: actor.id,
      name: stored.fileName,
      size: file.size,
      contentType: stored.contentType,
      storageKey: stored.storageKey,
      at: now(),
    });
    return a.toObject();
  });
}
