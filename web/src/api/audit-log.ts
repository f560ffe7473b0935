import { AuditEventPage, AuditStatus, type AuditEventQuery } from '../../../common/audit-log.ts';
import { apiRequest } from './client.ts';

/**
 * One page of the society's audit log, newest first. The filters are ids, a kind and instants (never a name or
 * a search term), so they may travel in the query string of this request; the screen's address never has them.
 */
export function browseAuditLog(query: AuditEventQuery) {
  return apiRequest(auditEventsPath(query), AuditEventPage);
}

/** The address of one page of the audit log: the filters that are set, in a fixed order, and nothing else. */
export function auditEventsPath(query: AuditEventQuery): string {
  const params = new URLSearchParams();
  for (const name of ['subjectId', 'actorUserId', 'kind', 'from', 'to', 'cursor', 'limit'] as const) {
    const value = query[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `/api/audit/events?${search}` : '/api/audit/events';
}

/** Verifies the society's audit chain now (as `passage audit verify` does) and reports what it found. */
export function getAuditStatus() {
  return apiRequest('/api/audit/status', AuditStatus);
}
