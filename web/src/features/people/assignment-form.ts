import type { Team } from '../../../../common/teams.ts';

/**
 * The colleagues a focal point may tick as the person's caseworkers: those already assigned, then the members of
 * the team chosen to own the record, each once, in that order. Passage does not show focal points colleagues'
 * names yet, so the screen labels them "you" or by their place in this list.
 */
export function assignmentCandidates(
  assigned: readonly string[],
  teamId: string,
  teams: readonly Pick<Team, 'id' | 'memberIds'>[],
): string[] {
  const members = teams.find((team) => team.id === teamId)?.memberIds ?? [];
  return [...new Set([...assigned, ...members])];
}

/** Whether the assignment on screen differs from the person's: another team, or other caseworkers ticked. */
export function assignmentChanged(
  person: { owningTeamId: string | null; assignedCaseworkerIds: readonly string[] },
  teamId: string,
  caseworkers: readonly string[],
): boolean {
  const before = new Set(person.assignedCaseworkerIds);
  return (
    teamId !== (person.owningTeamId ?? '') ||
    caseworkers.length !== before.size ||
    caseworkers.some((id) => !before.has(id))
  );
}
