import argon2 from 'argon2';

// The library's defaults (64 MiB, three passes), except under NODE_ENV=test: the suites seed the demo
// accounts and sign in hundreds of times, and on a loaded two-core machine one hash at the defaults
// took seconds. A hash records its parameters, so verify reads them back and the code path is the same.
const OPTIONS: argon2.HashOptions & { raw?: false } =
  process.env.NODE_ENV === 'test' ? { memoryCost: 1024, timeCost: 2, parallelism: 1 } : {};

/** Every stored password's hash, made with the parameters above. */
export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

// With the same parameters as every account's hash, so a check against it costs what a real one costs.
const DUMMY_HASH = hashPassword('not-a-real-password-0000');

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

export const dummyHash = () => DUMMY_HASH;
