import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { poolsFor } from '../server/db/connect.ts';
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

/** Clones the template into a fresh database (tens of milliseconds) and opens pools on it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const superuserUrl = inject('superuserUrl');
  const name = `passage_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(
      `create database ${name} template ${inject('templateDatabase')} owner ${roleNames.owner}`,
    );
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

/** A configuration for tests: nothing read from the real environment except what a test passes. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PASSAGE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'passage-data-')),
    PASSAGE_ROOT_KEY: randomBytes(32).toString('base64'),
    PASSAGE_LOG_LEVEL: 'silent',
    PASSAGE_JOBS: 'false',
    ...env,
  });
}

/** An app built over a test database, with its log lines captured for assertions. */
export type TestApp = { app: FastifyInstance; db: TestDatabase; logLines: string[]; close(): Promise<void> };

/** Builds the whole app over a fresh test database; requests go through `app.inject`. */
export async function createTestApp(
  options: { env?: Record<string, string>; extraRoutes?: (app: FastifyInstance) => Promise<void> } = {},
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
  const app = await buildApp({ config, db, jobsRunning: () => true, logger });
  if (options.extraRoutes) await app.register(options.extraRoutes);
  await app.ready();
  return {
    app,
    db,
    logLines,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
