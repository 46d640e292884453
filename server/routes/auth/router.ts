import type { Request, Response, NextFunction } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { csrfSchema, loginSchema, registerSchema, updateMeSchema, userSchema } from '../../../shared/schemas/auth.js';
import { csrfToken } from '../../auth/csrf.js';
import { passport, type LoginRefusal } from '../../auth/passport.js';
import { registerUser } from '../../commands/registerUser.js';
import { endpoint } from '../../http/endpoint.js';
import { AppError, unauthorized } from '../../http/errors.js';
import { OrganizationModel } from '../../models/Organization.js';
import { StoreModel } from '../../models/Store.js';
import { UserModel } from '../../models/User.js';
import { presentUser } from '../../presenters/user.js';
import { disconnectSession } from '../../realtime/revoke.js';
import type { Actor } from '../../policies/index.js';

const userBody = z.object({ user: userSchema });

export async function currentUser(id: string) {
  const user = await UserModel.findById(id).lean();
  if (!user) throw unauthorized();
  const org = user.orgId ? await OrganizationModel.findById(user.orgId).lean() : null;
  const store = user.storeId ? await StoreModel.findById(user.storeId, { name: 1 }).lean() : null;
  return { user: presentUser(user, org, store) };
}

/** passport's req.login, keeping the CSRF token across the session id regeneration. */
export function signIn(req: Request, actor: Actor): Promise<void> {
  return new Promise((resolve, reject) => req.login(actor, { keepSessionInfo: true } as never, (e) => (e ? reject(e) : resolve())));
}

function authenticate(req: Request, res: Response): Promise<Actor> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', (err: unknown, actor: Actor | false, info: LoginRefusal | undefined) => {
      if (err) return reject(err);
      if (actor) return resolve(actor);
      if (info?.code === 'account_locked') {
        const seconds = Math.ceil((info.retryAfterMs ?? 60_000) / 1000);
        res.set('Retry-After', String(seconds));
        return reject(new AppError(429, 'account_locked', `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes`));
      }
      if (info?.code === 'account_disabled') return reject(new AppError(403, 'account_disabled', 'This account has been disabled; ask your administrator'));
      reject(new AppError(401, 'invalid_credentials', 'Email or password is wrong'));
    })(req, res, (e: unknown) => reject(e));
  });
}

/** Per-address limit on failed sign-ins; the per-account lockout lives in the database. */
export function loginRateLimit(limit: number) {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req: Request, _res: Response, next: NextFunction) =>
      next(new AppError(429, 'rate_limited', 'Too many sign-in attempts from this address; try again later')),
  });
}

export const authRoutes = (opts: { loginLimit: number }) => [
  endpoint({ method: 'get', path: '/auth/csrf', summary: 'CSRF token for this session', tag: 'auth', policy: 'auth:login', response: csrfSchema }, ({ req }) => ({
    token: csrfToken(req),
  })),
  endpoint(
    { method: 'post', path: '/auth/register', summary: 'Create an account', tag: 'auth', policy: 'auth:register', body: registerSchema, response: userBody },
    async ({ req, body }) => {
      const user = await registerUser(body);
      const org = user.orgId ? await OrganizationModel.findById(user.orgId).lean() : null;
      await signIn(req, { id: String(user._id), role: user.role, status: user.status, orgId: user.orgId ? String(user.orgId) : undefined });
      return { user: presentUser(user, org) };
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Sign in',
      tag: 'auth',
      policy: 'auth:login',
      body: loginSchema,
      response: userBody,
      status: 200,
      before: [loginRateLimit(opts.loginLimit)],
    },
    async ({ req, res }) => {
      const actor = await authenticate(req, res);
      await signIn(req, actor);
      return currentUser(actor.id);
    },
  ),
  endpoint({ method: 'post', path: '/auth/logout', summary: 'Sign out', tag: 'auth', policy: 'auth:logout', status: 200 }, async ({ req }) => {
    // The session's open sockets end with it, on every instance.
    disconnectSession(req.sessionID);
    await new Promise<void>((resolve, reject) => req.logout((e) => (e ? reject(e) : resolve())));
    await new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
    return { ok: true };
  }),
  endpoint({ method: 'get', path: '/auth/me', summary: 'The signed-in user', tag: 'auth', policy: 'auth:me', response: userBody }, ({ actor }) =>
    currentUser(actor!.id),
  ),
  endpoint(
    { method: 'patch', path: '/auth/me', summary: 'Change own name or language', tag: 'auth', policy: 'auth:update-me', body: updateMeSchema, response: userBody },
    async ({ actor, body }) => {
      // A save, not an update: the name's search tokens are recomputed with it.
      const doc = await UserModel.findById(actor!.id);
      if (!doc) throw unauthorized();
      doc.set(body);
      await doc.save();
      return currentUser(actor!.id);
    },
  ),
];
