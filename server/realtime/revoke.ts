// A socket keeps the actor it connected with, so whatever changes who a user is (signing out, being
// disabled, losing a role, an approval decision) ends that user's sockets at once, on every instance:
// `disconnectSockets` goes through the Redis adapter. The client reconnects only with a valid session,
// and then joins the rooms of the user as they are now.
import { createHash } from 'node:crypto';
import { rooms } from '../../shared/realtime.js';
import { realtime } from './emit.js';

/** The room of one session's sockets; named by a hash, so the session id never travels through Redis. */
export function sessionRoom(sessionId: string): string {
  return `session:${createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}`;
}

/** Sign-out: the sockets opened with this session. */
export function disconnectSession(sessionId: string): void {
  realtime()?.in(sessionRoom(sessionId)).disconnectSockets(true);
}

/** Disable, role or status change: every socket of the user, whichever session opened it. */
export function disconnectUser(userId: string): void {
  realtime()?.in(rooms.user(userId)).disconnectSockets(true);
}
