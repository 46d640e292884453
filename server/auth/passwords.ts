import argon2 from 'argon2';

// Hashed with the library's defaults, the same parameters as every account's hash, so a check
// against it costs what a real one costs.
const DUMMY_HASH = argon2.hash('not-a-real-password-0000');

/** How many password checks ran; tests read it to see that unknown emails are checked too. */
export const passwordChecks = { count: 0 };

/**
 * Checks a password against an account's hash, or against a dummy hash when there is no account,
 * so a sign-in answers in the same time whether the email is known or not.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  passwordChecks.count++;
  const ok = await argon2.verify(hash ?? (await DUMMY_HASH), password);
  return ok && !!hash;
}

export const hashPassword = (password: string) => argon2.hash(password);
export const dummyHash = () => DUMMY_HASH;
