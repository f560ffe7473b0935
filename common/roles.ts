import { z } from 'zod';

/** The eight roles of PRODUCT.md. A membership holds one or more of them in one society. */
export const roles = [
  'volunteer',
  'caseworker',
  'focal-point',
  'coordinator',
  'trainer',
  'dpo',
  'administrator',
  'network-coordinator',
] as const;

/** One of the eight roles. */
export const Role = z.enum(roles);
/** One of the eight roles. */
export type Role = z.infer<typeof Role>;

/** Roles held through a society membership (the network coordinator's comes from a network). */
export const societyRoles = roles.filter((r) => r !== 'network-coordinator');

/** A role that can be granted in a society. */
export const SocietyRole = z.enum(societyRoles as unknown as readonly [Exclude<Role, 'network-coordinator'>]);
/** A role that can be granted in a society. */
export type SocietyRole = z.infer<typeof SocietyRole>;

/**
 * Roles that see no personal data of the people Passage helps. A society may relax multi-factor sign-in only
 * for these (PRODUCT.md: coordinators and trainers see aggregates and personnel records, never a person).
 */
export const rolesWithoutPersonalData: readonly SocietyRole[] = ['coordinator', 'trainer'];

/** The roles that form a case team and may see identity. */
export const caseTeamRoles: readonly SocietyRole[] = ['caseworker', 'focal-point'];
