import { generateKeySync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { accountKeysFrom, systemLoadAccountKeys, type AccountKeys } from '../server/crypto/accounts.ts';
import { loadKeyring } from '../server/crypto/keyring.ts';
import { createKeys, type Keys } from '../server/crypto/society-keys.ts';
import { createKysely } from '../server/db/kysely.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { createPool, poolsFor } from '../server/db/connect.ts';
import { derivedPassword, roleNames, type RoleUrls } from '../server/db/roles.ts';

/** A database of its own for one test file, cloned from the migrated template, with pools for its three roles. */
export type TestDatabase = {
  name: string;
  urls: RoleUrls;
  owner: pg.Pool;
  app: pg.Pool;
  system: pg.Pool;
  /** A superuser client, for tests that must step around the app's rules (tampering, inspection). */
  superuser(): Promise<pg.Client>;
  close(): Promise<void>;
};

function urlFor(base: string, role: string, database: string): string {
  const url = new URL(base);
  url.username = role;
  url.password = derivedPassword(decodeURIComponent(new URL(base).password), role);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a database owned by the owner role (from the migrated template, or empty) and opens pools on it. */
async function createDatabase(template: string | undefined): Promise<TestDatabase> {
  const superuserUrl = inject('superuserUrl');
  const name = `passage_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template ?? 'template0'} owner ${roleNames.owner}`);
    await admin.query(`revoke all on database ${name} from public`);
    await admin.query(`grant connect on database ${name} to ${roleNames.app}, ${roleNames.system}`);
  } finally {
    await admin.end();
  }
  const urls = {
    owner: urlFor(superuserUrl, roleNames.owner, name),
    app: urlFor(superuserUrl, roleNames.app, name),
    system: urlFor(superuserUrl, roleNames.system, name),
  };
  const pools = poolsFor(urls, { poolSize: 5, requestTimeoutMs: 30_000 });
  const superuser = async () => {
    const url = new URL(superuserUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  return {
    name,
    urls,
    ...pools,
    superuser,
    close: async () => {
      await Promise.all([pools.owner.end(), pools.app.end(), pools.system.end()]);
      const drop = new pg.Client({ connectionString: superuserUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** Clones the template into a fresh database (tens of milliseconds) and opens pools on it. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(inject('templateDatabase'));
}

/**
 * A fresh database with nothing migrated (the three roles already exist), for tests of migrations themselves.
 * Its pools connect as the roles directly, as the embedded default does.
 */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase(undefined);
}

/** Pools that point at a port where nothing listens: every query fails at once, as when the database is down. */
export function unreachableDatabase(): Pick<TestDatabase, 'owner' | 'app' | 'system' | 'close'> {
  const pool = () =>
    createPool('postgres://passage_app:fake-password@127.0.0.1:1/passage_nowhere', {
      max: 1,
      statementTimeoutMs: 1_000,
      applicationName: 'passage-test-unreachable',
    });
  const pools = { owner: pool(), app: pool(), system: pool() };
  return {
    ...pools,
    close: async () => {
      await Promise.all([pools.owner.end(), pools.app.end(), pools.system.end()]);
    },
  };
}

/** A configuration for tests: nothing read from the real environment except what a test passes. */
export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'passage-data-'));
  return loadConfig({
    NODE_ENV: 'test',
    PASSAGE_DATA_DIR: dataDir,
    PASSAGE_AUDIT_CHECKPOINT_DIR: path.join(dataDir, 'audit-checkpoints'),
    PASSAGE_ROOT_KEY: randomBytes(32).toString('base64'),
    PASSAGE_LOG_LEVEL: 'silent',
    PASSAGE_JOBS: 'false',
    // A test machine running many suites at once must not shed test requests; shedding is tested on its own.
    PASSAGE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  });
}

/** An app built over a test database, with its log lines captured for assertions. */
export type TestApp = {
  app: BuiltApp;
  db: TestDatabase;
  config: Config;
  keys: Keys;
  accountKeys: AccountKeys;
  logLines: string[];
  close(): Promise<void>;
};

/** Builds the whole app over a fresh test database; requests go through `app.inject`. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    extraRoutes?: (app: FastifyInstance) => Promise<void>;
    /** Whether the job worker counts as running (default: yes). */
    jobsRunning?: () => boolean;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(options.env);
  const logLines: string[] = [];
  const logger: Logger = pino(
    { level: 'debug', ...(await import('../server/http/logging.ts')).loggerOptions('debug') },
    {
      write: (line: string) => void logLines.push(line),
    },
  );
  const keyring = loadKeyring(config);
  const keys = createKeys({ keyring });
  const accountKeys = await systemLoadAccountKeys(createKysely(db.system), keyring);
  const app = await buildApp({
    config,
    db,
    keys,
    accountKeys,
    jobsRunning: options.jobsRunning ?? (() => true),
    logger,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    config,
    keys,
    accountKeys,
    logLines,
    close: async () => {
      await app.close();
      await db.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** Keys for an app that never reaches a database (the account keys are random, not loaded). */
export function offlineKeys(config: Config): { keys: Keys; accountKeys: AccountKeys } {
  const random = () => generateKeySync('hmac', { length: 256 });
  return {
    keys: createKeys({ keyring: loadKeyring(config) }),
    accountKeys: accountKeysFrom({
      accounts: random(),
      'accounts-index': random(),
      'recovery-codes': random(),
    }),
  };
}
