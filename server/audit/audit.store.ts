import { sql } from 'kysely';
import { isAuditEventKind, type AuditEventKind } from '../../common/audit-events.ts';
import type { SocietyTx } from '../access/scope.ts';

/** An audit event as the data protection officer browses it. */
export type AuditEventRecord = {
  seq: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRoles: string[];
  kind: string;
  subjectType: string | null;
  subjectId: string | null;
  payload: unknown;
  requestId: string | null;
};

/** What to look for in a society's audit log; all filters are optional and combine with AND. */
export type AuditEventFilter = {
  subjectId?: string | undefined;
  actorUserId?: string | undefined;
  kind?: AuditEventKind | undefined;
  /** Events at or after this instant. */
  from?: Date | undefined;
  /** Events before this instant. */
  to?: Date | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
  limit: number;
};

/** One page of audit events, newest first. */
export type AuditEventPage = { items: AuditEventRecord[]; nextCursor: string | undefined };

/** Raised when a cursor was not issued by listAuditEvents. */
export class InvalidAuditCursorError extends Error {
  override name = 'InvalidAuditCursorError';
}

function seqFromCursor(cursor: string): string {
  const seq = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9][0-9]{0,18}$/.test(seq)) throw new InvalidAuditCursorError('This cursor is not valid.');
  return seq;
}

/**
 * Lists the society's audit events newest first, a page at a time, filtered by subject, actor, kind and time.
 * Time bounds let PostgreSQL skip whole monthly partitions.
 */
export async function listAuditEvents(tx: SocietyTx, filter: AuditEventFilter): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit), 1), 500);
  if (filter.kind !== undefined && !isAuditEventKind(filter.kind))
    return { items: [], nextCursor: undefined };
  let query = tx
    .selectFrom('audit_events')
    .select([
      'seq',
      'occurred_at',
      'actor_user_id',
      'actor_roles',
      'kind',
      'subject_type',
      'subject_id',
      'payload',
      'request_id',
    ])
    // Row-level security already limits this to the transaction's society; the predicate says so too.
    .where('society_id', '=', sql<string>`passage_current_society()`);
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.cursor) query = query.where('seq', '<', seqFromCursor(filter.cursor));
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((r) => ({
    seq: r.seq,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorRoles: r.actor_roles,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    payload: r.payload,
    requestId: r.request_id,
  }));
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? Buffer.from(last.seq, 'utf8').toString('base64url') : undefined;
  return { items, nextCursor };
}
