import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { inSociety } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { checkpointKey } from './audit.checkpoint.ts';
import { writeCheckpoints } from './audit.checkpoint-write.ts';
import { eventHash, genesisHash } from './audit.hash.ts';
import { asSuperuserWithoutTriggers, createSociety, handles, teamUpdated } from './audit.test-support.ts';
import { verifyAudit } from './audit.verify.ts';
import { appendAuditEvent } from './audit.writer.ts';
import { appendSystemAuditEvent } from './system-audit.ts';

let db: TestDatabase;
let app: Kysely<Database>;
let system: Kysely<Database>;
const rootKey = randomBytes(32);
beforeAll(async () => {
  db = await createTestDatabase();
  ({ app, system } = handles(db));
});
afterAll(() => db.close());

async function societyWithEvents(n: number): Promise<string> {
  const society = await createSociety(db);
  for (let i = 1; i <= n; i += 1) await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(i)));
  return society;
}

function checkpointDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'passage-checkpoints-'));
}

async function verifyWith(dir?: string) {
  return verifyAudit(system, {
    checkpointSources: dir ? [dir] : [],
    trustedKeys: [checkpointKey(rootKey).publicKey],
  });
}

function chain(report: Awaited<ReturnType<typeof verifyAudit>>, societyId: string) {
  return report.chains.find((c) => c.chainId === `society:${societyId}`);
}

/** As a superuser: replaces event `fromSeq`'s payload and re-hashes it and every later event and the head. */
async function rewriteAndRehash(societyId: string, fromSeq: number, payload: object) {
  const client = await db.superuser();
  try {
    await client.query('set session_replication_role = replica');
    const { rows } = await client.query(
      `select seq, occurred_at, actor_user_id, actor_roles, kind, subject_type, subject_id, payload, request_id,
              hash from audit_events where society_id = $1 order by seq`,
      [societyId],
    );
    let prev = genesisHash;
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq >= BigInt(fromSeq)) {
        if (seq === BigInt(fromSeq)) row.payload = payload;
        row.hash = eventHash(prev, {
          chainId: `society:${societyId}`,
          seq,
          occurredAt: row.occurred_at,
          actorUserId: row.actor_user_id,
          actorRoles: row.actor_roles,
          kind: row.kind,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          payload: row.payload,
          requestId: row.request_id,
        });
        await client.query(
          'update audit_events set payload = $3, prev_hash = $4, hash = $5 where society_id = $1 and seq = $2',
          [societyId, row.seq, JSON.stringify(row.payload), prev, row.hash],
        );
      }
      prev = row.hash;
    }
    await client.query('update audit_chain_heads set hash = $2 where society_id = $1', [societyId, prev]);
  } finally {
    await client.end();
  }
}

describe('tampering with a chain', () => {
  it('names the chain and seq of an event whose payload the owner changed behind the trigger', async () => {
    const untouched = await societyWithEvents(3);
    const society = await societyWithEvents(5);
    const owner = await db.owner.connect();
    try {
      await owner.query(`select set_config('passage.society_id', $1, false)`, [society]);
      const { rows } = await owner.query<{ partition: string }>(
        'select tableoid::regclass::text as partition from audit_events where seq = 3',
      );
      const partition = rows[0]?.partition ?? 'missing';
      await owner.query(`alter table ${partition} disable trigger user`);
      await owner.query(
        `update ${partition} set payload = '{"fields": ["name", "dateOfBirth"]}' where society_id = $1 and seq = 3`,
        [society],
      );
      await owner.query(`alter table ${partition} enable trigger user`);
    } finally {
      owner.release(true);
    }
    const report = await verifyWith();
    expect(report.ok).toBe(false);
    expect(chain(report, society)?.firstBroken).toMatchObject({
      chainId: `society:${society}`,
      seq: '3',
      kind: 'hash-mismatch',
    });
    expect(chain(report, society)?.problems).toHaveLength(1);
    expect(chain(report, untouched)?.problems).toEqual([]);
  });

  it('names the event after a deleted one as a gap', async () => {
    const society = await societyWithEvents(4);
    await asSuperuserWithoutTriggers(db, 'delete from audit_events where society_id = $1 and seq = 2', [
      society,
    ]);
    const report = await verifyWith();
    expect(chain(report, society)?.firstBroken).toMatchObject({ seq: '3', kind: 'seq-gap' });
  });

  it('finds a deleted last event from the chain head', async () => {
    const society = await societyWithEvents(5);
    await asSuperuserWithoutTriggers(db, 'delete from audit_events where society_id = $1 and seq = 5', [
      society,
    ]);
    const report = await verifyWith();
    expect(chain(report, society)?.firstBroken).toMatchObject({ seq: '5', kind: 'truncated' });
  });

  it('finds a truncated chain through a checkpoint, even when the head was moved back to match', async () => {
    const society = await societyWithEvents(5);
    const dir = checkpointDir();
    await writeCheckpoints(system, { rootKey, dir });
    await asSuperuserWithoutTriggers(db, 'delete from audit_events where society_id = $1 and seq > 3', [
      society,
    ]);
    await asSuperuserWithoutTriggers(
      db,
      `update audit_chain_heads h set seq = 3, hash = e.hash from audit_events e
        where h.society_id = $1 and e.society_id = $1 and e.seq = 3`,
      [society],
    );
    // Without the checkpoint nothing inside the database shows it: that is what checkpoints are for.
    expect(chain(await verifyWith(), society)?.problems).toEqual([]);
    const report = await verifyWith(dir);
    expect(report.ok).toBe(false);
    expect(chain(report, society)?.firstBroken).toMatchObject({ seq: '5', kind: 'truncated' });
  });

  it('finds a rewritten and re-hashed chain through a checkpoint, after the last one that matches', async () => {
    const society = await societyWithEvents(3);
    const dir = checkpointDir();
    await writeCheckpoints(system, { rootKey, dir });
    for (let i = 4; i <= 6; i += 1)
      await inSociety(app, society, (tx) => appendAuditEvent(tx, teamUpdated(i)));
    await writeCheckpoints(system, { rootKey, dir });
    await rewriteAndRehash(society, 5, { fields: ['name'] });
    expect(chain(await verifyWith(), society)?.problems).toEqual([]);
    const broken = chain(await verifyWith(dir), society)?.firstBroken;
    expect(broken).toMatchObject({ seq: '6', kind: 'checkpoint-mismatch' });
    expect(broken?.detail).toContain('after seq 3');
  });

  it('names an event whose time was moved by less than the millisecond that was hashed', async () => {
    const society = await societyWithEvents(3);
    await asSuperuserWithoutTriggers(
      db,
      `update audit_events set occurred_at = occurred_at + interval '1 microsecond' where society_id = $1 and seq = 2`,
      [society],
    );
    const report = await verifyAudit(system, { batchSize: 2 });
    expect(chain(report, society)?.firstBroken).toMatchObject({ seq: '2', kind: 'hash-mismatch' });
    expect(chain(report, society)?.events).toBe(3);
  });

  it('names the system chain when one of its events was changed', async () => {
    for (let i = 0; i < 3; i += 1)
      await appendSystemAuditEvent(app, {
        kind: 'user.signed-in',
        subjectId: teamUpdated(i).actorUserId,
        payload: {},
      });
    await asSuperuserWithoutTriggers(
      db,
      `update system_audit_events set payload = '{"stage": "active"}' where seq = 2`,
    );
    const report = await verifyWith();
    expect(report.chains.find((c) => c.chainId === 'system')?.firstBroken).toMatchObject({
      seq: '2',
      kind: 'hash-mismatch',
    });
  });
});
