// A browser that has signed in to an account before carries a signed device cookie for it. Such a
// browser may still sign in (with the right password) while the account is locked by failures from
// elsewhere, so an attacker guessing passwords cannot lock the owner out of their own account.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';

export const DEVICE_COOKIE = 'fangxin.device';
const MAX_AGE_MS = 180 * 24 * 3600 * 1000;

function mac(secret: string, userId: string): string {
  return crypto.createHmac('sha256', secret).update(`device:${userId}`).digest('base64url');
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The user this browser has signed in as before, if its device cookie is genuine. */
export function trustedDeviceUser(req: Request, secret: string): string | null {
  const [userId, sig] = (readCookie(req, DEVICE_COOKIE) ?? '').split('.');
  if (!userId || !sig) return null;
  const want = Buffer.from(mac(secret, userId));
  const got = Buffer.from(sig);
  return want.length === got.length && crypto.timingSafeEqual(want, got) ? userId : null;
}

export function rememberDevice(res: Response, secret: string, userId: string, secure: boolean): void {
  res.cookie(DEVICE_COOKIE, `${userId}.${mac(secret, userId)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: MAX_AGE_MS,
    path: '/api/auth',
  });
}
