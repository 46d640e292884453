import { createContext, useContext } from 'react';
import type { LoginInput, User } from '../../../../shared/schemas/auth';
import type { Locale } from '../../../../shared/enums';
import type { RegisterRequest } from '../../api/auth';

export type SessionStatus = 'loading' | 'signed_in' | 'signed_out';

export interface Session {
  status: SessionStatus;
  /** Set exactly when status is 'signed_in'. */
  user: User | null;
  signIn(input: LoginInput): Promise<User>;
  /** Signs in with the token of a mailed sign-in link. */
  signInWithLink(token: string): Promise<User>;
  signUp(input: RegisterRequest): Promise<User>;
  /** Ends the session and reloads the app at /login. */
  signOut(): Promise<void>;
  /** Switches the UI language and remembers it: on the account when signed in, on this browser always. */
  setLocale(locale: Locale): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user, for components that only render inside the signed-in shell. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in session');
  return user;
}
