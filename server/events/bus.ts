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
const handlers: Partial<Record<keyof DomainEvents, Handler<never>[]>> = {};

export function on<K extends keyof DomainEvents>(event: K, handler: Handler<K>): void {
  (handlers[event] ??= []).push(handler as Handler<never>);
}

export async function publish<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
  for (const h of (handlers[event] ?? []) as Handler<K>[]) {
    try {
      await h(payload);
    } catch (err) {
      logger.error({ err, event }, 'domain event handler failed');
    }
  }
}
