// The viewer's saved queue views with their counts, shared by the navigation and the queue page. The
// counts follow the socket: a filed or changed complaint may move them, so the list is asked again
// after a burst of events (as the queue's own counts are); saving or deleting a view asks at once.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { api } from '../../api/client';
import type { z } from 'zod';
import type { SavedView, SavedViewInput, savedViewListSchema } from '../../../../shared/schemas/savedViews';
import { useSocketEvent } from '../../realtime/socket';

export type { SavedView };

let generation = 0;
const listeners = new Set<() => void>();

/** Asks every mounted view list to load again (after a save or delete). */
export function refreshSavedViews(): void {
  generation++;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const saveView = (input: SavedViewInput) => api.post<SavedView>('/saved-views', input).finally(refreshSavedViews);
export const deleteView = (id: string) => api.delete(`/saved-views/${encodeURIComponent(id)}`).finally(refreshSavedViews);

export function useSavedViews(): SavedView[] | null {
  const asked = useSyncExternalStore(subscribe, () => generation);
  const [live, setLive] = useState(0);
  const [views, setViews] = useState<SavedView[] | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    api.get<z.infer<typeof savedViewListSchema>>('/saved-views', { signal: abort.signal }).then(
      (r) => setViews(r.items),
      // Counts that failed to load stay as they were.
      () => undefined,
    );
    return () => abort.abort();
  }, [asked, live]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  function later() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setLive((n) => n + 1), 250);
  }
  useSocketEvent('complaint:created', later);
  useSocketEvent('complaint:updated', later);
  return views;
}
