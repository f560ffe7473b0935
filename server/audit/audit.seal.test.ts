import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRead } from '../../common/audit-events.ts';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { sealReads } from './audit.seal.ts';
import { asSuperuserWithoutTriggers, createSociety, handles } from './audit.test-support.ts';
import { verifyAudit } from './audit.verify.ts';
import { recordRead } from './audit.writer.ts';

let db: TestDatabase;
let app: Kysely<Database>;
let system: Kysely<Database>;
beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, system } = handles(db));
});
afterAll(() => db.close());

function caseRead(): AuditRead {
  return {
    actorUserId: randomUUID(),
    subjectType: 'case',
    subjectId: randomUUID(),
    fields: ['identity.name', 'situation'],
    purpose: 'case-work',
    requestId: 'req-read',
  };
}

function toRow(read: AuditRead, societyId: string) {
  return {
    society_id: societyId,
    actor_user_id: read.actorUserId ?? null,
    subject_type: read.subjectType,
    subject_id: read.subjectId,
    fields: read.fields,
    purpose: read.purpose ?? null,
    request_id: read.requestId ?? null,
  };
}

async function recordReads(societyId: string, n: number) {
  await inSociety(app, societyId, (tx) => recordRead(tx, Array.from({ length: n }, caseRead)));
}

async function chainOf(societyId: string) {
  const report = await verifyAudit(system);
  return { report, chain: report.chains.find((c) => c.chainId === `society:${societyId}`) };
}

describe('sealing the read log', () => {
  it('seals reads in batches into each society’s chain, and the sealed batches verify', async () => {
    const a = await createSociety(db, 'Society A');
    const b = await createSociety(db, 'Society B');
    await recordReads(a, 25);
    await recordReads(b, 3);
    const result = await sealReads(system, { batchSize: 10 });
    expect(result.settled).toBe(true);
    expect(result.batches.filter((s) => s.societyId === a).map((s) => s.count)).toEqual([10, 10, 5]);
    expect(result.batches.filter((s) => s.societyId === b).map((s) => s.count)).toEqual([3]);
    const { report, chain } = await chainOf(a);
    expect(report.ok).toBe(true);
    expect(chain).toMatchObject({ seals: 3, sealedReads: 25, unsealedReads: 0, problems: [] });
    const paged = await verifyAudit(system, { batchSize: 4 });
    expect(paged.chains.find((c) => c.chainId === `society:${a}`)).toMatchObject({
      sealedReads: 25,
      problems: [],
    });
  });

  it('seals only what is new on the next run, and nothing twice', async () => {
    const society = await createSociety(db);
    await recordReads(society, 4);
    await sealReads(system);
    expect((await sealReads(system)).batches.filter((s) => s.societyId === society)).toEqual([]);
    await recordReads(society, 2);
    expect(
      (await sealReads(system)).batches.filter((s) => s.societyId === society).map((s) => s.count),
    ).toEqual([2]);
    expect((await chainOf(society)).chain).toMatchObject({ seals: 2, sealedReads: 6, problems: [] });
  });

  it('waits for a reader that drew a lower id but commits later, instead of sealing around it', async () => {
    const society = await createSociety(db);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded = () => {};
    const inFlight = new Promise<void>((resolve) => (recorded = resolve));
    const slowReader = inSociety(app, society, async (tx) => {
      await recordRead(tx, caseRead());
      recorded();
      await held;
    });
    await inFlight;
    await recordReads(society, 1); // a higher id, committed first
    const early = await sealReads(system, { settleTimeoutMs: 200 });
    expect(early.settled).toBe(false);
    release();
    await slowReader;
    const late = await sealReads(system);
    expect(late.batches.filter((s) => s.societyId === society).map((s) => s.count)).toEqual([2]);
    expect((await chainOf(society)).chain?.problems).toEqual([]);
  });

  it('finds a sealed read that was changed afterwards, and names the seal', async () => {
    const society = await createSociety(db);
    await recordReads(society, 6);
    const [seal] = (await sealReads(system, { batchSize: 3 })).batches.filter((s) => s.societyId === society);
    await asSuperuserWithoutTriggers(
      db,
      `update audit_reads set fields = array['situation'] where society_id = $1 and id = $2`,
      [society, seal?.toId],
    );
    const { report, chain } = await chainOf(society);
    expect(report.ok).toBe(false);
    expect(chain?.firstBroken).toMatchObject({ seq: seal?.seq.toString(), kind: 'seal-mismatch' });
    expect(chain?.problems).toHaveLength(1);
  });

  it('finds a sealed read that was deleted afterwards', async () => {
    const society = await createSociety(db);
    await recordReads(society, 3);
    const [seal] = (await sealReads(system)).batches.filter((s) => s.societyId === society);
    await asSuperuserWithoutTriggers(db, 'delete from audit_reads where society_id = $1 and id = $2', [
      society,
      seal?.fromId,
    ]);
    expect((await chainOf(society)).chain?.firstBroken).toMatchObject({ kind: 'seal-mismatch' });
  });

  it('keeps a society’s reads out of another society’s transaction', async () => {
    const a = await createSociety(db, 'Society A');
    const b = await createSociety(db, 'Society B');
    await recordReads(a, 2);
    const seenByB = await inSociety(app, b, (tx) => tx.selectFrom('audit_reads').selectAll().execute());
    expect(seenByB).toEqual([]);
  });

  it('refuses a read whose fields hold a value rather than field names, in the code and in the database', async () => {
    const society = await createSociety(db);
    const read = { ...caseRead(), fields: ['Zeynep Testperson'] };
    await expect(inSociety(app, society, (tx) => recordRead(tx, read))).rejects.toThrow(/fields/);
    const direct = inSociety(app, society, (tx) =>
      tx
        .insertInto('audit_reads')
        .values({ ...toRow(caseRead(), society), fields: ['Zeynep Testperson'] })
        .execute(),
    );
    await expect(direct).rejects.toThrow(/check constraint/);
  });
});
