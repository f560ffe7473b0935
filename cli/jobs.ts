import { loadConfig } from '../server/config.ts';
import { openDatabases } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Command } from './main.ts';

/** `passage jobs dead|retry ID`: look at the dead-letter queue and send a job round again. */
export const jobsCommand: Command = {
  summary: 'jobs dead: list jobs that used up their retries; jobs retry ID: run one again',
  async run([verb, id]) {
    const db = await openDatabases(loadConfig());
    try {
      await migrate(db.owner);
      if (verb === 'dead') {
        const { rows } = await db.system.query(
          'select id, task_identifier, attempts, last_error, run_at from passage_dead_jobs order by id',
        );
        process.stdout.write(rows.length ? `${JSON.stringify(rows, null, 2)}\n` : 'No dead jobs.\n');
        return 0;
      }
      if (verb === 'retry' && id && /^\d+$/.test(id)) {
        const { rowCount } = await db.system.query(
          'update graphile_worker._private_jobs set attempts = 0, run_at = now(), last_error = null where id = $1',
          [id],
        );
        process.stdout.write(rowCount ? `Job ${id} will run again.\n` : `No job ${id}.\n`);
        return rowCount ? 0 : 1;
      }
      process.stderr.write('Usage: passage jobs dead | passage jobs retry <job id>\n');
      return 2;
    } finally {
      await db.close();
    }
  },
};
