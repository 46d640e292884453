import { z } from 'zod';
import path from 'node:path';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  MONGODB_URI: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Fangxin 放心 <noreply@fangxin.local>'),
  SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
  DEMO_PASSWORD: z.string().min(10).default('Fangxin-Demo-2026'),
  SEED: z.enum(['auto', 'off']).default('auto'),
  FERRETDB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  FANGXIN_ENGINE: z.enum(['postgres', 'sqlite']).default('postgres'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().url().optional(),
  /** Public rankings list only merchants with at least this many complaints in the period (docs/indices.md). */
  RANKING_MIN_COMPLAINTS: z.coerce.number().int().min(1).max(10_000).default(5),
  RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type Config = z.infer<typeof envSchema> & { dataDir: string; sessionSecret: string };

const DEV_SECRET = 'fangxin-development-secret-not-for-production';
export const MIN_SECRET_LENGTH = 32;
// Estimated from the characters' frequencies, which undercounts a random string (32 random hex
// characters, 128 real bits, show about 110): this refuses words and repeats, not random secrets.
export const MIN_SECRET_BITS = 96;

/**
 * Bits of entropy a secret shows: the length of the unit it repeats ('changeme' four times adds
 * nothing to 'changeme') times the Shannon entropy of that unit's characters.
 */
export function secretBits(secret: string): number {
  const chars = [...secret];
  let n = 1;
  while (n < chars.length && !chars.every((c, i) => c === chars[i % n])) n++;
  const counts = new Map<string, number>();
  for (const ch of chars.slice(0, n)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const k of counts.values()) perChar -= (k / n) * Math.log2(k / n);
  return n * perChar;
}

/**
 * What production refuses (the server then does not start): a guessable cookie secret, the demo
 * accounts with their published password, the tests' raised abuse limits, a public address that is
 * not HTTPS (cookies are Secure and HSTS is sent, so the site must be served over HTTPS).
 */
function productionProblem(c: z.infer<typeof envSchema>, env: NodeJS.ProcessEnv): string | null {
  const secret = c.SESSION_SECRET;
  if (!secret) return 'SESSION_SECRET is required when NODE_ENV=production';
  const bits = secretBits(secret);
  if (secret === DEV_SECRET || [...secret].length < MIN_SECRET_LENGTH || bits < MIN_SECRET_BITS) {
    return `SESSION_SECRET is too weak for production (${[...secret].length} characters, about ${Math.floor(bits)} bits); use at least ${MIN_SECRET_LENGTH} random characters, e.g. \`openssl rand -hex 32\``;
  }
  if (c.SEED === 'auto' && !env.DEMO_PASSWORD) {
    return 'SEED=auto would create the demo accounts with the published password; set SEED=off (or a DEMO_PASSWORD of your own) when NODE_ENV=production';
  }
  if (c.RATE_LIMIT_SCALE !== 1) return 'RATE_LIMIT_SCALE raises the abuse limits for tests and must be 1 when NODE_ENV=production';
  if (c.PUBLIC_URL && !c.PUBLIC_URL.startsWith('https://')) return 'PUBLIC_URL must be an https:// address when NODE_ENV=production';
  return null;
}

/** Reads and checks the environment once; a bad variable stops the start with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  const refused = c.NODE_ENV === 'production' ? productionProblem(c, env) : null;
  if (refused) throw new Error(`invalid configuration: ${refused}`);
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    sessionSecret: c.SESSION_SECRET ?? DEV_SECRET,
  };
}

/** Where mail links point: PUBLIC_URL, else this server's own address. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  try {
    const c = loadConfig(env);
    return c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`;
  } catch {
    return 'http://127.0.0.1:3000';
  }
}
