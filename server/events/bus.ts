// In-process domain events: a command publishes what happened; other capabilities (rollups, flags,
// returns) react without the command knowing them. Handlers run after the write has succeeded,
// in order, and a failing handler is logged, never undoing the command.
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

export async function publish<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
  for (const h of (handlers.get(event) ?? []) as Handler<K>[]) {
    try {
      await h(payload);
    } catch (err) {
      logger.error({ err, event }, 'domain event handler failed');
    }
  }
}
