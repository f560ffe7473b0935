import { describe, expect, it } from 'vitest';
import type { SocietyRole } from '../../../common/roles.ts';
import { actorWith, testUserId } from './policy.test-support.ts';
import { allowedSocietyActions } from './society.policy.ts';
import { allowedTeamActions } from './team.policy.ts';
import { allowedUserActions, memberActionRefusal } from './user.policy.ts';

const me = testUserId;
const colleague = '22222222-2222-4222-8222-222222222222';

const everything = ['change-roles', 'remove', 'reset-password', 'reset-mfa', 'sign-out-everywhere'];
const others: SocietyRole[] = ['volunteer', 'caseworker', 'focal-point', 'coordinator', 'trainer', 'dpo'];

describe('the user policy', () => {
  it.each([
    { roles: ['administrator'], target: colleague, beyond: false, expected: everything },
    {
      roles: ['administrator'],
      target: colleague,
      beyond: true,
      expected: ['change-roles', 'remove', 'sign-out-everywhere'],
    },
    { roles: ['administrator'], target: me, beyond: false, expected: [] },
    { roles: ['administrator', 'dpo'], target: me, beyond: true, expected: [] },
    ...others.map((role) => ({ roles: [role], target: colleague, beyond: false, expected: [] })),
    ...others.map((role) => ({ roles: [role], target: me, beyond: false, expected: [] })),
  ] as { roles: SocietyRole[]; target: string; beyond: boolean; expected: string[] }[])(
    'lets $roles act on $target (shared account: $beyond) with $expected',
    ({ roles, target, beyond, expected }) => {
      expect(allowedUserActions(actorWith(roles), { userId: target, reachesBeyondSociety: beyond })).toEqual(
        expected,
      );
    },
  );

  it('tells an administrator acting on themself why, whatever the action', () => {
    for (const action of everything)
      expect(
        memberActionRefusal(
          actorWith(['administrator']),
          { userId: me, reachesBeyondSociety: false },
          action as 'remove',
        ),
      ).toMatch(/own membership/);
  });
});

describe('the team and society policies', () => {
  it.each([
    { roles: ['administrator'], team: ['rename', 'change-members'], society: ['change-settings'] },
    ...others.map((role) => ({ roles: [role], team: [], society: [] })),
  ] as { roles: SocietyRole[]; team: string[]; society: string[] }[])(
    'lets $roles manage teams ($team) and the settings ($society)',
    ({ roles, team, society }) => {
      expect(allowedTeamActions(actorWith(roles))).toEqual(team);
      expect(allowedSocietyActions(actorWith(roles))).toEqual(society);
    },
  );

  it('gives nothing to a user acting without a society', () => {
    const actor = { ...actorWith([]), society: undefined };
    expect(allowedTeamActions(actor)).toEqual([]);
    expect(allowedSocietyActions(actor)).toEqual([]);
    expect(allowedUserActions(actor, { userId: colleague, reachesBeyondSociety: false })).toEqual([]);
  });
});
