/**
 * Configuration: one zod schema for the environment, parsed once at start. Every invalid
 * variable is reported at once. Defaults run on a laptop with nothing set.
 */
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  VARDE_DATA_DIR: z.string().default('./varde-data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  VARDE_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$|^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes as 64 hex characters or base64')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  VARDE_PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated hosts (host or host:port) that the outbound-URL guard lets through although private. */
  VARDE_ALLOW_HOSTS: z.string().default(''),
  /** Deliveries in flight per worker; also bounds its batches (see bench/README.md for why 200). */
  VARDE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(200),
  VARDE_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60000).default(250),
  VARDE_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** First step of the capped exponential backoff after a transient failure (2 s, 4 s, 8 s…). */
  VARDE_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  VARDE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  VARDE_MEDIA_LIMIT_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
  VARDE_SECURE_COOKIES: boolish,
  /** `first`: only the first account signs up by itself; `open`: anyone who reaches the server may. */
  VARDE_SIGNUP: z.enum(['first', 'open']).default('first'),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for log-in throttling and the audit log). */
  VARDE_TRUST_PROXY: boolish,
  /** Outgoing e-mail: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: in-app notifications only. */
  VARDE_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional().or(z.literal('').transform(() => undefined)),
  VARDE_EMAIL_FROM: z.string().default('Varde <varde@localhost>'),
  /** How often each channel read by polling (Bluesky, Mastodon, YouTube…) is asked for new inbox items. */
  VARDE_INBOX_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  secretKey?: string;
  publicUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  allowHosts: string[];
  worker: { concurrency: number; pollMs: number; leaseSeconds: number };
  /** First backoff step after a transient failure (VARDE_RETRY_BASE_MS). */
  retryBaseMs: number;
  bodyLimitBytes: number;
  mediaLimitBytes: number;
  secureCookies: boolean;
  signupOpen: boolean;
  trustProxy: boolean;
  email: { smtpUrl?: string; from: string };
  /** Seconds between two polls of a channel's inbox (VARDE_INBOX_POLL_SECONDS). */
  inboxPollSeconds: number;
  /** Every VARDE_* variable, for per-network app settings (VARDE_X_CLIENT_ID…) read by the providers. */
  networkEnv: Record<string, string | undefined>;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment (or the given record) into a Config; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const port = overrides.port ?? e.PORT;
  const config: Config = {
    port,
    host: e.HOST,
    dataDir: path.resolve(e.VARDE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    secretKey: e.VARDE_SECRET_KEY,
    publicUrl: (e.VARDE_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    allowHosts: e.VARDE_ALLOW_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    worker: { concurrency: e.VARDE_WORKER_CONCURRENCY, pollMs: e.VARDE_WORKER_POLL_MS, leaseSeconds: e.VARDE_LEASE_SECONDS },
    retryBaseMs: e.VARDE_RETRY_BASE_MS,
    bodyLimitBytes: e.VARDE_BODY_LIMIT_BYTES,
    mediaLimitBytes: e.VARDE_MEDIA_LIMIT_BYTES,
    secureCookies: e.VARDE_SECURE_COOKIES,
    signupOpen: e.VARDE_SIGNUP === 'open',
    trustProxy: e.VARDE_TRUST_PROXY,
    email: { smtpUrl: e.VARDE_SMTP_URL, from: e.VARDE_EMAIL_FROM },
    inboxPollSeconds: e.VARDE_INBOX_POLL_SECONDS,
    networkEnv: Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('VARDE_') && k !== 'VARDE_SECRET_KEY')),
  };
  return { ...config, ...overrides };
}
