import type { z } from 'zod';
import { i18n } from '../../i18n';

/** Error text per field, keyed by the dotted path used in schemas and API details (e.g. `merchant.creditCode`). */
export type FieldErrors = Record<string, string>;

/** Field paths whose format or custom checks deserve a specific message, e.g. `{ phone: 'validation.phone' }`. */
export type FieldMessageKeys = Record<string, string>;

function issueMessage(issue: z.core.$ZodIssue, path: string, keys: FieldMessageKeys): string {
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'common', ...options });
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      break;
    case 'invalid_type':
      if (issue.input === undefined) return t('validation.required');
      break;
  }
  return t(keys[path] ?? 'validation.invalid');
}

/** Localized messages for client-side zod issues; the first issue of each field wins. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], keys: FieldMessageKeys = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.join('.');
    errors[path] ??= issueMessage(issue, path, keys);
  }
  return errors;
}

/**
 * Field errors from a 400 response's details (`[{path, message}]`). The server checks with the same schemas
 * as the client, so a known field gets its localized message; anything else shows the server's text.
 */
export function fieldErrorsFromDetails(details: unknown, keys: FieldMessageKeys = {}): FieldErrors {
  const errors: FieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    const path = Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? '');
    const key = keys[path];
    errors[path] ??= key ? i18n.t(key, { ns: 'common' }) : String(d.message ?? i18n.t('validation.invalid', { ns: 'common' }));
  }
  return errors;
}
