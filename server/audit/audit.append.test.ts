import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { listAuditEvents } from './audit.store.ts';
import { ensureAuditPartitions } from './audit.tasks.ts';
import { createSociety, handles, insertEventDated, teamUpdated } from './audit.test-support.ts';
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

describe('appending to a society chain', () => {
  it('appends events in the caller’s transaction and the chain verifies', async () => {
    const society = await createSociety(db);
    for (let i = 1; i <= 5; i += 1) {
      const appended = await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(i)));
      expect(appended.seq).toBe(BigInt(i));
    }
    const page = await inSociety(app, society, (tx) => listAuditEvents(tx, { limit: 10 }));
    expect(page.items.map((e) => e.seq)).toEqual(['5', '4', '3', '2', '1']);
    expect(page.items[0]).toMatchObject({ kind: 'team.updated', subjectType: 'team', requestId: 'req-5' });
    const report = await verifyAudit(system);
    expect(report.ok).toBe(true);
    expect(report.chains.find((c) => c.chainId === `society:${society}`)).toMatchObject({
      events: 5,
      lastSeq: '5',
    });
  });

  it('verifies a chain in pages smaller than the chain, in seq order past seq 9', async () => {
    const society = await createSociety(db);
    for (let i = 1; i <= 12; i += 1)
      await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(i)));
    const report = await verifyAudit(system, { batchSize: 5 });
    expect(report.chains.find((c) => c.chainId === `society:${society}`)).toMatchObject({
      events: 12,
      lastSeq: '12',
      problems: [],
    });
  });

  it('leaves neither an event nor a gap when the transaction rolls back', async () => {
    const society = await createSociety(db);
    await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(1)));
    await expect(
      inSociety(app, society, async (tx) => {
        await appendAuditEvent(tx, teamUpdated(2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const appended = await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(3)));
    expect(appended.seq).toBe(2n);
    expect((await verifyAudit(system)).ok).toBe(true);
  });

  it('refuses a payload carrying a field the catalogue does not know, such as a name', async () => {
    const society = await createSociety(db);
    const event = { ...teamUpdated(1), payload: { fields: ['name'], name: 'Zeynep Testperson' } };
    // @ts-expect-error: the catalogue's types refuse the field before the runtime check does
    await expect(inSociety(app, society, (tx) => appendAuditEvent(tx, event))).rejects.toThrow(/name/);
    const page = await inSociety(app, society, (tx) => listAuditEvents(tx, { limit: 10 }));
    expect(page.items).toEqual([]);
  });

  it('refuses to append outside a society transaction', async () => {
    await expect(app.transaction().execute((tx) => appendAuditEvent(tx, teamUpdated(1)))).rejects.toThrow(
      /inSociety/,
    );
  });

  it('refuses, in the database, an event that does not follow the chain head', async () => {
    const society = await createSociety(db);
    await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(1)));
    const forked = inSociety(app, society, (tx) =>
      tx
        .insertInto('audit_events')
        .values({
          society_id: society,
          seq: '1',
          occurred_at: new Date(),
          actor_user_id: null,
          actor_roles: [],
          kind: 'team.created',
          subject_type: null,
          subject_id: null,
          payload: '{}',
          request_id: null,
          prev_hash: Buffer.alloc(32),
          hash: Buffer.alloc(32, 1),
        })
        .execute(),
    );
    await expect(forked).rejects.toThrow(/does not follow the head/);
  });

  it('pages through events newest first and filters by subject, actor and kind', async () => {
    const society = await createSociety(db);
    const events = Array.from({ length: 7 }, (_, i) => teamUpdated(i + 1));
    for (const e of events) await inSociety(app, society, (tx) => appendAuditEvent(tx, e));
    const first = await inSociety(app, society, (tx) => listAuditEvents(tx, { limit: 3 }));
    const second = await inSociety(app, society, (tx) =>
      listAuditEvents(tx, { limit: 3, cursor: first.nextCursor }),
    );
    expect(first.items.map((e) => e.seq)).toEqual(['7', '6', '5']);
    expect(second.items.map((e) => e.seq)).toEqual(['4', '3', '2']);
    const bySubject = await inSociety(app, society, (tx) =>
      listAuditEvents(tx, { limit: 10, subjectId: events[2]?.subjectId ?? undefined }),
    );
    expect(bySubject.items.map((e) => e.seq)).toEqual(['3']);
    const byActor = await inSociety(app, society, (tx) =>
      listAuditEvents(tx, { limit: 10, actorUserId: events[4]?.actorUserId ?? undefined }),
    );
    expect(byActor.items.map((e) => e.seq)).toEqual(['5']);
    const byKind = await inSociety(app, society, (tx) =>
      listAuditEvents(tx, { limit: 10, kind: 'team.created' }),
    );
    expect(byKind.items).toEqual([]);
    const future = await inSociety(app, society, (tx) =>
      listAuditEvents(tx, { limit: 10, from: new Date(Date.now() + 60_000) }),
    );
    expect(future.items).toEqual([]);
  });
});

describe('monthly partitions', () => {
  it('creates months ahead idempotently, and an event dated next month lands in its partition', async () => {
    expect([await ensureAuditPartitions(system, 6), await ensureAuditPartitions(system, 6)]).toEqual([9, 0]);
    const next = new Date();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const partition = `audit_events_y${next.getUTCFullYear()}m${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
    const society = await createSociety(db);
    await insertEventDated(app, society, new Date(next.getTime() + 3_600_000));
    const { rows } = await db.owner.query<{ n: string }>(
      `select count(*)::text as n from ${partition} where society_id = $1`,
      [society],
    );
    expect(rows[0]?.n).toBe('1');
    expect((await verifyAudit(system)).ok).toBe(true);
  });

  it('keeps an event dated beyond the created months in the DEFAULT partition', async () => {
    const society = await createSociety(db);
    await insertEventDated(app, society, new Date(Date.UTC(new Date().getUTCFullYear() + 5, 0, 15)));
    const { rows } = await db.owner.query<{ n: string }>(
      'select count(*)::text as n from audit_events_default where society_id = $1',
      [society],
    );
    expect(rows[0]?.n).toBe('1');
    expect((await verifyAudit(system)).ok).toBe(true);
  });
});
