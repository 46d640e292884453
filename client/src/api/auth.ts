import type { z } from 'zod';
import type { LoginInput, User, registerSchema, userBody } from '../../../shared/schemas/auth';
import type { Locale } from '../../../shared/enums';
import type { Ok } from '../../../shared/schemas/common';
import { ApiError, api, resetCsrf } from './client';

export type RegisterRequest = z.input<typeof registerSchema>;

type UserBody = z.infer<typeof userBody>;

export async function register(input: RegisterRequest): Promise<User> {
  try {
    return (await api.post<UserBody>('/auth/register', input)).user;
  } finally {
    resetCsrf();
  }
}

export async function login(input: LoginInput): Promise<User> {
  try {
    return (await api.post<UserBody>('/auth/login', input)).user;
  } finally {
    resetCsrf();
  }
}

export async function logout(): Promise<void> {
  try {
    await api.post<Ok>('/auth/logout');
  } finally {
    resetCsrf();
  }
}

/** Mails a single-use sign-in link if the email has an account; the answer is the same either way. */
export async function requestSignInLink(email: string): Promise<void> {
  await api.post<Ok>('/auth/sign-in-link', { email });
}

export async function redeemSignInLink(token: string): Promise<User> {
  try {
    return (await api.post<UserBody>('/auth/sign-in-link/redeem', { token })).user;
  } finally {
    resetCsrf();
  }
}

/** The signed-in user, or null when signed out. */
export async function me(): Promise<User | null> {
  try {
    return (await api.get<UserBody>('/auth/me')).user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function updateMe(patch: { locale: Locale }): Promise<User> {
  return (await api.patch<UserBody>('/auth/me', patch)).user;
}
