// The result count of a complaint list and its counts per inbox tab, kept live: a filed or changed
// complaint may move a count, so the counts are asked again after a burst of events.
import { useEffect, useRef, useState } from 'react';
import type { Query } from '../../api/client';
import type { ComplaintCounts } from '../../../../shared/schemas/complaint';
import { useSocketEvent } from '../../realtime/socket';
import { countComplaints } from './api';

export function useListCounts(query: Query): ComplaintCounts | null {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; counts: ComplaintCounts } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    countComplaints(query, abort.signal).then(
      (counts) => setState({ key, counts }),
      // A count that failed to load stays as it was; the list itself reports the failure.
      () => undefined,
    );
    return () => abort.abort();
    // The key stands for the query's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  function refresh() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setGeneration((g) => g + 1), 250);
  }
  useSocketEvent('complaint:created', refresh);
  useSocketEvent('complaint:updated', refresh);

  return state?.key === key ? state.counts : null;
}
