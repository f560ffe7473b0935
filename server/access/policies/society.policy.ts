import type { SocietyAction } from '../../../common/societies.ts';
import { hasAnyRole, type Actor } from '../actor.ts';

/** The actions the actor may take on its current society's profile: administrators change the settings. */
export function allowedSocietyActions(actor: Actor): SocietyAction[] {
  return hasAnyRole(actor, ['administrator']) ? ['change-settings'] : [];
}
