import { Locale } from '../../../common/auth.ts';
import type { Member } from '../../../common/users.ts';
import type { ServiceContext } from '../../access/context.ts';
import { allowedUserActions } from '../../access/policies/user.policy.ts';
import type { MemberRecord } from './users.store.ts';

/** A member as the API shows it: e-mail and name decrypted, with what the actor may do to them. */
export function presentMember(ctx: ServiceContext, member: MemberRecord): Member {
  return {
    id: member.userId,
    displayName: ctx.accountKeys.open(member.userId, 'display_name', member.displayNameEnc),
    email: ctx.accountKeys.open(member.userId, 'email', member.emailEnc),
    roles: member.roles,
    teamIds: member.teamIds,
    mfaEnrolled: member.mfaEnrolled,
    status: member.status,
    locale: Locale.catch('en').parse(member.locale),
    version: member.version,
    allowedActions: allowedUserActions(ctx.actor, member),
  };
}
