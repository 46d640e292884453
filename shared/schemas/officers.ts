// A bureau's work tools (issue #10, officers): assigning complaints to its officers and their internal
// notes. Notes are for the officers of bureaus that see the complaint, never for its consumer or merchant.
import { z } from 'zod';
import { objectId } from './common.js';

/** Assign (or reassign, or take: the caller's own id) a complaint to an officer of the caller's bureau. */
export const assignSchema = z
  .object({
    assigneeId: objectId,
    expectedVersion: z.number().int().min(1),
  })
  .strict();
export type AssignInput = z.infer<typeof assignSchema>;

/** An officer of the caller's bureau (the assign picker). */
export const officerSchema = z.object({ id: objectId, name: z.string() }).strict();
export type Officer = z.infer<typeof officerSchema>;
export const officerListSchema = z.object({ items: z.array(officerSchema) });

export const noteInputSchema = z.object({ body: z.string().trim().min(1).max(2000) }).strict();

export const complaintNoteSchema = z
  .object({
    id: objectId,
    complaintId: objectId,
    authorId: objectId,
    authorName: z.string(),
    /** The author's bureau, as it was named when writing. */
    orgName: z.string(),
    body: z.string(),
    at: z.string(),
  })
  .strict();
export type ComplaintNote = z.infer<typeof complaintNoteSchema>;
export const complaintNoteListSchema = z.object({ items: z.array(complaintNoteSchema) });
