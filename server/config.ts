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
  RATE_LIMIT_SCALE: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type Config = z.infer<typeof envSchema> & { dataDir: string; sessionSecret: string };

/** Reads and checks the environment once; a bad variable stops the start with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
    throw new Error('invalid configuration: SESSION_SECRET is required when NODE_ENV=production');
  }
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    sessionSecret: c.SESSION_SECRET ?? 'fangxin-development-secret-not-for-production',
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
