import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCrontab, type JobHelpers } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import { checkpointFile } from './audit.checkpoint.ts';
import { auditCrontab, createAuditTasks } from './audit.tasks.ts';
import { createSociety, handles } from './audit.test-support.ts';
import { verifyAudit } from './audit.verify.ts';
import { recordRead } from './audit.writer.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('audit jobs', () => {
  it('schedules only tasks that exist, and each one does its work', async () => {
    const { app, system } = handles(db);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passage-checkpoints-'));
    const tasks = createAuditTasks({ systemDb: system, checkpoint: { rootKey: randomBytes(32), dir } });
    const scheduled = parseCrontab(auditCrontab).map((c) => c.task);
    expect(scheduled.sort()).toEqual(Object.keys(tasks).sort());

    const society = await createSociety(db);
    await inSociety(app, society, (tx) =>
      recordRead(tx, { subjectType: 'case', subjectId: randomUUID(), fields: ['situation'] }),
    );
    const helpers = {} as JobHelpers; // the audit tasks use none of graphile-worker's helpers
    for (const name of ['audit:ensure-partitions', 'audit:seal-reads', 'audit:checkpoint'])
      await tasks[name]?.({}, helpers);
    const chain = (await verifyAudit(system)).chains.find((c) => c.chainId === `society:${society}`);
    expect(chain).toMatchObject({ seals: 1, sealedReads: 1, problems: [] });
    expect(existsSync(checkpointFile(dir, new Date()))).toBe(true);
  });
});
