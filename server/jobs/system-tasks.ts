import type { TaskList } from 'graphile-worker';

/** Recurring maintenance tasks that every deployment runs. */
export const systemTasks: TaskList = {
  /** Proves the queue and schedule work: /api/ready and `passage jobs status` read its last run. */
  'system:heartbeat': async (_payload, helpers) => {
    await helpers.withPgClient((client) =>
      client.query(
        `insert into passage_job_heartbeats (name, last_run_at) values ('system:heartbeat', now())
         on conflict (name) do update set last_run_at = excluded.last_run_at`,
      ),
    );
  },
};

/** The recurring schedule, in graphile-worker's crontab format. */
export const systemCrontab = ['* * * * * system:heartbeat ?max=3'].join('\n');
