// A product as a row names it (ProductLine on the client): the follow-up, incident and product lists
// all show these fields, so they declare them once.
import { z } from 'zod';
import { CATEGORIES } from '../enums.js';

export const productLabelSchema = z.object({
  name: z.string(),
  category: z.enum(CATEGORIES),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  gtin: z.string().nullable(),
});
