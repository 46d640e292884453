// One request a form or button sends: busy while it runs (Button shows it and cannot be pressed
// twice) and its failure shown as the error, described in the reader's language.
import { useState, type FormEvent } from 'react';
import { describeError } from '../i18n/errors';

interface Options {
  /** Success leaves the page (a navigation, a full load): stay busy until it has gone, so nothing is sent twice. */
  leaves?: boolean;
}

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs `work` and answers its result, or undefined when it failed (the error is then shown). */
  async function run<T>(work: () => Promise<T>, { leaves = false }: Options = {}): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (!leaves) setBusy(false);
      return result;
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
      return undefined;
    }
  }

  /** A form's onSubmit: the browser does not send the form itself; `work` runs as with `run`. */
  const submit = (work: () => Promise<unknown>, options?: Options) => (e: FormEvent) => {
    e.preventDefault();
    void run(work, options);
  };

  return { busy, error, setError, run, submit };
}
