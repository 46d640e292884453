// Response templates (issue #10, item 5): named texts an organisation (a merchant or a bureau) keeps
// and inserts into its response, decline, message and note forms. A template may name placeholders,
// filled per complaint by the server with what the viewer may see of it.
import { z } from 'zod';
import { objectId } from './common.js';

export const TEMPLATE_LIMIT = 100;

/** What a placeholder stands for; `{consumerName}` only when the viewer may see the consumer's identity. */
export const TEMPLATE_PLACEHOLDERS = ['consumerName', 'product', 'number', 'merchant', 'deadline'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{word}` tokens of a text that are not placeholders (a typo would otherwise reach the consumer verbatim). */
export function unknownPlaceholders(body: string): string[] {
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS;
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((w) => !known.includes(w));
}

/** Replaces each known placeholder by its value; used by the server's fill. */
export function fillPlaceholders(body: string, values: Record<TemplatePlaceholder, string>): string {
  return body.replace(PLACEHOLDER, (whole, w: string) => (w in values ? values[w as TemplatePlaceholder] : whole));
}

export const templateInput = z
  .object({
    name: z.string().trim().min(1).max(40),
    body: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .refine((b) => unknownPlaceholders(b).length === 0, {
        message: `placeholders may only be ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      }),
  })
  .strict();
export type TemplateInput = z.infer<typeof templateInput>;

export const templateSchema = z
  .object({
    id: objectId,
    name: z.string(),
    body: z.string(),
    /** Who saved it last, and when. */
    updatedByName: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type ResponseTemplate = z.infer<typeof templateSchema>;
export const templateListSchema = z.object({ items: z.array(templateSchema) }).strict();

export const templateFillQuery = z.object({ complaintId: objectId }).strict();

export const filledTemplateSchema = z
  .object({
    text: z.string(),
    /** Placeholders this viewer may not see filled (replaced by a neutral word): e.g. consumerName for a merchant without contact agreement. */
    withheld: z.array(z.enum(TEMPLATE_PLACEHOLDERS)),
  })
  .strict();
export type FilledTemplate = z.infer<typeof filledTemplateSchema>;
