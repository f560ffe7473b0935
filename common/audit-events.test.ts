import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AuditRead,
  auditEventCatalogue,
  auditEventKinds,
  parseAuditEvent,
  type AuditEventInput,
} from './audit-events.ts';

const personalValues = [
  'Zeynep Testperson',
  '1990-04-01',
  'zeynep@example.org',
  '+90 555 000 0000',
  'Rue 12',
];
const userId = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11';

describe('the audit event catalogue', () => {
  it('has the kinds the audit issue names', () => {
    const named = [
      'society.created',
      'user.created',
      'user.signed-in',
      'user.sign-in-failed',
      'user.signed-out',
      'user.locked-out',
      'session.revoked',
      'mfa.enrolled',
      'mfa.reset',
      'mfa.recovery-code-used',
      'password.changed',
      'password.reset',
      'membership.granted',
      'membership.revoked',
      'team.created',
      'team.updated',
      'settings.changed',
      'key.rotated',
      'audit.reads-sealed',
      'audit.checkpoint-written',
      'data.exported',
    ];
    // Later issues add kinds; these must stay.
    expect(auditEventKinds).toEqual(expect.arrayContaining(named));
  });

  it.each(auditEventKinds)('refuses an unknown field in a %s payload', (kind) => {
    const result = auditEventCatalogue[kind].payload.safeParse({ name: 'Zeynep Testperson' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });

  it.each(auditEventKinds)('accepts no personal value in any field of a %s payload', (kind) => {
    const shape = auditEventCatalogue[kind].payload.shape as Record<string, z.ZodType>;
    for (const [field, schema] of Object.entries(shape)) {
      for (const value of personalValues) {
        expect({ field, value, ok: schema.safeParse(value).success }).toEqual({ field, value, ok: false });
        expect({ field, value, ok: schema.safeParse([value]).success }).toEqual({ field, value, ok: false });
      }
    }
  });
});

describe('parseAuditEvent', () => {
  it('derives the subject type from the kind and lower-cases ids', () => {
    const fields = parseAuditEvent({
      kind: 'membership.granted',
      subjectId: userId,
      actorUserId: userId,
      actorRoles: ['administrator'],
      payload: { userId, roles: ['caseworker'] },
    });
    expect(fields).toMatchObject({
      subjectType: 'membership',
      subjectId: userId.toLowerCase(),
      actorUserId: userId.toLowerCase(),
      payload: { userId: userId.toLowerCase(), roles: ['caseworker'] },
      requestId: null,
    });
  });

  it('refuses an unknown kind, a subject on a kind without one, and a role that is not a role', () => {
    const unknownKind = { kind: 'case.viewed', payload: {} } as unknown as AuditEventInput;
    expect(() => parseAuditEvent(unknownKind)).toThrow(/Unknown audit event kind/);
    const sealWithSubject: AuditEventInput = {
      kind: 'audit.checkpoint-written',
      subjectId: userId,
      payload: { chains: 1, destinations: ['file'] },
    };
    expect(() => parseAuditEvent(sealWithSubject)).toThrow(/have no subject/);
    const badRole = {
      kind: 'team.created',
      actorRoles: ['Zeynep'],
      payload: {},
    } as unknown as AuditEventInput;
    expect(() => parseAuditEvent(badRole)).toThrow();
  });

  it('refuses a request id holding free text', () => {
    expect(() =>
      parseAuditEvent({ kind: 'team.created', requestId: 'Zeynep Testperson', payload: {} }),
    ).toThrow();
  });
});

describe('audited reads', () => {
  it('take field names and a purpose code, never values or free text', () => {
    const read = { subjectType: 'case', subjectId: userId, fields: ['identity.name'], purpose: 'case-work' };
    expect(AuditRead.safeParse(read).success).toBe(true);
    for (const value of personalValues) {
      expect(AuditRead.safeParse({ ...read, fields: [value] }).success).toBe(false);
      expect(AuditRead.safeParse({ ...read, purpose: value }).success).toBe(false);
    }
    expect(AuditRead.safeParse({ ...read, fields: [] }).success).toBe(false);
  });
});
