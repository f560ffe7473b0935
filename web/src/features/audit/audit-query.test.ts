import { describe, expect, it } from 'vitest';
import { auditQueryOf, noFilters } from './audit-query.ts';

const id = '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c';

describe('the audit filters', () => {
  it('asks for the whole log when nothing is filtered', () => {
    expect(auditQueryOf(noFilters, 'UTC')).toEqual({ query: {} });
  });

  it('turns a range of days into instants from the society’s midnight to the midnight after the last day', () => {
    const result = auditQueryOf({ ...noFilters, from: '2025-07-01', to: '2025-07-31' }, 'Europe/Amsterdam');
    expect(result).toEqual({
      query: { from: '2025-06-30T22:00:00.000Z', to: '2025-07-31T22:00:00.000Z' },
    });
  });

  it('passes a record id, a member and a kind as they are', () => {
    const draft = {
      ...noFilters,
      subjectId: ` ${id.toUpperCase()} `,
      actorUserId: id,
      kind: 'user.signed-in',
    };
    expect(auditQueryOf(draft, 'UTC')).toEqual({
      query: { subjectId: id, actorUserId: id, kind: 'user.signed-in' },
    });
  });

  it('refuses a record id that is not an id (a name typed by mistake) and a range that ends before it starts', () => {
    expect(auditQueryOf({ ...noFilters, subjectId: 'Jane Doe' }, 'UTC')).toEqual({
      issues: [{ field: 'subjectId', reason: 'not-an-id' }],
    });
    expect(auditQueryOf({ ...noFilters, from: '2025-07-02', to: '2025-07-01' }, 'UTC')).toEqual({
      issues: [{ field: 'to', reason: 'before-from' }],
    });
  });

  it('refuses a kind that is not in the catalogue', () => {
    expect(auditQueryOf({ ...noFilters, kind: 'user.teleported' }, 'UTC')).toEqual({
      issues: [{ field: 'kind', reason: 'unknown-kind' }],
    });
  });
});
