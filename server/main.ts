import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { writeCheckpoints, checkpointOptionsFromConfig } from './audit/audit.checkpoint-write.ts';
import { auditCrontab, createAuditTasks } from './audit/audit.tasks.ts';
import { systemLoadAccountKeys } from './crypto/accounts.ts';
import { loadKeyring } from './crypto/keyring.ts';
import { createKeys } from './crypto/society-keys.ts';
import { openDatabases, type Databases } from './db/connect.ts';
import { createKysely } from './db/kysely.ts';
import { migrate } from './db/migrate.ts';
import { loggerOptions } from './http/logging.ts';
import { systemSeedDemoIfEmpty } from './modules/demo/demo.service.ts';
import {
  createNotificationTasks,
  notificationsCrontab,
} from './modules/notifications/notifications.tasks.ts';
import { startWorker, type JobWorker } from './jobs/worker.ts';

/** A running Passage: its address and how to stop it. */
export type RunningPassage = { app: FastifyInstance; db: Databases; url: string; stop(): Promise<void> };

/** Config → database (embedded or DATABASE_URL) → migrate → jobs → listen. */
export async function startPassage(config: Config = loadConfig()): Promise<RunningPassage> {
  const started = performance.now();
  const log = pino(loggerOptions(config.logLevel));
  // SECURITY: fail closed: without a readable root key nothing starts, so nothing is ever written unencrypted.
  const keyring = loadKeyring(config);
  const db = await openDatabases(config);
  let worker: JobWorker | undefined;
  try {
    const applied = await migrate(db.owner);
    if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
    const accountKeys = await systemLoadAccountKeys(createKysely(db.system), keyring);
    const keys = createKeys({ keyring });
    const systemDb = createKysely(db.system);
    if (config.demo && (await systemSeedDemoIfEmpty(systemDb, { keys, accountKeys })))
      log.info('demo society loaded');
    const checkpoint = checkpointOptionsFromConfig(config, keyring.current.key);
    if (config.jobs) {
      worker = await startWorker({
        systemPool: db.system,
        log,
        extraTasks: {
          ...createAuditTasks({ systemDb, checkpoint }),
          ...createNotificationTasks({ systemDb, accountKeys, config }),
        },
        extraCrontab: [auditCrontab, notificationsCrontab].join('\n'),
      });
    }
    const app = await buildApp({
      config,
      db,
      keys,
      accountKeys,
      jobsRunning: () => worker?.isRunning() ?? false,
      logger: log,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    log.info({ address, ms: Math.round(performance.now() - started) }, 'Passage is listening');
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await app.close();
        await worker?.stop();
        // The last chain heads leave the database before it stops: history up to now is anchored outside it.
        await writeCheckpoints(systemDb, checkpoint).catch((error: unknown) =>
          log.error({ err: error }, 'the audit checkpoint at shutdown was not written'),
        );
        await db.close();
      })());
    void db.embedded?.exited.then((code) => {
      log.fatal({ code }, 'the embedded PostgreSQL server stopped unexpectedly');
      void stop().finally(() => process.exit(1));
    });
    return { app, db, url: address, stop };
  } catch (error) {
    await worker?.stop();
    await db.close();
    throw error;
  }
}
