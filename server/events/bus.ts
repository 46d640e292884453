// In-process domain events: a command publishes what happened; other capabilities (rollups, flags,
// returns) react without the command knowing them. Handlers run after the write has succeeded, in
// order; a failing handler never undoes the command. Complaint events are published by the durable
// effect runner (server/complaints/effectRunner.ts), which runs them again after a failure or a
// crash: every handler must add nothing when it runs twice for the same payload.
import { logger } from '../logger.js';

export interface DomainEvents {
  /** A complaint was filed (its document already stored). */
  'complaint.filed': { complaintId: string };
  /** A complaint event was appended and its projection updated. */
  'complaint.transitioned': { complaintId: string; action: string; from: string; to: string; seq: number };
  /** Sampling results were imported. */
  'sampling.imported': { jobId: string; resultIds: string[] };
}

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => Promise<void> | void;
type AnyHandler = (payload: never) => Promise<void> | void;
const handlers = new Map<keyof DomainEvents, AnyHandler[]>();

export function on<K extends keyof DomainEvents>(event: K, handler: Handler<K>): void {
  handlers.set(event, [...(handlers.get(event) ?? []), handler as AnyHandler]);
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
