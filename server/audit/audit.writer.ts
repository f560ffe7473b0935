import { sql, type Kysely } from 'kysely';
import {
  AuditRead,
  parseAuditEvent,
  type AuditEventFields,
  type AuditEventInput,
} from '../../common/audit-events.ts';
import type { SocietyTx } from '../access/scope.ts';
import type { Database } from '../db/schema.ts';
import { eventHash, genesisHash, societyChainId, type ChainedEvent } from './audit.hash.ts';
import { canonicalJson } from './canonical-json.ts';

/** Where an appended event landed in its chain. */
export type AppendedAuditEvent = { chainId: string; seq: bigint; hash: Buffer; occurredAt: Date };

/** A chain head, held under a row lock until the transaction ends. */
export type LockedHead = { societyId: string | undefined; seq: bigint; hash: Buffer };

/** The columns of a new event, hashed onto the locked head, ready to insert. */
export type ChainRow = {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_roles: string[];
  kind: string;
  subject_type: string | null;
  subject_id: string | null;
  payload: string;
  request_id: string | null;
  prev_hash: Buffer;
  hash: Buffer;
};

const currentSociety = sql<string>`passage_current_society()`;

/** Computes the next event of a chain from its locked head; the time is taken now, under the lock. */
export function nextChainRow(
  chainId: string,
  head: LockedHead,
  fields: AuditEventFields,
  occurredAt: Date = new Date(),
): ChainRow {
  const event: ChainedEvent = {
    chainId,
    seq: head.seq + 1n,
    occurredAt,
    actorUserId: fields.actorUserId,
    actorRoles: fields.actorRoles,
    kind: fields.kind,
    subjectType: fields.subjectType,
    subjectId: fields.subjectId,
    payload: fields.payload,
    requestId: fields.requestId,
  };
  return {
    seq: event.seq.toString(),
    occurred_at: event.occurredAt,
    actor_user_id: event.actorUserId,
    actor_roles: fields.actorRoles,
    kind: event.kind,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    // Stored as the very text that was hashed; jsonb keeps its values, so verification re-derives the same bytes.
    payload: canonicalJson(fields.payload),
    request_id: event.requestId,
    prev_hash: head.hash,
    hash: eventHash(head.hash, event),
  };
}

/**
 * Locks the head of the transaction's society chain (FOR UPDATE), creating it at seq 0 on the society's first
 * event. SECURITY: this lock, not max(seq)+1, is what keeps concurrent writers from forking the chain; the
 * insert trigger refuses any event that does not follow the head as a second line.
 */
export async function lockSocietyChainHead(tx: SocietyTx): Promise<LockedHead & { societyId: string }> {
  const select = () =>
    tx
      .selectFrom('audit_chain_heads')
      .select(['society_id', 'seq', 'hash'])
      .where('society_id', '=', currentSociety)
      .forUpdate()
      .executeTakeFirst();
  let head = await select();
  if (!head) {
    const { rows } = await sql<{
      society: string | null;
    }>`select passage_current_society() as society`.execute(tx);
    if (!rows[0]?.society) throw new Error('Audit events of a society are written inside inSociety(…).');
    await tx
      .insertInto('audit_chain_heads')
      .values({ society_id: currentSociety, seq: '0', hash: genesisHash })
      .onConflict((oc) => oc.column('society_id').doNothing())
      .execute();
    head = await select();
  }
  if (!head) throw new Error('The audit chain head of this society cannot be locked.');
  return { societyId: head.society_id, seq: BigInt(head.seq), hash: head.hash };
}

/**
 * Appends an event to the society chain, in the caller's transaction so that the change and its audit record
 * commit or fail together. The head stays locked until that transaction ends, so call this as the last write.
 */
export async function appendAuditEvent(tx: SocietyTx, event: AuditEventInput): Promise<AppendedAuditEvent> {
  const fields = parseAuditEvent(event);
  const head = await lockSocietyChainHead(tx);
  const chainId = societyChainId(head.societyId);
  const row = nextChainRow(chainId, head, fields);
  await tx
    .insertInto('audit_events')
    .values({ society_id: head.societyId, ...row })
    .execute();
  return { chainId, seq: BigInt(row.seq), hash: row.hash, occurredAt: row.occurred_at };
}

/**
 * Records audited reads of case content in the read log: one cheap insert, no lock and no chain; the
 * `audit:seal-reads` job later seals them into the society chain under a Merkle root.
 */
export async function recordRead(tx: SocietyTx, read: AuditRead | readonly AuditRead[]): Promise<void> {
  const reads = (Array.isArray(read) ? read : [read]) as readonly AuditRead[];
  if (reads.length === 0) return;
  const rows = reads.map((r) => {
    const p = AuditRead.parse(r);
    return {
      society_id: currentSociety,
      actor_user_id: p.actorUserId ?? null,
      subject_type: p.subjectType,
      subject_id: p.subjectId,
      fields: p.fields,
      purpose: p.purpose ?? null,
      request_id: p.requestId ?? null,
    };
  });
  await tx.insertInto('audit_reads').values(rows).execute();
}

/** A Kysely handle that may or may not already be a transaction. */
export type MaybeTransaction = Kysely<Database>;

/** Runs `work` in the given transaction, or opens one when given a plain handle. */
export function withTransaction<T>(
  db: MaybeTransaction,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
