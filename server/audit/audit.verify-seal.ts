import type { Kysely } from 'kysely';
import { auditEventCatalogue } from '../../common/audit-events.ts';
import type { Database } from '../db/schema.ts';
import { merkleAccumulator, readLeafHash } from './audit.hash.ts';
import { readColumns, toReadRow } from './audit.seal.ts';

/** Why a seal does not match the read log, or undefined when it does. */
export type SealCheck =
  { ok: true; toId: bigint; count: number } | { ok: false; toId: bigint | undefined; detail: string };

/**
 * Recomputes one `audit.reads-sealed` event from the read log: the reads after the previous seal up to `toId`
 * must be exactly `count` rows starting at `fromId`, with the same Merkle root. Reads are streamed in batches.
 */
export async function checkSeal(
  systemDb: Kysely<Database>,
  seal: { societyId: string; payload: unknown; previousToId: bigint; batchSize: number },
): Promise<SealCheck> {
  const parsed = auditEventCatalogue['audit.reads-sealed'].payload.safeParse(seal.payload);
  if (!parsed.success) return { ok: false, toId: undefined, detail: 'the seal payload is malformed' };
  const { fromId, toId, count, merkleRoot } = parsed.data;
  const to = BigInt(toId);
  if (BigInt(fromId) <= seal.previousToId || to < BigInt(fromId))
    return {
      ok: false,
      toId: to,
      detail: `the seal covers ids ${fromId}–${toId}, overlapping an earlier seal`,
    };
  const tree = merkleAccumulator();
  let first: string | undefined;
  let after = seal.previousToId;
  for (;;) {
    const rows = await systemDb
      .selectFrom('audit_reads')
      .select(readColumns)
      .where('society_id', '=', seal.societyId)
      .where('id', '>', after.toString())
      .where('id', '<=', toId)
      .orderBy('id')
      .limit(seal.batchSize)
      .execute();
    for (const row of rows) tree.add(readLeafHash(toReadRow(row)));
    first ??= rows[0]?.id;
    const last = rows.at(-1);
    if (!last || rows.length < seal.batchSize) break;
    after = BigInt(last.id);
  }
  if (tree.count() !== count)
    return {
      ok: false,
      toId: to,
      detail: `the seal counts ${count} reads up to id ${toId}, the read log now has ${tree.count()}`,
    };
  if (first !== fromId)
    return {
      ok: false,
      toId: to,
      detail: `the seal starts at read ${fromId}, the read log at ${first ?? 'nothing'}`,
    };
  if (tree.root().toString('hex') !== merkleRoot)
    return {
      ok: false,
      toId: to,
      detail: `a read with an id from ${fromId} to ${toId} was changed after it was sealed`,
    };
  return { ok: true, toId: to, count };
}
