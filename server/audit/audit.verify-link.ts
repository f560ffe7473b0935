import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { eventHash } from './audit.hash.ts';

/** What can be wrong with a chain. */
export type AuditProblemKind =
  | 'seq-gap'
  | 'duplicate-seq'
  | 'prev-hash-mismatch'
  | 'hash-mismatch'
  | 'head-mismatch'
  | 'seal-mismatch'
  | 'checkpoint-mismatch'
  | 'truncated';

/** One thing found wrong, named by chain and seq (null when it concerns the chain as a whole). */
export type AuditProblem = { chainId: string; seq: string | null; kind: AuditProblemKind; detail: string };

/** An event row as verification reads it. */
export type EventRow = {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_roles: string[];
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  payload: unknown;
  request_id: string | null;
  prev_hash: Buffer;
  hash: Buffer;
  /** The exact stored time as text, for the page cursor, and whether it is finer than the milliseconds hashed. */
  cursor_at: string;
  finer_than_ms: boolean;
};

/** Streams a chain in seq order, one page at a time, so a long chain is never held in memory. */
export async function* streamChain(db: Kysely<Database>, societyId: string | undefined, batchSize: number) {
  const from = societyId
    ? sql`audit_events where society_id = ${societyId} and`
    : sql`system_audit_events where`;
  let cursor = sql`true`;
  for (;;) {
    const { rows } = await sql<EventRow>`
      select seq, occurred_at, actor_user_id, actor_roles, kind, subject_type, subject_id, payload,
             request_id, prev_hash, hash, occurred_at::text as cursor_at,
             date_trunc('milliseconds', occurred_at) <> occurred_at as finer_than_ms
      from ${from} ${cursor} order by seq, occurred_at limit ${batchSize}`.execute(db);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    cursor = sql`(seq, occurred_at) > (${last.seq}::bigint, ${last.cursor_at}::timestamptz)`;
  }
}

/** Checks one event against its predecessor; returns what is wrong, if anything. */
export function checkLink(
  chainId: string,
  expected: { seq: bigint; prevHash: Buffer },
  row: EventRow,
): Omit<AuditProblem, 'chainId' | 'seq'> | undefined {
  const seq = BigInt(row.seq);
  if (seq < expected.seq)
    return {
      kind: 'duplicate-seq',
      detail: `a second event ${row.seq} (or one out of order) follows event ${expected.seq - 1n}`,
    };
  if (seq > expected.seq)
    return { kind: 'seq-gap', detail: `events ${expected.seq}–${seq - 1n} are missing before this one` };
  if (!row.prev_hash.equals(expected.prevHash))
    return {
      kind: 'prev-hash-mismatch',
      detail: `its prev_hash is not the hash of event ${seq - 1n}: one of the two was altered`,
    };
  if (row.finer_than_ms)
    return {
      kind: 'hash-mismatch',
      detail: 'its time was changed: it is finer than the milliseconds that were hashed',
    };
  let recomputed: Buffer | undefined;
  try {
    recomputed = eventHash(row.prev_hash, {
      chainId,
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
  } catch {
    recomputed = undefined;
  }
  if (!recomputed?.equals(row.hash))
    return {
      kind: 'hash-mismatch',
      detail: 'the stored hash is not the hash of the row: its columns were changed',
    };
  return undefined;
}
