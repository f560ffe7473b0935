import { TeamAction } from '../../../common/teams.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/** The actions the actor may take on a team of its society, for `allowedActions`: administrators manage teams. */
export function allowedTeamActions(actor: Actor): TeamAction[] {
  return hasAnyRole(actor, ['administrator']) ? [...TeamAction.options] : [];
}
