import type { Role, SocietyRole } from '../../common/roles.ts';

/** One society the user is a member of, with their roles and teams there. */
export type ActorMembership = {
  societyId: string;
  societyName: string;
  isDemo: boolean;
  roles: readonly SocietyRole[];
  teamIds: readonly string[];
  mfaOptionalRoles: readonly SocietyRole[];
};

/** Where a session is in signing in: only `active` sessions reach anything but the sign-in routes. */
export type SessionStage = 'password-change' | 'mfa' | 'mfa-enrolment' | 'active';

/**
 * Who is making a request, loaded from the database on every request (never from the cookie), so a revoked
 * role or session takes effect at once.
 */
export type Actor = {
  userId: string;
  sessionId: Buffer;
  stage: SessionStage;
  locale: string;
  /** The society the user is acting in, when they have a membership there. */
  society: ActorMembership | undefined;
  memberships: readonly ActorMembership[];
  /** Networks whose suppressed aggregates this user may read. */
  networkIds: readonly string[];
  csrfToken: string;
  stepUpAt: Date | null;
  isDemo: boolean;
};

/** The roles the actor holds in its current society (and `network-coordinator` when it coordinates a network). */
export function actorRoles(actor: Actor): ReadonlySet<Role> {
  const held = new Set<Role>(actor.society?.roles ?? []);
  if (actor.networkIds.length > 0) held.add('network-coordinator');
  return held;
}

/** Whether the actor holds any of the given roles in its current society. */
export function hasAnyRole(actor: Actor, wanted: readonly Role[]): boolean {
  const held = actorRoles(actor);
  return wanted.some((role) => held.has(role));
}

/** How long a step-up (a fresh second factor) stays valid for sensitive actions. */
export const stepUpWindowMs = 5 * 60_000;

/** Whether the actor confirmed a second factor recently enough for a sensitive action. */
export function hasFreshStepUp(actor: Actor, now = Date.now()): boolean {
  return actor.stepUpAt !== null && now - actor.stepUpAt.getTime() <= stepUpWindowMs;
}
