import { OrganisationAction, ServiceAction } from '../../../common/directory.ts';
import type { Role } from '../../../common/roles.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/**
 * The restricted tier of the directory: who sees confidential organisations and services (shelters). Caseworkers
 * and focal points refer people to them. Everyone else (volunteers, coordinators, trainers, the data protection
 * officer, and the administrator, who sees "no case content") sees only what is not confidential.
 * SECURITY: a shelter's existence and address can endanger the people in it; widen this tier only with care.
 */
const restrictedTier: readonly Role[] = ['caseworker', 'focal-point'];

/**
 * Who keeps the directory: PRODUCT.md gives the focal point alone to "keep the referral directory"; the
 * administrator manages users, teams and configuration, not the referral pathways.
 */
const keepers: readonly Role[] = ['focal-point'];

/** A directory entry as the policy sees it: only whether it is confidential matters. */
export type DirectoryEntry = { isConfidential: boolean };

/** Whether the actor sees confidential directory entries (the restricted tier). */
export function seesConfidentialEntries(actor: Actor): boolean {
  return hasAnyRole(actor, restrictedTier);
}

/**
 * Whether the actor may see an organisation: any member of its society sees it unless it is confidential.
 * SECURITY: an entry the actor may not see is answered 404 and never listed.
 */
export function canSeeOrganisation(actor: Actor, organisation: DirectoryEntry): boolean {
  if (actor.society === undefined) return false;
  return !organisation.isConfidential || seesConfidentialEntries(actor);
}

/** Whether the actor may see a service: both it and its organisation must be visible to them. */
export function canSeeService(actor: Actor, service: DirectoryEntry, organisation: DirectoryEntry): boolean {
  return canSeeOrganisation(actor, organisation) && canSeeOrganisation(actor, service);
}

/** The actions the actor may take on an organisation it can see, for `allowedActions`. */
export function allowedOrganisationActions(actor: Actor, organisation: DirectoryEntry): OrganisationAction[] {
  if (!canSeeOrganisation(actor, organisation) || !hasAnyRole(actor, keepers)) return [];
  return [...OrganisationAction.options];
}

/** The actions the actor may take on a service it can see, for `allowedActions`. */
export function allowedServiceActions(
  actor: Actor,
  service: DirectoryEntry,
  organisation: DirectoryEntry,
): ServiceAction[] {
  if (!canSeeService(actor, service, organisation) || !hasAnyRole(actor, keepers)) return [];
  return [...ServiceAction.options];
}

/** Whether the actor may add organisations to the directory. */
export function canAddOrganisations(actor: Actor): boolean {
  return actor.society !== undefined && hasAnyRole(actor, keepers);
}
