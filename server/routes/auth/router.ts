import type { Request, Response } from 'express';
import {
  csrfSchema,
  loginSchema,
  redeemSignInLinkSchema,
  registerSchema,
  signInLinkSchema,
  updateMeSchema,
  userBody,
} from '../../../shared/schemas/auth.js';
import type { Config } from '../../config.js';
import { csrfToken } from '../../auth/csrf.js';
import { rememberDevice } from '../../auth/device.js';
import { passport, type LoginRefusal } from '../../auth/passport.js';
import { clearSessionCookie, markSignedIn } from '../../auth/session.js';
import { registerUser } from '../../commands/registerUser.js';
import { redeemSignInLink, sendSignInLink } from '../../commands/signInLink.js';
import { okSchema } from '../../../shared/schemas/common.js';
import { endpoint } from '../../http/endpoint.js';
import { AppError, unauthorized } from '../../http/errors.js';
import { OrganizationModel } from '../../models/Organization.js';
import { StoreModel } from '../../models/Store.js';
import { UserModel } from '../../models/User.js';
import { presentUser } from '../../presenters/user.js';
import { disconnectSession } from '../../realtime/revoke.js';
import type { Actor } from '../../policies/index.js';
import { toActor } from '../../policies/actor.js';

export async function currentUser(id: string) {
  const user = await UserModel.findById(id).lean();
  if (!user) throw unauthorized();
  const org = user.orgId ? await OrganizationModel.findById(user.orgId).lean() : null;
  const store = user.storeId ? await StoreModel.findById(user.storeId, { name: 1 }).lean() : null;
  return { user: presentUser(user, org, store) };
}

/**
 * passport's req.login, keeping the CSRF token across the session id regeneration; the browser is
 * remembered as one this account signs in from (see auth/device.ts).
 */
export async function signIn(req: Request, actor: Actor, res?: Response): Promise<void> {
  markSignedIn(req);
  await new Promise<void>((resolve, reject) => req.login(actor, { keepSessionInfo: true } as never, (e) => (e ? reject(e) : resolve())));
  const config = req.app.locals.config as Config;
  if (res) rememberDevice(res, config.sessionSecret, actor.id, config.NODE_ENV === 'production');
}

function authenticate(req: Request, res: Response): Promise<Actor> {
  return new Promise((resolve, reject) => {
    passport.authenticate('local', (err: unknown, actor: Actor | false, info: LoginRefusal | undefined) => {
      if (err) return reject(err);
      if (actor) return resolve(actor);
      if (info?.code === 'account_locked' || info?.code === 'rate_limited') {
        const seconds = Math.ceil((info.retryAfterMs ?? 60_000) / 1000);
        const e =
          info.code === 'account_locked'
            ? new AppError(
                429,
                'account_locked',
                `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes, or sign in with a link by mail`,
              )
            : new AppError(429, 'rate_limited', 'Too many sign-in attempts from this address; try again later');
        e.retryAfterSeconds = seconds;
        return reject(e);
      }
      if (info?.code === 'account_disabled')
        return reject(new AppError(403, 'account_disabled', 'This account has been disabled; ask your administrator'));
      reject(new AppError(401, 'invalid_credentials', 'Email or password is wrong'));
    })(req, res, (e: unknown) => reject(e));
  });
}

export const authRoutes = () => [
  endpoint(
    { method: 'get', path: '/auth/csrf', summary: 'CSRF token for this session', tag: 'auth', policy: 'auth:login', response: csrfSchema },
    ({ req }) => ({
      token: csrfToken(req),
    }),
  ),
  endpoint(
    {
      method: 'post',
      path: '/auth/register',
      summary: 'Create an account',
      tag: 'auth',
      policy: 'auth:register',
      rateLimit: 'signup',
      body: registerSchema,
      response: userBody,
    },
    async ({ req, res, body }) => {
      const user = await registerUser(body);
      const org = user.orgId ? await OrganizationModel.findById(user.orgId).lean() : null;
      await signIn(req, toActor(user), res);
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
    },
    async ({ req, res }) => {
      const actor = await authenticate(req, res);
      await signIn(req, actor, res);
      return currentUser(actor.id);
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/auth/sign-in-link',
      summary: 'Mail a single-use sign-in link (also while the account is locked)',
      tag: 'auth',
      policy: 'auth:login',
      rateLimit: 'sign-in-link',
      body: signInLinkSchema,
      response: okSchema,
      status: 202,
    },
    async ({ body }) => {
      await sendSignInLink(body.email);
      return { ok: true } as const;
    },
  ),
  endpoint(
    {
      method: 'post',
      path: '/auth/sign-in-link/redeem',
      summary: 'Sign in with the token of a mailed link (once)',
      tag: 'auth',
      policy: 'auth:login',
      body: redeemSignInLinkSchema,
      response: userBody,
      status: 200,
    },
    async ({ req, res, body }) => {
      const user = await redeemSignInLink(body.token);
      await signIn(req, toActor(user), res);
      return currentUser(String(user._id));
    },
  ),
  endpoint(
    { method: 'post', path: '/auth/logout', summary: 'Sign out', tag: 'auth', policy: 'auth:logout', response: okSchema, status: 200 },
    async ({ req, res }) => {
      // The session's open sockets end with it, on every instance.
      disconnectSession(req.sessionID);
      await new Promise<void>((resolve, reject) => req.logout((e) => (e ? reject(e) : resolve())));
      await new Promise<void>((resolve, reject) => req.session.destroy((e) => (e ? reject(e) : resolve())));
      clearSessionCookie(req, res);
      return { ok: true } as const;
    },
  ),
  endpoint(
    { method: 'get', path: '/auth/me', summary: 'The signed-in user', tag: 'auth', policy: 'auth:me', response: userBody },
    ({ actor }) => currentUser(actor!.id),
  ),
  endpoint(
    {
      method: 'patch',
      path: '/auth/me',
      summary: 'Change own name or language',
      tag: 'auth',
      policy: 'auth:update-me',
      body: updateMeSchema,
      response: userBody,
    },
    async ({ actor, body }) => {
      // Nothing to change is no write (not even a new updatedAt).
      if (Object.keys(body).length) {
        // A save, not an update: the name's search tokens are recomputed with it.
        const doc = await UserModel.findById(actor!.id);
        if (!doc) throw unauthorized();
        doc.set(body);
        await doc.save();
      }
      return currentUser(actor!.id);
    },
  ),
];
