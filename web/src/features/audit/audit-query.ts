import { z } from 'zod';
import { AuditEventQuery } from '../../../../common/audit-log.ts';
import { nextDate, startOfDayIn } from './time-zone.ts';

/** The audit filters as typed in the form: a record id, a member, a kind and a range of dates. */
export type AuditFilterDraft = {
  subjectId: string;
  actorUserId: string;
  kind: string;
  from: string;
  to: string;
};

/** No filter at all: the whole log, newest first. */
export const noFilters: AuditFilterDraft = { subjectId: '', actorUserId: '', kind: '', from: '', to: '' };

/** A problem with one field of the filters: its field and why. */
export type FilterIssue = {
  field: keyof AuditFilterDraft;
  reason: 'not-an-id' | 'not-a-date' | 'before-from' | 'unknown-kind';
};

/**
 * The query for GET /api/audit/events from the filters: the dates are whole days in the society's time zone
 * (from its midnight to the midnight after the last day), checked with the server's own schema.
 */
export function auditQueryOf(
  draft: AuditFilterDraft,
  timeZone: string,
): { query: AuditEventQuery } | { issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const subjectId = draft.subjectId.trim().toLowerCase();
  if (subjectId && !z.uuid().safeParse(subjectId).success)
    issues.push({ field: 'subjectId', reason: 'not-an-id' });
  const from = draft.from ? startOfDayIn(draft.from, timeZone) : undefined;
  const to = draft.to ? startOfDayIn(nextDate(draft.to), timeZone) : undefined;
  if (draft.from && !from) issues.push({ field: 'from', reason: 'not-a-date' });
  if (draft.to && !to) issues.push({ field: 'to', reason: 'not-a-date' });
  if (from && to && from >= to) issues.push({ field: 'to', reason: 'before-from' });
  if (issues.length > 0) return { issues };
  const parsed = AuditEventQuery.safeParse({
    ...(subjectId ? { subjectId } : {}),
    ...(draft.actorUserId ? { actorUserId: draft.actorUserId } : {}),
    ...(draft.kind ? { kind: draft.kind } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
  });
  if (parsed.success) return { query: parsed.data };
  return { issues: [{ field: 'kind', reason: 'unknown-kind' }] };
}
