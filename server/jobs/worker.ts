import type { Logger as PinoLogger } from 'pino';
import type pg from 'pg';
import { Logger, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import { serializeError } from '../http/logging.ts';
import { systemTasks, systemCrontab } from './system-tasks.ts';

/** The running job worker, and whether it is healthy. */
export type JobWorker = { stop(): Promise<void>; isRunning(): boolean };

type FailedJob = { id?: unknown; task_identifier?: unknown; attempts?: unknown; max_attempts?: unknown };

/**
 * Sends graphile-worker's own log lines to Passage's logger. SECURITY: graphile-worker writes a failed task's
 * error message and stack into its text, and a message may quote stored values (a PostgreSQL error does), so
 * a line that carries an error is logged as job fields plus the error serialized by `serializeError`.
 */
function workerLogger(log: PinoLogger): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const fields: Record<string, unknown> = { task: scope.taskIdentifier, jobId: scope.jobId };
    let text = message;
    if (meta?.error !== undefined) {
      // Serialized here (not left to the logger's `err` serializer) so any logger given is safe.
      fields.error = serializeError(meta.error);
      const job = meta.job as FailedJob | undefined;
      if (meta.failure && job) {
        Object.assign(fields, {
          task: job.task_identifier,
          jobId: job.id,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
        });
        text = 'job failed';
      } else text = 'job worker error';
    }
    const name: string = level;
    if (name === 'error') log.error(fields, text);
    else if (name === 'warning') log.warn(fields, text);
    else log.debug(fields, text);
  });
}

/** Options for the job worker. */
export type WorkerOptions = {
  /** The system-role pool: jobs bypass row-level security and must scope their own work. */
  systemPool: pg.Pool;
  log: PinoLogger;
  extraTasks?: TaskList;
  /** Recurring schedule lines of the extra tasks, in graphile-worker's crontab format. */
  extraCrontab?: string;
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
    crontab: [systemCrontab, options.extraCrontab].filter(Boolean).join('\n'),
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
