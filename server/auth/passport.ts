import type { Request } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { UserModel } from '../models/User.js';
import { toActor } from '../policies/actor.js';
import type { Config } from '../config.js';
import { trustedDeviceUser } from './device.js';
import { addressBlockedFor, clearFailures, lockedFor, recordFailure } from './lockout.js';
import { verifyPassword } from './passwords.js';

/** Statuses that may hold a session: pending merchants see their waiting page. */
const SIGNS_IN = new Set(['active', 'pending']);

export interface LoginRefusal {
  code: 'invalid_credentials' | 'account_locked' | 'account_disabled' | 'rate_limited';
  retryAfterMs?: number;
}

passport.use(
  new LocalStrategy(
    { usernameField: 'email', passwordField: 'password', passReqToCallback: true },
    async (req: Request, email, password, done) => {
      try {
        const address = req.ip ?? 'unknown';
        const blocked = await addressBlockedFor(address, req.app.locals.loginLimit as number);
        if (blocked > 0) return done(null, false, { code: 'rate_limited', retryAfterMs: blocked } as never);
        const user = await UserModel.findOne({ email }).lean();
        // A browser this account signed in from before is not locked out by failures from elsewhere.
        const trusted = !!user && trustedDeviceUser(req, (req.app.locals.config as Config).sessionSecret) === String(user._id);
        const wait = await lockedFor(email);
        if (wait > 0 && !trusted) return done(null, false, { code: 'account_locked', retryAfterMs: wait } as never);
        const ok = await verifyPassword(user?.passwordHash, password);
        // Told only to whoever knows the password, so it discloses nothing to a guesser.
        if (user && ok && user.status === 'disabled') return done(null, false, { code: 'account_disabled' } as never);
        if (!user || !ok || !SIGNS_IN.has(user.status)) {
          await recordFailure(email, address);
          return done(null, false, { code: 'invalid_credentials' } as never);
        }
        // The owner getting past a lock does not lift it for whoever caused it.
        if (wait === 0) await clearFailures(email);
        return done(null, toActor(user));
      } catch (e) {
        return done(e);
      }
    },
  ),
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
