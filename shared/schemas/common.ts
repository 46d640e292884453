import { z } from 'zod';

export const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character hex id');

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** The cursor of offset-paged lists: the nextCursor of the previous page, a small non-negative integer. */
export const offsetCursor = z
  .string()
  .regex(/^\d{1,9}$/, 'must be the nextCursor of a previous page')
  .optional();

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const idParam = z.object({ id: objectId });

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
/** What `page(item)` validates, for the client's requests. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A page of a list that shows its result count: `total` is every match, not only this page's. */
export function countedPage<T extends z.ZodTypeAny>(item: T) {
  return page(item).extend({ total: z.number().int() });
}
export type CountedPage<T> = Page<T> & { total: number };

/** The answer of an action with nothing else to say. */
export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;
