import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PASSAGE_DATA_DIR: z.string().min(1).default('./data'),
  PASSAGE_ROOT_KEY: z.string().optional(),
  PASSAGE_ROOT_KEY_FILE: z.string().optional(),
  PASSAGE_ROOT_KEY_PREVIOUS: z.string().optional(),
  DATABASE_URL: z.url().optional(),
  PASSAGE_APP_DATABASE_URL: z.url().optional(),
  PASSAGE_SYSTEM_DATABASE_URL: z.url().optional(),
  PASSAGE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PASSAGE_ALLOW_EMBEDDED_IN_PRODUCTION: bool.default(false),
  PASSAGE_ORIGIN: z.url().optional(),
  PASSAGE_TRUST_PROXY: z.string().optional(),
  PASSAGE_DEMO: bool.optional(),
  PASSAGE_API_DOCS: bool.optional(),
  PASSAGE_METRICS_TOKEN: z.string().min(16).optional(),
  PASSAGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PASSAGE_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  PASSAGE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  PASSAGE_BACKUP_RECIPIENTS: z.string().optional(),
  PASSAGE_PG_BIN_DIR: z.string().optional(),
  PASSAGE_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  PASSAGE_AUDIT_CHECKPOINT_WEBHOOK: z.url().optional(),
  PASSAGE_JOBS: bool.default(true),
  PASSAGE_SKIP_WEB_BUILD: bool.default(false),
  PASSAGE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  PASSAGE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  PASSAGE_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  PASSAGE_SMTP_URL: z.url().optional(),
  PASSAGE_MAIL_FROM: z.string().min(3).default('Passage <no-reply@localhost>'),
});

/** Settings that may also be given as a path in `NAME_FILE`, so secrets stay out of the environment. */
const secretNames = [
  'PASSAGE_ROOT_KEY',
  'PASSAGE_ROOT_KEY_PREVIOUS',
  'DATABASE_URL',
  'PASSAGE_APP_DATABASE_URL',
  'PASSAGE_SYSTEM_DATABASE_URL',
  'PASSAGE_METRICS_TOKEN',
  'PASSAGE_BACKUP_RECIPIENTS',
  'PASSAGE_AUDIT_CHECKPOINT_WEBHOOK',
  'PASSAGE_SMTP_URL',
] as const;

