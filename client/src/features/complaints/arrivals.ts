// Complaints that arrived live while the merchant's inbox was open, kept for the browser tab until
// each is opened (or no longer awaits the merchant): the inbox pins them above its list, marked new,
// because the deadline order would put a just-filed complaint (latest deadline) at the bottom.
import { useSyncExternalStore } from 'react';
import type { Complaint } from './api';

let owner: string | null = null;
let arrivals: Complaint[] = [];
const listeners = new Set<() => void>();

function set(next: Complaint[]) {
  arrivals = next;
  listeners.forEach((l) => l());
}

/** The arrivals of `userId` (another account signed in on this tab starts with none). */
function forUser(userId: string): Complaint[] {
  if (owner !== userId) {
    owner = userId;
    arrivals = [];
  }
  return arrivals;
}

export function addArrival(userId: string, c: Complaint): void {
  const current = forUser(userId);
  set([c, ...current.filter((a) => a.id !== c.id)]);
}

/** Opened, answered or withdrawn: no longer new. */
export function dropArrival(id: string): void {
  if (arrivals.some((a) => a.id === id)) set(arrivals.filter((a) => a.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useArrivals(userId: string): Complaint[] {
  return useSyncExternalStore(subscribe, () => (owner === userId ? arrivals : NONE));
}

const NONE: Complaint[] = [];
