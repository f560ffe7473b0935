import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { loadRootKey } from './crypto/root-key.ts';
import { openDatabases, type Databases } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { loggerOptions } from './http/logging.ts';
import { startWorker, type JobWorker } from './jobs/worker.ts';

/** A running Passage: its address and how to stop it. */
export type RunningPassage = { app: FastifyInstance; db: Databases; url: string; stop(): Promise<void> };

/** Config → database (embedded or DATABASE_URL) → migrate → jobs → listen. */
export async function startPassage(config: Config = loadConfig()): Promise<RunningPassage> {
  const started = performance.now();
  const log = pino(loggerOptions(config.logLevel));
  loadRootKey(config);
  const db = await openDatabases(config);
  let worker: JobWorker | undefined;
  try {
    const applied = await migrate(db.owner);
    if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
    if (config.jobs) worker = await startWorker({ systemPool: db.system, log });
    const app = await buildApp({ config, db, jobsRunning: () => worker?.isRunning() ?? false, logger: log });
    const address = await app.listen({ port: config.port, host: config.host });
    log.info({ address, ms: Math.round(performance.now() - started) }, 'Passage is listening');
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await app.close();
        await worker?.stop();
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
