import { parseCrontab, type TaskList } from 'graphile-worker';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { systemCrontab } from './system-tasks.ts';
import { startWorker, type JobWorker } from './worker.ts';

const marker = 'ZZ-MARKER-JOB-Testperson';
const runs = new Map<string, number>();

function countRun(jobId: string | number | undefined): number {
  const key = String(jobId);
  const count = (runs.get(key) ?? 0) + 1;
  runs.set(key, count);
  return count;
}

const fakeTasks: TaskList = {
  'fake:flaky': async (_payload, helpers) => {
    if (countRun(helpers.job.id) === 1) throw new Error(`fake flaky failure while reading ${marker}`);
  },
  'fake:always-fails': async (_payload, helpers) => {
    countRun(helpers.job.id);
    throw new Error(`fake permanent failure while reading ${marker}`);
  },
};

let db: TestDatabase;
let worker: JobWorker;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const log = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  worker = await startWorker({ systemPool: db.system, log, extraTasks: fakeTasks, pollIntervalMs: 50 });
});
afterAll(async () => {
  await worker.stop();
  await db.close();
});

type JobRow = {
  id: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_at: Date | null;
  run_at: Date;
};

async function addJob(task: string, maxAttempts: number): Promise<string> {
  const { rows } = await db.system.query<{ id: string }>(
    `select (graphile_worker.add_job($1, '{"caseId": "00000000-0000-4000-8000-000000000001"}'::json,
       max_attempts := $2)).id::text as id`,
    [task, maxAttempts],
  );
  return rows[0]!.id;
}

async function findJob(id: string): Promise<JobRow | undefined> {
  const { rows } = await db.system.query<JobRow>(
    'select id::text, attempts, max_attempts, last_error, locked_at, run_at from graphile_worker.jobs where id = $1',
    [id],
  );
  return rows[0];
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the job's attempt number `attempts` has failed and been put back. */
function failedAttempt(id: string, attempts: number): Promise<JobRow> {
  return waitFor(`attempt ${attempts} of job ${id} to fail`, async () => {
    const job = await findJob(id);
    return job && job.attempts === attempts && job.locked_at === null && job.last_error !== null && job;
  });
}

/** Skips graphile-worker's backoff (about e^attempts seconds) so the retry happens now. */
async function dueNow(id: string): Promise<void> {
  await db.system.query('update graphile_worker._private_jobs set run_at = now() where id = $1', [id]);
}

describe('the job worker', () => {
  it('is running once started', () => {
    expect(worker.isRunning()).toBe(true);
  });

  it('retries a failed job with a backoff, records the attempt and error, and succeeds on the retry', async () => {
    const id = await addJob('fake:flaky', 5);
    const failed = await failedAttempt(id, 1);
    expect(failed.last_error).toContain('fake flaky failure');
    expect(failed.run_at.getTime()).toBeGreaterThan(Date.now());
    expect(runs.get(id)).toBe(1);

    await dueNow(id);
    await waitFor(`job ${id} to succeed`, async () => (await findJob(id)) === undefined);
    expect(runs.get(id)).toBe(2);
  });

  it('puts a job that used up its attempts in the passage_dead_jobs view, with its last error', async () => {
    const id = await addJob('fake:always-fails', 2);
    await failedAttempt(id, 1);
    const { rows: notYet } = await db.system.query('select 1 from passage_dead_jobs where id = $1', [id]);
    expect(notYet).toHaveLength(0);

    await dueNow(id);
    await failedAttempt(id, 2);
    const { rows } = await db.system.query(
      'select task_identifier, attempts, max_attempts, last_error from passage_dead_jobs where id = $1',
      [id],
    );
    expect(rows).toEqual([
      {
        task_identifier: 'fake:always-fails',
        attempts: 2,
        max_attempts: 2,
        last_error: expect.stringContaining('fake permanent failure') as unknown,
      },
    ]);
    expect(runs.get(id)).toBe(2);
  });

  it('logs a failed job by task, id and attempt, without the error message', async () => {
    const failures = await waitFor('a failure log line', async () => {
      const lines = logLines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'job failed');
      return lines.length >= 3 && lines;
    });
    expect(failures[0]).toMatchObject({
      task: expect.stringMatching(/^fake:/) as unknown,
      jobId: expect.any(String) as unknown,
      attempt: 1,
      error: { type: 'Error' },
    });
    expect(logLines.join('\n')).not.toContain(marker);
  });

  it('runs the heartbeat task, which records its last run', async () => {
    await addJob('system:heartbeat', 3);
    const lastRun = await waitFor('the heartbeat row', async () => {
      const { rows } = await db.system.query<{ last_run_at: Date }>(
        "select last_run_at from passage_job_heartbeats where name = 'system:heartbeat'",
      );
      return rows[0]?.last_run_at;
    });
    expect(Math.abs(Date.now() - lastRun.getTime())).toBeLessThan(60_000);
  });

  it('stops cleanly and then reports that it is not running', async () => {
    const log = pino({ level: 'silent' });
    const second = await startWorker({ systemPool: db.system, log, pollIntervalMs: 50 });
    expect(second.isRunning()).toBe(true);
    await second.stop();
    await waitFor('the worker to report stopped', async () => !second.isRunning());
    expect(second.isRunning()).toBe(false);
  });
});

describe('the recurring schedule', () => {
  it('parses, and runs the heartbeat every minute with at most 3 attempts', () => {
    const items = parseCrontab(systemCrontab);
    expect(items.map((i) => i.task)).toEqual(['system:heartbeat']);
    const heartbeat = items[0]!;
    expect(heartbeat.options.maxAttempts).toBe(3);
    const minutes = [0, 17, 59].map((min) => heartbeat.match({ min, hour: 3, date: 5, month: 6, dow: 2 }));
    expect(minutes).toEqual([true, true, true]);
  });

  it('is registered with the queue when the worker starts', async () => {
    const { rows } = await db.system.query<{ identifier: string }>(
      'select identifier from graphile_worker._private_known_crontabs',
    );
    expect(rows.map((r) => r.identifier)).toContain('system:heartbeat');
  });
});
