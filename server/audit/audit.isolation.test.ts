import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { listAuditEvents } from './audit.store.ts';
import { createSociety, handles, teamUpdated } from './audit.test-support.ts';
import { verifyAudit } from './audit.verify.ts';
import { appendAuditEvent } from './audit.writer.ts';

let db: TestDatabase;
let app: Kysely<Database>;
let system: Kysely<Database>;
beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, system } = handles(db));
});
afterAll(() => db.close());

describe('society isolation', () => {
  it('shows a society none of another society’s events, heads or reads', async () => {
    const a = await createSociety(db, 'Society A');
    const b = await createSociety(db, 'Society B');
    await inSociety(app, a, (tx) => appendAuditEvent(tx, teamUpdated(1)));
    const seen = await inSociety(app, b, async (tx) => ({
      events: await tx.selectFrom('audit_events').selectAll().execute(),
      heads: await tx.selectFrom('audit_chain_heads').selectAll().execute(),
      page: await listAuditEvents(tx, { limit: 10 }),
    }));
    expect(seen).toEqual({ events: [], heads: [], page: { items: [], nextCursor: undefined } });
  });

  it('refuses a society’s transaction writing into another society’s chain', async () => {
    const a = await createSociety(db, 'Society A');
    const b = await createSociety(db, 'Society B');
    await inSociety(app, a, (tx) => appendAuditEvent(tx, teamUpdated(1)));
    const intoA = inSociety(app, b, (tx) =>
      tx
        .insertInto('audit_events')
        .values({
          society_id: a,
          seq: '2',
          occurred_at: new Date(),
          actor_user_id: null,
          actor_roles: [],
          kind: 'team.created',
          subject_type: null,
          subject_id: null,
          payload: '{}',
          request_id: null,
          prev_hash: Buffer.alloc(32),
          hash: Buffer.alloc(32),
        })
        .execute(),
    );
    // Refused either by the head trigger (B cannot see A's head) or by the policy's WITH CHECK, whichever runs first.
    await expect(intoA).rejects.toThrow(/row-level security|does not follow the head/);
    const inA = await system.selectFrom('audit_events').select('seq').where('society_id', '=', a).execute();
    expect(inA).toEqual([{ seq: '1' }]);
    const appended = await inSociety(app, b, (tx) => appendAuditEvent(tx, teamUpdated(1)));
    expect(appended.chainId).toBe(`society:${b}`);
    expect(appended.seq).toBe(1n);
  });

  it('gives the app role no way around the policies through a partition', async () => {
    const { rows } = await db.owner.query<{ name: string }>(
      `select inhrelid::regclass::text as name from pg_inherits where inhparent = 'audit_events'::regclass limit 1`,
    );
    const partition = rows[0]?.name ?? 'audit_events_default';
    await expect(db.app.query(`select * from ${partition}`)).rejects.toThrow(/permission denied/);
  });
});

describe('append-only tables', () => {
  async function societyWithOneEvent() {
    const society = await createSociety(db);
    await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(1)));
    return society;
  }

  it('refuses UPDATE and DELETE from the app and system roles (no privilege)', async () => {
    const society = await societyWithOneEvent();
    for (const pool of [db.app, db.system]) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('passage.society_id', $1, true)`, [society]);
        await expect(client.query(`update audit_events set kind = 'team.created'`)).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await client.query('rollback');
        client.release();
      }
      await expect(pool.query('delete from audit_events')).rejects.toThrow(/permission denied/);
      await expect(pool.query('delete from audit_reads')).rejects.toThrow(/permission denied/);
      await expect(pool.query('delete from audit_chain_heads')).rejects.toThrow(/permission denied/);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the owner, through the parent and through a partition', async () => {
    const society = await societyWithOneEvent();
    const client = await db.owner.connect();
    try {
      await client.query(`select set_config('passage.society_id', $1, false)`, [society]);
      const { rows } = await client.query<{ partition: string }>(
        `select tableoid::regclass::text as partition from audit_events where society_id = $1 limit 1`,
        [society],
      );
      const partition = rows[0]?.partition ?? 'missing';
      expect(partition).toMatch(/^audit_events_y\d{4}m\d{2}$/);
      const statements = [
        `update audit_events set kind = 'team.created' where society_id = '${society}'`,
        `delete from audit_events where society_id = '${society}'`,
        'truncate audit_events',
        `update ${partition} set kind = 'team.created' where society_id = '${society}'`,
        `delete from ${partition} where society_id = '${society}'`,
        `truncate ${partition}`,
        'truncate audit_reads',
        'delete from system_audit_events',
        'delete from audit_chain_heads',
      ];
      for (const statement of statements)
        await expect(client.query(statement)).rejects.toThrow(/append-only/);
    } finally {
      client.release(true);
    }
    expect((await verifyAudit(system)).ok).toBe(true);
  });

  it('refuses moving a chain head other than one event forward', async () => {
    const society = await societyWithOneEvent();
    const reset = inSociety(app, society, (tx) =>
      tx
        .updateTable('audit_chain_heads')
        .set({ seq: '0', hash: Buffer.alloc(32) })
        .where('society_id', '=', society)
        .execute(),
    );
    await expect(reset).rejects.toThrow(/only moves to the next event/);
  });
});
