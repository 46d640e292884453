import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { fieldErrorsFromIssues, type FieldErrors, type FieldMessageKeys } from './fieldErrors';

/**
 * A form's text values, its errors per field and for the whole form, and its busy state; `submit`
 * checks the input with the shared schema before anything is sent, as the server will.
 */
export function useForm<V extends Record<string, string>>(initial: V, messageKeys: FieldMessageKeys = {}) {
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: keyof V, value: string) => setValues((v) => ({ ...v, [name]: value }));

  /** The props of one TextField; `errorKey` is the field's path in the schema when it differs from its value's name. */
  const field = (name: keyof V & string, errorKey: string = name) => ({
    name: errorKey,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.target.value),
    error: fieldErrors[errorKey],
  });

  /** Validates `input`, then sends it; `failed` turns a refusal into field or form errors. */
  async function submit<T>(
    e: FormEvent,
    schema: z.ZodType<T>,
    input: unknown,
    send: (data: T) => Promise<unknown>,
    failed: (err: unknown) => void,
  ) {
    e.preventDefault();
    setFormError(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues, messageKeys));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
    } catch (err) {
      failed(err);
      setBusy(false);
    }
  }

  return { values, setValues, set, field, fieldErrors, setFieldErrors, formError, setFormError, busy, submit };
}
