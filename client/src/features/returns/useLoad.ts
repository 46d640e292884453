// Loads data for a page, with a reload handle and the error as text.
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../../i18n/errors';

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setError(describeError(e));
      },
    );
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, reload, setData };
}
