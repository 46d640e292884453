// Ranked full-text search of complaints (GET /api/complaints/search): each hit carries the complaint
// as its viewer may see it, why it ranks where it does, and the matching text to highlight.
import { z } from 'zod';
import { complaintSchema } from './complaint.js';

export const complaintSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    /** A `nextCursor` of the same query: the complaints holding its words only apart, from that month back. */
    cursor: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  })
  .strict();
export type ComplaintSearchQuery = z.infer<typeof complaintSearchQuery>;

export const SEARCH_FIELDS = ['number', 'product', 'brand', 'model', 'merchant', 'store', 'description'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A field's text (a window of it for a long description, "…" marking the cut) and the ranges to mark, as UTF-16 offsets into `text`. */
export const highlightSchema = z.object({
  field: z.enum(SEARCH_FIELDS),
  text: z.string(),
  ranges: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
});
export type Highlight = z.infer<typeof highlightSchema>;

export const complaintHitSchema = z.object({
  complaint: complaintSchema,
  /** The query is this complaint's number: always ranked first. */
  exactNumber: z.boolean(),
  /** How many of the query's words appear whole in the complaint. */
  matchedWords: z.number().int(),
  highlights: z.array(highlightSchema),
});
export type ComplaintHit = z.infer<typeof complaintHitSchema>;

/**
 * `partial`: the query's words were all too common to read every match; these are the best of those read.
 * `nextCursor`: every complaint holding the query's words whole is in this page or before it, and the
 * complaints holding them only apart were read back to a month short of the oldest; send it as `cursor`
 * with the same `q` for those filed before, which rank after every item shown.
 */
export const complaintSearchSchema = z.object({
  items: z.array(complaintHitSchema),
  partial: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type ComplaintSearch = z.infer<typeof complaintSearchSchema>;
