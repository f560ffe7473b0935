import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import { createPool } from '../db/connect.ts';
import { createKysely } from '../db/kysely.ts';
import type { Database } from '../db/schema.ts';
import { createSociety, handles, teamUpdated } from './audit.test-support.ts';
import { verifyAudit } from './audit.verify.ts';
import { appendAuditEvent } from './audit.writer.ts';
import { appendSystemAuditEvent } from './system-audit.ts';

const writers = 25;
let db: TestDatabase;
let pool: pg.Pool;
let app: Kysely<Database>;
let system: Kysely<Database>;
beforeAll(async () => {
  db = await createTestDatabase();
  // A pool of its own, wide enough for every writer to hold a transaction at once.
  pool = createPool(db.urls.app, {
    max: writers,
    statementTimeoutMs: 30_000,
    applicationName: 'audit-stress',
  });
  app = createKysely(pool);
  ({ system } = handles(db));
});
afterAll(async () => {
  await app.destroy();
  await db.close();
});

describe('concurrent writers', () => {
  it('never fork a society chain: 200 appends from 25 parallel transactions give seq 1–200', async () => {
    const society = await createSociety(db);
    let rolledBack = 0;
    const worker = async (w: number) => {
      for (let i = 0; i < 8; i += 1) {
        // Every writer starts on a society with no chain head yet, so the first appends race to create it too.
        await inSociety(app, society, async (tx) => {
          await sql`select pg_sleep(0.002)`.execute(tx);
          await appendAuditEvent(tx, teamUpdated(w * 100 + i));
        });
        if (i % 3 === 0) {
          await inSociety(app, society, async (tx) => {
            await appendAuditEvent(tx, teamUpdated(-1));
            throw new Error('rolled back');
          }).catch(() => (rolledBack += 1));
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, w) => worker(w)));
    const rows = await system
      .selectFrom('audit_events')
      .select(['seq', 'request_id'])
      .where('society_id', '=', society)
      .orderBy('seq')
      .execute();
    expect(rolledBack).toBe(writers * 3);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(200);
    const report = await verifyAudit(system);
    expect(report.chains.find((c) => c.chainId === `society:${society}`)).toMatchObject({
      events: 200,
      lastSeq: '200',
      problems: [],
    });
  });

  it('never fork the system chain either', async () => {
    const before = await system.selectFrom('system_audit_chain_head').select('seq').executeTakeFirstOrThrow();
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        appendSystemAuditEvent(app, { kind: 'user.sign-in-failed', requestId: `req-${i}`, payload: {} }),
      ),
    );
    const rows = await system.selectFrom('system_audit_events').select('seq').orderBy('seq').execute();
    const from = Number(before.seq);
    expect(rows.map((r) => Number(r.seq)).slice(from)).toEqual(
      Array.from({ length: 100 }, (_, i) => from + i + 1),
    );
    expect((await verifyAudit(system)).ok).toBe(true);
  });
});
