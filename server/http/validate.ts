import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest, zodDetails } from './errors.js';

/** Parses one part of a request with a shared zod schema; bad input is a 400 listing every issue. */
export function parse<S extends z.ZodTypeAny>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw badRequest('Invalid input', zodDetails(r.error));
  return r.data;
}

export const body = <S extends z.ZodTypeAny>(req: Request, schema: S) => parse(schema, req.body ?? {});
export const query = <S extends z.ZodTypeAny>(req: Request, schema: S) => parse(schema, req.query);
export const params = <S extends z.ZodTypeAny>(req: Request, schema: S) => parse(schema, req.params);
