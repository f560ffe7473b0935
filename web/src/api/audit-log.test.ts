import { describe, expect, it } from 'vitest';
import { auditEventsPath } from './audit-log.ts';

describe('the address of a page of the audit log', () => {
  it('asks for the whole log without a query string when nothing is filtered', () => {
    expect(auditEventsPath({})).toBe('/api/audit/events');
  });

  it('carries only the filters that are set, encoded, in a fixed order', () => {
    const path = auditEventsPath({
      to: '2025-07-31T22:00:00.000Z',
      kind: 'user.signed-in',
      subjectId: '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
      cursor: '',
      limit: 50,
    });
    expect(path).toBe(
      '/api/audit/events?subjectId=3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c&kind=user.signed-in&to=2025-07-31T22%3A00%3A00.000Z&limit=50',
    );
  });
});
