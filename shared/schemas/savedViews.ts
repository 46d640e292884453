// A bureau officer's saved queue views (issue #10, item 2): any filter of the complaint queue under a
// name, kept per user and optionally shared with the user's bureau, each with its live count.
import { z } from 'zod';
import { countQuery } from './complaint.js';
import { objectId } from './common.js';

export const SAVED_VIEW_LIMIT = 30;

/** The filters of a view are the queue's: those of GET /complaints without paging or order. */
export const savedViewFilters = countQuery;
export type SavedViewFilters = z.infer<typeof savedViewFilters>;

export const savedViewInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    /** Shown to every officer of the bureau (`assignee: "me"` then means each viewer). */
    shared: z.boolean().default(false),
    filters: savedViewFilters,
  })
  .strict();
export type SavedViewInput = z.infer<typeof savedViewInput>;

export const savedViewSchema = z
  .object({
    id: objectId,
    name: z.string(),
    shared: z.boolean(),
    /** Saved by the viewer (who alone may delete it). */
    mine: z.boolean(),
    ownerName: z.string(),
    filters: savedViewFilters,
    /** How many complaints the view holds for the viewer now; at most COUNT_CAP when `capped`. */
    count: z.number().int(),
    capped: z.boolean(),
  })
  .strict();
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
