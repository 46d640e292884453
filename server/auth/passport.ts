import argon2 from 'argon2';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { UserModel } from '../models/User.js';
import { toActor } from '../policies/actor.js';
import { clearFailures, lockedFor, recordFailure } from './lockout.js';

/** Statuses that may hold a session: pending merchants see their waiting page. */
const SIGNS_IN = new Set(['active', 'pending']);

// Compared against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = argon2.hash('not-a-real-password-0000');

export interface LoginRefusal {
  code: 'invalid_credentials' | 'account_locked' | 'account_disabled';
  retryAfterMs?: number;
}

passport.use(
  new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, async (email, password, done) => {
    try {
      const wait = await lockedFor(email);
      if (wait > 0) return done(null, false, { code: 'account_locked', retryAfterMs: wait } as never);
      const user = await UserModel.findOne({ email }).lean();
      const ok = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
      // Told only to whoever knows the password, so it discloses nothing to a guesser.
      if (user && ok && user.status === 'disabled') return done(null, false, { code: 'account_disabled' } as never);
      if (!user || !ok || !SIGNS_IN.has(user.status)) {
        await recordFailure(email);
        return done(null, false, { code: 'invalid_credentials' } as never);
      }
      await clearFailures(email);
      return done(null, toActor(user));
    } catch (e) {
      return done(e);
    }
  }),
);

passport.serializeUser((user, done) => done(null, (user as { id: string }).id));

// The user is read on every request so a changed role or status takes effect at once: a disabled
// (or rejected) account's remaining sessions are signed out on their next request.
passport.deserializeUser(async (id: string, done) => {
  try {
    const user = await UserModel.findById(id).lean();
    done(null, user && SIGNS_IN.has(user.status) ? toActor(user) : false);
  } catch (e) {
    done(e);
  }
});

export { passport };
