// A complaint list that stays live: a filed or changed complaint refetches the rows already shown,
// so order (by deadline or newest) and filters stay the server's, and new rows are marked.
import { useEffect, useRef, useState } from 'react';
import type { Query } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { useSocketEvent } from '../../realtime/socket';
import { listComplaints, type Complaint } from './api';

const PAGE = 20;
const MAX = 100;

interface State {
  key: string;
  items: Complaint[];
  nextCursor: string | null;
  /** Ids that arrived through a live refresh, to highlight. */
  fresh: ReadonlySet<string>;
}

export function useComplaintList(query: Query) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const current = state?.key === key ? state : null;

  useEffect(() => {
    const abort = new AbortController();
    listComplaints({ ...query, limit: PAGE }, abort.signal).then(
      (p) => setState({ key, items: p.items, nextCursor: p.nextCursor, fresh: new Set() }),
      (e: unknown) => abort.signal.aborted || setError({ key, message: describeError(e) }),
    );
    return () => abort.abort();
    // The key stands for the query's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function refetchShown() {
    const shown = current?.items ?? [];
    listComplaints({ ...query, limit: Math.min(MAX, Math.max(PAGE, shown.length)) }).then(
      (p) => {
        const before = new Set(shown.map((c) => c.id));
        const fresh = new Set(p.items.filter((c) => !before.has(c.id)).map((c) => c.id));
        setState((s) => (s && s.key !== key ? s : { key, items: p.items, nextCursor: p.nextCursor, fresh }));
      },
      () => undefined,
    );
  }

  // Events come in bursts (a transition sends an update and notifications); one refetch serves them all.
  function refresh() {
    clearTimeout(timer.current);
    timer.current = setTimeout(refetchShown, 250);
  }
  useSocketEvent('complaint:created', refresh);
  useSocketEvent('complaint:updated', refresh);

  async function loadMore() {
    if (!current?.nextCursor) return;
    setLoadingMore(true);
    try {
      const p = await listComplaints({ ...query, limit: PAGE, cursor: current.nextCursor });
      setState((s) => {
        if (!s || s.key !== key) return s;
        const known = new Set(s.items.map((c) => c.id));
        return { ...s, items: [...s.items, ...p.items.filter((c) => !known.has(c.id))], nextCursor: p.nextCursor };
      });
    } catch (e) {
      setError({ key, message: describeError(e) });
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    items: current?.items ?? null,
    fresh: current?.fresh ?? new Set<string>(),
    hasMore: !!current?.nextCursor,
    loadMore,
    loadingMore,
    error: error?.key === key ? error.message : null,
  };
}
