// Ending an account's sessions at once: its session documents go (connect-mongo stores the passport
// user id unstringified), and its sockets on every instance are disconnected. Every request also
// re-reads the account (auth/passport.ts), so a session that slipped through still gets nothing.
import mongoose from 'mongoose';
import { SESSION_COLLECTION } from '../auth/session.js';
import { disconnectUser } from '../realtime/revoke.js';

export async function endSessions(userId: string): Promise<number> {
  const r = await mongoose.connection.collection(SESSION_COLLECTION).deleteMany({ 'session.passport.user': userId });
  disconnectUser(userId);
  return r.deletedCount;
}
