import type { TaskList } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeCheckpoints, type CheckpointOptions } from './audit.checkpoint-write.ts';
import { sealReads, type SealOptions } from './audit.seal.ts';

/** What the audit jobs need: the system-role database and the checkpoint settings. */
export type AuditTaskOptions = {
  systemDb: Kysely<Database>;
  checkpoint: CheckpointOptions;
  seal?: SealOptions;
};

/** Creates next months' audit partitions (and the DEFAULT ones); returns how many tables it created. */
export async function ensureAuditPartitions(systemDb: Kysely<Database>, monthsAhead = 3): Promise<number> {
  const { rows } = await sql<{ created: number }>`
    select passage_audit_ensure_partitions(${monthsAhead}::integer) as created`.execute(systemDb);
  return rows[0]?.created ?? 0;
}

/** The audit jobs: seal the read log into the chains, checkpoint the chain heads, keep partitions ahead. */
export function createAuditTasks(options: AuditTaskOptions): TaskList {
  return {
    'audit:seal-reads': async () => {
      await sealReads(options.systemDb, options.seal);
    },
    'audit:checkpoint': async () => {
      await writeCheckpoints(options.systemDb, options.checkpoint);
    },
    'audit:ensure-partitions': async () => {
      await ensureAuditPartitions(options.systemDb);
    },
  };
}

/** The audit jobs' schedule, in graphile-worker's crontab format (times in UTC). */
export const auditCrontab = [
  '*/5 * * * * audit:seal-reads ?max=3',
  '*/15 * * * * audit:checkpoint ?max=5',
  '17 3 * * * audit:ensure-partitions ?max=5',
].join('\n');
