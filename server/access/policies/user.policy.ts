import { MemberAction } from '../../../common/users.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/** What the user policy needs to know about a member of the actor's current society. */
export type MemberTarget = {
  userId: string;
  /** Whether the account is also a member of another society or coordinates a network. */
  reachesBeyondSociety: boolean;
};

// Resetting a password or a second factor hands the account to whoever receives the temporary password: only
// safe when everything the account reaches is inside this administrator's society.
const accountTakeovers: ReadonlySet<MemberAction> = new Set(['reset-password', 'reset-mfa']);

/**
 * Why the actor may not take an action on a member, as a sentence safe to show, or undefined when they may.
 * SECURITY: nobody acts on their own membership or account through these actions, whatever roles they hold, so
 * an administrator can never raise their own privileges; they use their profile for their own password.
 */
export function memberActionRefusal(
  actor: Actor,
  target: MemberTarget,
  action: MemberAction,
): string | undefined {
  if (!hasAnyRole(actor, ['administrator'])) return 'Only an administrator can do this.';
  if (target.userId === actor.userId)
    return 'Nobody can change their own membership or account here: ask another administrator, or use your profile.';
  if (accountTakeovers.has(action) && target.reachesBeyondSociety)
    return 'This account is also used in another society or network: ask the operator of Passage to reset it.';
  return undefined;
}

/** The actions the actor may take on a member, for `allowedActions`. */
export function allowedUserActions(actor: Actor, target: MemberTarget): MemberAction[] {
  return MemberAction.options.filter((action) => memberActionRefusal(actor, target, action) === undefined);
}
