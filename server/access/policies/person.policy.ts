import type { PersonAction, PersonFieldGroup } from '../../../common/people.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/** What the person policy needs to know about a person record: who owns it and who is assigned. */
export type PersonAccessRecord = {
  owningTeamId: string | null;
  assignedCaseworkerIds: readonly string[];
};

/**
 * How the actor relates to a person (issue 5 §8): a focal point sees every person of the society; a caseworker
 * sees the people assigned to them and those of their teams; every other role sees none (they see the
 * pseudonymous code at most, where a later feature shows it).
 */
export type PersonAccess = 'none' | 'team' | 'assigned' | 'focal-point';

/** The actor's access to a person. SECURITY: the one place that decides who is in a person's case team. */
export function personAccess(actor: Actor, person: PersonAccessRecord): PersonAccess {
  if (hasAnyRole(actor, ['focal-point'])) return 'focal-point';
  if (!hasAnyRole(actor, ['caseworker'])) return 'none';
  if (person.assignedCaseworkerIds.includes(actor.userId)) return 'assigned';
  const teams = actor.society?.teamIds ?? [];
  if (person.owningTeamId !== null && teams.includes(person.owningTeamId)) return 'team';
  return 'none';
}

/**
 * Whether a level of access shows a field group. Special-category fields (gender, SOGIESC, health, migration
 * status) are restricted by field: the assigned caseworker and the focal points see them, the rest of the team not.
 */
export function maySeeGroup(access: PersonAccess, group: PersonFieldGroup): boolean {
  if (access === 'none') return false;
  return group !== 'special' || access === 'assigned' || access === 'focal-point';
}

const changeOf: Record<PersonFieldGroup, PersonAction> = {
  identity: 'change-identity',
  contact: 'change-contact',
  documents: 'change-documents',
  special: 'change-special',
};

/** The action that changes a field group. */
export function changeActionOf(group: PersonFieldGroup): PersonAction {
  return changeOf[group];
}

/** Why the actor may not take an action on a person they can see, as a sentence safe to show; undefined if they may. */
export function personActionRefusal(
  actor: Actor,
  person: PersonAccessRecord,
  action: PersonAction,
): string | undefined {
  const access = personAccess(actor, person);
  if (access === 'none') return 'Only the case team of this person can do this.';
  switch (action) {
    case 'change-identity':
    case 'change-contact':
    case 'change-documents':
    case 'record-consent':
    case 'withdraw-consent':
    case 'record-legal-basis':
    case 'check-share':
    case 'view-notice':
      return undefined;
    case 'change-special':
      return maySeeGroup(access, 'special')
        ? undefined
        : 'Only the assigned caseworker or a focal point can change special-category fields.';
    case 'assign':
    case 'decide-legal-basis':
      return access === 'focal-point' ? undefined : 'Only a focal point can do this.';
  }
}

/** The actions the actor may take on a person, for `allowedActions`. */
export function allowedPersonActions(
  actor: Actor,
  person: PersonAccessRecord,
  actions: readonly PersonAction[],
): PersonAction[] {
  return actions.filter((action) => personActionRefusal(actor, person, action) === undefined);
}
