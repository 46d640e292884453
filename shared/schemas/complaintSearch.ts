// Ranked full-text search of complaints (GET /api/complaints/search): each hit carries the complaint
// as its viewer may see it, why it ranks where it does, and the matching text to highlight.
import { z } from 'zod';
import { complaintSchema } from './complaint.js';

export const complaintSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
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

/** `partial`: the query's words were all too common to read every match; these are the best of those read. */
export const complaintSearchSchema = z.object({ items: z.array(complaintHitSchema), partial: z.boolean() });
export type ComplaintSearch = z.infer<typeof complaintSearchSchema>;
