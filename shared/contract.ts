// Checks a response against its declared schema strictly: zod reports what is missing or wrong, and
// since it strips keys it does not know, the keys the schema dropped are reported as extra.
import type { z } from 'zod';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function extraKeys(raw: unknown, parsed: unknown, path: (string | number)[], out: string[]): void {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    raw.forEach((v, i) => extraKeys(v, parsed[i], [...path, i], out));
  } else if (isObject(raw) && isObject(parsed)) {
    for (const [k, v] of Object.entries(raw)) {
      if (k in parsed) extraKeys(v, parsed[k], [...path, k], out);
      else out.push(`${[...path, k].join('.')}: not in the schema`);
    }
  }
}

/** Every way `value` (as it travels, i.e. JSON) departs from `schema`; empty when it conforms. */
export function contractIssues(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  if (!r.success) return r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const out: string[] = [];
  extraKeys(value, r.data, [], out);
  return out;
}
