import pg from 'pg';
import type { Config } from '../config.ts';
import { lockDataFolder, type DataFolderLock } from './data-lock.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import { provisionAsSuperuser, provisionFromOwner, roleNames, type RoleUrls } from './roles.ts';

/** The connection pools of one Passage database, one per role, and how to close them. */
export type Databases = {
  /** Runs migrations and the job queue's schema set-up only; never serves requests. */
  owner: pg.Pool;
  /** Serves requests, subject to forced row-level security. Modules reach it only through `access/`. */
  app: pg.Pool;
  /** Bypasses row-level security: jobs, the CLI and backfills only. */
  system: pg.Pool;
  urls: RoleUrls;
  /** Set when Passage started the embedded server (for backup and for noticing its death). */
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
};

/** Per-pool settings that keep a runaway query or a forgotten transaction from holding the database. */
export type PoolOptions = {
  max: number;
  statementTimeoutMs: number;
  setRole?: string;
  applicationName: string;
};

/** Creates a pool whose connections carry timeouts and, if asked, switch to a role at connect. */
export function createPool(url: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    application_name: options.applicationName,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    connectionTimeoutMillis: 10_000,
    // Switching role as a connection option costs no query and no race with the first one.
    ...(options.setRole ? { options: `-c role=${options.setRole}` } : {}),
  });
  // A client losing its server (restart, failover) must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Pools for an already provisioned database, given the URLs of its three roles. */
export function poolsFor(
  urls: RoleUrls,
  config: Pick<Config, 'poolSize' | 'requestTimeoutMs'>,
  setRoles = false,
) {
  return {
    owner: createPool(urls.owner, { max: 2, statementTimeoutMs: 0, applicationName: 'passage-owner' }),
    app: createPool(urls.app, {
      max: config.poolSize,
      statementTimeoutMs: config.requestTimeoutMs,
      applicationName: 'passage-app',
      ...(setRoles ? { setRole: roleNames.app } : {}),
    }),
    system: createPool(urls.system, {
      max: Math.max(2, Math.ceil(config.poolSize / 2)),
      statementTimeoutMs: 0,
      applicationName: 'passage-system',
      ...(setRoles ? { setRole: roleNames.system } : {}),
    }),
  };
}

/**
 * Opens Passage's database: the embedded server under the data folder (locked against a second process), or
 * the external server(s) named by the DATABASE_URL settings.
 */
export async function openDatabases(config: Config): Promise<Databases> {
  let lock: DataFolderLock | undefined;
  let embedded: EmbeddedServer | undefined;
  let urls: RoleUrls;
  let setRoles = false;
  if (config.database.kind === 'embedded') {
    lock = await lockDataFolder(config.dataDir);
    try {
      embedded = await startEmbeddedServer(config.dataDir);
      urls = await provisionAsSuperuser(embedded.superuserUrl, 'passage');
    } catch (error) {
      await embedded?.stop();
      await lock.release();
      throw error;
    }
  } else {
    const { ownerUrl, appUrl, systemUrl } = config.database;
    if (appUrl && systemUrl) urls = { owner: ownerUrl, app: appUrl, system: systemUrl };
    else if (!appUrl && !systemUrl) {
      await provisionFromOwner(ownerUrl);
      urls = { owner: ownerUrl, app: ownerUrl, system: ownerUrl };
      setRoles = true;
    } else throw new Error('Give both PASSAGE_APP_DATABASE_URL and PASSAGE_SYSTEM_DATABASE_URL, or neither.');
  }
  const pools = poolsFor(urls, config, setRoles);
  return {
    ...pools,
    urls,
    embedded,
    close: async () => {
      await Promise.all([pools.app.end(), pools.system.end(), pools.owner.end()]);
      await embedded?.stop();
      await lock?.release();
    },
  };
}
