import { logger } from '../logger.js';
import type { EmbeddedDb } from './ferretdb.js';

// Whether the embedded engine is down right now, for the HTTP layer: requests then answer 503 at once
// instead of waiting on a driver that waits on a dead process. Always up with MONGODB_URI.
let down: () => boolean = () => false;
const onDown = new Set<() => void>();

export const engineDown = () => down();

/** Runs `handler` the moment the engine goes down (answering the requests already in flight). */
export function whenEngineGoesDown(handler: () => void): void {
  onDown.add(handler);
}

/** Follows an embedded engine: its outages and recoveries are logged once each. */
export function trackEngine(db: EmbeddedDb): void {
  down = () => !db.isUp();
  db.onStatus((e) => {
    if (e.up) {
      logger.warn({ engine: db.engine }, `the embedded database is back (${e.reason})`);
    } else {
      logger.error({ engine: db.engine }, `the embedded database went down (${e.reason}); restarting it`);
      for (const handler of onDown) handler();
    }
  });
}
