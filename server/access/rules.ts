import type { Role } from '../../common/roles.ts';
import type { SessionStage } from './actor.ts';

/**
 * The access rule every route declares in its `config.access`. A route without one makes the app refuse to
 * start, and the route-inventory test lists every route an anonymous caller can reach.
 */
export type RouteAccess =
  /** Anyone, signed in or not: sign-in, health, the demo account list. */
  | { kind: 'public' }
  /** A session part-way through signing in (password change, MFA, enrolment), or a full one. */
  | { kind: 'signing-in'; stages: readonly SessionStage[] }
  /**
   * Any fully signed-in user, whatever their memberships: their own profile and sessions; `stepUp` asks for a
   * fresh factor (new recovery codes).
   */
  | { kind: 'signed-in'; stepUp: boolean }
  /** A member of the current society holding one of `roles` (or any role); `stepUp` asks for a fresh factor. */
  | { kind: 'society'; roles: readonly Role[] | 'any'; stepUp: boolean }
  /** The configured metrics scraper, by bearer token; anyone else gets 404. */
  | { kind: 'scraper' };

/** Builders for route access rules, so a route table reads as a list of who may call what. */
export const access = {
  public: { kind: 'public' } as const satisfies RouteAccess,
  scraper: { kind: 'scraper' } as const satisfies RouteAccess,
  signedIn: { kind: 'signed-in', stepUp: false } as const satisfies RouteAccess,
  signedInWithStepUp: { kind: 'signed-in', stepUp: true } as const satisfies RouteAccess,
  signingIn: (...stages: SessionStage[]): RouteAccess => ({ kind: 'signing-in', stages }),
  anyMember: { kind: 'society', roles: 'any', stepUp: false } as const satisfies RouteAccess,
  roles: (...roles: Role[]): RouteAccess => ({ kind: 'society', roles, stepUp: false }),
  rolesWithStepUp: (...roles: Role[]): RouteAccess => ({ kind: 'society', roles, stepUp: true }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (server/access/rules.ts). */
    access?: RouteAccess;
  }
}
