import type { Socket } from 'socket.io-client';
import { rooms } from '../../shared/realtime.js';
import { emitTo } from '../../server/realtime/emit.js';
import { labelId } from './ids.js';

/** Polls until `done()` holds: a socket that never hears what it should fails on mocha's timeout, not on a guessed wait. */
export async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 20));
}

let markers = 0;

/**
 * Resolves once each socket has heard a marker (an event the realtime tests do not listen for) sent to
 * its user after this call. socket.io keeps each
 * connection's order, so whatever the server sent a socket before has arrived by then, and "this
 * socket heard nothing of it" is a finding rather than a hope about timing.
 */
export async function drained(sockets: Record<string, Socket>, userIds: Record<string, string>): Promise<void> {
  const id = labelId(`drained-${++markers}`);
  const heard = Object.entries(sockets).map(
    ([name, s]) =>
      new Promise<void>((resolve) => {
        const onMarker = (p: { jobId: string }) => {
          if (p.jobId !== id) return;
          s.off('bulk:progress', onMarker);
          resolve();
        };
        s.on('bulk:progress', onMarker);
        emitTo([rooms.user(userIds[name]!)], 'bulk:progress', { jobId: id, done: 0, skipped: 0, total: 0, status: 'done' });
      }),
  );
  await Promise.all(heard);
}
