import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { systemLoadAccountKeys } from '../server/crypto/accounts.ts';
import { loadKeyring } from '../server/crypto/keyring.ts';
import { createKeys } from '../server/crypto/society-keys.ts';
import { createPool, openDatabases, type Databases } from '../server/db/connect.ts';
import { createKysely } from '../server/db/kysely.ts';
import { migrate } from '../server/db/migrate.ts';
import { roleNames } from '../server/db/roles.ts';

/** The database a run measures against, with the configuration Passage is built with. */
export type BenchEnvironment = {
  config: Config;
  db: Databases;
  database: 'embedded' | 'external';
  /** The data folder of the embedded server; undefined with BENCH_DATABASE_URL. */
  dataDir: string | undefined;
  close(): Promise<void>;
};

/** A listening Passage app and how to stop it. */
export type RunningPassage = { origin: string; close(): Promise<void> };

/** Stands in for the data folder with an external database: nothing is written there, the key file sits beside. */
const externalDataDir = path.join(os.tmpdir(), 'passage-bench-external');

/**
 * The root key setting: random for a throwaway folder; for a kept folder or an external database, a key file
 * beside the folder (never inside) that later runs reuse, since the account keys in the database are wrapped
 * with it.
 */
function rootKeySetting(dataDir: string, throwaway: boolean): Record<string, string> {
  if (throwaway) return { PASSAGE_ROOT_KEY: randomBytes(32).toString('base64') };
  return { PASSAGE_ROOT_KEY_FILE: `${dataDir}.key` };
}

function dataFolder(keep: boolean, scaleLabel: string): string {
  if (!keep) return mkdtempSync(path.join(os.tmpdir(), 'passage-bench-'));
  const dir = path.join(os.tmpdir(), `passage-bench-${scaleLabel}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * Opens the benchmark database — an embedded PostgreSQL in a fresh temporary data folder (or the kept one for
 * this scale), or the server named by BENCH_DATABASE_URL — and migrates it.
 */
export async function openBenchEnvironment(options: {
  keep: boolean;
  scaleLabel: string;
}): Promise<BenchEnvironment> {
  const externalUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = externalUrl ? undefined : dataFolder(options.keep, options.scaleLabel);
  const config = loadConfig({
    NODE_ENV: 'test',
    PASSAGE_JOBS: 'false',
    PASSAGE_LOG_LEVEL: 'silent',
    PORT: '0',
    PASSAGE_DATA_DIR: dataDir ?? externalDataDir,
    ...rootKeySetting(dataDir ?? externalDataDir, dataDir !== undefined && !options.keep),
    ...(externalUrl ? { DATABASE_URL: externalUrl } : {}),
  });
  const removeFolder = () => {
    if (dataDir && !options.keep) rmSync(dataDir, { recursive: true, force: true });
  };
  let db: Databases;
  try {
    db = await openDatabases(config);
  } catch (error) {
    removeFolder();
    throw error;
  }
  try {
    await migrate(db.owner);
  } catch (error) {
    await db.close();
    removeFolder();
    throw error;
  }
  const close = async () => {
    await db.close();
    removeFolder();
  };
  return { config, db, database: externalUrl ? 'external' : 'embedded', dataDir, close };
}

/**
 * Builds the whole Passage app over the benchmark database, composed as server/main.ts composes it (without
 * the job worker), and listens on a free loopback port.
 */
export async function startPassageApp(env: BenchEnvironment): Promise<RunningPassage> {
  const keyring = loadKeyring(env.config);
  const accountKeys = await systemLoadAccountKeys(createKysely(env.db.system), keyring);
  const keys = createKeys({ keyring });
  const app = await buildApp({ config: env.config, db: env.db, keys, accountKeys, jobsRunning: () => false });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, close: () => app.close() };
}

/** A pool for the floor: the same size as the app's, on the system role (the floor has no society scope). */
export function floorPool(env: BenchEnvironment): pg.Pool {
  // With a single owner URL, the system pool connects as the owner and switches role, as Passage does.
  const switchRole = env.db.urls.system === env.db.urls.owner;
  return createPool(env.db.urls.system, {
    max: env.config.poolSize,
    statementTimeoutMs: env.config.requestTimeoutMs,
    applicationName: 'passage-bench-floor',
    ...(switchRole ? { setRole: roleNames.system } : {}),
  });
}

/** The PostgreSQL server's version, for the results file. */
export async function postgresVersion(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ server_version: string }>('show server_version');
  return rows[0]?.server_version ?? 'unknown';
}
