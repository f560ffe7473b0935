import type { Logger as PinoLogger } from 'pino';
import type pg from 'pg';
import { Logger, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import { systemTasks, systemCrontab } from './system-tasks.ts';

/** The running job worker, and whether it is healthy. */
export type JobWorker = { stop(): Promise<void>; isRunning(): boolean };

/** Sends graphile-worker's own log lines to Passage's logger (they carry job ids and task names only). */
function workerLogger(log: PinoLogger): Logger {
  return new Logger((scope) => (level, message) => {
    const fields = { task: scope.taskIdentifier, jobId: scope.jobId };
    const name: string = level;
    if (name === 'error') log.error(fields, message);
    else if (name === 'warning') log.warn(fields, message);
    else log.debug(fields, message);
  });
}

/** Options for the job worker. */
export type WorkerOptions = {
  /** The system-role pool: jobs bypass row-level security and must scope their own work. */
  systemPool: pg.Pool;
  log: PinoLogger;
  extraTasks?: TaskList;
  concurrency?: number;
  pollIntervalMs?: number;
};

/**
 * Starts graphile-worker on Passage's database under the system role: queued tasks, the recurring
 * schedule, and retries with exponential backoff (graphile-worker's own: about e^attempts seconds).
 */
export async function startWorker(options: WorkerOptions): Promise<JobWorker> {
  const taskList: TaskList = { ...systemTasks, ...options.extraTasks };
  let running = true;
  const runner: Runner = await run({
    pgPool: options.systemPool,
    taskList,
    crontab: systemCrontab,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2000,
    noHandleSignals: true,
    logger: workerLogger(options.log),
  });
  runner.promise.then(
    () => (running = false),
    (error: unknown) => {
      running = false;
      options.log.error({ err: error }, 'job worker stopped');
    },
  );
  return { stop: () => runner.stop(), isRunning: () => running };
}

/** A task's type, re-exported so modules define tasks without importing graphile-worker directly. */
export type { Task };
