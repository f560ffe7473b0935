import { describe, expect, it } from 'vitest';
import { actorWith as actorOf, testUserId } from './policy.test-support.ts';
import { PersonAction, type PersonFieldGroup } from '../../../common/people.ts';
import type { SocietyRole } from '../../../common/roles.ts';
import type { Actor } from '../actor.ts';
import { legalBasisDecisionRefusal, mayReviewConsentQuality, mayReviewLegalBases } from './consent.policy.ts';
import { allowedPersonActions, maySeeGroup, personAccess, type PersonAccess } from './person.policy.ts';

const me = testUserId;
const colleague = '22222222-2222-4222-8222-222222222222';
const myTeam = '33333333-3333-4333-8333-333333333333';
const otherTeam = '44444444-4444-4444-8444-444444444444';

/** An actor of the test society with these roles, in my team unless told otherwise. */
function actorWith(roles: SocietyRole[], teamIds: string[] = [myTeam]): Actor {
  return actorOf(roles, { teamIds, societyId: '55555555-5555-4555-8555-555555555555' });
}

const assignedToMe = { owningTeamId: otherTeam, assignedCaseworkerIds: [me] };
const ofMyTeam = { owningTeamId: myTeam, assignedCaseworkerIds: [colleague] };
const elsewhere = { owningTeamId: otherTeam, assignedCaseworkerIds: [colleague] };

describe('the person policy', () => {
  it.each([
    { roles: ['caseworker'], person: assignedToMe, access: 'assigned' },
    { roles: ['caseworker'], person: ofMyTeam, access: 'team' },
    { roles: ['caseworker'], person: elsewhere, access: 'none' },
    { roles: ['caseworker'], person: { owningTeamId: null, assignedCaseworkerIds: [] }, access: 'none' },
    { roles: ['focal-point'], person: elsewhere, access: 'focal-point' },
    { roles: ['caseworker', 'focal-point'], person: elsewhere, access: 'focal-point' },
    ...(['volunteer', 'coordinator', 'trainer', 'dpo', 'administrator'] as const).map((role) => ({
      roles: [role],
      person: assignedToMe,
      access: 'none',
    })),
  ] as { roles: SocietyRole[]; person: typeof assignedToMe; access: PersonAccess }[])(
    'gives $roles access $access',
    ({ roles, person, access }) => {
      expect(personAccess(actorWith(roles), person)).toBe(access);
    },
  );

  it.each([
    { access: 'assigned', visible: ['identity', 'contact', 'documents', 'special'] },
    { access: 'focal-point', visible: ['identity', 'contact', 'documents', 'special'] },
    { access: 'team', visible: ['identity', 'contact', 'documents'] },
    { access: 'none', visible: [] },
  ] as { access: PersonAccess; visible: PersonFieldGroup[] }[])(
    'shows $access the groups $visible',
    ({ access, visible }) => {
      const groups: PersonFieldGroup[] = ['identity', 'contact', 'documents', 'special'];
      expect(groups.filter((g) => maySeeGroup(access, g))).toEqual(visible);
    },
  );

  it('lets the assigned caseworker do all but assign and decide; a teammate not change special fields', () => {
    const all = PersonAction.options;
    expect(allowedPersonActions(actorWith(['caseworker']), assignedToMe, all)).toEqual(
      all.filter((a) => a !== 'assign' && a !== 'decide-legal-basis'),
    );
    expect(allowedPersonActions(actorWith(['caseworker']), ofMyTeam, all)).toEqual(
      all.filter((a) => a !== 'assign' && a !== 'decide-legal-basis' && a !== 'change-special'),
    );
    expect(allowedPersonActions(actorWith(['focal-point']), elsewhere, all)).toEqual(all);
    expect(allowedPersonActions(actorWith(['coordinator']), assignedToMe, all)).toEqual([]);
  });
});

describe('the consent policy', () => {
  it.each([
    { roles: ['focal-point'], vital: true, obligation: false, review: false, quality: true },
    { roles: ['dpo'], vital: false, obligation: true, review: true, quality: false },
    { roles: ['caseworker'], vital: false, obligation: false, review: false, quality: false },
    { roles: ['administrator'], vital: false, obligation: false, review: false, quality: false },
  ] as { roles: SocietyRole[]; vital: boolean; obligation: boolean; review: boolean; quality: boolean }[])(
    'lets $roles decide vital interest ($vital) and legal obligations ($obligation)',
    ({ roles, vital, obligation, review, quality }) => {
      const actor = actorWith(roles);
      expect(legalBasisDecisionRefusal(actor, 'vital-interest') === undefined).toBe(vital);
      expect(legalBasisDecisionRefusal(actor, 'public-interest') === undefined).toBe(vital);
      expect(legalBasisDecisionRefusal(actor, 'legal-obligation') === undefined).toBe(obligation);
      expect(mayReviewLegalBases(actor)).toBe(review);
      expect(mayReviewConsentQuality(actor)).toBe(quality);
    },
  );
});
