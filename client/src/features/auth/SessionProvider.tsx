import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../../../../shared/enums';
import type { User } from '../../../../shared/schemas/auth';
import * as auth from '../../api/auth';
import { onUnauthenticated } from '../../api/client';
import { applyLocale } from '../../i18n/locale';
import { closeSocket, openSocket, useSocketEvent } from '../../realtime/socket';
import { SessionContext, type Session, type SessionStatus } from './session';

interface State {
  status: SessionStatus;
  user: User | null;
}

const signedOut: State = { status: 'signed_out', user: null };
const signedIn = (user: User): State => ({ status: 'signed_in', user });

/** Owns who is signed in, and with it the realtime connection and the account's language. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', user: null });
  // A language picked while signed out (on the sign-in page) is what the person wants to read: it
  // survives signing in and becomes the account's language.
  const pickedSignedOut = useRef<Locale | null>(null);

  useEffect(() => {
    let current = true;
    auth.me().then(
      (user) => {
        if (!current) return;
        // The account's language wins over this browser's.
        if (user) applyLocale(user.locale);
        setState(user ? signedIn(user) : signedOut);
      },
      () => current && setState(signedOut),
    );
    const off = onUnauthenticated(() => setState(signedOut));
    return () => {
      current = false;
      off();
    };
  }, []);

  // An approval (or rejection) of this account arrives live: read the account again, so a pending
  // merchant gets the full navigation without reloading, and a rejected one is signed out.
  useSocketEvent('account:updated', () => {
    auth.me().then(
      (user) => setState(user ? signedIn(user) : signedOut),
      () => undefined,
    );
  });

  const userId = state.user?.id;
  useEffect(() => {
    if (!userId) return;
    openSocket();
    return closeSocket;
  }, [userId]);

  const session = useMemo<Session>(
    () => ({
      ...state,
      async signIn(input) {
        let user = await auth.login(input);
        const picked = pickedSignedOut.current;
        pickedSignedOut.current = null;
        if (picked && picked !== user.locale) user = await auth.updateMe({ locale: picked }).catch(() => ({ ...user, locale: picked }));
        applyLocale(user.locale);
        setState(signedIn(user));
        return user;
      },
      async signInWithLink(token) {
        const user = await auth.redeemSignInLink(token);
        applyLocale(user.locale);
        setState(signedIn(user));
        return user;
      },
      async signUp(input) {
        await auth.register(input);
        // Whether registering also signs in is the server's choice; end up signed in either way.
        const user = (await auth.me()) ?? (await auth.login({ email: input.email, password: input.password }));
        setState(signedIn(user));
        return user;
      },
      async signOut() {
        closeSocket();
        // Signed out here even when the server cannot be told; its session then simply expires.
        await auth.logout().catch(() => undefined);
        // A fresh page, so nothing the previous user loaded stays in memory on a shared computer.
        window.location.replace('/login');
      },
      setLocale(locale) {
        applyLocale(locale);
        if (state.status !== 'signed_in') {
          pickedSignedOut.current = locale;
          return;
        }
        auth.updateMe({ locale }).then(
          (user) => setState(signedIn(user)),
          // The language has changed here already; the account keeps its old choice until the next switch.
          () => undefined,
        );
      },
    }),
    [state],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
