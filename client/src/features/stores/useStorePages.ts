// The merchant's stores of one status, page by page (keyset cursor), with both tabs' counts.
import { useCallback, useEffect, useState } from 'react';
import type { StoreStatus } from '../../../../shared/enums';
import { describeError } from '../../i18n/errors';
import { listMyStores, type ManagedStore, type MyStoresPage } from './api';

export function useStorePages(status: StoreStatus) {
  const [items, setItems] = useState<ManagedStore[] | null>(null);
  const [counts, setCounts] = useState<MyStoresPage['counts'] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    listMyStores(status, null, abort.signal).then(
      (p) => {
        setItems(p.items);
        setCounts(p.counts);
        setCursor(p.nextCursor);
        setError(null);
      },
      (e: unknown) => !abort.signal.aborted && setError(describeError(e)),
    );
    return () => abort.abort();
  }, [status, attempt]);

  const more = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const p = await listMyStores(status, cursor);
      setItems((list) => [...(list ?? []), ...p.items]);
      setCounts(p.counts);
      setCursor(p.nextCursor);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoadingMore(false);
    }
  }, [status, cursor]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { items, counts, hasMore: !!cursor, more, loadingMore, error, reload };
}
