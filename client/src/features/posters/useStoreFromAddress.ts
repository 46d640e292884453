// `?storeId=` in the address (from a store's public page, reached by its QR code) names the store a
// complaint or a return starts with; signing in or registering on the way keeps the address.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Store } from '../../../../shared/schemas/directory';
import { getPublicStore } from './api';

/** Calls `onLoaded` with the open store the address names, once it is loaded (nothing when none is named). */
export function useStoreFromAddress(onLoaded: (store: Store) => void): void {
  const [params] = useSearchParams();
  const id = params.get('storeId');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (!id || done === id) return;
    const abort = new AbortController();
    getPublicStore(id, abort.signal).then(
      (s) => {
        setDone(id);
        const { id: storeId, merchantId, merchantName, name, countyCode, cityCode, address, status } = s;
        if (status === 'open') onLoaded({ id: storeId, merchantId, merchantName, name, countyCode, cityCode, address, status });
      },
      () => setDone(id),
    );
    return () => abort.abort();
    // `onLoaded` is the caller's setter; the store is chosen once per id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, done]);
}
