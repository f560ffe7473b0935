import { z } from 'zod';
import { auditEventKinds, type AuditEventKind } from './audit-events.ts';
import { Role } from './roles.ts';

/** A date (`2025-03-01`, the whole day in UTC) or an instant with its offset (`2025-03-01T09:00:00Z`). */
export const AuditInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** GET /api/audit/events: filters (all optional, combined with AND) and the page. */
export const AuditEventQuery = z.strictObject({
  /** The record the event is about: a person record, a case, a user, a team… */
  subjectId: z.uuid().optional(),
  /** The user who did it. */
  actorUserId: z.uuid().optional(),
  kind: z.enum(auditEventKinds as [AuditEventKind, ...AuditEventKind[]]).optional(),
  /** From this instant on (a date means from the start of that day, UTC). */
  from: AuditInstant.optional(),
  /** Up to this instant, excluded (a date means up to the end of that day, UTC, included). */
  to: AuditInstant.optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
/** GET /api/audit/events: query parameters. */
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

/** One audit event as the data protection officer reads it: ids, codes and field names, never personal values. */
export const AuditEventView = z.object({
  seq: z.string(),
  occurredAt: z.iso.datetime(),
  kind: z.string(),
  actorUserId: z.uuid().nullable(),
  actorRoles: z.array(Role),
  subjectType: z.string().nullable(),
  subjectId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
/** One audit event as the data protection officer reads it. */
export type AuditEventView = z.infer<typeof AuditEventView>;

/** GET /api/audit/events: one page, newest first. */
export const AuditEventPage = z.object({ items: z.array(AuditEventView), nextCursor: z.string().nullable() });
/** GET /api/audit/events */
export type AuditEventPage = z.infer<typeof AuditEventPage>;

/** One thing found wrong in the society's audit chain. */
export const AuditChainProblem = z.object({
  seq: z.string().nullable(),
  kind: z.string(),
  detail: z.string(),
});
/** One thing found wrong in the society's audit chain. */
export type AuditChainProblem = z.infer<typeof AuditChainProblem>;

/**
 * GET /api/audit/status: the society's audit chain verified now: every event's hash and link, every seal of the
 * read log, the head, and the signed checkpoints found in the deployment's checkpoint folder.
 */
export const AuditStatus = z.object({
  ok: z.boolean(),
  checkedAt: z.iso.datetime(),
  events: z.number().int(),
  lastSeq: z.string(),
  lastEventAt: z.iso.datetime().nullable(),
  seals: z.number().int(),
  sealedReads: z.number().int(),
  unsealedReads: z.number().int(),
  checkpointsMatched: z.number().int(),
  /** Checkpoint lines in the folder that are unreadable or not signed by this deployment's key (any chain). */
  checkpointLinesRejected: z.number().int(),
  problems: z.array(AuditChainProblem),
});
/** GET /api/audit/status */
export type AuditStatus = z.infer<typeof AuditStatus>;
