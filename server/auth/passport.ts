import argon2 from 'argon2';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { UserModel } from '../models/User.js';
import { toActor } from '../policies/actor.js';
import { clearFailures, lockedFor, recordFailure } from './lockout.js';

// Compared against when the email is unknown, so both cases take the same time.
const DUMMY_HASH = argon2.hash('not-a-real-password-0000');

export interface LoginRefusal {
  code: 'invalid_credentials' | 'account_locked';
  retryAfterMs?: number;
}

passport.use(
  new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, async (email, password, done) => {
    try {
      const wait = await lockedFor(email);
      if (wait > 0) return done(null, false, { code: 'account_locked', retryAfterMs: wait } as never);
      const user = await UserModel.findOne({ email }).lean();
      const ok = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
      if (!user || !ok || user.status === 'rejected') {
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

// The user is read on every request so a changed role or status takes effect at once.
passport.deserializeUser(async (id: string, done) => {
  try {
    const user = await UserModel.findById(id).lean();
    done(null, user && user.status !== 'rejected' ? toActor(user) : false);
  } catch (e) {
    done(e);
  }
});

export { passport };
