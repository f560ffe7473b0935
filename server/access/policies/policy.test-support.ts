import type { SocietyRole } from '../../../common/roles.ts';
import type { Actor } from '../actor.ts';

/** The user the policy tests act as, unless they name another. */
export const testUserId = '11111111-1111-4111-8111-111111111111';

/** A signed-in actor of a test society holding these roles, for the pure policy tests (no database). */
export function actorWith(
  roles: SocietyRole[],
  {
    teamIds = [],
    societyId = '33333333-3333-4333-8333-333333333333',
  }: { teamIds?: string[]; societyId?: string } = {},
): Actor {
  return {
    userId: testUserId,
    sessionId: Buffer.alloc(32),
    stage: 'active',
    locale: 'en',
    society: { societyId, societyName: 'Test Society', isDemo: false, roles, teamIds, mfaOptionalRoles: [] },
    memberships: [],
    networkIds: [],
    csrfToken: 'x',
    stepUpAt: null,
    isDemo: false,
  };
}
