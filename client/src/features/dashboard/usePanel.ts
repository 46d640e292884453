// Each panel loads on its own (a slow figure never holds back the others) and reloads, debounced,
// whenever a complaint, flag or case event arrives, so a burst of filings costs one round of requests.
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../i18n/errors';
import { useSocketEvent } from '../../realtime/socket';

export interface Panel<T> {
  data: T | null;
  error: string | null;
  /** When the data shown was loaded. */
  at: Date | null;
}

const DEBOUNCE_MS = 1500;

/** A number that grows (debounced) with every live event that can change a figure. */
export function useLiveTick(): [number, () => void] {
  const [tick, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const soon = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setTick((n) => n + 1);
    }, DEBOUNCE_MS);
  };
  useSocketEvent('complaint:created', soon);
  useSocketEvent('complaint:updated', soon);
  useSocketEvent('flag:raised', soon);
  useSocketEvent('case:updated', soon);
  return [tick, () => setTick((n) => n + 1)];
}

/** Loads `load` whenever `key` or `tick` changes; keeps showing the last data while reloading. */
export function usePanel<T>(load: (signal: AbortSignal) => Promise<T>, key: string, tick: number): Panel<T> {
  const [state, setState] = useState<Panel<T> & { key: string | null }>({ data: null, error: null, at: null, key: null });
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (data) => setState({ data, error: null, at: new Date(), key }),
      (e: unknown) => {
        if (!abort.signal.aborted) setState((s) => ({ ...s, error: describeError(e) }));
      },
    );
    return () => abort.abort();
    // `key` stands for everything `load` closes over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  // Data of another filter is stale: show it only until the new one arrives, never as the answer.
  return state.key === key ? state : { data: null, error: state.error, at: null };
}
