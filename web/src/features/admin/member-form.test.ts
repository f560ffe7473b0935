import { describe, expect, it } from 'vitest';
import { emptyMemberDraft, inRoleOrder, newMemberBody, sameRoles } from './member-form.ts';

const filled = {
  ...emptyMemberDraft,
  email: '  test.member.alpha@example.invalid ',
  displayName: 'Test Member Alpha',
  roles: ['trainer', 'coordinator'],
};

describe('the add-member form', () => {
  it('sends the trimmed e-mail, the name and the roles, and no language or teams when none were chosen', () => {
    const parsed = newMemberBody(filled);
    expect(parsed.success && parsed.data).toEqual({
      email: 'test.member.alpha@example.invalid',
      displayName: 'Test Member Alpha',
      roles: ['trainer', 'coordinator'],
    });
  });

  it('sends the chosen language and teams', () => {
    const teamId = '00000000-0000-4000-8000-00000000000a';
    const parsed = newMemberBody({ ...filled, locale: 'ar', teamIds: [teamId] });
    expect(parsed.success && parsed.data).toMatchObject({ locale: 'ar', teamIds: [teamId] });
  });

  it('names each field that is missing or wrong, as the server would', () => {
    const parsed = newMemberBody({ ...emptyMemberDraft, email: 'not an address', displayName: '   ' });
    const fields = parsed.error?.issues.map((issue) => issue.path[0]);
    expect(new Set(fields)).toEqual(new Set(['email', 'displayName', 'roles']));
  });

  it('refuses the network coordinator role, which a network gives and a society cannot', () => {
    const parsed = newMemberBody({ ...filled, roles: ['network-coordinator'] });
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual(['roles']);
  });
});

describe('roles as a set', () => {
  it('puts chosen roles in the order of the roles table, each once', () => {
    expect(inRoleOrder(['administrator', 'volunteer', 'administrator', 'unknown'])).toEqual([
      'volunteer',
      'administrator',
    ]);
  });

  it('compares two sets of roles whatever their order', () => {
    expect(sameRoles(['dpo', 'trainer'], ['trainer', 'dpo'])).toBe(true);
    expect(sameRoles(['dpo'], ['dpo', 'trainer'])).toBe(false);
  });
});
