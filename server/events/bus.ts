// In-process domain events: a command publishes what happened; other capabilities (rollups, flags,
// returns) react without the command knowing them. Handlers run after the write has succeeded, in
// order; a failing handler never undoes the command. Complaint events are published by the durable
// effect runner (server/complaints/effectRunner.ts), which runs them again after a failure or a
// crash: every handler must add nothing when it runs twice for the same payload.
import type { ComplaintReads } from '../complaints/eventReads.js';
import { logger } from '../logger.js';

/** Whom and where a complaint is about: what a redirect changes of it, and its fact copies. */
export interface ComplaintRoute {
  merchantId: unknown;
  storeId: unknown;
  countyCode: string;
  cityCode?: string;
}

export interface DomainEvents {
  /**
   * A complaint was filed (its document already stored). `reads`: the complaint and fact reads its
   * handlers share; `fresh`: the first run of the filing's effects, so nothing recorded its fact yet
   * unless a transition's effects raced it (an insert finds that).
   */
  'complaint.filed': { complaintId: string; reads?: ComplaintReads; fresh?: boolean };
  /** A complaint event was appended and its projection updated (`reads` as above). */
  'complaint.transitioned': {
    complaintId: string;
    action: string;
    from: string;
    to: string;
    seq: number;
    reads?: ComplaintReads;
    /** A redirect's new merchant, store and county (the event's own, whenever its effects run). */
    route?: ComplaintRoute;
  };
  /** Sampling results were imported. */
  'sampling.imported': { jobId: string; resultIds: string[] };
}

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => Promise<void> | void;
type AnyHandler = (payload: never) => Promise<void> | void;
const handlers = new Map<keyof DomainEvents, AnyHandler[]>();

/** A capability's reaction to an event, declared as a value and wired by server/capabilities.ts. */
export interface Subscription {
  event: keyof DomainEvents;
  handler: AnyHandler;
}

export function subscription<K extends keyof DomainEvents>(event: K, handler: Handler<K>): Subscription {
  return { event, handler: handler as AnyHandler };
}

/** Adds the handler once, however often it is wired. */
export function subscribe({ event, handler }: Subscription): void {
  const list = handlers.get(event) ?? [];
  if (!list.includes(handler)) handlers.set(event, [...list, handler]);
}

/** Stops calling a handler (tests that listen for a while). */
export function unsubscribe({ event, handler }: Subscription): void {
  handlers.set(
    event,
    (handlers.get(event) ?? []).filter((h) => h !== handler),
  );
}

/** Runs every handler, even after one failed; then rethrows the first failure so the caller can retry. */
export async function publish<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
  let failure: unknown = null;
  for (const h of (handlers.get(event) ?? []) as Handler<K>[]) {
    try {
      await h(payload);
    } catch (err) {
      logger.error({ err, event }, 'domain event handler failed');
      failure ??= err;
    }
  }
  if (failure) throw failure;
}