/** The validated, frozen configuration Passage runs with. */
export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  rootKey: { kind: 'value'; value: string } | { kind: 'file'; path: string };
  /** The root key being rotated away from, set only while `passage keys rotate` re-wraps society keys. */
  previousRootKey: { kind: 'value'; value: string } | { kind: 'file'; path: string } | undefined;
  database:
    | { kind: 'embedded' }
    | { kind: 'external'; ownerUrl: string; appUrl: string | undefined; systemUrl: string | undefined };
  poolSize: number;
  origin: URL;
  trustProxy: boolean | string | number;
  demo: boolean;
  apiDocs: boolean;
  metricsToken: string | undefined;
  logLevel: string;
  bodyLimit: number;
  requestTimeoutMs: number;
  backupRecipients: string[];
  pgBinDir: string | undefined;
  /** Where signed audit checkpoints are appended: outside the database, by default beside the data folder. */
  auditCheckpointDir: string;
  /** Where signed audit checkpoints are also POSTed, if set (the URL may carry a token: it has a `_FILE` form). */
  auditCheckpointWebhook: string | undefined;
  jobs: boolean;
  /** `passage start` serves whatever web build exists instead of rebuilding a stale one (tests, read-only images). */
  skipWebBuild: boolean;
  /** Minutes without activity before a session ends (short: screens are shared in reception centres). */
  sessionIdleMinutes: number;
  /** Hours after sign-in when a session ends whatever the activity. */
  sessionMaxHours: number;
  /** Event-loop delay above which requests are shed with 503 and Retry-After (0: never shed). */
  maxEventLoopDelayMs: number;
  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`); none means in-app notifications only. */
  smtpUrl: string | undefined;
  mailFrom: string;
}>;

/** A configuration problem, with the message an operator needs to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function resolveFileForms(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env };
  for (const name of secretNames) {
    const file = env[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) throw new ConfigError(`Set either ${name} or ${name}_FILE, not both.`);
    // The root key file paths are kept, so rotation can re-read them and their permissions can be checked.
    if (name === 'PASSAGE_ROOT_KEY' || name === 'PASSAGE_ROOT_KEY_PREVIOUS') continue;
    try {
      out[name] = readFileSync(file, 'utf8').trim();
    } catch {
      throw new ConfigError(`${name}_FILE points to ${file}, which cannot be read.`);
    }
  }
  return out;
}

function parseTrustProxy(value: string | undefined): boolean | string | number {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // a comma-separated list of addresses or CIDR ranges
}

/** Reads the environment once, validates it and refuses unsafe production settings. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(resolveFileForms(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.PASSAGE_DATA_DIR);
  const embedded = !e.DATABASE_URL;
  const origin = new URL(e.PASSAGE_ORIGIN ?? `http://localhost:${e.PORT}`);
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(e.HOST);
  const demo = e.PASSAGE_DEMO ?? (embedded && loopback && !isProduction);
  const rootKeyFile = env.PASSAGE_ROOT_KEY_FILE;
  const previousRootKeyFile = env.PASSAGE_ROOT_KEY_PREVIOUS_FILE;

  const config: Config = {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    rootKey: e.PASSAGE_ROOT_KEY
      ? { kind: 'value', value: e.PASSAGE_ROOT_KEY }
      : {
          kind: 'file',
          path: path.resolve(rootKeyFile ?? path.join(path.dirname(dataDir), 'passage-root.key')),
        },
    previousRootKey: e.PASSAGE_ROOT_KEY_PREVIOUS
      ? { kind: 'value', value: e.PASSAGE_ROOT_KEY_PREVIOUS }
      : previousRootKeyFile
        ? { kind: 'file', path: path.resolve(previousRootKeyFile) }
        : undefined,
    database: embedded
      ? { kind: 'embedded' }
      : {
          kind: 'external',
          ownerUrl: e.DATABASE_URL as string,
          appUrl: e.PASSAGE_APP_DATABASE_URL,
          systemUrl: e.PASSAGE_SYSTEM_DATABASE_URL,
        },
    poolSize: e.PASSAGE_DB_POOL_SIZE,
    origin,
    trustProxy: parseTrustProxy(e.PASSAGE_TRUST_PROXY),
    demo,
    apiDocs: e.PASSAGE_API_DOCS ?? !isProduction,
    metricsToken: e.PASSAGE_METRICS_TOKEN,
    logLevel: e.PASSAGE_LOG_LEVEL,
    bodyLimit: e.PASSAGE_BODY_LIMIT,
    requestTimeoutMs: e.PASSAGE_REQUEST_TIMEOUT_MS,
    backupRecipients: (e.PASSAGE_BACKUP_RECIPIENTS ?? '').split(/[\s,]+/).filter(Boolean),
    pgBinDir: e.PASSAGE_PG_BIN_DIR,
    auditCheckpointDir: path.resolve(
      e.PASSAGE_AUDIT_CHECKPOINT_DIR ?? path.join(path.dirname(dataDir), 'audit-checkpoints'),
    ),
    auditCheckpointWebhook: e.PASSAGE_AUDIT_CHECKPOINT_WEBHOOK,
    jobs: e.PASSAGE_JOBS,
    skipWebBuild: e.PASSAGE_SKIP_WEB_BUILD,
    sessionIdleMinutes: e.PASSAGE_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.PASSAGE_SESSION_MAX_HOURS,
    maxEventLoopDelayMs: e.PASSAGE_MAX_EVENT_LOOP_DELAY_MS,
    smtpUrl: e.PASSAGE_SMTP_URL,
    mailFrom: e.PASSAGE_MAIL_FROM,
  };
  if (isProduction)
    refuseUnsafeProduction(config, {
      rootKeyGiven: Boolean(e.PASSAGE_ROOT_KEY || rootKeyFile),
      allowEmbedded: e.PASSAGE_ALLOW_EMBEDDED_IN_PRODUCTION,
      originGiven: Boolean(e.PASSAGE_ORIGIN),
    });
  return Object.freeze(config);
}

function refuseUnsafeProduction(
  config: Config,
  given: { rootKeyGiven: boolean; allowEmbedded: boolean; originGiven: boolean },
): void {
  const problems: string[] = [];
  if (!given.rootKeyGiven) {
    problems.push(
      'Set PASSAGE_ROOT_KEY or PASSAGE_ROOT_KEY_FILE: production never generates its own root key.',
    );
  }
  if (!given.originGiven)
    problems.push('Set PASSAGE_ORIGIN to the public https origin, e.g. https://passage.example.org.');
  else if (config.origin.protocol !== 'https:') {
    problems.push(`PASSAGE_ORIGIN must be https in production (it is ${config.origin.origin}).`);
  }
  if (config.demo) problems.push('Unset PASSAGE_DEMO: demo accounts are refused in production.');
  if (config.database.kind === 'embedded' && !given.allowEmbedded) {
    problems.push(
      'Set DATABASE_URL to a PostgreSQL 15+ server, or PASSAGE_ALLOW_EMBEDDED_IN_PRODUCTION=true to accept the single-node embedded database.',
    );
  }
  if (problems.length > 0)
    throw new ConfigError(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
}
