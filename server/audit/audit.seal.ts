import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { inSociety, type SocietyTx } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { merkleAccumulator, readLeafHash, type ReadRow } from './audit.hash.ts';
import { appendAuditEvent, lockSocietyChainHead } from './audit.writer.ts';

/** How the sealing job works through the read log. */
export type SealOptions = {
  /** Reads per `audit.reads-sealed` event (one Merkle root each). */
  batchSize?: number;
  /** How long to wait for transactions that may still commit reads before giving up until the next run. */
  settleTimeoutMs?: number;
};

/** One sealed batch: the society's chain now holds its Merkle root. */
export type SealedBatch = { societyId: string; fromId: string; toId: string; count: number; seq: bigint };

/** What one sealing run did; `settled` is false when a long transaction kept it from sealing anything. */
export type SealResult = { settled: boolean; upToId: string; batches: SealedBatch[] };

/** The read-log columns that go into a Merkle leaf, in the order verification reads them too. */
export const readColumns = [
  'society_id',
  'id',
  'occurred_at',
  'actor_user_id',
  'subject_type',
  'subject_id',
  'fields',
  'purpose',
  'request_id',
] as const;

/** Maps a read-log row to the shape its Merkle leaf is computed from. */
export function toReadRow(row: {
  society_id: string;
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  subject_type: string;
  subject_id: string;
  fields: string[];
  purpose: string | null;
  request_id: string | null;
}): ReadRow {
  return {
    societyId: row.society_id,
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    fields: row.fields,
    purpose: row.purpose,
    requestId: row.request_id,
  };
}

/**
 * The highest read id below which every read is final (committed or rolled back), or undefined if a transaction
 * that might still commit one did not end in time. Reads take their transaction id before their row id (column
 * order in the table), so every reader that drew an id up to the sequence's last value is in the snapshot taken
 * just after reading it; once all of that snapshot's transactions have ended, no read with a lower id can appear.
 */
export async function settledReadId(db: Kysely<Database>, timeoutMs: number): Promise<bigint | undefined> {
  const { rows } = await sql<{
    last_value: string;
    is_called: boolean;
  }>`select last_value::text, is_called from audit_reads_id_seq`.execute(db);
  const sequence = rows[0];
  if (!sequence?.is_called) return 0n;
  const snapshot = await sql<{ xid: string }>`
    select x::text as xid from pg_snapshot_xip(pg_current_snapshot()) as x`.execute(db);
  let pending = snapshot.rows.map((r) => r.xid);
  const deadline = Date.now() + timeoutMs;
  while (pending.length > 0) {
    const still = await sql<{ xid: string }>`
      select x::text as xid from unnest(${pending}::xid8[]) as x where pg_xact_status(x) = 'in progress'`.execute(
      db,
    );
    pending = still.rows.map((r) => r.xid);
    if (pending.length === 0) break;
    if (Date.now() > deadline) return undefined;
    await sleep(50);
  }
  return BigInt(sequence.last_value);
}

/** The last read id already sealed into this society's chain (0 before the first seal). */
export async function lastSealedReadId(tx: SocietyTx, societyId: string): Promise<bigint> {
  const row = await tx
    .selectFrom('audit_events')
    .select(sql<string>`payload->>'toId'`.as('to_id'))
    .where('society_id', '=', societyId)
    .where('kind', '=', 'audit.reads-sealed')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? BigInt(row.to_id) : 0n;
}

async function sealBatch(
  systemDb: Kysely<Database>,
  societyId: string,
  options: { upTo: bigint; batchSize: number },
): Promise<SealedBatch | undefined> {
  return inSociety(systemDb, societyId, async (tx) => {
    const unsealed = (after: bigint) =>
      tx
        .selectFrom('audit_reads')
        .select(readColumns)
        .where('society_id', '=', societyId)
        .where('id', '>', after.toString())
        .where('id', '<=', options.upTo.toString())
        .orderBy('id')
        .limit(options.batchSize)
        .execute();
    if ((await unsealed(await lastSealedReadId(tx, societyId))).length === 0) return undefined;
    // Under the chain head's lock no other sealer can seal the same reads; look again now that we hold it.
    await lockSocietyChainHead(tx);
    const rows = await unsealed(await lastSealedReadId(tx, societyId));
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) return undefined;
    const tree = merkleAccumulator();
    for (const row of rows) tree.add(readLeafHash(toReadRow(row)));
    const payload = {
      fromId: first.id,
      toId: last.id,
      count: rows.length,
      merkleRoot: tree.root().toString('hex'),
    };
    const appended = await appendAuditEvent(tx, { kind: 'audit.reads-sealed', payload });
    return { societyId, fromId: first.id, toId: last.id, count: rows.length, seq: appended.seq };
  });
}

/**
 * Seals the read log into the society chains: for each society, the reads after its last seal, in batches, each
 * batch's Merkle root appended to the chain as an `audit.reads-sealed` event. The reads themselves are never
 * touched. Runs as the system role (the `audit:seal-reads` job).
 */
export async function sealReads(systemDb: Kysely<Database>, options: SealOptions = {}): Promise<SealResult> {
  // Inside a transaction holding an id, the sealer would wait for itself (see settledReadId).
  if (systemDb.isTransaction) throw new Error('sealReads runs outside any transaction.');
  const batchSize = options.batchSize ?? 10_000;
  const upTo = await settledReadId(systemDb, options.settleTimeoutMs ?? 10_000);
  if (upTo === undefined) return { settled: false, upToId: '0', batches: [] };
  const batches: SealedBatch[] = [];
  if (upTo === 0n) return { settled: true, upToId: '0', batches };
  const societies = await systemDb.selectFrom('societies').select('id').orderBy('id').execute();
  for (const { id } of societies) {
    for (;;) {
      const batch = await sealBatch(systemDb, id, { upTo, batchSize });
      if (!batch) break;
      batches.push(batch);
      if (batch.count < batchSize) break;
    }
  }
  return { settled: true, upToId: upTo.toString(), batches };
}
