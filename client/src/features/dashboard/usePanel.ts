// Each panel loads on its own (a slow figure never holds back the others) and reloads, debounced,
// when an event that can change it arrives: the figures on a complaint in the shown region, the open
// flags on a raised flag, the cases on a case change. A burst of events costs one round of requests,
// and a filing that raises a flag reloads each figure once.
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

/** Which live events a tick follows: complaints in a county (or with none named) and flags or cases. */
export interface LiveFilter {
  complaints?: (countyCode: string) => boolean;
  flags?: boolean;
  cases?: boolean;
}
const EVERY: LiveFilter = { complaints: () => true, flags: true, cases: true };

/** A number that grows (debounced) with every live event `affects` says can change what it stands for. */
export function useLiveTick(affects: LiveFilter = EVERY): [number, () => void] {
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
  useSocketEvent('complaint:created', (e) => affects.complaints?.(e.countyCode) && soon());
  // An update names no county; the server sends it only to the rooms that see the complaint.
  useSocketEvent('complaint:updated', () => affects.complaints?.('') && soon());
  useSocketEvent('flag:raised', () => affects.flags && soon());
  useSocketEvent('case:updated', () => affects.cases && soon());
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
